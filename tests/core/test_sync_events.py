"""An event's VEVENT as the events' sync writes and reads it: its times survive the trip in the
far zones (Pacific/Kiritimati, UTC+14; America/Adak, UTC-10/-9) whether the event keeps the
computer's local time or a zone of its own, across a daylight-saving change."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from netdesk.core.event_draft import EventDraft
from netdesk.core.sync_events import event_fields, with_fields
from netdesk.formats.vevent import parse_event, render_event
from netdesk.store.models import Event


@pytest.fixture(params=["Pacific/Kiritimati", "America/Adak"])
def local_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The computer's local zone for the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize("zone", ["", "Pacific/Kiritimati", "America/Adak", "Europe/Berlin"])
@pytest.mark.parametrize(
    ("starts", "ends"),
    [
        (datetime(2026, 1, 1, 0, 30), datetime(2026, 1, 1, 2, 0)),  # a new day, a new year
        (datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 4, 0)),  # Adak springs forward
        (datetime(2026, 11, 1, 0, 30), None),  # Adak falls back at 02:00
    ],
    ids=["new-year", "spring-forward", "fall-back"],
)
def test_an_events_times_survive_the_trip(
    services, clock, local_zone: str, zone: str, starts: datetime, ends: datetime | None
) -> None:
    events = services.events
    draft = EventDraft(name="Meetup", starts_at=starts, ends_at=ends, timezone=zone)
    sent = events.create(draft)
    stored = Event.get_by_id(sent)
    text = render_event(event_fields(sent), stored.uid, clock.now())
    came_back = parse_event(text).fields
    assert came_back == event_fields(sent)
    copy = events.create(with_fields(EventDraft(name="", starts_at=starts), came_back))
    again = Event.get_by_id(copy)
    assert (again.starts_at, again.ends_at, again.timezone) == (
        stored.starts_at,
        stored.ends_at,
        zone,
    )
    assert events.load(copy).starts_at == starts
