"""Events as VEVENT text: what an event says reads back the same (its zone, a floating local
time, UTC), an edit keeps what another client wrote (alarms, attendees, an all-day event's
dates), another client's event is read as a calendar app means it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from netdesk.formats.vevent import EventFields, PersonFields, parse_event, render_event

STAMP = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)
EVENT = EventFields(
    name="PyCon, day 1; the keynote",
    starts_at=datetime(2026, 3, 10, 9, 30),
    ends_at=datetime(2026, 3, 10, 17, 0),
    timezone="Europe/Berlin",
    place="Hall A",
    online_link="https://meet.example.org/pycon",
    url="https://pycon.example.org",
    notes="Bring cards;\nask about the job, too",
    kind="conference",
    status="registered",
    organiser="PSF",
    cost="100 EUR",
    goals="Meet three people\nwho hire",
    prep_notes="Read the talk list",
    conversation_starters="What brought you here?",
    goal_target=3,
    goal_target_text="two heads of product",
    pitch_text="I build payment systems; looking for a team lead role",
    checklist="registered,pitch",
    prep_reminder_days=0,
    people=(
        PersonFields("urn:uuid:ben", "speaker", want_to_meet=True, research_notes='Wrote "Flows"'),
        PersonFields("ana@example.org", met=True, research_notes="Payments,\nLisbon; ex-Stripe"),
    ),
)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize(
    "event",
    [
        EVENT,
        replace(EVENT, timezone="", ends_at=None),
        replace(EVENT, timezone="UTC", place="", online_link=""),
        replace(EVENT, timezone="Pacific/Kiritimati", kind="", status="", goals=""),
        replace(EVENT, timezone="America/Adak", place=""),
        replace(EVENT, goal_target=None, prep_reminder_days=None, checklist="", people=()),
    ],
    ids=["zoned", "floating", "utc", "kiritimati", "adak-online", "no-prep"],
)
def test_an_event_reads_back_as_written(event: EventFields) -> None:
    parsed = parse_event(render_event(event, "event-1", STAMP))
    assert parsed.uid == "event-1" and parsed.fields == event and not parsed.repeats


def test_times_carry_their_zone_a_local_time_floats_and_netdesk_fields_are_x_properties() -> None:
    zoned = _lines(render_event(EVENT, "e", STAMP))
    assert "DTSTART;TZID=Europe/Berlin:20260310T093000" in zoned
    assert "BEGIN:VTIMEZONE" in zoned and "TZID:Europe/Berlin" in zoned
    assert "LOCATION:Hall A" in zoned and "SUMMARY:PyCon\\, day 1\\; the keynote" in zoned
    assert "X-NETDESK-GOALS:Meet three people\\nwho hire" in zoned
    assert "X-NETDESK-KIND:conference" in zoned and "X-NETDESK-STATUS:registered" in zoned
    floating = _lines(render_event(replace(EVENT, timezone=""), "e", STAMP))
    assert "DTSTART:20260310T093000" in floating and "BEGIN:VTIMEZONE" not in floating
    utc = _lines(render_event(replace(EVENT, timezone="UTC"), "e", STAMP))
    assert "DTSTART:20260310T093000Z" in utc
    online = _lines(render_event(replace(EVENT, place=""), "e", STAMP))
    assert "LOCATION:https://meet.example.org/pycon" in online
    assert "X-NETDESK-GOAL-TARGET:3" in zoned and "X-NETDESK-PREP-REMINDER:0" in zoned
    assert "X-NETDESK-CHECKLIST:registered\\,pitch" in zoned
    (people,) = [line for line in zoned if line.startswith("X-NETDESK-PEOPLE:")]
    assert '"contact": "ana@example.org"' in people.replace("\\", "")
    assert not any(line.startswith(("ATTENDEE", "RELATED-TO")) for line in zoned)


def test_the_people_list_is_sorted_and_what_it_cannot_be_is_left_out() -> None:
    listed = EventFields(name="x", starts_at=EVENT.starts_at, people=[["b"], ["a", "speaker"]])
    assert listed.people == (PersonFields("a", "speaker"), PersonFields("b"))
    text = render_event(replace(EVENT, people=()), "e", STAMP)

    def said(people: str) -> EventFields:
        return parse_event(text.replace("END:VEVENT", f"{people}\r\nEND:VEVENT")).fields

    odd = [
        '{"contact": "c"\\, "role": "host"\\, "met": "yes"\\, "want_to_meet": 1}',
        '{"role": "speaker"}',
        '"d"',
    ]
    assert said("X-NETDESK-PEOPLE:[" + "\\,".join(odd) + "]").people == (PersonFields("c", "host"),)
    assert said("X-NETDESK-PEOPLE:not a list").people == ()
    assert said('X-NETDESK-PEOPLE:{"contact": "c"}').people == ()
    numbers = text.replace("X-NETDESK-GOAL-TARGET:3", "X-NETDESK-GOAL-TARGET:three")
    assert parse_event(numbers).fields.goal_target is None


def test_an_edit_keeps_what_another_client_wrote_and_counts_the_sequence() -> None:
    first = render_event(EVENT, "e", STAMP)
    phone = first.replace(
        "END:VEVENT",
        "ATTENDEE;CN=Ada:mailto:ada@example.org\r\nCATEGORIES:Work\r\nX-PHONE-COLOUR:teal\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
        "END:VEVENT",
    )
    edited = replace(EVENT, notes="Bring more cards", status="attended", people=EVENT.people[:1])
    lines = _lines(render_event(edited, "e", STAMP, phone, parse_event(phone).fields))
    assert "ATTENDEE;CN=Ada:mailto:ada@example.org" in lines and "X-PHONE-COLOUR:teal" in lines
    assert "BEGIN:VALARM" in lines and "TRIGGER:-PT15M" in lines and "CATEGORIES:Work" in lines
    assert "DESCRIPTION:Bring more cards" in lines and "X-NETDESK-STATUS:attended" in lines
    assert "SEQUENCE:1" in lines
    assert parse_event("\r\n".join(lines)).fields == edited


def test_an_all_day_event_of_another_client_keeps_its_dates_unless_its_times_change() -> None:
    phone = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:day\r\n"
        "DTSTAMP:20260101T000000Z\r\nSUMMARY:Career fair\r\nDTSTART;VALUE=DATE:20260415\r\n"
        "DTEND;VALUE=DATE:20260417\r\nLOCATION:https://fair.example.org\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    read = parse_event(phone).fields
    assert (read.starts_at, read.ends_at, read.timezone) == (
        datetime(2026, 4, 15),
        datetime(2026, 4, 16, 23, 59),
        "",
    )
    assert (read.kind, read.status, read.place, read.online_link) == (
        "",
        "",
        "",
        "https://fair.example.org",
    )
    nothing = (read.goal_target, read.prep_reminder_days, read.checklist, read.people)
    assert nothing == (None, None, "", ())
    renamed = _lines(render_event(replace(read, name="Fair"), "day", STAMP, phone, read))
    assert "DTSTART;VALUE=DATE:20260415" in renamed and "SUMMARY:Fair" in renamed
    moved = replace(read, starts_at=datetime(2026, 4, 15, 10), ends_at=None)
    assert "DTSTART:20260415T100000" in _lines(render_event(moved, "day", STAMP, phone, read))


def test_an_end_in_another_zone_and_a_duration_read_in_the_starts_zone() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Call\r\n"
        "DTSTART;TZID=Europe/Berlin:20260310T090000\r\nDTEND:20260310T090000Z\r\n"
        "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    parsed = parse_event(text)
    assert parsed.fields.ends_at == datetime(2026, 3, 10, 10, 0) and parsed.repeats
    lasting = text.replace("DTEND:20260310T090000Z", "DURATION:PT90M")
    assert parse_event(lasting).fields.ends_at == datetime(2026, 3, 10, 10, 30)


@pytest.mark.parametrize(
    "text",
    ["not a calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"],
    ids=["garbage", "no-event"],
)
def test_what_is_no_event_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_event(text)
