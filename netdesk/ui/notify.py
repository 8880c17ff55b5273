"""Showing reminders: the desktop's notification service, else the tray balloon, else a banner.

`DesktopNotifications` speaks `org.freedesktop.Notifications` over D-Bus with jeepney (QtDBus
trips over Notify's argument signature) and offers Done / Snooze buttons where the server
supports actions. `Notifier` picks the first route that works and turns clicks into signals.
When the session bus goes away (the desktop session restarts its D-Bus, or NetDesk outlives it)
the reminders fall back to the tray or the banner and the notifier reconnects later.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from queue import Empty, Queue
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from netdesk.core.followup_queries import FollowUpRow
from netdesk.ui.plural import counted
from netdesk.ui.read_only import reading
from netdesk.ui.reminder_words import who

if TYPE_CHECKING:
    from jeepney import DBusAddress, HeaderFields
    from jeepney.io.threading import DBusRouter

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
SHOWN_NAMES = 3
RECONNECT_MS = 60_000  # after the bus is lost, how often to look for it again
ACTIONS = (("default", "Open"), ("done", "Done"), ("snooze", "Snooze 1 hour"))


def reminder_text(rows: list[FollowUpRow]) -> tuple[str, str]:
    """Title and body of one notification for `rows` (grouped when there are several)."""
    if len(rows) == 1:
        row = rows[0]
        body = row.reason + (f": {row.note.splitlines()[0]}" if row.note else "")
        return f"Follow up with {who(row)}", body
    names = ", ".join(who(row) for row in rows[:SHOWN_NAMES])
    more = len(rows) - SHOWN_NAMES
    title = counted("Notifier", "%Ln follow-up(s) due", len(rows))
    return title, names + (f" and {more} more" if more > 0 else "")


def quiet_router(connection: object) -> DBusRouter:
    """jeepney's threaded router, whose receiver thread ends quietly when the bus connection
    breaks: jeepney lets its ConnectionResetError escape the thread, which is a crash to NetDesk.
    The router's `lost` says so; calls waiting for a reply get an error."""
    from jeepney.io.threading import DBusRouter

    class QuietRouter(DBusRouter):
        lost = False

        def _receiver(self) -> None:
            try:
                super()._receiver()
            except (OSError, EOFError) as exc:
                self.lost = True
                log.info("The session bus connection broke: %r", exc)

    return QuietRouter(connection)


Server: TypeAlias = tuple["DBusRouter", set[str]]
"""A notification server on the session bus: the router to it and its capabilities."""


def find_server(timeout: float = 2.0) -> Server | None:
    """The notification server on the session bus when one answers, else None. Uses no Qt, so
    a worker may wait for it (start-up does: importing jeepney and the answer take a while)."""
    try:
        from jeepney import new_method_call
        from jeepney.io.threading import open_dbus_connection

        router = quiet_router(open_dbus_connection(bus="SESSION"))
        reply = router.send_and_get_reply(
            new_method_call(_address(), "GetCapabilities"), timeout=timeout
        )
    except Exception as exc:  # no bus, no server, or it does not answer
        log.info("No desktop notification service: %s", exc)
        return None
    return router, set(reply.body[0])


class DesktopNotifications(QObject):
    """The session bus's notification server; `action_invoked(notification id, action key)`,
    `lost()` when the bus connection broke."""

    action_invoked = Signal(int, str)
    lost = Signal()

    def __init__(self, router: DBusRouter, capabilities: set[str]) -> None:
        super().__init__()
        self._router = router
        self.capabilities = capabilities
        self._queue: Queue[Any] = Queue()
        self._poll = QTimer(self)
        self._poll.setInterval(250)
        self._poll.timeout.connect(self._drain)
        if "actions" in capabilities:
            self._listen()

    @classmethod
    def connect_session(cls, timeout: float = 2.0) -> DesktopNotifications | None:
        """Connect when a notification server answers on the session bus, else None."""
        return cls.of(find_server(timeout))

    @classmethod
    def of(cls, server: Server | None) -> DesktopNotifications | None:
        """The notifications of a server `find_server` found (on any thread), else None."""
        return None if server is None else cls(*server)

    def _listen(self) -> None:
        from jeepney import MatchRule, message_bus

        rule = MatchRule(type="signal", interface=BUS_NAME, path=OBJECT_PATH)
        self._router.send_and_get_reply(message_bus.AddMatch(rule), timeout=2)
        self._filter = self._router.filter(rule, queue=self._queue)
        self._poll.start()

    def notify(self, title: str, body: str, with_actions: bool = True) -> int:
        """Show a notification; its id (for matching clicks).

        Servers with "body-markup" read the body as HTML: it is escaped there, so a contact's
        name or note shows as typed (an "&" stays, a tag is never rendered or fetched).
        """
        from jeepney import new_method_call

        if self._router.lost:
            raise ConnectionError("the session bus connection broke")
        if "body-markup" in self.capabilities:
            body = html.escape(body, quote=False)

        actions = [part for pair in ACTIONS for part in pair]
        if not with_actions or "actions" not in self.capabilities:
            actions = []
        message = new_method_call(
            _address(),
            "Notify",
            "susssasa{sv}i",
            ("NetDesk", 0, "netdesk", title, body, actions, {"category": ("s", "im")}, -1),
        )
        return self._router.send_and_get_reply(message, timeout=3).body[0]

    def _drain(self) -> None:
        if self._router.lost:
            self._poll.stop()
            self.lost.emit()
            return
        while True:
            try:
                message = self._queue.get_nowait()
            except Empty:
                return
            if message.header.fields.get(_member_field()) == "ActionInvoked":
                notification_id, key = message.body
                self.action_invoked.emit(notification_id, key)

    def close(self) -> None:
        self._poll.stop()
        self._router.close()


