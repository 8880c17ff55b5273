"""Event times: stored as naive UTC, typed and shown as wall-clock time in the event's time zone.

An empty zone name means the computer's local zone (a local meetup needs no zone).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_NOWHERE = frozenset(
    {
        "UTC",
        "Etc/UTC",
        "Etc/UCT",
        "UCT",
        "Etc/GMT",
        "GMT",
        "Etc/Universal",
        "Universal",
        "Etc/Zulu",
        "Zulu",
        "Etc/Greenwich",
        "Greenwich",
    }
)


def place_zone(zone: str) -> str:
    """The zone an event's times are shown and edited in: its own, or "" (local) for UTC, which
    is no place's (an .ics file writes times in UTC; the user reads them in local time)."""
    return "" if zone in _NOWHERE else zone


def check_zone(name: str) -> None:
    """Raise ValueError unless `name` is empty or a known IANA zone."""
    if not name:
        return
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error


def to_utc(wall: datetime, zone: str = "") -> datetime:
    """Naive UTC for a wall-clock time in `zone` (aware times keep their own offset)."""
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=ZoneInfo(zone)) if zone else wall.astimezone()
    return wall.astimezone(UTC).replace(tzinfo=None)


def from_utc(moment: datetime, zone: str = "") -> datetime:
    """The naive wall-clock time in `zone` (local when empty) of a naive UTC moment."""
    aware = moment.replace(tzinfo=UTC)
    return (aware.astimezone(ZoneInfo(zone)) if zone else aware.astimezone()).replace(tzinfo=None)


def zone_abbreviation(wall: datetime, zone: str) -> str:
    """The zone abbreviation (CET, BST, +03...) at a wall-clock time; "" for the local zone."""
    if not zone:
        return ""
    return wall.replace(tzinfo=ZoneInfo(zone)).tzname() or zone


@cache
def zone_names() -> list[str]:
    """Every IANA zone name, sorted (for the editor's picker)."""
    return sorted(available_timezones())
