"""`netdesk today`: the same plan as the Today view, as text and JSON, without Qt."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from netdesk.__main__ import main
from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.events import EventDraft, EventService
from netdesk.core.followups import FollowUpService
from netdesk.formats.draft import ContactDraft
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact, Event
from tests.cli.qt_free import assert_runs_without_qt
from tests.fake_time import NOW


@pytest.fixture
def data(tmp_path, clock):
    """A data dir with someone met at PyCon two days ago, one follow-up overdue and one due
    today, a meetup in two days; the commands run on `clock` (at NOW)."""
    data = tmp_path / "data"
    data.mkdir()
    open_database(data / "netdesk.db", daily_backup=False)
    changes = Changes()
    followups = FollowUpService(changes, clock)
    contacts = ContactService(changes)
    maria = contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))
    ahmed = contacts.create(ContactDraft(given_name="Ahmed", family_name="Ali"))
    stored_now = NOW.astimezone(UTC).replace(tzinfo=None)
    pycon = Event.create(name="PyCon", starts_at=stored_now - timedelta(days=2))
    Contact.update(met_at=pycon.id).where(Contact.id == ahmed).execute()
    followups.create(maria, date(2026, 3, 9), reason="thank", note="for the intro")
    followups.create(maria, datetime(2026, 3, 11, 16, 0), has_time=True)
    EventService(changes, followups, contacts).create(
        EventDraft(
            name="Fintech Meetup",
            starts_at=datetime(2026, 3, 13, 18, 30),
            place="Factory Berlin",
            checklist={"registered": True},
        )
    )
    close_database()
    return data


def test_today_prints_the_plan(data, capsys, clock) -> None:
    assert main(["--data-dir", str(data), "today"], clock) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Reach out today:",
        "  Ahmed Ali: met at PyCon 2 days ago, no follow-up yet",
        "Due today (1):",
        "  2026-03-11 16:00  Maria Chen  check-in",
        "Overdue (1):",
        "  2026-03-09        Maria Chen  thank  (for the intro)",
        "Upcoming events (1):",
        "  2026-03-13 18:30  Fintech Meetup  prep 1/5  (Factory Berlin)",
        "Recent events (1):",
        "  PyCon, 2 days ago: 1 of 1 met to follow up",
        "    Ahmed Ali: no follow-up yet",
    ]


def test_today_json(data, capsys, clock) -> None:
    assert main(["--data-dir", str(data), "today", "--json"], clock) == 0
    plan = json.loads(capsys.readouterr().out)
    assert set(plan) == {"reach_out", "due_today", "overdue", "upcoming_events", "recent_events"}
    assert [(p["contact"], p["score"], p["reason"]) for p in plan["reach_out"]] == [
        ("Ahmed Ali", 2.8, "met at PyCon 2 days ago, no follow-up yet")
    ]
    assert [(r["due"], r["reason"]) for r in plan["due_today"]] == [
        ("2026-03-11T16:00:00", "check-in")
    ]
    assert [(r["due"], r["note"]) for r in plan["overdue"]] == [("2026-03-09", "for the intro")]
    assert plan["upcoming_events"] == [
        {
            "id": plan["upcoming_events"][0]["id"],
            "name": "Fintech Meetup",
            "starts_at": "2026-03-13T18:30:00",
            "days_until": 2,
            "place": "Factory Berlin",
            "prep_done": 1,
            "prep_total": 5,
            "want_to_meet": 0,
        }
    ]
    (recent,) = plan["recent_events"]
    assert (recent["name"], recent["days_ago"], recent["met"]) == ("PyCon", 2, 1)
    assert [(p["name"], p["followup_id"], p["due"]) for p in recent["open"]] == [
        ("Ahmed Ali", None, None)
    ]


def test_today_without_a_database_and_a_bad_limit(tmp_path, capsys, clock) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "today"], clock) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Reach out today: nobody is waiting on you.",
        "Due today (0):",
        "Overdue (0):",
        "Upcoming events (0):",
        "Recent events (0):",
    ]
    assert main(["--data-dir", str(tmp_path / "none"), "today", "--limit", "0"], clock) == 2


def test_today_does_not_import_qt(data) -> None:
    assert_runs_without_qt("--data-dir", str(data), "today", "--json")
