"""Read-only mode: when the store can only be read, no control that would change it is on.

Everything in the window that could change data is off unless marked as only reading: text
fields become read-only (their text can still be selected and copied); buttons, check boxes,
combo boxes, actions and shortcuts are disabled; lists take no edits, drops nor Delete; the
window takes no dropped files (they would be imported). What only reads or moves around is
marked `reading(...)` where it is made (a search box, the filters, Open, Print, Export, the
View and Help menus), and a mark on a widget keeps all it holds. Widgets, actions and menus
made later (a row's buttons, a context menu, a dialog opened from the window) are locked when
shown or added; a view that enables a locked control again (the selection changed) is
overruled. In a dialog the buttons that leave it (Cancel, Close) stay. Message boxes and the
file, print and progress dialogs are left alone. `ReadOnlyLock.install(window)` does it, once;
the banner (`store_faults.show_read_only`) says why and how to fix it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

READING = "netdeskReading"
"""The property that marks a widget, action, menu or shortcut as only reading."""

_TEXT = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
_SWITCHES = (QAbstractButton, QComboBox)
_PARTS_OF = (*_TEXT, QComboBox, QTabBar, QAbstractItemView)  # their own buttons stay as they are
_LEFT_ALONE = {"QMessageBox", "QFileDialog", "QProgressDialog", "QPrintDialog", "QPageSetupDialog"}
_LEAVING = {
    QDialogButtonBox.ButtonRole.RejectRole,
    QDialogButtonBox.ButtonRole.NoRole,
    QDialogButtonBox.ButtonRole.HelpRole,
}


def reading(*items: QObject) -> None:
    """Mark widgets, actions, menus or shortcuts as only reading: read-only mode leaves them
    (and what a marked widget holds) on."""
    for item in items:
        item.setProperty(READING, True)


def _reads(item: QObject | None) -> bool:
    while item is not None:
        if item.property(READING):
            return True
        item = item.parent()
    return False


class ReadOnlyLock(QObject):
    """Keeps every control of `window` that could change data off (see the module)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.actions: set[QAction] = set()

    @classmethod
    def install(cls, window: QWidget) -> ReadOnlyLock:
        """Lock what `window` holds now and whatever it gets from now on (once per window)."""
        found = window.findChild(ReadOnlyLock)
        if found is not None:
            return found
        lock = cls(window)
        window.setAcceptDrops(False)
        for widget in window.findChildren(QWidget):
            lock.lock_widget(widget)
        for action in window.findChildren(QAction):
            lock.lock_action(action)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(lock)
        return lock

    def holds(self, item: QObject) -> bool:
        """Whether `item` is in the window (a menu or dialog opened from it too)."""
        parent = item.parent()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parent()
        return False

    def _locks(self, widget: QWidget) -> bool:
        if _reads(widget) or isinstance(widget.parent(), _PARTS_OF):
            return False
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            return False  # a toolbar's button: its action is locked, or only reads
        if widget.objectName().startswith("qt_"):  # Qt's own parts (a toolbar's » button)
            return False
        top = widget.window()
        return top is self.window or not ({c.__name__ for c in type(top).__mro__} & _LEFT_ALONE)

    def lock_widget(self, widget: QWidget) -> None:
        """Make `widget` unable to change data, unless it only reads (see the module)."""
        if isinstance(widget, QMenu):
            if not isinstance(widget.parent(), _TEXT):  # a text field's own Copy menu stays
                for action in widget.actions():
                    self.lock_action(action)
            return
        if not self._locks(widget):
            return
        for shortcut in widget.findChildren(QShortcut):
            if shortcut.parent() is widget and not _reads(shortcut):
                shortcut.setEnabled(False)
        widget.setAcceptDrops(False)  # a drop moves, reschedules or imports
        if isinstance(widget, _TEXT):
            widget.setReadOnly(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.viewport().setAcceptDrops(False)
        elif isinstance(widget, _SWITCHES) and not self._leaves_dialog(widget):
            widget.setEnabled(False)

    @staticmethod
    def _leaves_dialog(widget: QWidget) -> bool:
        box = widget.parent()
        return (
            isinstance(box, QDialogButtonBox)
            and isinstance(widget, QAbstractButton)
            and box.buttonRole(widget) in _LEAVING
        )

    def lock_action(self, action: QAction) -> None:
        """Disable `action` for good, unless it (or what made it) only reads."""
        if action in self.actions or action.isSeparator() or _reads(action):
            return
        if action.menu() is not None or isinstance(action, QWidgetAction):
            return  # a submenu opens on its locked items; a toolbar's widget locks itself
        self.actions.add(action)
        action.setEnabled(False)
        action.enabledChanged.connect(lambda on, a=action: on and a.setEnabled(False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.Polish,
            QEvent.Type.Show,  # polished before it was put in the window (a dialog's buttons)
            QEvent.Type.EnabledChange,
            QEvent.Type.ActionAdded,
            QEvent.Type.KeyPress,
        ):
            return False
        if not isinstance(watched, QWidget) or not self.holds(watched):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._deletes(watched, event)
        if kind == QEvent.Type.ActionAdded:
            if not isinstance(watched.parent(), _TEXT):
                self.lock_action(event.action())  # type: ignore[attr-defined]
        elif kind != QEvent.Type.EnabledChange or watched.isEnabled():
            self.lock_widget(watched)
        return False

    def _deletes(self, watched: QWidget, event: QEvent) -> bool:
        """Swallow Delete in a list (lists delete their selection themselves)."""
        from PySide6.QtCore import Qt  # not before the first paint (see `ui/main_window.py`)

        view = watched if isinstance(watched, QAbstractItemView) else watched.parent()
        return (
            isinstance(view, QAbstractItemView)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and not _reads(view)
        )
