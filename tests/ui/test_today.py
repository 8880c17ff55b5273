"""The Today view through pytest-qt: Reach out with Not now, the due list's groups, keys,
buttons, undo and live refresh."""

from __future__ import annotations

import math
import operator
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import (
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from netdesk.core.dashboard import due_first
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, FollowUp, Interaction, ReachOutSkip
from netdesk.ui.calendar.agenda import ID_ROLE
from netdesk.ui.contacts.log_dialog import LogInteractionDialog
from netdesk.ui.followup_dialog import FollowUpDialog
from netdesk.ui.tasks import Task
from netdesk.ui.today.reach_out import COUNT_KEY
from netdesk.ui.today.view import TodayView
from tests.core.test_worker_thread import _lowered, _nice, linux_only
from tests.fake_time import NOW
from tests.ui.today_view import settle_today

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


def _texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def people(services, clock) -> dict[str, int]:
    def person(name: str, **fields) -> int:
        contact_id = services.contacts.create(ContactDraft(given_name=name, family_name="Test"))
        if fields:
            Contact.update(**fields).where(Contact.id == contact_id).execute()
        return contact_id

    pycon = Event.create(name="PyCon", starts_at=STORED_NOW - timedelta(days=2))
    return {
        "Mehdi": person("Mehdi", met_at=pycon.id),
        "Bea": person("Bea", birthday=date(1990, 3, 12)),
        "Ana": person("Ana"),
    }


@pytest.fixture
def view(make_today, services, people, tmp_path):
    followups = services.followups
    for days in range(1, 11):  # ten overdue, the oldest ten days ago
        followups.create(people["Ana"], date(2026, 3, 11) - timedelta(days=days), note=f"o{days}")
    followups.create(people["Ana"], datetime(2026, 3, 11), reason="thank")
    followups.create(people["Mehdi"], datetime(2026, 3, 11, 16, 0), has_time=True)
    return make_today(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def reach(view):
    return view.sections["reach_out"].list


@pytest.fixture
def due(view):
    return view.sections["due"].list


def test_reach_out_lists_people_with_their_reasons(view, reach) -> None:
    assert _texts(reach) == [
        "Mehdi Test\nmet at PyCon 2 days ago, no follow-up yet",
        "Bea Test\nbirthday tomorrow",
    ]


def test_a_row_whose_name_is_in_a_taller_font_keeps_its_reason(view, reach, qtbot) -> None:
    """Qt elides a row's second line unless it would fit at the first line's height: a Japanese
    name (a fallback font a pixel taller) lost its reason ("太郎 山田…")."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no CJK font: scripts/system-deps.sh test installs fonts-wqy-microhei")
    draft = ContactDraft(given_name="太郎", family_name="山田", birthday=date(1990, 3, 12))
    view.services.contacts.create(draft)
    settle_today(qtbot, view)
    row = _texts(reach).index("太郎 山田\nbirthday tomorrow")
    first = QTextLayout("太郎 山田", reach.font())
    first.beginLayout()
    line = first.createLine()
    first.endLayout()
    assert reach.visualItemRect(reach.item(row)).height() >= 2 * math.ceil(line.height())


def test_a_row_in_the_lists_own_font_keeps_qts_height_unmeasured(view, reach, monkeypatch) -> None:
    """No fallback font for letters the list's font has (ASCII, "·", "ë"): laying the lines out
    (~0.1-0.16 ms a row) is left out."""
    from netdesk.ui import whole_lines

    measured: list[str] = []
    monkeypatch.setattr(whole_lines, "line_height", lambda text, _font: measured.append(text) or 1)
    delegate = reach.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(reach)
    reach.item(0).setText("Zoë Edard\nmet at PyCon · 2 days ago")
    index = reach.model().index(0, 0)
    size = delegate.sizeHint(option, index)
    assert measured == []
    assert size == QStyledItemDelegate.sizeHint(delegate, option, index)
    assert whole_lines.needs_fallback("太郎 山田", reach.font()) == bool(
        QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    ), "a Japanese name needs a fallback font (where one is installed)"


def test_not_now_drops_a_person_and_ctrl_z_brings_them_back(view, reach, people, qtbot) -> None:
    reach.setFocus()
    reach.setCurrentRow(0)
    qtbot.keyClick(reach, Qt.Key.Key_N)
    assert ReachOutSkip.get_by_id(people["Mehdi"]).until == date(2026, 3, 18)
    settle_today(qtbot, view)
    assert _texts(reach) == ["Bea Test\nbirthday tomorrow"]
    assert view.message.text() == "Mehdi Test is left out for a week. Ctrl+Z undoes."
    qtbot.keyClick(reach, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ReachOutSkip.select().count() == 0
    settle_today(qtbot, view)
    assert _texts(reach)[0].startswith("Mehdi Test")


def _eleventh_overdue(view, services, people, qtbot) -> None:
    """One more overdue follow-up, the oldest (11 days ago): Overdue (11) ends in "3 more…"."""
    services.followups.create(people["Ana"], date(2026, 3, 11) - timedelta(days=11), note="o11")
    settle_today(qtbot, view)


def test_due_groups_today_first_and_more_expands(view, due, services, people, qtbot) -> None:
    _eleventh_overdue(view, services, people, qtbot)
    texts = _texts(due)
    assert texts[:4] == [
        "Due today (2)",
        "Ana Test · thank",
        "16:00  Mehdi Test · check-in",
        "Overdue (11)",
    ]
    assert len(texts) == 4 + 8 + 1 and texts[-1] == "3 more…"
    assert texts[4].endswith("Ana Test · check-in · o11")  # oldest first
    due.setFocus()
    due.setCurrentRow(due.count() - 1)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    settle_today(qtbot, view)  # the rest of the group is read
    texts = _texts(due)
    assert len(texts) == 4 + 11 and "3 more…" not in texts
    assert texts[-1].endswith("Ana Test · check-in · o1")


def test_a_group_of_ten_shows_whole_rather_than_2_more(view, due, qtbot) -> None:
    """Overdue (10) showed 8 rows and "2 more…": a row in place of two, where the two fit."""
    texts = _texts(due)
    assert texts[3] == "Overdue (10)" and not any(text.endswith("more…") for text in texts)
    assert len(texts) == 4 + 10 and texts[-1].endswith("Ana Test · check-in · o1")
    rows = [due.sizeHintForRow(row) for row in range(due.count())]
    assert due.minimumHeight() >= sum(rows)  # every row in sight, the list not scrolled


def test_a_group_is_read_as_far_as_shown_until_expanded(
    view, due, services, people, qtbot, monkeypatch
) -> None:
    """Overdue (11) reads the 10 rows it could show whole and its count (not the 4,300 rows of
    100,000 contacts); expanded, the whole group."""
    _eleventh_overdue(view, services, people, qtbot)
    read: list[int] = []
    overdue = services.followups.overdue

    def counted(limit: int | None = None) -> list:
        rows = overdue(limit)
        read.append(len(rows))
        return rows

    monkeypatch.setattr(services.followups, "overdue", counted)
    view.refresh()
    settle_today(qtbot, view)
    assert read == [10]
    due.setFocus()
    due.setCurrentRow(due.count() - 1)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    settle_today(qtbot, view)
    assert read == [10, 11] and len(_texts(due)) == 4 + 11


def test_d_marks_done_in_place_and_ctrl_z_undoes(view, due, services, qtbot) -> None:
    due.setFocus()
    due.setCurrentRow(1)
    done = due.currentItem().data(ID_ROLE)
    qtbot.keyClick(due, Qt.Key.Key_D)
    assert services.followups.get(done).status == "done"
    settle_today(qtbot, view)
    assert _texts(due)[:3] == ["Due today (1)", "16:00  Mehdi Test · check-in", "Overdue (10)"]
    assert due.currentRow() == 1  # the next one is ready for the next key
    assert view.head.figures["due_today"].value.text() == "1"
    qtbot.keyClick(due, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.followups.get(done).status == "open"
    settle_today(qtbot, view)
    assert _texts(due)[:2] == ["Due today (2)", "Ana Test · thank"]


def test_s_snoozes_from_its_menu(view, due, services, qtbot) -> None:
    due.setFocus()
    due.setCurrentRow(2)
    target = due.currentItem().data(ID_ROLE)
    qtbot.keyClick(due, Qt.Key.Key_S)
    menu = view.sections["due"].snooze_button.menu()
    assert isinstance(menu, QMenu) and menu.isVisible()
    menu.actions()[1].trigger()  # tomorrow morning
    menu.close()
    row = services.followups.get(target)
    assert (row.status, row.due_at) == ("snoozed", datetime(2026, 3, 12, 9, 0))
    settle_today(qtbot, view)
    assert "16:00  Mehdi Test · check-in" not in _texts(due)


def test_done_button_acts_on_the_current_row(view, due, services, qtbot) -> None:
    due.setCurrentRow(5)
    target = due.currentItem().data(ID_ROLE)
    buttons = view.findChildren(QPushButton)
    button = next(b for b in buttons if b.text() == "Done")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert services.followups.get(target).status == "done"


def test_l_logs_an_interaction_and_ctrl_z_removes_it(view, due, people, qtbot) -> None:
    due.setFocus()
    due.setCurrentRow(1)
    qtbot.keyClick(due, Qt.Key.Key_L)
    dialog = view.dialog
    assert isinstance(dialog, LogInteractionDialog)
    assert dialog.windowTitle() == "Log interaction — Ana Test"
    dialog.summary.setPlainText("coffee next week")
    dialog.follow_up.setCurrentIndex(2)  # in 1 week
    dialog.accept()
    logged = Interaction.get(Interaction.contact == people["Ana"])
    assert logged.summary == "coffee next week"
    made = FollowUp.get(FollowUp.interaction == logged.id)
    assert made.status == "open"
    view.undo_stack.undo()
    assert Interaction.select().where(Interaction.contact == people["Ana"]).count() == 0
    assert FollowUp.get_by_id(made.id).status == "dismissed"


def test_enter_opens_the_follow_up_or_shows_the_person(view, reach, due, people, qtbot) -> None:
    due.setFocus()
    due.setCurrentRow(1)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert isinstance(view.dialog, FollowUpDialog)
    assert view.dialog.contact_id == people["Ana"]
    view.dialog.reject()
    reach.setFocus()
    reach.setCurrentRow(1)
    with qtbot.waitSignal(view.contact_requested) as asked:
        qtbot.keyClick(reach, Qt.Key.Key_Return)
    assert asked.args == [people["Bea"]]


def test_refreshes_when_data_changes_elsewhere(view, due, services, people, qtbot) -> None:
    services.followups.create(people["Bea"], datetime(2026, 3, 11), reason="introduce")
    settle_today(qtbot, view)
    assert "Bea Test · introduce" in _texts(due)
    assert _texts(due)[0] == "Due today (3)"


def test_the_count_is_a_remembered_setting(view, reach, qtbot) -> None:
    view.sections["reach_out"].count.setValue(1)
    settle_today(qtbot, view)
    assert _texts(reach) == ["Mehdi Test\nmet at PyCon 2 days ago, no follow-up yet"]
    assert int(view.sections["reach_out"].context.settings.value(COUNT_KEY)) == 1


def test_data_is_read_off_the_gui_thread_and_kept_current_while_hidden(
    view, due, services, people, qtbot, monkeypatch
) -> None:
    """A change while Today is hidden is read at once, off the GUI thread: shown again, Today
    has current data without reading anything."""
    threads = []
    rank = services.reach_out.rank
    monkeypatch.setattr(
        services.reach_out,
        "rank",
        lambda limit: threads.append(threading.current_thread()) or rank(limit),
    )
    view.hide()
    services.followups.create(people["Bea"], datetime(2026, 3, 11), reason="introduce")
    settle_today(qtbot, view)
    assert threads and threading.main_thread() not in threads
    assert "Bea Test · introduce" in _texts(due)
    threads.clear()
    view.show()
    qtbot.waitExposed(view)
    assert not view.loading and threads == []


@linux_only
def test_a_read_behind_the_view_shown_runs_at_a_lower_priority(
    make_today, services, people, qtbot, monkeypatch
) -> None:
    """Made ahead of its showing (start-up makes the other views once the shown one is usable),
    or changed while another view is shown, nobody waits for Today's read: it leaves the GUI
    thread a core (over 100,000 contacts its first read took ~0.6 s of CPU as start-up made the
    other views). Shown, or made to be shown first, it reads at the GUI thread's priority."""
    nices: list[int] = []
    rank = services.reach_out.rank
    monkeypatch.setattr(
        services.reach_out, "rank", lambda limit: nices.append(_nice()) or rank(limit)
    )
    make_today(show=False).close()  # the view shown first, made before the window shows it
    window = QStackedWidget()
    qtbot.addWidget(window)
    window.addWidget(QWidget())
    window.show()
    today = TodayView(services)  # made ahead: behind the view shown
    window.addWidget(today)
    settle_today(qtbot, today)
    window.setCurrentWidget(today)
    services.followups.create(people["Bea"], datetime(2026, 3, 11), reason="introduce")
    settle_today(qtbot, today)
    window.setCurrentIndex(0)
    services.followups.create(people["Bea"], datetime(2026, 3, 11), reason="thank")
    settle_today(qtbot, today)
    assert nices == [_nice(), _lowered(), _nice(), _lowered()]


def test_the_picture_is_read_after_the_other_sections(
    view, due, services, people, qtbot, monkeypatch
) -> None:
    """The 12-week picture (longer to read than the rest at 100,000 contacts) is read once the
    other sections are read and shown (showing them does not share the GIL with its read), off
    the GUI thread; Today shows both reads."""
    reads: list[tuple[str, threading.Thread]] = []
    for key in ("picture", "due"):
        section = view.sections[key]
        load = section.load

        def tracked(today, key=key, load=load):
            read = load(today)
            return lambda: reads.append((key, threading.current_thread())) or read()

        monkeypatch.setattr(section, "load", tracked)
    present = view.sections["due"].present
    monkeypatch.setattr(
        view.sections["due"],
        "present",
        lambda *data: reads.append(("due shown", threading.current_thread())) or present(*data),
    )
    Interaction.create(contact=people["Bea"], occurred_at=STORED_NOW, channel="call")
    view.refresh()
    settle_today(qtbot, view)
    assert [key for key, _thread in reads] == ["due", "due shown", "picture"]
    read_on = [thread for key, thread in reads if key != "due shown"]
    assert threading.main_thread() not in read_on
    chart = view.sections["picture"].interactions
    assert chart.series[0].values[-1] == 1, "this week's call"
    assert "Ana Test · thank" in _texts(due)


def test_what_is_in_sight_is_shown_before_the_picture_is_read(
    view, due, services, people, qtbot, monkeypatch
) -> None:
    """The figures and the sections are shown as soon as they are read; the 12-week picture (far
    down the page, the longest read at 100,000 contacts) once it is read. Meanwhile Today is
    still loading, but nothing in sight waits, until the picture is scrolled into sight."""
    picture = view.sections["picture"]
    release = threading.Event()
    load = picture.load

    def held(today):
        read = load(today)
        return lambda: release.wait() and read()

    monkeypatch.setattr(picture, "load", held)
    Interaction.create(contact=people["Bea"], occurred_at=STORED_NOW, channel="call")
    try:
        services.followups.create(people["Bea"], datetime(2026, 3, 11), reason="introduce")
        qtbot.waitUntil(lambda: "Bea Test · introduce" in _texts(due))
        assert picture.visibleRegion().isEmpty()
        assert view.loading and not view.waiting_in_sight
        assert picture.interactions.series[0].values[-1] == 0, "the picture is not read yet"
        view.scroll_area.ensureWidgetVisible(picture)
        qtbot.waitUntil(lambda: not picture.visibleRegion().isEmpty())
        assert view.waiting_in_sight
    finally:
        release.set()
    settle_today(qtbot, view)
    assert picture.interactions.series[0].values[-1] == 1, "this week's call"
    assert not view.waiting_in_sight


FIRST_ROWS = ["reach_out", "due", "upcoming_events", "recent_events"]


def test_the_sections_below_the_first_rows_are_made_once_the_first_read_is_shown(
    services, people, qtbot, monkeypatch
) -> None:
    """Today is made with the sections of its first rows; those below are made (their modules
    imported) and read once the first read is shown, in their place in the grid. Until then
    Today is loading, and, where the page shows room below the first rows, waits in sight."""
    held: list[TodayView] = []
    make_later = TodayView._make_later
    monkeypatch.setattr(TodayView, "_make_later", lambda view: held.append(view))
    view = TodayView(services, None)
    qtbot.addWidget(view)
    assert list(view.sections) == FIRST_ROWS
    view.resize(1024, 2400)  # room below the first rows
    view.show()
    qtbot.waitUntil(lambda: held == [view])
    assert "Mehdi Test" in _texts(view.sections["reach_out"].list)[0]
    assert view.loading and view.waiting_in_sight
    make_later(view)
    settle_today(qtbot, view)
    later = ["job_changes", "goals", "picture", "profiles"]
    assert list(view.sections) == FIRST_ROWS + later
    assert view.grid.sections == list(view.sections.values())
    layout = view.grid.grid
    assert [layout.getItemPosition(layout.indexOf(view.sections[key]))[:2] for key in later] == [
        (2, 0),
        (2, 1),
        (3, 0),
        (3, 1),
    ]
    assert view.sections["goals"].list.accessibleName() == "Goals"
    assert not view.waiting_in_sight


def test_a_read_done_before_the_next_is_connected_still_starts_it(
    make_today, people, monkeypatch
) -> None:
    """Each read of Today is connected before it starts: a read ended before the picture's was
    connected to it (a few quick sections) left the picture unread and Today loading for good."""
    monkeypatch.setattr(Task, "start", lambda task, _pool=None: task.run_here())
    view = make_today()
    assert not view.loading
    assert len(view.sections["picture"].interactions.series[0].values) == 12


def test_an_overdue_row_of_another_year_shows_its_year(view, due, services, people, qtbot) -> None:
    services.followups.create(people["Ana"], date(2025, 11, 3), note="last year")
    settle_today(qtbot, view)
    texts = _texts(due)
    assert texts[3:6] == [
        "Overdue (11)",
        "Mon, 3 Nov 2025  Ana Test · check-in · last year",
        "Sun, 1 Mar  Ana Test · check-in · o10",
    ]


def test_the_hint_says_what_is_due_today_rather_than_up_to_date(
    make_today, services, people, qtbot
) -> None:
    """With nothing overdue but follow-ups due today it said "You are up to date"."""
    view = make_today()
    assert view.head.hint.text().startswith("You are up to date.")
    for person in ("Ana", "Bea"):
        services.followups.create(people[person], datetime(2026, 3, 11), reason="thank")
    settle_today(qtbot, view)
    assert view.head.figures["due_today"].value.text() == "2"
    hint = "2 follow-ups are due today, listed under Due today and overdue."
    assert view.head.hint.text() == hint


def test_the_greeting_names_the_day(view) -> None:
    assert view.head.greeting.text() == "Today, Wednesday, 11 March 2026"


def test_a_long_overdue_group_fills_completely_a_part_at_a_time(
    make_today, services, people, due, view, qtbot, monkeypatch
) -> None:
    """Expanding thousands of overdue rows adds them between turns of the event loop, all of
    them in the end; Done on one deep in the list keeps the place."""
    from netdesk.ui.calendar.agenda import ROWS_AT_ONCE

    many = ROWS_AT_ONCE * 3
    start = date(2026, 3, 11) - timedelta(days=11)
    for days in range(many):
        services.followups.create(people["Bea"], start - timedelta(days=days // 10))
    settle_today(qtbot, view)
    due.setFocus()
    due.setCurrentRow(due.count() - 1)  # "N more…"
    section, shown = view.sections["due"], []
    present = section.present

    def presented(data: object, day: date) -> None:
        present(data, day)
        shown.append((due.count(), due.filling))

    monkeypatch.setattr(section, "present", presented)
    qtbot.keyClick(due, Qt.Key.Key_Return)
    settle_today(qtbot, view)  # the rest of the group is read, then shown
    assert shown[0] == (ROWS_AT_ONCE, True)
    texts = _texts(due)
    assert len(texts) == 4 + 10 + many and texts[3] == f"Overdue ({10 + many})"
    assert texts[4].endswith("Bea Test · check-in")  # the oldest first
    assert texts[-1].endswith("Ana Test · check-in · o1")
    due.setCurrentRow(due.count() - 2)
    qtbot.keyClick(due, Qt.Key.Key_D)
    settle_today(qtbot, view)
    assert len(_texts(due)) == 4 + 10 + many - 1
    assert due.currentRow() == due.count() - 1  # the next one is ready for the next key


def test_done_in_a_long_list_changes_only_its_rows(
    services, people, due, view, qtbot, monkeypatch
) -> None:
    """Done on one of hundreds of overdue rows takes out its row and puts in the new heading
    (which rows differ worked out beside the read, off the GUI thread): every other row stays
    the item it was (none built again), the scroll and the place stay, and the list reads as
    one filled anew."""
    from netdesk.ui.calendar.agenda import ROWS_AT_ONCE
    from netdesk.ui.today import due as due_module

    compared: list[threading.Thread] = []
    row_changes = due_module.row_changes

    def noted(old, keys):
        compared.append(threading.current_thread())
        return row_changes(old, keys)

    monkeypatch.setattr(due_module, "row_changes", noted)

    start = date(2026, 3, 11) - timedelta(days=11)
    for days in range(ROWS_AT_ONCE * 2):
        services.followups.create(people["Bea"], start - timedelta(days=days // 10))
    settle_today(qtbot, view)
    due.setFocus()
    due.setCurrentRow(due.count() - 1)  # "N more…"
    qtbot.keyClick(due, Qt.Key.Key_Return)
    settle_today(qtbot, view)
    done_row = due.count() // 2
    due.setCurrentRow(done_row)
    due.scrollToItem(due.currentItem())
    in_sight = due.itemAt(0, 0)
    before = [due.item(i) for i in range(due.count())]
    next_id = before[done_row + 1].data(ID_ROLE)
    compared.clear()
    qtbot.keyClick(due, Qt.Key.Key_D)
    settle_today(qtbot, view)
    assert compared and threading.main_thread() not in compared
    after = [due.item(i) for i in range(due.count())]
    assert after[3].text() == f"Overdue ({10 + ROWS_AT_ONCE * 2 - 1})"
    kept = before[:3] + before[4:done_row] + before[done_row + 1 :]
    assert len(after) == len(before) - 1
    assert all(map(operator.is_, after[:3] + after[4:], kept))
    assert due.currentItem().data(ID_ROLE) == next_id
    assert due.itemAt(0, 0) is in_sight
    texts = _texts(due)
    due.clear()
    due.fill(*due_first(services.followups, due.limits()), date(2026, 3, 11))
    qtbot.waitUntil(lambda: not due.filling)
    assert _texts(due) == texts


def test_row_changes_keep_rows_in_order_and_few_new() -> None:
    """Which rows go and which stay: None when a kept row moved or too many are new."""
    from netdesk.ui.calendar.agenda import ROWS_AT_ONCE
    from netdesk.ui.today.due import row_changes

    old = [("heading", "Overdue ({0})", 3), ("followup", 1), ("followup", 2), ("followup", 3)]
    new = [("heading", "Overdue ({0})", 2), ("followup", 1), ("followup", 3)]
    assert row_changes(old, new) == ([0, 2], bytearray([0, 1, 1]))
    assert row_changes(old, [old[0], old[3], old[2]]) is None  # moved
    assert row_changes([], new) is None
    many = [("followup", 100 + i) for i in range(ROWS_AT_ONCE + 1)]
    assert row_changes(old, many) is None


def test_reach_out_with_nobody_to_suggest_disables_its_buttons(make_today, services, qtbot) -> None:
    """Log, Write, Not now and Open stayed on over "Nobody is waiting on you today."; off, and
    their keys do nothing; on again once someone is suggested."""
    view = make_today()
    section = view.sections["reach_out"]
    buttons = section.findChildren(QPushButton)
    assert [button.text() for button in buttons] == ["Log…", "Write…", "Not now", "Open"]
    assert _texts(section.list) == ["Nobody is waiting on you today."]
    assert [button.isEnabled() for button in buttons] == [False] * 4
    asked: list[int] = []
    view.contact_requested.connect(asked.append)
    section.list.setFocus()
    for key in (Qt.Key.Key_L, Qt.Key.Key_W, Qt.Key.Key_N, Qt.Key.Key_Return):
        qtbot.keyClick(section.list, key)
    assert view.dialog is None and view.undo_stack.count() == 0 and asked == []
    services.contacts.create(
        ContactDraft(given_name="Bea", family_name="Test", birthday=date(1990, 3, 12))
    )
    settle_today(qtbot, view)
    assert [button.isEnabled() for button in buttons] == [True] * 4


def test_with_nothing_to_act_on_each_section_s_row_buttons_are_off(make_today, qtbot) -> None:
    """Over an empty network every section's buttons stayed on with nothing to act on (Done,
    Snooze, Prep brief, Congratulate…, a goal's Edit and Delete); New goal stays on, and the
    sections' letters do nothing (S opened Snooze's menu)."""
    view = make_today()
    for key, section in view.sections.items():
        if key == "profiles":
            continue
        on = [b.text() for b in section.findChildren(QPushButton) if b.isEnabled()]
        assert on == (["New goal…"] if key == "goals" else []), key
    for key in ("due", "recent_events", "job_changes"):
        view.sections[key].list.setFocus()
        for letter in (Qt.Key.Key_D, Qt.Key.Key_S, Qt.Key.Key_L, Qt.Key.Key_W):
            qtbot.keyClick(view.sections[key].list, letter)
    assert view.dialog is None and view.undo_stack.count() == 0
    assert not view.sections["due"].snooze_button.menu().isVisible()


def test_every_section_says_it_has_nothing_in_the_same_muted_grey(make_today) -> None:
    """ "Nothing due. Well done." was in the rows' dark text, the other sections' words grey."""
    view = make_today()
    said = {}
    for key in ("reach_out", "due", "upcoming_events", "recent_events", "job_changes"):
        item = view.sections[key].list.item(0)
        said[key] = (item.text(), item.foreground().color().name(), item.flags().value)
    assert said["due"][0] == "Nothing due. Well done."
    assert len({(colour, flags) for _text, colour, flags in said.values()}) == 1, said
