"""The Today figures count days in local time; events and contact times are stored in UTC."""

from __future__ import annotations

from datetime import date, datetime

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
