"""Follow-ups as VTODO text: what a task says reads back the same, an edit keeps what another
client wrote, a phone's done and time-zoned times are understood."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from netdesk.formats.vtodo import TaskFields, parse_task, render_task, summary

STAMP = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)


def _fields(**changes: object) -> TaskFields:
    values: dict[str, object] = {
        "contact_uid": "contact-1",
        "reason": "check-in",
        "note": "Ask about the job;\nand the move, too",
        "due": datetime(2026, 12, 5, 14, 30),
        "has_time": True,
        "status": "open",
    }
    values.update(changes)
    return TaskFields(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fields",
    [
        _fields(),
        _fields(due=datetime(2026, 12, 5), has_time=False, note=""),
        _fields(status="snoozed"),
        _fields(status="done", done_at=datetime(2026, 12, 6, 9, 15)),
        _fields(status="dismissed", reason="next step"),
    ],
    ids=["timed", "whole-day", "snoozed", "done", "dismissed"],
)
def test_a_task_reads_back_as_written(fields: TaskFields) -> None:
    text = render_task(fields, "Ada Lovelace", "task-1", STAMP)
    parsed = parse_task(text)
    assert parsed.uid == "task-1" and parsed.fields == fields


def test_a_day_without_time_is_a_date_and_a_time_is_floating() -> None:
    timed = render_task(_fields(), "Ada", "t", STAMP)
    day = render_task(_fields(due=datetime(2026, 12, 5), has_time=False), "Ada", "t", STAMP)
    assert "DUE:20261205T143000\r\n" in timed
    assert "DUE;VALUE=DATE:20261205\r\n" in day
    assert "SUMMARY:Check-in: Ada\r\n" in timed


def test_an_edit_keeps_what_another_client_wrote_and_counts_the_sequence() -> None:
    first = render_task(_fields(), "Ada", "t", STAMP)
    phone = first.replace(
        "END:VTODO",
        "PRIORITY:1\r\nCATEGORIES:Work\r\nX-APPLE-SORT-ORDER:42\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\n"
        "END:VALARM\r\nEND:VTODO",
    )
    edited = render_task(_fields(note="new note"), "Ada", "t", STAMP, base=phone)
    for kept in ("PRIORITY:1", "CATEGORIES:Work", "X-APPLE-SORT-ORDER:42", "TRIGGER:-PT15M"):
        assert kept in edited
    assert "SEQUENCE:1\r\n" in edited and "DESCRIPTION:new note\r\n" in edited
    assert parse_task(edited).fields.note == "new note"


def test_a_phones_done_and_time_zoned_due_are_read_as_local() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VTODO\r\nUID:p1\r\n"
        "DTSTAMP:20261202T100000Z\r\nSUMMARY:Call Ada\r\nDUE:20261205T133000Z\r\n"
        "STATUS:COMPLETED\r\nCOMPLETED:20261206T091500Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    fields = parse_task(text).fields
    local = datetime(2026, 12, 5, 13, 30, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert fields.due == local and fields.has_time
    assert fields.status == "done" and fields.done_at is not None
    assert fields.contact_uid == ""  # a phone's own task: about nobody NetDesk knows


def test_a_moved_due_drops_a_start_after_it() -> None:
    base = render_task(_fields(), "Ada", "t", STAMP).replace(
        "END:VTODO", "DTSTART:20261205T120000\r\nEND:VTODO"
    )
    earlier = render_task(_fields(due=datetime(2026, 12, 4, 9, 0)), "Ada", "t", STAMP, base)
    assert "DTSTART" not in earlier


def test_text_without_a_task_is_refused() -> None:
    with pytest.raises(ValueError, match="no task"):
        parse_task("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    with pytest.raises(ValueError):
        parse_task("not a calendar")


def test_the_summary_names_the_reason_then_the_person() -> None:
    assert summary("next step", "Grace Hopper") == "Next step: Grace Hopper"
    assert summary("thank", "") == "Thank"
