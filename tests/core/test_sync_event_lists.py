"""An event's checklist and people as its VEVENT carries them (core/sync_event_lists.py): read
from the store, merged tick by tick and person by person, written back, a person whose contact
has not arrived kept and put on the list when it does; a change to the list marks the synced
event; a conflict over the people is shown by name."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from netdesk.core import sync_accounts
from netdesk.core.event_draft import EventDraft
from netdesk.core.sync_conflicts import open_conflicts, settle
from netdesk.core.sync_event_lists import (
    kept,
    link_waiting,
    merge_people,
    merge_ticks,
    write_people,
)
from netdesk.core.sync_events import _said, event_fields, with_fields
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vevent import PersonFields, render_event
from netdesk.store.models import EventPerson, SyncEvent
from tests.sync.conflicts import add_item_conflict

STARTS = datetime(2026, 3, 10, 9, 30)
ANA, BEN, CAL = (PersonFields(uid) for uid in ("ana", "ben", "cal"))


def _event_with_ana(services) -> tuple[int, int]:
    """PyCon with a target, a pitch and two ticks, and Ana to meet on its list."""
    draft = EventDraft(
        name="PyCon",
        starts_at=STARTS,
        goal_target=3,
        goal_target_text="two heads of product",
        pitch_text="I build payment systems",
        checklist={"registered": True, "travel": True},
        prep_reminder_days=5,
    )
    event = services.events.create(draft)
    ana = services.contacts.create(ContactDraft(display_name="Ana Lima", uid="ana"))
    services.events.people.add(event, ana, "speaker", research_notes="Payments")
    return event, ana


def test_an_event_reads_with_its_prep_and_people_and_writes_them_back(services) -> None:
    event, _ = _event_with_ana(services)
    fields = event_fields(event)
    assert (fields.goal_target, fields.goal_target_text, fields.pitch_text) == (
        3,
        "two heads of product",
        "I build payment systems",
    )
    assert (fields.checklist, fields.prep_reminder_days) == ("registered,travel", 5)
    assert fields.people == (PersonFields("ana", "speaker", True, False, "Payments"),)
    copy = services.events.create(with_fields(EventDraft(name="", starts_at=STARTS), fields))
    write_people(services.changes, copy, (), fields.people)
    assert event_fields(copy) == fields


def test_checklists_merge_tick_by_tick() -> None:
    assert merge_ticks("registered", "registered,pitch", "") == "pitch"
    assert merge_ticks("", "travel", "travel") == "travel"


def test_people_merge_person_by_person_and_the_same_person_changed_twice_conflicts() -> None:
    base = (ANA, BEN)
    ana_met = ANA._replace(met=True)
    ours, theirs = merge_people(base, (ana_met, BEN, CAL), (ANA,))
    assert ours == theirs == (ana_met, CAL)
    ours, theirs = merge_people(base, (ana_met,), (ANA._replace(role="speaker"),))
    assert (ours, theirs) == ((ana_met,), (ANA._replace(role="speaker"),))


def test_what_another_netdesk_says_of_the_lists_is_read_as_this_one_can(services) -> None:
    event, _ = _event_with_ana(services)
    known = event_fields(event)
    odd = replace(
        known,
        checklist="registered,teleport",
        prep_reminder_days=None,
        people=(ANA._replace(role="host"),),
    )
    assert _said(odd, known) == replace(known, checklist="registered", people=(ANA,))


def test_a_person_whose_contact_has_not_arrived_waits_and_joins_when_it_does(services) -> None:
    event, _ = _event_with_ana(services)
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    local = event_fields(event)
    server = replace(local, people=(*local.people, BEN))
    assert kept(local, server).people == server.people
    waiting = write_people(services.changes, event, local.people, server.people)
    assert waiting == '["ben"]' and len(services.events.people.list(event)) == 1
    text = render_event(server, "pycon", datetime(2026, 12, 3))
    row = SyncEvent.create(
        account=account.id, event=event, href="/e.ics", ical=text, waiting=waiting
    )
    link_waiting(services.changes, account.id)
    assert SyncEvent.get_by_id(row.id).waiting == waiting
    services.contacts.create(ContactDraft(display_name="Ben Okafor", uid="ben"))
    link_waiting(services.changes, account.id)
    assert [p.name for p in services.events.people.list(event)] == ["Ana Lima", "Ben Okafor"]
    assert SyncEvent.get_by_id(row.id).waiting == ""
    assert event_fields(event).people == server.people


def test_a_change_to_the_list_marks_the_synced_event(services) -> None:
    event, ana = _event_with_ana(services)
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    row = SyncEvent.create(account=account.id, event=event, href="/e.ics", ical="")
    (person,) = EventPerson.select()
    for change in (
        lambda: services.events.people.update(person.id, met=True),
        lambda: services.events.people.remove(person.id),
        lambda: services.events.people.add(event, ana),
    ):
        SyncEvent.update(dirty=False).execute()
        change()
        assert SyncEvent.get_by_id(row.id).dirty


def test_a_conflict_over_the_people_shows_names_and_takes_the_servers_list(services) -> None:
    event, _ = _event_with_ana(services)
    services.contacts.create(ContactDraft(display_name="Ben Okafor", uid="ben"))
    mine = event_fields(event).people
    theirs = (mine[0]._replace(met=True), BEN._replace(role="organiser", research_notes="Host"))
    add_item_conflict("event", event, "people", mine, theirs)
    (people,) = open_conflicts()
    assert (people.field, people.local, people.remote) == (
        "people",
        "Ana Lima (speaker, want to meet): Payments",
        "Ana Lima (speaker, want to meet, met): Payments\nBen Okafor (organiser): Host",
    )
    settle(services, people, take_server=True)
    assert event_fields(event).people == tuple(sorted(theirs))
