"""Which occurrences of a recurring VEVENT (RRULE) an import keeps: those from the import day up
to a year ahead, at most 52, without the EXDATEs.

`python-dateutil`'s rrule does the expansion (icalendar keeps the rule as text). Starts keep the
series' zone, so a 19:00 meetup is at 19:00 after a daylight-saving change too. A rule dateutil
cannot read gives no occurrences: the caller keeps the first one, as for a single event.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a file is read
    from icalendar import Event as VEvent

WINDOW_DAYS = 365
MOST = 52


def occurrence_starts(component: VEvent, today: date, keep_exdates: bool = False) -> list[datetime]:
    """Starts of the kept occurrences, in order; [] without a rule or with one that fails.
    `keep_exdates` when the EXDATEs cannot be read (the caller warns)."""
    found = component.get("rrule")
    if found is None:
        return []
    rules = found if isinstance(found, list) else [found]  # several RRULEs: their union
    first = component.get("dtstart").dt
    if not isinstance(first, datetime):
        first = datetime.combine(first, time.min)
    window = datetime.combine(today, time.min, tzinfo=first.tzinfo)
    from dateutil.rrule import rrulestr

    try:
        text = "\n".join(f"RRULE:{rule.to_ical().decode()}" for rule in rules)
        series = rrulestr(text, dtstart=first, forceset=True)
        starts = series.between(window, window + timedelta(days=WINDOW_DAYS), inc=True)
    except (ValueError, TypeError):
        return []
    skipped = set() if keep_exdates else set(_exdates(component, first))
    return [start for start in starts if start not in skipped][:MOST]


def _exdates(component: VEvent, first: datetime) -> list[datetime]:
    found = component.get("exdate")
    lists = found if isinstance(found, list) else [found] if found is not None else []
    moments = []
    for listed in lists:
        for value in listed.dts:
            moment = value.dt
            if not isinstance(moment, date):  # a period or duration: nothing to leave out
                continue
            if not isinstance(moment, datetime):
                moment = datetime.combine(moment, first.time(), tzinfo=first.tzinfo)
            moments.append(moment)
    return moments
