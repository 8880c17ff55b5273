"""The sync state the window shows and settling a conflict (core/sync_desk.py)."""

from __future__ import annotations

import base64
from datetime import date, datetime

import pytest

from netdesk.core import sync_accounts, sync_desk
from netdesk.core.event_draft import EventDraft
from netdesk.core.interactions import log_interaction
from netdesk.core.sync_conflicts import open_conflicts
from netdesk.formats.draft import ContactDraft
from netdesk.store import sync_triggers
from netdesk.store.models import Contact, SyncCard, SyncConflict
from tests.sync.conflicts import add_conflicts


@pytest.fixture
def ana(services) -> int:
    """Ana, a Chef here and a Cook on the server: her title in conflict."""
    ana = services.contacts.create(ContactDraft(given_name="Ana", title="Chef"))
    add_conflicts(ana, ("title", "Chef", "Cook"))
    return ana


def test_no_account_no_state(services) -> None:
    assert sync_desk.state() is None


def test_state_counts_what_waits_to_be_sent_and_the_open_conflicts(services) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana"))
    ben = services.contacts.create(ContactDraft(given_name="Ben"))
    services.contacts.create(ContactDraft(given_name="Cy"))
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    SyncCard.create(account=account.id, contact=ana, href="/a.vcf", etag="1", vcard="")
    SyncCard.create(account=account.id, contact=ben, href="/b.vcf", etag="1", vcard="", dirty=True)
    SyncCard.create(account=account.id, contact=None, href="/gone.vcf", etag="1", vcard="")
    add_conflicts(ana, ("title", "Chef", "Cook"))
    sync_accounts.record_result(account, "wrong password")

    state = sync_desk.state()

    assert state is not None
    assert (state.url, state.user, state.address_book) == (
        "http://dav.test/",
        "alice",
        "/alice/book/",
    )
    assert state.pending == 3  # Cy never synced, Ben changed, one deleted for good
    assert state.conflicts == 1
    assert state.last_error == "wrong password"
    assert state.last_sync_at is None


def test_follow_ups_and_events_wait_only_with_a_task_list_and_a_calendar(services) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana"))
    services.followups.create(ana, datetime(2026, 3, 20), reason="thank")
    services.events.create(EventDraft(name="PyCon", starts_at=datetime(2026, 3, 10, 9)))
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    SyncCard.create(account=account.id, contact=ana, href="/a.vcf", etag="1", vcard="")

    assert _pending() == 0  # neither kind syncs: nothing of theirs waits
    sync_accounts.set_calendar(account, "/alice/events/")
    assert _pending() == 1
    sync_accounts.set_task_list(account, "/alice/tasks/")
    assert _pending() == 2


def test_logging_an_interaction_leaves_the_card_waiting_for_nothing(services, clock) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana"))
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    SyncCard.create(account=account.id, contact=ana, href="/a.vcf", etag="1", vcard="")
    log_interaction(services.changes, ana, occurred_at=datetime(2026, 3, 10, 9), channel="call")

    assert Contact.get_by_id(ana).last_contacted_at == datetime(2026, 3, 10, 9)
    assert _pending() == 0  # its last-contacted time moved: not on the card
    services.contacts.update(ana, ContactDraft(given_name="Ana", title="Chef"))
    assert _pending() == 1


def test_every_contact_column_but_last_contacted_marks_the_card() -> None:
    columns = {field.column_name for field in Contact._meta.sorted_fields}
    assert columns == {*sync_triggers.CONTACT_COLUMNS, *sync_triggers.NOT_ON_CARD}


def _pending() -> int:
    state = sync_desk.state()
    assert state is not None
    return state.pending


def test_taking_the_servers_value_changes_the_contact_and_undo_reopens(services, ana) -> None:
    settled = sync_desk.settle(services.contacts, ana, "title", take_server=True)

    assert services.contacts.load(ana).title == "Cook"
    assert open_conflicts() == []
    sync_desk.unsettle(services.contacts, settled)
    assert services.contacts.load(ana).title == "Chef"
    assert [c.field for c in open_conflicts()] == ["title"]


def test_keeping_netdesks_value_leaves_the_contact(services, ana) -> None:
    settled = sync_desk.settle(services.contacts, ana, "title", take_server=False)

    assert services.contacts.load(ana).title == "Chef"
    assert settled.before == settled.after
    assert SyncConflict.get().resolved_at is not None


def test_values_come_back_as_the_field_holds_them() -> None:
    photo = b"\x89PNG\r\n"
    assert sync_desk.field_value("birthday", "1990-04-02") == date(1990, 4, 2)
    assert sync_desk.field_value("photo", {"base64": base64.b64encode(photo).decode()}) == photo
    assert sync_desk.field_value("photo", None) is None
    assert sync_desk.field_value("cadence_days", 30) == 30
