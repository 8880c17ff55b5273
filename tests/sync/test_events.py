"""Events as VEVENTs in a CalDAV calendar, through one real server (Radicale and Xandikos):
made, changed and deleted on one NetDesk they follow on the other, with their prep and people
(a person whose card has not arrived waits for it), edits of different fields on both sides
merge (the checklist tick by tick, the people person by person), and an event a phone wrote
keeps what NetDesk does not know after NetDesk edits it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from netdesk.core import sync_accounts
from netdesk.core.event_draft import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, SyncCard
from tests.sync.desks import Desk, Opened, plain_request

CALENDAR = "Events"
PYCON = EventDraft(
    name="PyCon",
    starts_at=datetime(2026, 3, 10, 9, 30),
    ends_at=datetime(2026, 3, 10, 17, 0),
    timezone="Europe/Berlin",
    kind="conference",
    status="registered",
    place="Hall A",
    goals="Meet three people\nwho hire",
)


def _the_event(opened: Opened) -> tuple[int, EventDraft]:
    (event,) = Event.select(Event.id)
    return event.id, opened.events.load(event.id)


def _edit(desk: Desk, **changes: object) -> None:
    with desk.open() as opened:
        event_id, draft = _the_event(opened)
        opened.events.update(event_id, replace(draft, **changes))


def _calendar(desk: Desk) -> str:
    with desk.open():
        account = sync_accounts.account()
        assert account is not None
        return str(account.calendar)


def test_an_event_made_changed_and_deleted_on_one_netdesk_follows_on_the_other(desks) -> None:
    a, b = desks
    with a.open() as opened:
        opened.events.create(replace(PYCON))
    assert a.sync("--calendar", CALENDAR)["events"]["sent_new"] == 1
    assert b.sync("--calendar", CALENDAR)["events"]["received_new"] == 1
    with b.open() as opened:
        _, got = _the_event(opened)
        assert replace(got, uid="", checklist={}) == replace(PYCON, uid="", checklist={})
    _edit(b, place="Hall B", starts_at=datetime(2026, 3, 10, 10, 0))
    assert b.sync()["events"]["sent_changed"] == 1
    assert a.sync()["events"]["received_changed"] == 1
    with a.open() as opened:
        _, moved = _the_event(opened)
        assert (moved.place, moved.starts_at, moved.timezone) == (
            "Hall B",
            datetime(2026, 3, 10, 10, 0),
            "Europe/Berlin",
        )
        opened.events.delete(_the_event(opened)[0])
    assert a.sync()["events"]["sent_removed"] == 1
    assert b.sync()["events"]["received_removed"] == 1
    with b.open():
        assert Event.select().count() == 0
    nothing = {"sent_new": 0, "sent_changed": 0, "received_new": 0, "received_changed": 0}
    for desk in (a, b):
        report = desk.sync()["events"]
        assert {key: report[key] for key in nothing} == nothing


PREP = {
    "goal_target": 3,
    "goal_target_text": "two heads of product",
    "pitch_text": "I build payment systems",
    "checklist": {"registered": True, "pitch": True},
    "prep_reminder_days": 5,
}


def _pycon_with_people(desk: Desk) -> None:
    """PyCon with its prep, Ana Lima (a speaker to meet) and Ben Okafor on its list."""
    with desk.open() as opened:
        event = opened.events.create(replace(PYCON, **PREP))  # type: ignore[arg-type]
        ana = opened.contacts.create(ContactDraft(display_name="Ana Lima"))
        ben = opened.contacts.create(ContactDraft(display_name="Ben Okafor"))
        opened.events.people.add(event, ana, "speaker", research_notes="Payments;\nex-Stripe")
        opened.events.people.add(event, ben, want_to_meet=False)


def _people(desk: Desk) -> list[tuple[str, str, bool, bool, str]]:
    with desk.open() as opened:
        event_id, _ = _the_event(opened)
        listed = opened.events.people.list(event_id)
        return [(p.name, p.role, p.want_to_meet, p.met, p.research_notes) for p in listed]


def test_an_events_prep_and_people_follow_and_a_person_not_arrived_waits(desks) -> None:
    a, b = desks
    _pycon_with_people(a)
    a.sync("--calendar", CALENDAR)
    with a.open():
        ben = Contact.get(Contact.display_name == "Ben Okafor").id
        href = SyncCard.get(SyncCard.contact == ben).href
    _, card = plain_request(a.server, "GET", href)
    assert plain_request(a.server, "DELETE", href)[0] in (200, 204)  # not on the server yet
    assert b.sync("--calendar", CALENDAR)["events"]["received_new"] == 1
    with b.open() as opened:
        _, got = _the_event(opened)
        assert {name: getattr(got, name) for name in PREP if name != "checklist"} == {
            name: value for name, value in PREP.items() if name != "checklist"
        }
        assert {key for key, on in got.checklist.items() if on} == {"registered", "pitch"}
    ana = ("Ana Lima", "speaker", True, False, "Payments;\nex-Stripe")
    assert _people(b) == [ana]
    _edit(b, notes="Ben's card is not here yet")
    assert b.sync()["events"]["sent_changed"] == 1
    assert plain_request(a.server, "PUT", href, card)[0] in (201, 204)  # Ben's card arrives
    b.sync()
    ben_entry = ("Ben Okafor", "attendee", False, False, "")
    assert _people(b) == [ana, ben_entry]
    a.sync()
    assert _people(a) == [ana, ben_entry]
    with a.open() as opened:
        assert _the_event(opened)[1].notes == "Ben's card is not here yet"


def test_checklists_and_people_changed_on_both_sides_merge(desks) -> None:
    a, b = desks
    _pycon_with_people(a)
    a.sync("--calendar", CALENDAR)
    b.sync("--calendar", CALENDAR)
    with a.open() as opened:
        event_id, draft = _the_event(opened)
        opened.events.update(
            event_id, replace(draft, checklist={**draft.checklist, "travel": True})
        )
        (ana, _) = opened.events.people.list(event_id)
        opened.events.people.update(ana.id, met=True)
    with b.open() as opened:
        event_id, draft = _the_event(opened)
        opened.events.update(
            event_id, replace(draft, checklist={**draft.checklist, "pitch": False})
        )
        (_, ben) = opened.events.people.list(event_id)
        opened.events.people.remove(ben.id)
        cal = opened.contacts.create(ContactDraft(display_name="Cal Ode"))
        opened.events.people.add(event_id, cal, "organiser")
    a.sync()
    report = b.sync()["events"]
    assert (report["received_changed"], report["sent_changed"], report["conflicts"]) == (1, 1, 0)
    a.sync()
    for desk in (a, b):
        with desk.open() as opened:
            ticked = {key for key, on in _the_event(opened)[1].checklist.items() if on}
            assert ticked == {"registered", "travel"}
        assert [(name, met) for name, _, _, met, _ in _people(desk)] == [
            ("Ana Lima", True),
            ("Cal Ode", False),
        ]


def test_edits_of_different_fields_on_both_sides_merge(desks) -> None:
    a, b = desks
    with a.open() as opened:
        opened.events.create(replace(PYCON))
    a.sync("--calendar", CALENDAR)
    b.sync("--calendar", CALENDAR)
    _edit(a, notes="Bring cards", status="attended")
    _edit(b, place="Hall C", prep_notes="Read the talk list")
    a.sync()
    report = b.sync()["events"]
    assert report["received_changed"] == 1 and report["sent_changed"] == 1
    assert report["conflicts"] == 0
    a.sync()
    for desk in (a, b):
        with desk.open() as opened:
            _, merged = _the_event(opened)
            assert (merged.notes, merged.status, merged.place, merged.prep_notes) == (
                "Bring cards",
                "attended",
                "Hall C",
                "Read the talk list",
            )


PHONE_EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:phone-1\r\n"
    "DTSTAMP:20260101T000000Z\r\nSUMMARY:Rust meetup\r\nDTSTART:20260312T180000Z\r\n"
    "DTEND:20260312T200000Z\r\nLOCATION:Café Kraft\r\n"
    "ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org\r\nX-PHONE-COLOUR:teal\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)
WEEKLY = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:phone-2\r\n"
    "DTSTAMP:20260101T000000Z\r\nSUMMARY:Stand-up\r\nDTSTART:20260302T090000Z\r\n"
    "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_an_event_a_phone_wrote_keeps_what_netdesk_does_not_know(desks) -> None:
    a, _ = desks
    a.sync("--calendar", CALENDAR)
    calendar = _calendar(a)
    for name, text in (("phone-1.ics", PHONE_EVENT), ("phone-2.ics", WEEKLY)):
        status, _ = plain_request(a.server, "PUT", calendar + name, text, "text/calendar")
        assert status in (201, 204)
    report = a.sync()["events"]
    assert (report["received_new"], report["left_alone"]) == (1, 1)
    with a.open() as opened:
        _, got = _the_event(opened)
        assert (got.name, got.place, got.kind, got.status) == (
            "Rust meetup",
            "Café Kraft",
            "meetup",
            "considering",
        )
    _edit(a, notes="Ask about the compiler job", status="registered")
    assert a.sync()["events"]["sent_changed"] == 1
    _, text = plain_request(a.server, "GET", calendar + "phone-1.ics")
    lines = text.replace("\r\n ", "").replace("\r\n", "\n").splitlines()
    assert "X-PHONE-COLOUR:teal" in lines and "TRIGGER:-PT30M" in lines
    attendee = "ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org"
    assert attendee in [line.replace('"', "") for line in lines]  # the name quoted or not
    assert "DESCRIPTION:Ask about the compiler job" in lines
    assert "X-NETDESK-STATUS:registered" in lines and "DTSTART:20260312T180000Z" in lines
    _, weekly = plain_request(a.server, "GET", calendar + "phone-2.ics")
    assert "RRULE:FREQ=WEEKLY" in weekly and "X-NETDESK" not in weekly


def test_an_event_changed_here_but_deleted_elsewhere_is_sent_again(desks) -> None:
    a, b = desks
    with a.open() as opened:
        opened.events.create(replace(PYCON))
    a.sync("--calendar", CALENDAR)
    b.sync("--calendar", CALENDAR)
    with a.open() as opened:
        opened.events.delete(_the_event(opened)[0])
    _edit(b, notes="Still going")
    assert a.sync()["events"]["sent_removed"] == 1
    report = b.sync()["events"]
    assert (report["received_removed"], report["sent_new"]) == (0, 1)
    assert a.sync()["events"]["received_new"] == 1
    with a.open() as opened:
        assert _the_event(opened)[1].notes == "Still going"


def test_an_event_imported_on_both_sides_is_linked_not_doubled(desks) -> None:
    a, b = desks
    for desk in (a, b):
        with desk.open() as opened:
            opened.events.create(replace(PYCON, uid="pycon-2026@example.org"))
    _edit(b, prep_notes="Read the talk list")
    assert a.sync("--calendar", CALENDAR)["events"]["sent_new"] == 1
    report = b.sync("--calendar", CALENDAR)["events"]
    assert (report["received_new"], report["received_changed"], report["sent_new"]) == (0, 1, 0)
    assert report["sent_changed"] == 1  # what only B had goes to A
    a.sync()
    for desk in (a, b):
        with desk.open() as opened:
            _, event = _the_event(opened)
            assert (event.uid, event.prep_notes) == ("pycon-2026@example.org", "Read the talk list")
