"""Notifier routes, the tray menu and the assembled reminders (offscreen: no tray, no bus)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from netdesk.core.followup_queries import FollowUpRow
from netdesk.core.services import Services
from netdesk.formats.draft import ContactDraft
from netdesk.paths import Paths
from netdesk.store.models import FollowUp
from netdesk.ui.main_window import MainWindow
from netdesk.ui.notify import Notifier, ReminderBanner, reminder_text
from netdesk.ui.reminders import Reminders
from netdesk.ui.tray import ReminderTray, badged_icon
from tests.fake_time import NOW, FakeClock
from tests.ui.windows import build_window, current_view, edit_action


def _row(i: int, name: str, note: str = "") -> FollowUpRow:
    return FollowUpRow(i, i, name, NOW, False, "check-in", note, "open", "manual")


class FakeDesktop(QObject):
    action_invoked = Signal(int, str)
    lost = Signal()

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []
        self.fail = fail
        self.closed = False

    def close(self) -> None:
        self.closed = True

    def notify(self, title: str, body: str) -> int:
        if self.fail:
            raise ConnectionError("server gone")
        self.sent.append((title, body))
        return 40 + len(self.sent)


@pytest.fixture
def banner(qtbot) -> ReminderBanner:
    widget = ReminderBanner()
    qtbot.addWidget(widget)
    return widget


def test_reminder_text_single_and_grouped() -> None:
    assert reminder_text([_row(1, "Maria Chen", "ask about the talk\nmore")]) == (
        "Follow up with Maria Chen",
        "check-in: ask about the talk",
    )
    rows = [_row(i, name) for i, name in enumerate(["A", "B", "C", "D", "E"])]
    assert reminder_text(rows) == ("5 follow-ups due", "A, B, C and 2 more")


def test_desktop_route_and_its_actions(qtbot, banner) -> None:
    desktop = FakeDesktop()
    notifier = Notifier(desktop, None, banner)
    assert notifier.show([_row(7, "Maria"), _row(8, "Ahmed")]) == "desktop"
    assert desktop.sent == [("2 follow-ups due", "Maria, Ahmed")]
    with qtbot.waitSignal(notifier.done_requested) as done:
        desktop.action_invoked.emit(41, "done")
    assert done.args == [[7, 8]]
    with qtbot.waitSignal(notifier.open_requested) as opened:
        desktop.action_invoked.emit(41, "default")
    assert opened.args == [[7, 8]]
    with qtbot.assertNotEmitted(notifier.snooze_requested):
        desktop.action_invoked.emit(99, "snooze")  # someone else's notification


def test_banner_when_there_is_no_service_nor_tray(qtbot, banner) -> None:
    notifier = Notifier(FakeDesktop(fail=True), None, banner)
    assert notifier.show([_row(3, "Sofia")]) == "banner"
    assert notifier.desktop is None
    assert not banner.isHidden()
    assert banner.text.text() == "Follow up with Sofia: check-in"
    with qtbot.waitSignal(notifier.snooze_requested) as snoozed:
        banner.buttons["snooze"].click()
    assert snoozed.args == [[3]]
    assert banner.isHidden()


def test_tray_menu_is_built_up_front_and_acts(qtbot, services, clock) -> None:
    cid = services.contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))
    first = services.followups.create(cid, clock.now() - timedelta(days=1), reason="thank")
    services.followups.create(cid, clock.now())
    tray = ReminderTray(services.followups, services.changes)
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open NetDesk",
        "2 due (1 overdue)",
        "Quick-add follow-up…",
        "Pause reminders for an hour",
        "Reminder settings…",
        "Quit NetDesk",
    ]
    assert tray.icon.toolTip() == "NetDesk: 2 follow-ups due, 1 overdue"
    item = tray.due_menu.actions()[0].menu()
    assert tray.due_menu.actions()[0].text() == "Maria Chen · thank · overdue 1 day"
    with qtbot.waitSignal(tray.open_followup) as opened:
        item.actions()[0].trigger()
    assert opened.args == [first]
    with qtbot.waitSignal(tray.done_requested) as done:
        item.actions()[1].trigger()
    assert done.args == [[first]]
    with qtbot.waitSignal(tray.snooze_requested) as snoozed:
        item.actions()[2].trigger()
    assert snoozed.args == [[first]]
    services.followups.done([first])
    assert tray.due_menu.title() == "1 due today"
    assert tray.icon.toolTip() == "NetDesk: 1 follow-up due today"
    with qtbot.waitSignal(tray.pause_toggled) as paused:
        tray.pause_action.trigger()
    assert paused.args == [True]


def test_badged_icon_paints_the_count(qtbot) -> None:
    from netdesk.ui.icons import icon

    badged = badged_icon(icon("netdesk"), 3)
    assert not badged.isNull()
    assert badged.cacheKey() != icon("netdesk").cacheKey()
    assert badged_icon(icon("netdesk"), 0).cacheKey() == icon("netdesk").cacheKey()


def test_reminders_show_a_banner_and_open_the_follow_up(qtbot, paths, clock, services) -> None:
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    reminders = Reminders(window, window.services, None)
    assert not reminders.has_tray  # offscreen has no tray: the window stays, banners show
    cid = window.services.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    fid = window.services.followups.create(cid, clock.now() - timedelta(minutes=5), has_time=True)
    reminders.start()
    qtbot.waitUntil(lambda: not reminders.scheduler.busy)
    assert reminders.notifier.last_route == "banner"
    assert reminders.banner.text.text().startswith("Follow up with Ana Lima")
    reminders.banner.buttons["default"].click()
    assert current_view(window) == "followups"
    dialog = window.views["followups"].dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    reminders.scheduler.stop()
    assert window.services.followups.get(fid).notified_at is not None


@pytest.fixture
def ana(qtbot: QtBot, paths: Paths, clock: FakeClock, services: Services) -> tuple[MainWindow, int]:
    """The shown window on a fake clock at NOW, and the id of a contact to follow up with."""
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, window.services.contacts.create(ContactDraft(given_name="Ana"))


def test_a_grouped_reminder_opens_the_agenda_on_the_due_ones(qtbot, ana) -> None:
    window, cid = ana
    window.show_view("contacts")
    followups = window.services.followups
    overdue = followups.create(cid, NOW - timedelta(days=2), has_time=True)
    today = [followups.create(cid, NOW - timedelta(minutes=m), has_time=True) for m in (5, 9)]
    later = followups.create(cid, NOW + timedelta(hours=2), has_time=True)
    reminders = Reminders(window, window.services, None)
    reminders.start()
    qtbot.waitUntil(lambda: not reminders.scheduler.busy)
    assert reminders.banner.text.text().startswith("3 follow-ups due")
    reminders.banner.buttons["default"].click()
    calendar = window.views["followups"]
    assert current_view(window) == "followups" and calendar.dialog is None
    assert calendar.selected == NOW.date()
    assert calendar.overdue.selected_followups() == [overdue]
    assert sorted(calendar.agenda.selected_followups()) == sorted(today)
    assert later not in calendar.agenda.selected_followups()
    reminders.scheduler.stop()


def test_done_after_a_grouped_open_covers_overdue_and_today(qtbot, ana) -> None:
    """D acts on every due one the reminder named, in Overdue and today: they are what Open
    showed selected; a click on one row narrows it to that row."""
    window, cid = ana
    followups = window.services.followups
    overdue = [followups.create(cid, NOW - timedelta(days=d), has_time=True) for d in (1, 2)]
    today = followups.create(cid, NOW - timedelta(minutes=5), has_time=True)
    later = followups.create(cid, NOW + timedelta(hours=2), has_time=True)
    Reminders(window, window.services, None).open_followups([*overdue, today])
    calendar = window.views["followups"]
    qtbot.wait(10)  # the refresh the new follow-ups asked for keeps the selection
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_D)
    assert [followups.get(i).status for i in (*overdue, today, later)] == [
        "done",
        "done",
        "done",
        "open",
    ]
    assert calendar.message.text().startswith("Done: 3 follow-ups. Ctrl+Z undoes.")
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {followups.get(i).status for i in (*overdue, today)} == {"open"}

    calendar.show_followups([*overdue, today])
    first = calendar.overdue.item(0)
    qtbot.mouseClick(
        calendar.overdue.viewport(),
        Qt.MouseButton.LeftButton,
        pos=calendar.overdue.visualItemRect(first).center(),
    )
    qtbot.keyClick(calendar.overdue, Qt.Key.Key_D)
    done = [i for i in (*overdue, today) if followups.get(i).status == "done"]
    assert done == [first.data(Qt.ItemDataRole.UserRole + 1)]


class _UserClose:
    """Stands in for a close event from the window manager (spontaneous)."""

    ignored = False

    def type(self):
        from PySide6.QtCore import QEvent

        return QEvent.Type.Close

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_closing_the_window_keeps_running_in_the_tray(qtbot, paths, clock, services) -> None:
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    reminders = Reminders(window, window.services, None)
    event = _UserClose()
    assert reminders.hide_instead_of_close(event)
    assert event.ignored and not window.isVisible()
    reminders.settings.close_to_tray = False
    assert not reminders.hide_instead_of_close(_UserClose())


def test_new_day_refreshes_birthdays_off_the_gui_thread(qtbot, paths, clock, services) -> None:
    from datetime import date

    from netdesk.store.models import Contact, FollowUp

    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    reminders = Reminders(window, window.services, None)
    cid = window.services.contacts.create(ContactDraft(given_name="Bo", family_name="Ek"))
    Contact.update(birthday=date(1990, 1, 2)).where(Contact.id == cid).execute()
    reminders.scheduler.new_day.emit()
    assert reminders.daily_task is not None
    # The task may finish before a waitSignal could connect: wait for its effect instead.
    qtbot.waitUntil(
        lambda: FollowUp.select().where(FollowUp.origin == "birthday").count() == 1, timeout=10000
    )


def test_file_menu_offers_a_new_follow_up(qtbot, paths, clock, services) -> None:
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "New &follow-up…" in texts
    action = window.menus["file"].actions()[texts.index("New &follow-up…")]
    action.trigger()
    dialog = window.views["followups"].dialog
    assert dialog is not None and dialog.windowTitle() == "New follow-up"
    dialog.reject()


def test_reminder_settings_dialog_saves_and_applies(qtbot, paths, clock, services) -> None:
    from datetime import time

    from PySide6.QtCore import QTime

    from netdesk.ui.reminder_settings import ReminderSettings

    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    reminders = Reminders(window, window.services, None)
    texts = [a.text() for a in window.menus["file"].actions()]
    window.menus["file"].actions()[texts.index("&Reminder settings…")].trigger()
    dialog = reminders.settings_dialog
    assert dialog is not None and not dialog.close_to_tray.isEnabled()  # no tray here
    dialog.digest.setTime(QTime(8, 30))
    dialog.quiet.setChecked(False)
    dialog.accept()
    saved = ReminderSettings.load(window.settings)
    assert (saved.digest, saved.quiet_start, saved.quiet_end) == (time(8, 30), None, None)
    assert reminders.scheduler.settings.digest == time(8, 30)


def test_the_trays_quick_add_done_and_snooze_are_undone_in_follow_ups(ana, monkeypatch) -> None:
    """What the tray changes goes on the Follow-ups view's stack: quick-add shows that view,
    whose Edit → Undo names it; Done and Snooze from the tray (or a reminder) undo there too."""
    from netdesk.ui.followup_dialog import FollowUpDialog

    window, _ana = ana
    window.show_view("contacts")
    reminders = Reminders(window, window.services, None)

    def pick_ana(dialog: FollowUpDialog) -> None:
        dialog.contact.setText("Ana")
        dialog._search("Ana")
        dialog.note.setPlainText("send the slides")
        dialog.accept()

    monkeypatch.setattr(FollowUpDialog, "exec", pick_ana)
    reminders.tray.quick_add.emit()
    (made,) = FollowUp.select().where(FollowUp.note == "send the slides")
    assert current_view(window) == "followups"
    undo = edit_action(window, "&Undo")
    assert undo.text() == "&Undo New follow-up with Ana"
    QTest.keySequence(window.views["followups"].agenda, QKeySequence("Ctrl+Z"))
    assert FollowUp.get_or_none(FollowUp.id == made.id) is None
    QTest.keySequence(window.views["followups"].agenda, QKeySequence("Ctrl+Shift+Z"))
    assert FollowUp.get_by_id(made.id).note == "send the slides"

    reminders.tray.done_requested.emit([made.id])
    assert window.services.followups.get(made.id).status == "done"
    assert undo.text() == "&Undo Done (1 follow-up)"
    undo.trigger()
    assert window.services.followups.get(made.id).status == "open"
    reminders.notifier.snooze_requested.emit([made.id])
    assert undo.text() == "&Undo Snooze (1 follow-up)"
    undo.trigger()
    assert window.services.followups.get(made.id).status == "open"
    edit_action(window, "&Redo").trigger()
    assert window.services.followups.get(made.id).status == "snoozed"
    reminders.scheduler.stop()
