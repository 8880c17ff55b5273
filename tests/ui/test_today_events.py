"""Today's events sections through pytest-qt: upcoming events with prep progress (Enter opens
the prep brief in Events), recent events with the people met still to follow up (Enter shows a
person, D marks their follow-up done, undoable), and the responsive layout."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from netdesk.ui import write_dialog
from netdesk.ui.contacts.log_dialog import LogInteractionDialog
from netdesk.ui.events.panel import TABS
from netdesk.ui.today.events import PREP_ROLE
from netdesk.ui.write_dialog import WriteDialog
from tests.fake_time import NOW
from tests.ui.today_view import settle_today
from tests.ui.windows import current_view


def _texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def planned(services) -> dict[str, int]:
    """A meetup in two days (2 of 5 prep items done), PyCon two days ago where Ana was captured
    (follow-up in 3 days) and Bea was met without a follow-up."""
    events = services.events
    meetup = events.create(
        EventDraft(
            name="Fintech Meetup",
            starts_at=NOW + timedelta(days=2, hours=4),
            place="Factory Berlin",
            checklist={"registered": True, "pitch": True},
        )
    )
    pycon = events.create(EventDraft(name="PyCon", starts_at=NOW - timedelta(days=2)))
    ana = events.capture(pycon, "Ana Lima", "Acme", follow_up_days=3)
    bea = services.contacts.create(ContactDraft(given_name="Bea", family_name="Novak"))
    Contact.update(met_at=pycon).where(Contact.id == bea).execute()
    return {
        "meetup": meetup,
        "pycon": pycon,
        "ana": ana.contact_id,
        "ana_followup": ana.followup_id,
        "bea": bea,
    }


@pytest.fixture
def view(make_today, planned):
    return make_today(size=(1280, 800))


def test_upcoming_shows_when_where_and_prep_progress(view, planned) -> None:
    upcoming = view.sections["upcoming_events"].list
    assert _texts(upcoming) == ["Fintech Meetup\nFri, 13 Mar 18:30 · in 2 days · Factory Berlin"]
    assert upcoming.item(0).data(PREP_ROLE) == (2, 5)
    assert upcoming.item(0).toolTip() == "Prep: 2 of 5 done"


def test_enter_on_an_upcoming_event_asks_for_its_prep_brief(view, planned, qtbot) -> None:
    upcoming = view.sections["upcoming_events"].list
    upcoming.setFocus()
    upcoming.setCurrentRow(0)
    with qtbot.waitSignal(view.event_requested) as asked:
        qtbot.keyClick(upcoming, Qt.Key.Key_Return)
    assert asked.args == [planned["meetup"], "Prep brief"]


def test_recent_lists_people_met_still_to_follow_up(view) -> None:
    assert _texts(view.sections["recent_events"].list) == [
        "PyCon · 2 days ago · 2 of 2 met to follow up",
        "    Ana Lima (Acme) — follow-up due Sat, 14 Mar",
        "    Bea Novak — no follow-up yet",
    ]


def test_enter_on_a_person_shows_them_and_on_the_event_its_review(view, planned, qtbot) -> None:
    recent = view.sections["recent_events"].list
    recent.setFocus()
    recent.setCurrentRow(2)
    with qtbot.waitSignal(view.contact_requested) as asked:
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert asked.args == [planned["bea"]]
    recent.setCurrentRow(0)
    with qtbot.waitSignal(view.event_requested) as asked:
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert asked.args == [planned["pycon"], "Review"]


def test_d_marks_a_met_persons_follow_up_done_and_ctrl_z_undoes(
    view, services, planned, qtbot
) -> None:
    recent = view.sections["recent_events"].list
    recent.setFocus()
    recent.setCurrentRow(1)
    qtbot.keyClick(recent, Qt.Key.Key_D)
    assert services.followups.get(planned["ana_followup"]).status == "done"
    settle_today(qtbot, view)
    assert _texts(recent) == [
        "PyCon · 2 days ago · 1 of 2 met to follow up",
        "    Bea Novak — no follow-up yet",
    ]
    qtbot.keyClick(recent, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.followups.get(planned["ana_followup"]).status == "open"
    settle_today(qtbot, view)
    assert len(_texts(recent)) == 3


def test_l_logs_with_the_met_person(view, qtbot) -> None:
    recent = view.sections["recent_events"].list
    recent.setFocus()
    recent.setCurrentRow(2)
    qtbot.keyClick(recent, Qt.Key.Key_L)
    assert isinstance(view.dialog, LogInteractionDialog)
    assert view.dialog.windowTitle() == "Log interaction — Bea Novak"


def test_w_writes_the_after_meeting_message_and_one_undo_reverts_it(
    view, services, planned, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(write_dialog, "open_url", lambda url: True)
    recent = view.sections["recent_events"].list
    recent.setFocus()
    recent.setCurrentRow(1)
    qtbot.keyClick(recent, Qt.Key.Key_W)
    dialog = view.dialog
    assert isinstance(dialog, WriteDialog)
    assert (dialog.windowTitle(), dialog.template.currentText()) == (
        "Write to Ana Lima",
        "Follow-up after meeting",
    )
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert services.followups.get(planned["ana_followup"]).status == "done"
    view.undo_stack.undo()
    assert services.followups.get(planned["ana_followup"]).status == "open"
    view.dialog.close()
    recent.setCurrentRow(2)  # Bea: met, no follow-up made
    qtbot.keyClick(recent, Qt.Key.Key_W)
    assert view.dialog.template.currentText() == "Follow-up after meeting"


def test_empty_sections_say_so(make_today) -> None:
    widget = make_today(show=False)
    assert _texts(widget.sections["upcoming_events"].list) == ["No events in the next 30 days."]
    assert _texts(widget.sections["recent_events"].list) == ["No events in the last 14 days."]


def test_two_sections_to_a_row_when_wide_one_when_narrow(view, qtbot) -> None:
    grid = view.grid.grid
    order = ["reach_out", "due", "upcoming_events", "recent_events"]

    def cells() -> list[tuple[int, int]]:
        return [grid.getItemPosition(grid.indexOf(view.sections[key]))[:2] for key in order]

    assert cells() == [(0, 0), (0, 1), (1, 0), (1, 1)]
    view.resize(700, 800)
    qtbot.waitUntil(lambda: view.grid.columns == 1)
    assert cells() == [(0, 0), (1, 0), (2, 0), (3, 0)]
    qtbot.waitUntil(lambda: view.sections["due"].width() > 580)  # the one column takes the width
    view.resize(1600, 900)
    qtbot.waitUntil(lambda: view.grid.columns == 2)
    assert cells() == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_a_hidden_today_reads_a_change_at_once(view, services, planned, qtbot) -> None:
    view.hide()
    services.followups.create(planned["bea"], NOW.date(), reason="introduce")
    settle_today(qtbot, view)
    assert "Bea Novak · introduce" in _texts(view.sections["due"].list)


def test_enter_on_upcoming_opens_the_prep_brief_in_events(app_window, services, qtbot) -> None:
    event_id = services.events.create(
        EventDraft(name="Demo Day", starts_at=NOW + timedelta(days=3), status="skipped")
    )
    services.events.create(EventDraft(name="Meetup", starts_at=NOW + timedelta(days=1)))
    today = app_window.views["today"]
    events = app_window.views["events"]
    events.status_filter.setCurrentIndex(events.status_filter.findData("registered"))
    qtbot.wait(1)
    QApplication.processEvents()
    today.event_requested.emit(event_id, "Prep brief")
    assert current_view(app_window) == "events"
    assert events.current_id() == event_id  # the filter that hid it was cleared
    assert events.panel.tabs.currentIndex() == TABS.index("Prep brief")
