"""Parts of Today's first read written in plain SQL for speed (`python -m bench.today_read`)
against what the ORM and Python computed before: Today's figures, the birthdays Reach out
congratulates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from netdesk.core.dashboard import DashboardService, TodaySummary
from netdesk.core.followup_dates import next_birthday
from netdesk.core.followup_queries import PENDING
from netdesk.core.reach_out import BIRTHDAY_WINDOW_DAYS
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, FollowUp


def _figures_by_orm(today: date) -> TodaySummary:
    """Today's figures as the ORM counted them."""
    start = datetime.combine(today, time.min)
    end = start + timedelta(days=1)
    living = Contact.select().where(Contact.deleted_at.is_null(), Contact.archived == False)  # noqa: E712
    pending = FollowUp.select().where(FollowUp.status.in_(("open", "snoozed")))
    utc = [(start + timedelta(days=n)).astimezone(UTC).replace(tzinfo=None) for n in (0, 30)]
    return TodaySummary(
        living.count(),
        pending.where(FollowUp.due_at >= start, FollowUp.due_at < end).count(),
        pending.where(FollowUp.due_at < start).count(),
        Event.select().where(Event.starts_at >= utc[0], Event.starts_at < utc[1]).count(),
    )


def test_today_s_figures_are_the_orm_s_counts(services, clock, tokyo) -> None:
    today = clock.today()
    states = [{}, {"archived": True}, {"deleted_at": datetime(2026, 1, 1)}, {"is_group": True}]
    states.append({"archived": True, "deleted_at": datetime(2026, 1, 1)})
    people = []
    for n, fields in enumerate(states * 2):
        people.append(services.contacts.create(ContactDraft(given_name=f"P{n}")))
        if fields:
            Contact.update(**fields).where(Contact.id == people[-1]).execute()
    midnight = datetime.combine(today, time.min)
    for n, moment in enumerate(
        midnight + timedelta(hours=hours) for hours in (-49, -1, 0, 0.5, 23, 24, 30)
    ):
        followup = services.followups.create(people[n], moment, has_time=True)
        status = ("open", "snoozed", "done", "dismissed")[n % 4]
        FollowUp.update(status=status).where(FollowUp.id == followup).execute()
    for hours in (-10, -9, -8, 0, 24 * 30 - 10, 24 * 30 - 9, 24 * 30):
        Event.create(name=f"E{hours}", starts_at=midnight + timedelta(hours=hours))
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        figures = DashboardService().summary(day)
        assert figures == _figures_by_orm(day)
    assert DashboardService().summary(today).contacts == 4  # the living, groups included


@pytest.mark.parametrize("year", [2027, 2028])
def test_birthdays_congratulated_are_those_of_next_birthday(services, clock, year) -> None:
    """Every day of a common and of a leap year, around 28 February, 29 February and the
    year's end: the days to each birthday as `next_birthday` counts them."""
    birthdays = [date(1992, 2, 29), date(1990, 2, 28), date(1991, 3, 1), date(1980, 12, 31)]
    birthdays += [date(1985, 1, 1), date(2030, 1, 2), date(1970, 6, 4)]
    people = {
        services.contacts.create(ContactDraft(given_name=f"B{n}", birthday=birthday)): birthday
        for n, birthday in enumerate(birthdays)
    }
    for days in range(-3, 367):
        today = date(year, 1, 1) + timedelta(days=days)
        now = datetime.combine(today, time(9, 0))
        found = {
            contact_id: words
            for contact_id, _, _, words in services.reach_out._birthdays(now, today)
        }
        expected = {
            contact_id: ("birthday today", "birthday tomorrow", "birthday in 2 days")[n]
            for contact_id, birthday in people.items()
            if (n := (next_birthday(birthday, today) - today).days) <= BIRTHDAY_WINDOW_DAYS
        }
        assert found == expected, today


def test_due_rows_and_counts_are_the_orm_s(services, clock) -> None:
    """Follow-ups read in plain SQL (`between`, `due`, `count_due`) against the ORM's `_rows`:
    statuses, ties on the due time (by id), windows, limits, a contact named by parts."""
    followups = services.followups
    named = services.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    parts = services.contacts.create(ContactDraft(given_name="Bo", organisation="Acme"))
    Contact.update(display_name="").where(Contact.id == parts).execute()
    midnight = datetime.combine(clock.today(), time.min)
    for n in range(24):
        moment = midnight + timedelta(hours=(n % 8 - 4) * 9)
        followup = followups.create((named, parts)[n % 2], moment, has_time=n % 3 == 0)
        status = ("open", "snoozed", "done", "dismissed", "open")[n % 5]
        FollowUp.update(status=status).where(FollowUp.id == followup).execute()
    pending = FollowUp.status.in_(PENDING)
    for start in (midnight - timedelta(days=1), midnight):
        for end in (midnight, midnight + timedelta(days=1)):
            for statuses in (PENDING, (*PENDING, "done")):
                for limit in (None, 0, 1, 3, 50):
                    where = FollowUp.status.in_(statuses), FollowUp.due_at >= start
                    expected = followups._rows(*where, FollowUp.due_at < end, limit=limit)
                    assert followups.between(start, end, statuses, limit) == expected
            for limit in (None, 0, 2, 50):
                expected = followups._rows(pending, FollowUp.due_at < end, limit=limit)
                assert followups.due(end, limit) == expected
            count = FollowUp.select().where(pending, FollowUp.due_at < end).count()
            assert followups.count_due(end) == count
    assert followups.due() == followups.due(midnight + timedelta(days=1))
    assert followups.overdue(4) == followups.due(midnight, 4)
    assert {row.contact_name for row in followups.due()} == {"Ana Lima", "Bo"}


def test_recent_people_met_read_in_sql(services, clock) -> None:
    """Recent events' people in plain SQL: the first pending follow-up tied to the event (in
    due order) gives the date, a done one closes it; the archived and deleted met are left
    out; an event nobody was met at lists nobody."""
    from netdesk.core.event_times import to_utc
    from netdesk.core.events import EventDraft
    from netdesk.core.today_events import MetPerson

    now = clock.now()
    pycon = services.events.create(EventDraft(name="PyCon", starts_at=now - timedelta(days=2)))
    services.events.create(EventDraft(name="Empty", starts_at=now - timedelta(days=1)))
    people = {}
    for given in ("Ana", "Bo", "Cy", "Archie", "Del"):
        people[given] = services.contacts.create(ContactDraft(given_name=given))
        Contact.update(met_at=pycon).where(Contact.id == people[given]).execute()
    Contact.update(archived=True).where(Contact.id == people["Archie"]).execute()
    Contact.update(deleted_at=to_utc(now)).where(Contact.id == people["Del"]).execute()
    today = clock.today()
    tied = {}
    for days, status in ((1, "done"), (5, "open"), (3, "snoozed"), (9, "open")):
        due = datetime.combine(today + timedelta(days=days), time(10, 30))
        tied[days] = services.followups.create(people["Ana"], due, event_id=pycon, has_time=True)
        FollowUp.update(status=status).where(FollowUp.id == tied[days]).execute()
    done = services.followups.create(people["Bo"], today, event_id=pycon)
    FollowUp.update(status="done").where(FollowUp.id == done).execute()
    empty, event = services.today_events.recent()
    assert (empty.name, empty.met, empty.open) == ("Empty", 0, [])
    assert (event.name, event.met) == ("PyCon", 3)
    assert event.open == [
        MetPerson(people["Ana"], "Ana", "", tied[3], today + timedelta(days=3)),
        MetPerson(people["Cy"], "Cy", ""),
    ]
