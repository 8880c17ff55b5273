"""The one interaction logger: last-contacted moves forward only, deletes recompute it."""

from __future__ import annotations

from datetime import datetime

import pytest

from netdesk.core.interactions import delete_interaction, log_interaction, timeline
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact


def test_log_moves_last_contacted_forward_only(services):
    seen: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: seen.append((topic, ids)))
    cid = services.contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))
    newer = datetime(2026, 3, 2, 9, 0)
    older = datetime(2025, 1, 5, 9, 0)
    log_interaction(services.changes, cid, occurred_at=newer, channel="coffee", summary="Latte")
    log_interaction(services.changes, cid, occurred_at=older, channel="email")
    assert Contact.get_by_id(cid).last_contacted_at == newer
    assert [row.channel for row in timeline(cid)] == ["coffee", "email"]
    assert ("interactions", frozenset({cid})) in seen


def test_delete_recomputes_last_contacted(services):
    cid = services.contacts.create(ContactDraft(given_name="Ana"))
    first = log_interaction(services.changes, cid, occurred_at=datetime(2026, 1, 1))
    second = log_interaction(services.changes, cid, occurred_at=datetime(2026, 2, 1))
    delete_interaction(services.changes, second)
    assert Contact.get_by_id(cid).last_contacted_at == datetime(2026, 1, 1)
    delete_interaction(services.changes, first)
    assert Contact.get_by_id(cid).last_contacted_at is None


def test_unknown_channel_is_refused(services):
    cid = services.contacts.create(ContactDraft(given_name="Ana"))
    with pytest.raises(ValueError, match="unknown channel"):
        log_interaction(services.changes, cid, channel="telepathy")


def test_followup_create_announces_and_refuses_unknown_reason(services):
    seen: list[str] = []
    services.changes.subscribe(lambda topic, ids: seen.append(topic))
    cid = services.contacts.create(ContactDraft(given_name="Ana"))
    services.followups.create(cid, datetime(2026, 12, 1, 9), reason="thank")
    assert "followups" in seen
    with pytest.raises(ValueError, match="unknown reason"):
        services.followups.create(cid, datetime(2026, 12, 1), reason="nag")
