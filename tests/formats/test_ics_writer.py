"""The iCalendar writer: to-dos and events that icalendar (and calendar apps) read back."""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

from netdesk.formats.ics_writer import CalendarEntry, write_ics


def test_todos_and_events_round_trip() -> None:
    data = write_ics(
        [
            CalendarEntry(
                "followup-1@netdesk",
                "todo",
                "Thank: Maria Chen",
                datetime(2026, 3, 11),
                has_time=False,
                description="for the intro",
            ),
            CalendarEntry(
                "followup-2@netdesk",
                "todo",
                "Check-in: Ahmed Khan",
                datetime(2026, 3, 12, 16, 30),
                done_at=datetime(2026, 3, 12, 17),
            ),
            CalendarEntry("event-5@netdesk", "event", "PyData meetup", datetime(2026, 3, 14, 18)),
        ],
        stamp=datetime(2026, 3, 10, 8, 0),
    )
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(data)
    todos = calendar.walk("VTODO")
    assert [str(t["summary"]) for t in todos] == ["Thank: Maria Chen", "Check-in: Ahmed Khan"]
    assert todos[0].decoded("due") == date(2026, 3, 11)
    assert str(todos[0]["status"]) == "NEEDS-ACTION"
    assert str(todos[0]["description"]) == "for the intro"
    assert todos[1].decoded("due") == datetime(2026, 3, 12, 16, 30)
    assert str(todos[1]["status"]) == "COMPLETED"
    [event] = calendar.walk("VEVENT")
    assert (str(event["uid"]), event.decoded("dtstart")) == (
        "event-5@netdesk",
        datetime(2026, 3, 14, 18),
    )


def test_long_text_is_folded_and_escaped() -> None:
    note = "Line one; with, commas\nand a second line " + "x" * 120
    data = write_ics(
        [CalendarEntry("u@netdesk", "todo", "Thank", datetime(2026, 1, 1), description=note)]
    )
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [todo] = Calendar.from_ical(data).walk("VTODO")
    assert str(todo["description"]) == note
