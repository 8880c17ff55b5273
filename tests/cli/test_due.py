"""`netdesk due` and the follow-ups calendar export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from icalendar import Calendar

from netdesk.__main__ import main
from netdesk.core.calendar_export import calendar_ics
from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.followup_queries import AgendaItem
from netdesk.core.followups import FollowUpService
from netdesk.formats.draft import ContactDraft
from netdesk.store.db import close_database, open_database
from tests.cli.qt_free import assert_runs_without_qt
from tests.fake_time import NOW, FakeClock


def _data_dir(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    open_database(data / "netdesk.db", daily_backup=False)
    changes = Changes()
    followups = FollowUpService(changes, FakeClock(NOW))
    cid = ContactService(changes).create(ContactDraft(given_name="Maria", family_name="Chen"))
    today = NOW.date()
    followups.create(cid, today - timedelta(days=2), reason="thank", note="for the intro")
    followups.create(
        cid, datetime.combine(today, datetime.min.time()).replace(hour=16), has_time=True
    )
    followups.create(cid, today + timedelta(days=5), reason="share article")
    close_database()
    return data


def test_due_lists_overdue_and_today(tmp_path, capsys, clock) -> None:
    data = _data_dir(tmp_path)
    assert main(["--data-dir", str(data), "due"], clock) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("Maria Chen  thank  (for the intro)")
    assert "16:00  Maria Chen  check-in" in lines[1]


def test_due_days_and_json(tmp_path, capsys, clock) -> None:
    data = _data_dir(tmp_path)
    assert main(["--data-dir", str(data), "due", "--days", "7", "--json"], clock) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["reason"] for r in rows] == ["thank", "check-in", "share article"]
    assert rows[0]["due"] == (NOW.date() - timedelta(days=2)).isoformat()
    assert rows[1]["has_time"] is True and rows[1]["due"].endswith("T16:00:00")


def test_due_without_a_database_and_bad_days(tmp_path, capsys, clock) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "due"], clock) == 0
    assert capsys.readouterr().out == "Nothing due.\n"
    assert main(["--data-dir", str(tmp_path / "none"), "due", "--days", "-1"], clock) == 2


def test_calendar_export_holds_follow_ups_and_events(services) -> None:
    cid = services.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    services.followups.create(cid, NOW.date(), reason="thank")
    done = services.followups.create(cid, NOW.date())
    services.followups.done([done])
    when = datetime.combine(NOW.date() + timedelta(days=3), datetime.min.time()).replace(hour=18)
    services.followups.agenda_sources.append(
        lambda first, last: [AgendaItem("event", 9, when, "Career fair")]
    )
    calendar = Calendar.from_ical(calendar_ics(services.followups))
    assert [str(t["summary"]) for t in calendar.walk("VTODO")] == ["Thank: Ana Lima"]
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Career fair"]
    with_done = Calendar.from_ical(calendar_ics(services.followups, include_done=True))
    todos = with_done.walk("VTODO")
    assert len(todos) == 2
    completed = [t for t in todos if str(t["status"]) == "COMPLETED"]
    assert completed[0].decoded("completed") == services.followups.get(done).done_at


def test_due_does_not_import_qt(tmp_path) -> None:
    assert_runs_without_qt("--data-dir", str(_data_dir(tmp_path)), "due")


def test_export_format_ics_writes_the_follow_ups(tmp_path, clock) -> None:
    data = _data_dir(tmp_path)
    out = tmp_path / "followups.ics"
    assert main(["--data-dir", str(data), "export", "--format", "ics", "-o", str(out)], clock) == 0
    raw = out.read_bytes()
    assert b"\r\n" in raw
    calendar = Calendar.from_ical(raw)
    summaries = sorted(str(t["summary"]) for t in calendar.walk("VTODO"))
    assert summaries == ["Check-in: Maria Chen", "Share article: Maria Chen", "Thank: Maria Chen"]
