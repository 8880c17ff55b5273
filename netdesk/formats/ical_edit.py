"""Editing a calendar object another client may have written: the component to change (the
object itself, not one replacing an occurrence of it) and its next SEQUENCE, or a new object."""

from __future__ import annotations

from icalendar import Calendar, Component, Event, Todo


def main_component(calendar: Calendar, kind: str) -> Component | None:
    """The first `kind` component (VTODO, VEVENT) that replaces no occurrence (RECURRENCE-ID)."""
    found = [item for item in calendar.walk(kind) if item.get("RECURRENCE-ID") is None]
    return found[0] if found else None


def to_edit(base: str, uid: str, kind: str, prodid: str) -> tuple[Calendar, Component, int]:
    """The calendar and `kind` component to write into, parsed from `base` (the object as the
    server had it), else new with `uid`; and the component's next SEQUENCE."""
    if base:
        calendar = Calendar.from_ical(base)
        component = main_component(calendar, kind)
        if component is not None:
            return calendar, component, int(component.get("SEQUENCE", 0)) + 1
    calendar = Calendar()
    calendar.add("PRODID", prodid)
    calendar.add("VERSION", "2.0")
    component = Todo() if kind == "VTODO" else Event()
    component.add("UID", uid)
    calendar.add_component(component)
    return calendar, component, 0
