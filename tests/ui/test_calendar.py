"""The Follow-ups calendar through pytest-qt: grid, agenda, keys, drag to reschedule, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from netdesk.core.followup_queries import AgendaItem
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import db
from netdesk.ui.calendar import CalendarView
from netdesk.ui.calendar.agenda import ID_ROLE
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.views import default_views
from tests.core.test_worker_thread import _lowered, _nice, linux_only


@pytest.fixture
def fu(services):
    return services.followups


@pytest.fixture
def people(services) -> dict[str, int]:
    return {
        name: services.contacts.create(ContactDraft(given_name=name, family_name="Test"))
        for name in ("Maria", "Ahmed", "Sofia")
    }


@pytest.fixture
def view(qtbot, services, fu, people):
    fu.create(people["Maria"], datetime(2026, 3, 2), reason="thank")
    fu.create(people["Ahmed"], datetime(2026, 3, 11, 16, 0), has_time=True, note="call back")
    fu.create(people["Sofia"], datetime(2026, 3, 11))
    fu.create(people["Sofia"], datetime(2026, 3, 20))
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _texts(lst) -> list[str]:
    return [lst.item(i).text() for i in range(lst.count())]


def _settle(qtbot) -> None:
    qtbot.wait(1)
    QApplication.processEvents()


def test_grid_counts_overdue_and_agenda(view) -> None:
    assert view.grid.today == date(2026, 3, 11)
    assert view.grid.counts == {date(2026, 3, 2): 1, date(2026, 3, 11): 2, date(2026, 3, 20): 1}
    assert view.month_label.text() == "March 2026"
    assert view.overdue_label.text() == "Overdue (1)"
    assert "Maria Test · thank" in _texts(view.overdue)[0]
    assert _texts(view.agenda) == [
        "Sofia Test · check-in",
        "16:00  Ahmed Test · check-in · call back",
    ]
    assert view.agenda_label.text() == "Wednesday, 11 March 2026"


def test_keys_move_day_month_and_back_to_today(view, qtbot) -> None:
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.selected == date(2026, 3, 12)
    qtbot.keyClick(view.grid, Qt.Key.Key_Down)
    assert view.selected == date(2026, 3, 19)
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)
    assert _texts(view.agenda) == ["Nothing due. Drag a follow-up here from another day."]
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert (view.selected, view.month_label.text()) == (date(2026, 4, 18), "April 2026")
    qtbot.keyClick(view.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(view.grid, Qt.Key.Key_PageUp)
    assert view.selected == date(2026, 2, 18)
    qtbot.keyClick(view.grid, Qt.Key.Key_T)
    assert view.selected == date(2026, 3, 11)


def test_an_empty_day_says_so_in_today_s_muted_grey(view) -> None:
    """The agenda's "Nothing due…" row was in the rows' dark text, Today's empty rows grey."""
    view.select_day(date(2026, 3, 12))
    (item,) = (view.agenda.item(i) for i in range(view.agenda.count()))
    assert item.text() == "Nothing due. Drag a follow-up here from another day."
    assert item.foreground().color().name() == "#9aa5b8"  # Today's (list_rows.muted_item)
    assert item.flags() == Qt.ItemFlag.NoItemFlags
    assert not item.font().bold()


def test_pgdn_keeps_the_day_or_the_last_of_a_shorter_month(view, qtbot) -> None:
    view.select_day(date(2026, 1, 31))
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert view.selected == date(2026, 2, 28)
    view.select_day(date(2028, 1, 31))
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert view.selected == date(2028, 2, 29)
    qtbot.keyClick(view.grid, Qt.Key.Key_PageUp)
    assert view.selected == date(2028, 1, 29)


def test_click_selects_a_day(view, qtbot) -> None:
    rect = view.grid.cell_rect(date(2026, 3, 20))
    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected == date(2026, 3, 20)
    assert _texts(view.agenda) == ["Sofia Test · check-in"]


