"""The events part of `netdesk today`: upcoming events with prep progress, recent ones with the
people met still to follow up, as text lines and as JSON."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from netdesk.core.today_events import RecentEvent, UpcomingEvent


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def events_json(upcoming: list[UpcomingEvent], recent: list[RecentEvent]) -> dict[str, object]:
    """Both lists with every field (times wall-clock in the event's zone, ISO 8601)."""
    return {
        "upcoming_events": [_plain(dataclasses.asdict(event)) for event in upcoming],
        "recent_events": [_plain(dataclasses.asdict(event)) for event in recent],
    }


def events_lines(upcoming: list[UpcomingEvent], recent: list[RecentEvent]) -> list[str]:
    lines = [f"Upcoming events ({len(upcoming)}):"]
    for event in upcoming:
        where = f"  ({event.place})" if event.place else ""
        prep = f"prep {event.prep_done}/{event.prep_total}"
        lines.append(f"  {event.starts_at:%Y-%m-%d %H:%M}  {event.name}  {prep}{where}")
    lines.append(f"Recent events ({len(recent)}):")
    for past in recent:
        ago = {0: "today", 1: "yesterday"}.get(past.days_ago, f"{past.days_ago} days ago")
        lines.append(f"  {past.name}, {ago}: {len(past.open)} of {past.met} met to follow up")
        for person in past.open:
            due = f"follow-up due {person.due}" if person.due else "no follow-up yet"
            lines.append(f"    {person.name}: {due}")
    return lines
