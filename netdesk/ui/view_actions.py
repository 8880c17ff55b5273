"""A view's actions: their shortcuts work anywhere in the window while the view is shown.

Several views use the same keys (Ctrl+N is a new contact in Contacts and a new event in Events).
Window-wide shortcuts are set while a view is visible and taken off while it is hidden, so the key
reaches the shown view wherever the focus is (the sidebar included) and is never ambiguous. Keys
that mean something else in a text field (Delete, Return, Esc) belong to one widget instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence | QKeySequence.StandardKey | str | None
Keys = Key | list[QKeySequence]


class ViewActions(QObject):
    """Creates a view's actions and switches their window-wide shortcuts with its visibility."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.view = view
        self._keys: dict[QAction, list[QKeySequence]] = {}
        self._listed: list[QAction] = []
        view.installEventFilter(self)

    def add(
        self, text: str, key: Key, slot: Callable[[], Any], *, widget: QWidget | None = None
    ) -> QAction:
        """An action; its key works window-wide while the view is shown, or only in `widget`."""
        action = QAction(text, self.view)
        action.triggered.connect(lambda _checked=False: slot())
        if widget is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            widget.addAction(action)
        else:
            self.adopt(action, key)
        return action

    def adopt(self, action: QAction, key: Keys, *, listed_while_shown: bool = False) -> None:
        """Give an action made elsewhere (undo, redo) a window-wide key while the view is shown;
        `listed_while_shown` also hides it from menus while the view is hidden (every view has
        an Undo in the Edit menu: only the shown view's is listed)."""
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.view.addAction(action)
        if key is not None:
            self._keys[action] = key if isinstance(key, list) else [QKeySequence(key)]
            action.setShortcuts(self._keys[action] if self.view.isVisible() else [])
        if listed_while_shown:
            self._listed.append(action)
            action.setVisible(self.view.isVisible())

    def keys_of(self, action: QAction) -> list[QKeySequence]:
        """The keys `action` has while the view is shown (none: not one of the view's)."""
        return self._keys.get(action, [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            shown = event.type() == QEvent.Type.Show
            for action, keys in self._keys.items():
                action.setShortcuts(keys if shown else [])
            for action in self._listed:
                action.setVisible(shown)
        return False