def test_d_marks_done_and_ctrl_z_undoes(view, fu, qtbot) -> None:
    view.agenda.setFocus()
    first = view.agenda.currentItem().data(ID_ROLE)
    qtbot.keyClick(view.agenda, Qt.Key.Key_D)
    assert fu.get(first).status == "done"
    _settle(qtbot)
    assert view.agenda.item(0).font().strikeOut()
    assert "Ctrl+Z" in view.message.text()
    qtbot.keyClick(view.agenda, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fu.get(first).status == "open"


def test_s_offers_snooze_presets(view, fu, qtbot) -> None:
    view.agenda.setFocus()
    target = view.agenda.currentItem().data(ID_ROLE)
    qtbot.keyClick(view.agenda, Qt.Key.Key_S)
    menu = view.snooze_button.menu()
    assert isinstance(menu, QMenu) and menu.isVisible()
    assert [a.text() for a in menu.actions()][:3] == ["1 hour", "Tomorrow morning", "Next week"]
    menu.actions()[1].trigger()
    menu.close()
    row = fu.get(target)
    assert (row.status, row.due_at) == ("snoozed", datetime(2026, 3, 12, 9, 0))


def test_overdue_section_acts_when_focused(view, fu, qtbot) -> None:
    view.overdue.setFocus()
    view.overdue.setCurrentRow(0)
    target = view.overdue.currentItem().data(ID_ROLE)
    qtbot.keyClick(view.overdue, Qt.Key.Key_D)
    assert fu.get(target).status == "done"
    _settle(qtbot)
    assert not view.overdue.isVisible()


def test_drag_to_another_day_reschedules(view, fu, qtbot) -> None:
    item = view.agenda.item(1)
    target = item.data(ID_ROLE)
    mime = view.agenda.mimeData([item])
    drop = QDropEvent(
        QPointF(view.grid.cell_rect(date(2026, 3, 24)).center()),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.grid.dropEvent(drop)
    assert fu.get(target).due_at == datetime(2026, 3, 24, 16, 0)
    _settle(qtbot)
    assert view.grid.counts[date(2026, 3, 24)] == 1
    view.undo()
    assert fu.get(target).due_at == datetime(2026, 3, 11, 16, 0)


def test_enter_opens_the_follow_up_for_editing(view, fu, qtbot) -> None:
    view.agenda.setFocus()
    view.agenda.setCurrentRow(1)
    target = view.agenda.currentItem().data(ID_ROLE)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    dialog = view.dialog
    assert isinstance(dialog, FollowUpDialog) and dialog.isVisible()
    assert dialog.timed.isChecked()
    dialog.note.setPlainText("call back about the role")
    dialog.reason.setCurrentText("introduce")
    dialog.accept()
    row = fu.get(target)
    assert (row.note, row.reason, row.due_at) == (
        "call back about the role",
        "introduce",
        datetime(2026, 3, 11, 16, 0),
    )


def test_week_mode_lists_days_with_headings(view, qtbot) -> None:
    view.select_day(date(2026, 3, 18))
    view.set_week_mode(True)
    texts = _texts(view.agenda)
    assert texts == ["Friday, 20 March", "Sofia Test · check-in"]
    assert view.agenda_label.text() == "Week of 16–22 Mar 2026"


def test_events_from_a_source_show_in_their_own_colour(view, fu) -> None:
    item = AgendaItem("event", 3, datetime(2026, 3, 11, 18, 30), "PyData meetup")
    fu.agenda_sources.append(lambda first, last: [item])
    view.refresh()
    assert date(2026, 3, 11) in view.grid.event_days
    assert _texts(view.agenda)[-1] == "18:30  PyData meetup"
    assert (
        view.agenda.mimeData([view.agenda.item(2)]).data("application/x-netdesk-followups") == b"[]"
    )


def test_new_follow_up_dialog_finds_the_contact(view, fu, people, qtbot) -> None:
    view.new_followup()
    dialog = view.dialog
    qtbot.keyClicks(dialog.contact, "Ahme")
    assert list(dialog._matches.values()) == [people["Ahmed"]]
    dialog.contact.setText(next(iter(dialog._matches)))
    dialog.day.setDate(date(2026, 3, 25))
    dialog.accept()
    row = fu.get(dialog.created_id)
    assert (row.contact_id, row.due_at, row.has_time) == (
        people["Ahmed"],
        datetime(2026, 3, 25),
        False,
    )


def test_dialog_refuses_without_a_contact(view, qtbot) -> None:
    view.new_followup()
    view.dialog.accept()
    assert view.dialog.created_id is None
    assert "Pick a contact" in view.dialog.error.text()
    view.dialog.reject()


def test_follow_ups_view_is_registered() -> None:
    assert "followups" in [spec.key for spec in default_views()]


def test_keys_work_inside_the_main_window(qtbot, paths, clock, people) -> None:
    from tests.ui.windows import build_window

    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    fu = window.services.followups
    fid = fu.create(people["Maria"], clock.today(), reason="thank")
    view = window.show_view("followups")
    view.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.agenda.setFocus()
    view.agenda.setCurrentRow(0)
    qtbot.keyClick(view.agenda, Qt.Key.Key_D)
    assert fu.get(fid).status == "done"
    qtbot.keyClick(view.agenda, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fu.get(fid).status == "open"
    _settle(qtbot)
    view.agenda.setCurrentRow(0)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    assert view.dialog is not None and view.dialog.isVisible()
    view.dialog.reject()


def test_follow_up_after_a_logged_interaction(qtbot, services, fu, people) -> None:
    from netdesk.core.interactions import log_interaction
    from netdesk.store.models import FollowUp

    interaction = log_interaction(services.changes, people["Sofia"], channel="coffee")
    dialog = FollowUpDialog(fu, people["Sofia"], reason="after meeting", interaction_id=interaction)
    qtbot.addWidget(dialog)
    assert dialog.reason.currentText() == "after meeting"
    [week] = [b for b in dialog.findChildren(QPushButton) if b.text() == "in 1 week"]
    week.click()
    dialog.accept()
    row = FollowUp.get_by_id(dialog.created_id)
    assert (row.interaction_id, row.due_at) == (interaction, datetime(2026, 3, 18))


def test_a_view_made_hidden_reads_when_first_shown(qtbot, services, fu, people) -> None:
    """Start-up makes the view hidden, a turn of its own: its month, agenda and Overdue (tens
    of ms at 20,000 follow-ups) are read on a worker ahead of its first showing, none on the
    GUI thread while it is made; a day chosen meanwhile leaves Overdue to that showing."""
    fu.create(people["Maria"], datetime(2026, 3, 2), reason="thank")
    fu.create(people["Sofia"], datetime(2026, 3, 12))
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        widget = CalendarView(fu, services.changes)
    finally:
        db.connection().set_trace_callback(None)
    qtbot.addWidget(widget)
    assert statements == []
    widget.select_day(date(2026, 3, 12))
    assert _texts(widget.overdue) == []
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.overdue_label.text() == "Overdue (1)"
    assert _texts(widget.overdue)[0].endswith("Maria Test · thank")
    assert _texts(widget.agenda) == ["Sofia Test · check-in"]


def test_a_hidden_view_reads_ahead_of_its_showing(qtbot, services, fu, people) -> None:
    """Made hidden, and again after a change while hidden, the view reads its month, agenda and
    Overdue on a worker: shown, it shows them without a statement on the GUI thread."""
    fu.create(people["Maria"], datetime(2026, 3, 2), reason="thank")
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    fu.create(people["Sofia"], datetime(2026, 3, 11))  # a change while hidden
    qtbot.waitUntil(lambda: not widget.reader.busy)
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        widget.resize(1000, 600)
        widget.show()
        qtbot.waitExposed(widget)
    finally:
        db.connection().set_trace_callback(None)
    assert statements == []
    assert widget.overdue_label.text() == "Overdue (1)"
    assert _texts(widget.overdue)[0].endswith("Maria Test · thank")
    assert _texts(widget.agenda) == ["Sofia Test · check-in"]


@linux_only
def test_the_read_ahead_leaves_the_gui_thread_a_core(qtbot, services, fu, monkeypatch) -> None:
    """Nobody waits for it while it runs (start-up makes the view hidden, then the others): it
    runs at a lower priority."""
    from netdesk.ui.calendar import view as calendar_view

    nices: list[int] = []
    read = calendar_view._read_month
    monkeypatch.setattr(
        calendar_view, "_read_month", lambda *args: nices.append(_nice()) or read(*args)
    )
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.reader.busy)
    assert nices == [_lowered()]


def test_a_burst_of_changes_while_hidden_reads_ahead_once(
    qtbot, services, fu, people, monkeypatch
) -> None:
    """Changes while hidden read ahead once, on a later turn than theirs (Done publishes three:
    restarting the read for each stopped the one running, inside Done's own turn)."""
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.reader.busy)
    starts: list[object] = []
    start = widget.reader.start
    monkeypatch.setattr(widget.reader, "start", lambda work: starts.append(work) or start(work))
    for day in (2, 3, 4):
        fu.create(people["Maria"], datetime(2026, 3, day), reason="thank")
    assert starts == []
    qtbot.waitUntil(lambda: len(starts) == 1 and not widget.reader.busy)
    qtbot.wait(20)
    assert len(starts) == 1
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.overdue_label.text() == "Overdue (3)"


def test_overdue_rows_are_whole_and_dated_with_their_year(qtbot, services, fu, people) -> None:
    """Overdue from last year says the year; the list shows whole rows (here all twelve: half the
    side's room holds them) and no sideways scroll bar."""
    for day in range(1, 13):
        fu.create(people["Maria"], datetime(2025, 11, day), reason="check-in")
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    overdue = widget.overdue
    assert _texts(overdue)[0].startswith("Sat, 1 Nov 2025  Maria Test · check-in")
    row = overdue.sizeHintForRow(0)
    qtbot.waitUntil(lambda: overdue.viewport().height() == 12 * row)
    assert overdue.visualItemRect(overdue.item(11)).bottom() < overdue.viewport().height()
    assert not overdue.horizontalScrollBar().isVisible()


def test_one_list_holds_the_selection_snooze_acts_on(view, fu, qtbot) -> None:
    """Choosing in Overdue clears the agenda's highlight and the other way round; the Snooze
    button (which takes the focus) acts on the list that shows a selection."""
    assert view.agenda.selectedItems() and not view.overdue.selectedItems()
    view.overdue.setCurrentRow(0)
    assert view.overdue.selectedItems() and not view.agenda.selectedItems()
    overdue_id = view.overdue.currentItem().data(ID_ROLE)
    view.snooze_button.setFocus()
    assert view.current_ids() == [overdue_id]
    view.agenda.setCurrentRow(0)
    assert view.agenda.selectedItems() and not view.overdue.selectedItems()
    assert view.current_ids() == [view.agenda.currentItem().data(ID_ROLE)]


def test_a_day_of_hundreds_lists_them_all_a_part_at_a_time(view, fu, people, qtbot) -> None:
    """A long agenda (an import's check-ins) shows its first rows at once, the first of them
    current, and the rest between turns of the event loop."""
    from netdesk.ui.calendar.agenda import ROWS_AT_ONCE

    for minute in range(2 * ROWS_AT_ONCE):
        when = datetime(2026, 3, 12, 8, 0) + timedelta(minutes=minute)
        fu.create(people["Maria"], when, has_time=True)
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.agenda.count() == ROWS_AT_ONCE and view.agenda.filling
    assert view.agenda.currentRow() == 0
    qtbot.waitUntil(lambda: not view.agenda.filling)
    texts = _texts(view.agenda)
    assert len(texts) == 2 * ROWS_AT_ONCE
    assert texts[0].startswith("08:00") and texts[-1].startswith("12:59")


def test_overdue_takes_half_the_room_in_whole_rows_and_never_raises_the_minimum(
    qtbot, services, fu, people
) -> None:
    """At 1920x1080 the overdue list was eight rows over an agenda half empty: it now takes up
    to half the side's room, in whole rows; small, it keeps at least eight and the agenda the
    rest, and a tall list never makes the window's minimum taller (it could not be made small
    again)."""
    for day in range(1, 29):
        for _ in range(3):
            fu.create(people["Maria"], datetime(2025, 11, day), reason="check-in")
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    overdue, agenda = widget.overdue, widget.agenda
    widget.show()
    qtbot.waitUntil(lambda: overdue.count() == 84)
    row = overdue.sizeHintForRow(0)
    shown: dict[int, int] = {}
    for height in (1000, 500, 1000):
        widget.resize(1700, height)
        _settle(qtbot)
        rows = overdue.viewport().height() // row
        assert overdue.viewport().height() == rows * row, "whole rows"
        assert agenda.height() >= agenda.sizeHint().height()
        if height in shown:
            assert rows == shown[height], "the same again at the same size"
        shown[height] = rows
        assert widget.minimumSizeHint().height() < 500
    assert 8 <= shown[500] < 12 and shown[1000] > 20
    assert abs(overdue.height() - agenda.height()) <= row + 4, "about half each"


@pytest.mark.parametrize(
    ("room", "agenda", "rows"),
    [(400, 192, 14), (900, 192, 32), (300, 192, 8), (600, 500, 8), (120, 0, 8)],
)
def test_the_overdue_rows_are_half_the_room_leaving_the_agenda_its_height(
    room: int, agenda: int, rows: int
) -> None:
    from netdesk.ui.calendar.view import overdue_rows_shown

    assert overdue_rows_shown(room, 14, agenda) == rows


def test_each_heading_sits_by_its_own_list(view, qtbot) -> None:
    """The side's headings were 16 pixels from the list above and from their own alike (the
    body's spacing, inherited): now 4 from their own list, 16 from the one above."""
    _settle(qtbot)
    overdue, agenda = view.overdue, view.agenda
    assert overdue.isVisible()
    below_heading = overdue.geometry().top() - view.overdue_label.geometry().bottom() - 1
    assert below_heading == 4
    label = view.agenda_label
    text_top = label.geometry().top() + label.contentsMargins().top()
    above_agenda_heading = text_top - overdue.geometry().bottom() - 1
    below_agenda_heading = agenda.geometry().top() - label.geometry().bottom() - 1
    assert (above_agenda_heading, below_agenda_heading) == (16, 4)
    buttons = sorted(
        (b for b in view.findChildren(QPushButton) if b.text() in ("Open", "Done")),
        key=lambda b: b.x(),
    )
    assert buttons[1].x() - buttons[0].geometry().right() - 1 == 16
    assert buttons[0].geometry().top() - agenda.geometry().bottom() - 1 == 12


def test_with_nothing_listed_its_buttons_are_off(qtbot, services, fu) -> None:
    """Over no follow-up Open, Done, Snooze and Dismiss stayed on beside "Nothing due", and S
    opened Snooze's menu; off (S does nothing) until a follow-up is listed."""
    widget = CalendarView(fu, services.changes)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    acting = ("Open", "Done", "Snooze", "Dismiss")
    buttons = [b for b in widget.findChildren(QPushButton) if b.text() in acting]
    assert len(buttons) == 4
    assert not any(b.isEnabled() for b in buttons)
    widget.agenda.setFocus()
    qtbot.keyClick(widget.agenda, Qt.Key.Key_S)
    assert not widget.snooze_button.menu().isVisible()
    maria = services.contacts.create(ContactDraft(given_name="Maria", family_name="Test"))
    fu.create(maria, datetime(2026, 3, 11))
    widget.refresh()
    assert all(b.isEnabled() for b in buttons)
