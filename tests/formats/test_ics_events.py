"""Reading and writing events as iCalendar: zones, UTC, all-day, floating, missing UIDs, errors."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar

from netdesk.formats.ics_events import IcsEvent, read_ics, write_ics_events

SCHEDULE = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Pretalx//EN\r
BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:DAYLIGHT\r
DTSTART:19810329T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
DTSTART:19961027T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:talk-42@pretalx.com\r
SUMMARY:Keynote: Data engineering\\, done right\r
DTSTART;TZID=Europe/Berlin:20260414T093000\r
DTEND;TZID=Europe/Berlin:20260414T103000\r
LOCATION:Room A\\, darmstadtium\r
URL:https://2026.pycon.de/talk/42\r
DESCRIPTION:First line\\nSecond line\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:online-1@meetup.com\r
SUMMARY:Online meetup\r
DTSTART:20260420T170000Z\r
DURATION:PT1H30M\r
LOCATION:https://zoom.example/j/1\r
END:VEVENT\r
BEGIN:VEVENT\r
SUMMARY:Conference days\r
DTSTART;VALUE=DATE:20260414\r
DTEND;VALUE=DATE:20260417\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating@x\r
SUMMARY:Local drinks\r
DTSTART:20260415T190000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:broken@x\r
SUMMARY:No start\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_read_schedule() -> None:
    result = read_ics(SCHEDULE, "schedule.ics")
    keynote, online, days, drinks = result.events
    assert result.errors == ["schedule.ics, event 5: it has no start (DTSTART)"]
    assert keynote == IcsEvent(
        uid="talk-42@pretalx.com",
        summary="Keynote: Data engineering, done right",
        starts_at=datetime(2026, 4, 14, 9, 30),
        ends_at=datetime(2026, 4, 14, 10, 30),
        timezone="Europe/Berlin",
        location="Room A, darmstadtium",
        url="https://2026.pycon.de/talk/42",
        description="First line\nSecond line",
    )
    assert (online.starts_at, online.ends_at, online.timezone) == (
        datetime(2026, 4, 20, 17, 0),
        datetime(2026, 4, 20, 18, 30),
        "UTC",
    )
    assert (days.all_day, days.starts_at, days.ends_at) == (
        True,
        datetime(2026, 4, 14),
        datetime(2026, 4, 16, 23, 59),
    )
    assert days.uid.endswith("@import.netdesk")
    assert read_ics(SCHEDULE).events[2].uid == days.uid
    assert (drinks.timezone, drinks.starts_at) == ("", datetime(2026, 4, 15, 19, 0))


def test_garbage_is_an_error_not_a_crash() -> None:
    result = read_ics(b"\x00\xffnot a calendar", "bad.ics")
    assert result.events == [] and result.errors[0].startswith("bad.ics: not an iCalendar file")


def test_a_tzid_naming_a_zone_folder_is_an_error_not_a_crash() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        b"DTSTART;TZID=Europe:20260311T100000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = read_ics(data, "zone.ics")
    assert (result.events, result.errors) == ([], ["zone.ics: a TZID names no time zone"])


def test_write_and_read_back() -> None:
    events = read_ics(SCHEDULE).events
    data = write_ics_events(events, stamp=datetime(2026, 1, 1))
    calendar = Calendar.from_ical(data)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert b"DTSTART:20260420T170000Z" in data
    assert b"DTSTART;TZID=Europe/Berlin:20260414T093000" in data
    assert b"DTSTART;VALUE=DATE:20260414" in data and b"DTEND;VALUE=DATE:20260417" in data
    assert read_ics(data).events == events


SERIES = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:pydata-monthly@meetup.com\r
SUMMARY:PyData Berlin\r
DTSTART;TZID=Europe/Berlin:20250107T190000\r
DTEND;TZID=Europe/Berlin:20250107T213000\r
RRULE:FREQ=WEEKLY;INTERVAL=4\r
EXDATE;TZID=Europe/Berlin:20261208T190000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:pydata-monthly@meetup.com\r
RECURRENCE-ID;TZID=Europe/Berlin:20270105T190000\r
SUMMARY:PyData Berlin (new year special)\r
DTSTART;TZID=Europe/Berlin:20270106T180000\r
DTEND;TZID=Europe/Berlin:20270106T200000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:old-series@x\r
SUMMARY:A series that ended\r
DTSTART;VALUE=DATE:20200301\r
RRULE:FREQ=YEARLY;COUNT=3\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:birthday@x\r
SUMMARY:Founders day\r
DTSTART;VALUE=DATE:20200301\r
RRULE:FREQ=YEARLY\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:odd@x\r
SUMMARY:Odd rule\r
DTSTART:20260101T100000\r
RRULE:FREQ=SOMETIMES\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_series_becomes_its_occurrences_of_the_coming_year() -> None:
    from datetime import date

    events = read_ics(SERIES, "series.ics", today=date(2026, 11, 29)).events
    meetups = [e for e in events if e.uid.startswith("pydata-monthly@meetup.com/")]
    starts = [e.starts_at for e in meetups]
    assert starts[0] == datetime(2027, 1, 6, 18, 0)  # 8 Dec is an EXDATE; 5 Jan was moved
    assert meetups[0].summary == "PyData Berlin (new year special)"
    assert meetups[0].uid == "pydata-monthly@meetup.com/20270105T1900"
    assert all(s.hour == 19 and s.minute == 0 for s in starts[1:])  # also after the clock change
    assert starts[1] == datetime(2027, 2, 2, 19, 0) and len(meetups) == 12
    assert meetups[1].ends_at == datetime(2027, 2, 2, 21, 30)
    assert {e.timezone for e in meetups} == {"Europe/Berlin"}
    ended = [e for e in events if e.uid == "old-series@x"]
    assert [e.starts_at for e in ended] == [datetime(2020, 3, 1)]  # none ahead: the first one
    founders = [e for e in events if e.uid.startswith("birthday@x/")]
    assert [e.starts_at for e in founders] == [datetime(2027, 3, 1)] and founders[0].all_day
    assert [e.summary for e in events if e.uid == "odd@x"] == ["Odd rule"]
    assert read_ics(SERIES, today=date(2026, 11, 29)).events == events  # the same UIDs again


def _calendar(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e}END:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode()


def test_a_lone_moved_occurrence_imports_as_one_event() -> None:
    from datetime import date

    moved = (
        "UID:pydata-monthly@meetup.com\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270105T190000\r\n"
        "SUMMARY:New year special\r\nDTSTART;TZID=Europe/Berlin:20270106T180000\r\n"
    )
    result = read_ics(_calendar(moved), "moved.ics", today=date(2026, 11, 29))
    assert (result.errors, result.warnings) == ([], [])
    (event,) = result.events
    assert (event.uid, event.summary, event.starts_at, event.timezone) == (
        "pydata-monthly@meetup.com/20270105T1900",  # as the series would name it
        "New year special",
        datetime(2027, 1, 6, 18, 0),
        "Europe/Berlin",
    )
    with_series = read_ics(SERIES, "series.ics", today=date(2026, 11, 29)).events
    assert event.uid in {e.uid for e in with_series}


def test_events_without_a_readable_start_are_named_one_by_one() -> None:
    data = _calendar(
        "UID:a\r\nSUMMARY:No start\r\n",
        "UID:b\r\nSUMMARY:Bad start\r\nDTSTART:2026-13-45\r\n",
        "UID:c\r\nSUMMARY:Good\r\nDTSTART:20261210T190000Z\r\nDTEND:soon\r\n",
        "UID:d\r\nSUMMARY:Bad moved\r\nDTSTART:20261210T190000Z\r\nRECURRENCE-ID:zz\r\n",
    )
    result = read_ics(data, "talks.ics")
    assert result.errors == [
        "talks.ics, event 1: it has no start (DTSTART)",
        "talks.ics, event 2: its start (DTSTART) cannot be read: '2026-13-45'",
        "talks.ics, event 4: its replaced date (RECURRENCE-ID) cannot be read: 'zz'",
    ]
    assert [(e.uid, e.ends_at) for e in result.events] == [("c", None)]
    assert result.warnings == ["talks.ics, Good: its end (DTEND) cannot be read: 'soon'"]
    cut = _calendar("UID:a\r\nSUMMARY:No start\r\n").replace(b"END:VCALENDAR\r\n", b"")
    assert read_ics(cut, "cut.ics").errors == ["cut.ics, event 1: it has no start (DTSTART)"]


def test_unreadable_repeat_rules_and_left_out_dates_are_warnings() -> None:
    from datetime import date

    rule = "UID:odd@x\r\nSUMMARY:Odd rule\r\nDTSTART:20261210T100000\r\nRRULE:FREQ=SOMETIMES\r\n"
    left_out = (
        "UID:w@x\r\nSUMMARY:Weekly\r\nDTSTART:20261210T100000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n"
        "EXDATE:someday\r\n"
    )
    result = read_ics(_calendar(rule, left_out), "r.ics", today=date(2026, 12, 1))
    assert result.errors == []
    assert [e.uid for e in result.events] == ["odd@x", "w@x/20261210T1000", "w@x/20261217T1000"]
    assert result.warnings == [
        "r.ics, Odd rule: its repeat rule (RRULE) cannot be read: 'FREQ=SOMETIMES'",
        "r.ics, Weekly: its left-out dates (EXDATE) cannot be read: 'someday'",
    ]


def test_files_without_events_say_why() -> None:
    assert read_ics(b"", "empty.ics").errors == ["empty.ics: no events (VEVENT) in this file"]
    todo = b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    assert read_ics(todo, "t.ics").errors == ["t.ics: no events (VEVENT) in this file"]
    assert read_ics(b"hello", "h.ics").errors == [
        "h.ics: not an iCalendar file (no BEGIN:VCALENDAR line)"
    ]
    broken = b"BEGIN:VCALENDAR\r\nthis is no line\r\nEND:VCALENDAR\r\n"
    assert read_ics(broken, "b.ics").errors == [
        "b.ics: the calendar cannot be read (a line is not of the form NAME:value)"
    ]


def test_a_calendar_cut_short_keeps_its_whole_events() -> None:
    data = _calendar(
        "UID:a\r\nSUMMARY:First\r\nDTSTART:20261210T190000Z\r\n",
        "UID:b\r\nSUMMARY:Second\r\nDTSTART:20261211T190000Z\r\n",
    )
    cut = data[: data.rindex(b"END:VEVENT")]
    result = read_ics(cut, "cut.ics")
    assert [e.summary for e in result.events] == ["First", "Second"] and result.errors == []
    assert result.warnings == [
        "cut.ics: the file is cut short (a missing END: line); what it holds is read"
    ]
