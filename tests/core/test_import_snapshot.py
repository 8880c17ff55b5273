"""Merge snapshots: every field of a draft survives JSON and back."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from netdesk.core import import_snapshot
from netdesk.formats.draft import ContactDraft, MethodDraft


def test_a_full_draft_comes_back_from_its_snapshot() -> None:
    draft = ContactDraft(
        given_name="Jürgen",
        family_name="Müller",
        display_name="Jürgen Müller",
        organisation="Bosch",
        birthday=date(1604, 2, 3),
        cadence_days=30,
        met_at=4,
        photo=b"\x89PNG\x00",
        tags=["Data", "berlin"],
        methods=[
            MethodDraft(
                "address", "Street 1, Berlin", "home", parts=("", "", "Street 1", "Berlin")
            ),
            MethodDraft("profile", "https://x.com/jm", service="x", preferred=True),
        ],
        uid="urn:uuid:1",
        is_group=True,
        members=["mailto:a@b.example"],
        connected_on=date(2024, 3, 12),
        source="vcard",
    )
    text = import_snapshot.to_json(draft)
    assert import_snapshot.from_json(text) == draft
    expected = asdict(draft) | {"photo": "iVBORwA=", "birthday": "1604-02-03"}
    expected |= {"connected_on": "2024-03-12"}
    assert json.loads(text) == json.loads(json.dumps(expected))
