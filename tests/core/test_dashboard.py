"""The Today figures count days in local time; events and contact times are stored in UTC."""

from __future__ import annotations

from datetime import date, datetime, time

from netdesk.core.dashboard import DashboardService
from netdesk.store.models import Event


def test_an_event_this_morning_local_time_is_upcoming(database, tokyo) -> None:
    # 08:00 in Tokyo on 1 June is 23:00 UTC on 31 May, how the store keeps it.
    Event.create(name="Breakfast meetup", starts_at=datetime(2027, 5, 31, 23, 0))
    Event.create(name="Last week", starts_at=datetime(2027, 5, 20, 23, 0))
    summary = DashboardService().summary(today=date(2027, 6, 1))
    assert summary.upcoming_events == 1


def test_people_counts_the_living_only(services) -> None:
    from netdesk.formats.draft import ContactDraft
    from netdesk.store.models import Contact

    states = [{}, {}, {}, {"archived": True}, {"deleted_at": datetime(2026, 1, 1)}]
    states.append({"archived": True, "deleted_at": datetime(2026, 1, 1)})
    for index, fields in enumerate(states):
        contact_id = services.contacts.create(ContactDraft(given_name=f"P{index}"))
        if fields:
            Contact.update(**fields).where(Contact.id == contact_id).execute()
    assert DashboardService().summary(date(2026, 3, 11)).contacts == 3


def test_due_first_reads_each_group_up_to_its_limit_with_its_count(services, clock) -> None:
    """Today's due list reads the rows it shows and each group's count; a group without a
    limit is read whole, as `due_groups` reads both."""
    from datetime import timedelta

    from netdesk.core.dashboard import due_first, due_groups
    from netdesk.formats.draft import ContactDraft

    contact = services.contacts.create(ContactDraft(given_name="Ana"))
    today = clock.today()
    for days in range(1, 13):
        services.followups.create(contact, today - timedelta(days=days))
    for hour in (9, 17, 20):
        services.followups.create(contact, datetime.combine(today, time(hour)))
    due_today, overdue = due_first(services.followups, (2, 8))
    assert (due_today.total, overdue.total) == (3, 12)
    all_today, all_overdue = due_groups(services.followups)
    assert due_today.rows == all_today[:2] and overdue.rows == all_overdue[:8]
    whole = due_first(services.followups, (None, None))
    assert [group.rows for group in whole] == [all_today, all_overdue]
