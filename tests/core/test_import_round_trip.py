"""Import the corpus → export → import into an empty database: the same contacts come back.

The 1,000 plain cards of LargeFile.vcf are left out to keep this fast; the format tests cover them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.exporting import ExportService
from netdesk.core.importing import ImportService
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from tests.formats.test_corpus_and_round_trip import ROUND_TRIP_FIELDS

# The same fields as the file round trip, except the revision (not part of this comparison).
FIELDS = tuple(f for f in ROUND_TRIP_FIELDS if f != "revision")


def _people(contacts: ContactService) -> list[tuple]:
    people = []
    for contact in Contact.select(Contact.id).order_by(Contact.id):
        draft = contacts.load(contact.id)
        methods = sorted(
            (m.kind, m.value, m.label, m.service, m.preferred, m.parts) for m in draft.methods
        )
        people.append(
            (
                draft.display_name,
                *(getattr(draft, f) for f in FIELDS),
                tuple(draft.tags),
                tuple(methods),
            )
        )
    return sorted(people, key=repr)


@pytest.mark.parametrize("fmt", ["vcard", "vcard3"])
def test_corpus_survives_export_and_reimport(
    corpus_files: list[Path], tmp_path: Path, fmt: str
) -> None:
    changes = Changes()
    contacts = ContactService(changes)
    importer = ImportService(contacts, changes)
    open_database(tmp_path / "first.db")
    try:
        files = [p for p in corpus_files if "LargeFile" not in p.name]  # keeps it fast
        importer.apply(importer.plan(files))
        first = _people(contacts)
        text = ExportService(contacts).export(fmt)
    finally:
        close_database()
    open_database(tmp_path / "second.db")
    try:
        plan = importer.plan_data(text.encode(), "export.vcf")
        assert not plan.errors and not plan.matches and plan.combined == 0
        importer.apply(plan)
        assert len(first) > 60
        assert _people(contacts) == first
    finally:
        close_database()