def _address() -> DBusAddress:
    from jeepney import DBusAddress

    return DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)


def _member_field() -> HeaderFields:
    from jeepney import HeaderFields

    return HeaderFields.member


class ReminderBanner(QToolBar):
    """The in-app reminder strip (a fixed tool bar), for desktops without notifications or tray."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.setStyleSheet(
            "#reminderBanner { background: #fff4d6; border-bottom: 1px solid #e8d08a; }"
        )
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.text)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (*ACTIONS, ("close", "×")):
            button = QPushButton(self.tr(label))
            self.buttons[key] = button
            self.addWidget(button)
        self.buttons["close"].clicked.connect(self.hide)
        reading(self.buttons["default"], self.buttons["close"])  # Open, ×
        self.hide()

    def show_text(self, title: str, body: str) -> None:
        self.text.setText(f"{title}: {body}")
        self.show()


class Notifier(QObject):
    """Shows reminders by the best route there is; clicks come back as signals with the ids of
    every follow-up the reminder named."""

    open_requested = Signal(list)
    done_requested = Signal(list)
    snooze_requested = Signal(list)

    def __init__(
        self,
        desktop: DesktopNotifications | None,
        tray: QSystemTrayIcon | None,
        banner: ReminderBanner,
        parent: QObject | None = None,
        reconnect: Callable[[], DesktopNotifications | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desktop: DesktopNotifications | None = None
        self.tray = tray
        self.banner = banner
        self.last_route = ""
        self._shown: dict[int, list[int]] = {}
        self._latest: list[int] = []
        self._reconnect = reconnect
        self.reconnect_timer = QTimer(self)
        self.reconnect_timer.setInterval(RECONNECT_MS)
        self.reconnect_timer.timeout.connect(self._try_reconnect)
        if desktop is not None:
            self._attach(desktop)
        if tray is not None:
            tray.messageClicked.connect(lambda: self._act("default", self._latest))
        for key in ("default", "done", "snooze"):
            banner.buttons[key].clicked.connect(lambda _=False, k=key: self._banner_act(k))

    def show(self, rows: list[FollowUpRow]) -> str:
        """Announce `rows` as one notification; the route used ("desktop", "tray", "banner")."""
        if not rows:
            return ""
        title, body = reminder_text(rows)
        self._latest = [row.id for row in rows]
        self.last_route = self._deliver(title, body)
        return self.last_route

    def show_message(self, title: str, body: str) -> str:
        """Announce something that is not a follow-up (its Done / Snooze act on nothing)."""
        self._latest = []
        self.last_route = self._deliver(title, body)
        return self.last_route

    def _attach(self, desktop: DesktopNotifications) -> None:
        self.desktop = desktop
        desktop.action_invoked.connect(self._on_action)
        desktop.lost.connect(self._drop_desktop)

    def _drop_desktop(self) -> None:
        """The notification server or its bus went away: use the tray or banner meanwhile."""
        desktop, self.desktop = self.desktop, None
        if desktop is not None:
            desktop.close()
        if self._reconnect is not None:
            self.reconnect_timer.start()

    def _try_reconnect(self) -> None:
        desktop = self._reconnect() if self._reconnect is not None else None
        if desktop is not None:
            log.info("Desktop notifications are back")
            self.reconnect_timer.stop()
            self._attach(desktop)

    def _deliver(self, title: str, body: str) -> str:
        if self.desktop is not None:
            try:
                self._shown[self.desktop.notify(title, body)] = self._latest
                return "desktop"
            except Exception as exc:  # the server went away: fall back
                log.warning("Desktop notification failed: %s", exc)
                self._drop_desktop()
        if self.tray is not None and self.tray.isVisible() and self.tray.supportsMessages():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15000)
            return "tray"
        self.banner.show_text(title, body)
        return "banner"

    def _on_action(self, notification_id: int, key: str) -> None:
        ids = self._shown.get(notification_id)
        if ids is not None:
            self._act(key, ids)

    def _banner_act(self, key: str) -> None:
        self.banner.hide()
        self._act(key, self._latest)

    def _act(self, key: str, ids: list[int]) -> None:
        if not ids:
            return
        if key == "done":
            self.done_requested.emit(ids)
        elif key == "snooze":
            self.snooze_requested.emit(ids)
        else:
            self.open_requested.emit(ids)
