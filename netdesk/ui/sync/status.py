"""The status bar's sync item: when the last sync was, what waits to be sent, the last error in
words, and the cards done while a sync runs. A click opens the sync settings."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from netdesk.core.sync_collection import RECEIVING
from netdesk.core.sync_desk import SyncState
from netdesk.ui.dates import when_label
from netdesk.ui.plural import counted

_SHOWN_ERROR = 60  # characters of an error in the bar; the tooltip has all of it


def local_time(moment: datetime) -> datetime:
    """A stored UTC time as the computer's local time (naive, as the app shows times)."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def progress_text(done: int, total: int, phase: str) -> str:
    """ "Sending 1,200 of 10,000 cards…" (the locale's digit grouping); "Syncing…" before the
    count is known."""
    if not total:
        return QCoreApplication.translate("SyncStatusButton", "Syncing…")
    text = "Receiving {0} of %Ln card(s)…" if phase == RECEIVING else "Sending {0} of %Ln card(s)…"
    done_text = counted("SyncStatusButton", "%Ln", done)
    return counted("SyncStatusButton", text, total).format(done_text)


class SyncStatusButton(QToolButton):
    """A flat button in the status bar that says how sync stands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(self.tr("Sync status"))
        self.setText(self.tr("Sync: not set up"))

    def show_state(self, state: SyncState | None, today: date) -> None:
        """Say how `state` stands (None: no account yet)."""
        if state is None:
            self.setText(self.tr("Sync: not set up"))
            self.setToolTip(self.tr("Sync your contacts with a CardDAV server: click to set up"))
            return
        parts = []
        if state.last_error:
            shown = state.last_error
            if len(shown) > _SHOWN_ERROR:
                shown = shown[: _SHOWN_ERROR - 1].rstrip() + "…"
            parts.append(self.tr("Sync failed: {0}").format(shown))
        elif state.last_sync_at is None:
            parts.append(self.tr("Not synced yet"))
        else:
            when = when_label(local_time(state.last_sync_at), today)
            parts.append(self.tr("Synced {0}").format(when))
        if state.pending:
            parts.append(counted("SyncStatusButton", "%Ln change(s) to send", state.pending))
        if state.conflicts:
            parts.append(counted("SyncStatusButton", "%Ln conflict(s)", state.conflicts))
        self.setText(" · ".join(parts))
        tip = [self.tr("{0} at {1}").format(state.user, state.url)]
        if state.last_error:
            tip.append(state.last_error)
        tip.append(self.tr("Click for the sync settings; F5 syncs now"))
        self.setToolTip("\n".join(tip))

    def show_progress(self, done: int, total: int, phase: str) -> None:
        """A sync runs: the cards of its phase ("receiving", "sending") done of how many."""
        self.setText(progress_text(done, total, phase))

    def show_waiting(self) -> None:
        """A scheduled sync found no password: a click on the item asks for it."""
        self.setText(self.tr("Sync waits for the password"))
        self.setToolTip(self.tr("No password in the system keyring: click to type it"))
