"""Today's events: the next ones with prep progress, the recent ones with who is still to
follow up (hand-built fixtures at the fake clock's 11 March 2026 14:30)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from netdesk.core.event_times import to_utc
from netdesk.core.events import EventDraft
from netdesk.core.interactions import log_interaction
from netdesk.core.today_events import MetPerson, _met_people
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, EventPerson
from tests.fake_time import NOW
from tests.query_plans import plans_of


def _event(services, name: str, start: datetime, **fields) -> int:
    return services.events.create(EventDraft(name=name, starts_at=start, **fields))


def _person(services, given: str, organisation: str = "") -> int:
    draft = ContactDraft(given_name=given, family_name="Test", organisation=organisation)
    return services.contacts.create(draft)


def test_upcoming_is_the_next_30_days_soonest_first_with_prep_progress(services) -> None:
    later = _event(services, "Later", NOW + timedelta(days=9), place="Berlin")
    soon = _event(
        services,
        "Soon",
        NOW + timedelta(days=1, hours=2),
        checklist={"registered": True, "pitch": True},
        online_link="https://meet.example/x",
    )
    _event(services, "Too far", NOW + timedelta(days=31))
    _event(services, "Started", NOW - timedelta(hours=1))
    _event(services, "Skipped", NOW + timedelta(days=2), status="skipped")
    wanted = [_person(services, name) for name in ("Ana", "Bea")]
    for contact_id in wanted:
        services.events.people.add(soon, contact_id, want_to_meet=True)
    services.events.people.add(soon, _person(services, "Cy"), want_to_meet=False)

    rows = services.today_events.upcoming()

    assert [(r.id, r.name, r.days_until, r.prep_done, r.prep_total) for r in rows] == [
        (soon, "Soon", 1, 2, 5),
        (later, "Later", 9, 0, 5),
    ]
    assert (rows[0].want_to_meet, rows[1].want_to_meet) == (2, 0)
    assert (rows[0].place, rows[1].place) == ("https://meet.example/x", "Berlin")
    assert rows[0].starts_at == NOW + timedelta(days=1, hours=2)  # wall-clock, as typed


def test_upcoming_shows_the_start_in_the_events_own_zone(services) -> None:
    start = datetime(2026, 3, 20, 9, 0)
    _event(services, "Tokyo", start, timezone="Asia/Tokyo")
    assert services.today_events.upcoming()[0].starts_at == start


@pytest.fixture
def pycon(services) -> int:
    return _event(services, "PyCon", NOW - timedelta(days=2), ends_at=NOW - timedelta(days=1))


def test_recent_lists_who_is_still_to_follow_up(services, pycon) -> None:
    events = services.events
    captured = events.capture(pycon, "Ana Lima", "Acme", follow_up_days=3)
    done = events.capture(pycon, "Dan Done")
    services.followups.done([done.followup_id])
    ticked = _person(services, "Bea", "Globex")
    entry = events.people.add(pycon, ticked)
    EventPerson.update(met=True).where(EventPerson.id == entry).execute()
    met_at = _person(services, "Cy")
    Contact.update(met_at=pycon).where(Contact.id == met_at).execute()
    talked = _person(services, "Eve")
    Contact.update(met_at=pycon).where(Contact.id == talked).execute()
    log_interaction(services.changes, talked, occurred_at=to_utc(NOW - timedelta(hours=3)))
    listed_only = _person(services, "Fay")
    events.people.add(pycon, listed_only)

    (row,) = services.today_events.recent()

    assert (row.id, row.name, row.days_ago, row.met) == (pycon, "PyCon", 2, 5)
    assert row.open == [
        MetPerson(captured.contact_id, "Ana Lima", "Acme", captured.followup_id, date(2026, 3, 14)),
        MetPerson(ticked, "Bea Test", "Globex"),
        MetPerson(met_at, "Cy Test", ""),
    ]


def test_recent_is_the_last_14_days_latest_first(services, pycon) -> None:
    yesterday = _event(services, "Meetup", NOW - timedelta(days=1))
    _event(services, "Old", datetime.combine(NOW.date() - timedelta(days=15), NOW.time()))
    edge = _event(services, "Edge", datetime.combine(NOW.date() - timedelta(days=14), NOW.time()))
    _event(services, "Tonight", NOW + timedelta(hours=4))
    _event(services, "Skipped", NOW - timedelta(days=3), status="skipped")
    rows = services.today_events.recent()
    assert [(r.id, r.days_ago) for r in rows] == [(yesterday, 1), (pycon, 2), (edge, 14)]
    assert all(r.open == [] and r.met == 0 for r in rows)


def test_an_interaction_at_the_event_itself_does_not_close_the_follow_up(services, pycon) -> None:
    contact_id = _person(services, "Gus")
    Contact.update(met_at=pycon).where(Contact.id == contact_id).execute()
    log_interaction(
        services.changes, contact_id, occurred_at=to_utc(NOW - timedelta(hours=1)), event_id=pycon
    )
    assert services.today_events.recent()[0].open == [MetPerson(contact_id, "Gus Test", "")]


def test_the_people_met_are_found_through_the_indexes(services, pycon, monkeypatch) -> None:
    """Through the event's people and `contact.met_at`, then each by its id: `met_at = ? OR id
    IN (...)` had SQLite walk every living contact by the `archived` index (~110 ms an event
    at 100,000 contacts)."""
    plan = plans_of(monkeypatch, lambda: _met_people(pycon))
    contact = [line for line in plan if re.match(r"(SEARCH|SCAN) (t1|contact)\b", line)]
    assert contact[0].endswith("rowid=?)"), plan
    assert any("contact_met_at_id (met_at_id=?)" in line for line in contact), plan
    assert not any(line.startswith("SCAN") for line in plan), plan
