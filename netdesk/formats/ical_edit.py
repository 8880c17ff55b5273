"""Editing a calendar object another client may have written: the component to change (the
object itself, not one replacing an occurrence of it) and its next SEQUENCE, or a new object;
and reading the component and its text properties back as written."""

from __future__ import annotations

import re

from icalendar import Calendar, Component, Event, Journal, Todo, vText

_NEW = {"VTODO": Todo, "VEVENT": Event, "VJOURNAL": Journal}
_ESCAPED = re.compile(r"\\([nN,;\\])")


def read_component(text: str, kind: str, what: str) -> Component:
    """The `kind` component of an iCalendar text to read (see `main_component`); ValueError
    when the text is no iCalendar or has none (`what` names the component in the message)."""
    try:
        calendar = Calendar.from_ical(text)
    except Exception as error:  # icalendar raises several kinds for bad text
        raise ValueError(f"not iCalendar text ({error})") from error
    component = main_component(calendar, kind)
    if component is None:
        raise ValueError(f"no {what} ({kind}) in the calendar object")
    return component


def main_component(calendar: Calendar, kind: str) -> Component | None:
    """The first `kind` component (VTODO, VEVENT, VJOURNAL) that replaces no occurrence
    (RECURRENCE-ID)."""
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
    component = _NEW[kind]()
    component.add("UID", uid)
    calendar.add_component(component)
    return calendar, component, 0


def text_value(component: Component, name: str) -> str:
    """A text property's value ("" when missing); an unknown property's (X-) escapes undone."""
    value = component.get(name)
    if value is None:
        return ""
    text = str(value)
    if name.startswith("X-") and not isinstance(value, vText):
        text = _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    return text


def summary(text: str) -> str:
    """The SUMMARY of a calendar object's first task, event or journal entry ("" for none, or
    for text that is no iCalendar)."""
    for kind in ("VTODO", "VEVENT", "VJOURNAL"):
        try:
            return text_value(read_component(text, kind, kind), "SUMMARY")
        except ValueError:
            continue
    return ""
