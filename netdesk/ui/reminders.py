"""Reminders put together: scheduler → notifier (desktop / tray / banner), the tray and its menu,
and closing the window to the tray where there is one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from netdesk.ui.events.prep_reminders import PrepReminders
from netdesk.ui.followup_dialog import ask_follow_up
from netdesk.ui.me.profile_reminders import ProfileReminders
from netdesk.ui.notify import DesktopNotifications, Notifier, ReminderBanner, Server
from netdesk.ui.reminder_settings import ReminderSettings
from netdesk.ui.reminder_settings_dialog import ReminderSettingsDialog
from netdesk.ui.reminder_words import Hold, hold_text
from netdesk.ui.scheduler import ReminderScheduler
from netdesk.ui.tasks import Task
from netdesk.ui.tray import ReminderTray

if TYPE_CHECKING:
    from netdesk.core.services import Services
    from netdesk.ui.followup_commands import FollowUpCommands
    from netdesk.ui.main_window import MainWindow


class Reminders(QObject):
    """Owns the reminder parts of one running window."""

    def __init__(
        self,
        window: MainWindow,
        services: Services,
        desktop: DesktopNotifications | None = None,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.editable = editable
        self.settings = ReminderSettings.load(window.settings)
        followups = services.followups
        self.scheduler = ReminderScheduler(followups, services.changes, self.settings, self)
        self.tray = ReminderTray(followups, services.changes, self, editable=editable)
        self.has_tray = self.tray.show()
        self.banner = ReminderBanner(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.notifier = Notifier(
            desktop,
            self.tray.icon if self.has_tray else None,
            self.banner,
            reconnect=DesktopNotifications.connect_session,
        )

        self.scheduler.due.connect(self.notifier.show)
        self.scheduler.held.connect(self.show_hold)
        self.notifier.open_requested.connect(self.open_followups)
        for source in (self.notifier, self.tray):
            source.done_requested.connect(lambda ids: self.commands().done(ids))
            source.snooze_requested.connect(lambda ids: self.commands().snooze(ids, "1 hour"))
        self.tray.open_app.connect(window.bring_to_front)
        self.tray.open_followup.connect(lambda followup_id: self.open_followups([followup_id]))
        self.tray.quick_add.connect(self.quick_add)
        self.tray.pause_toggled.connect(self.set_paused)
        self.tray.quit_requested.connect(window.quit_app)
        if self.has_tray:
            QApplication.setQuitOnLastWindowClosed(False)
            window.installEventFilter(self)
        self.tray.set_paused(self.settings.paused_until)
        self.tray.settings_requested.connect(self.edit_settings)
        self.settings_action = QAction(window.tr("&Reminder settings…"), self)
        self.settings_action.triggered.connect(self.edit_settings)
        window.add_file_action(self.settings_action, "settings")
        self.settings_dialog: ReminderSettingsDialog | None = None
        self.daily_task: Task | None = None
        self.scheduler.new_day.connect(self.refresh_generated)

    def start(self) -> None:
        self.scheduler.start()

    def refresh_generated(self) -> None:
        """Once a day, off the GUI thread: next birthdays and check-ins for every contact."""
        self.daily_task = Task(lambda _progress: self.services.followups.sync_generated(), self)
        self.daily_task.start()

    def edit_settings(self) -> None:
        """Open the reminder settings; saved and applied when accepted."""
        dialog = ReminderSettingsDialog(self.settings, self.has_tray, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_changed)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_changed(self) -> None:
        self.settings.save(self.window.settings)
        self.scheduler.check()

    def show_hold(self, hold: Hold | None) -> None:
        """Say in the tray's tooltip and on Today that reminders are held back (or no more)."""
        self.tray.set_hold(hold)
        today = self.window.views.get("today")
        show_notice = getattr(today, "show_notice", None)
        if show_notice is not None:
            show_notice(hold_text(hold) if hold is not None else "")

    def set_paused(self, paused: bool) -> None:
        """Pause reminders for an hour, or resume them."""
        if paused:
            self.scheduler.pause(60)
        else:
            self.scheduler.resume()
        self.settings.save(self.window.settings)

    def commands(self) -> FollowUpCommands:
        """The Follow-ups view's: what reminders and the tray change is undone there (its
        Edit → Undo "Done (1 follow-up)"), as the calendar's own changes are."""
        from netdesk.ui.calendar.view import CalendarView

        calendar = self.window.build_view("followups")
        assert isinstance(calendar, CalendarView)
        return calendar.commands

    def quick_add(self) -> int | None:
        """The tray's Quick-add: a follow-up on the Follow-ups view's stack, which the window
        then shows, so that Edit → Undo "New follow-up with …" is at hand; its id, or None."""
        made = ask_follow_up(self.window, self.services, None, commands=self.commands())
        if made is not None:
            self.window.show_view("followups")
        return made

    def open_followups(self, followup_ids: list[int]) -> None:
        """Bring the window up on the Follow-ups view: one follow-up opens for editing, several
        (a grouped reminder) are shown selected in the agenda."""
        self.window.bring_to_front()
        if "followups" not in self.window.views:
            return
        from netdesk.ui.calendar.view import CalendarView

        calendar = self.window.show_view("followups")
        assert isinstance(calendar, CalendarView)
        if len(followup_ids) == 1:
            calendar.open_followup(followup_ids[0])
        else:
            calendar.show_followups(followup_ids)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and self.hide_instead_of_close(event):
            return True
        return super().eventFilter(watched, event)

    def hide_instead_of_close(self, event: QEvent) -> bool:
        """When the user closes the window (not Quit) and the setting says so, hide it to the
        tray instead; whether it did."""
        closing = event.type() == QEvent.Type.Close and event.spontaneous()
        if not (closing and self.settings.close_to_tray):
            return False
        self.window.save_state()
        self.window.hide()
        event.ignore()
        return True


def install_reminders(
    window: MainWindow, services: Services, server: Server | None, *, editable: bool = True
) -> Reminders:
    """Reminders for the window (the tray, its menu, the banner), with the desktop's
    notification `server` if `find_server` found one; `start_reminders` starts them (start-up
    a turn later).

    A store opened read-only (not `editable`) gets the tray without its changes and no
    reminders: each records that it was shown, which the store cannot (the banner says why)."""
    return Reminders(window, services, DesktopNotifications.of(server), editable=editable)


def start_reminders(reminders: Reminders) -> None:
    """Announce what is due and keep watching: follow-ups, events to prepare for, profiles to
    refresh (none for a read-only store)."""
    if not reminders.editable:
        return
    reminders.start()
    services = reminders.services
    told = (services.changes, reminders.notifier, reminders, reminders.settings)
    PrepReminders(services.events, *told).check()
    ProfileReminders(services.profiles, *told).check()
