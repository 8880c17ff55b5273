"""One undo for every view: a QUndoStack per view, its Undo and Redo in the Edit menu.

Core services make a change and return what reverses it (a follow-up `Undo`, a `DeletedEvent`,
the contacts a tag was added to); `Command` keeps that record so Undo can use it, and Redo makes
the change again. The menu's Undo and Redo name the change ("Undo Delete 2 contacts") and act on
the shown view's stack: their keys work window-wide while the view is shown, and only the shown
view's pair is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from netdesk.ui.view_actions import ViewActions

UNDO_LIMIT = 100  # changes kept a view: each holds what reverses it (a contact's photo too)


class Command(QUndoCommand):
    """A change made by `do`; `undo` reverses it from what `do` returned.

    With `changed`, a change that turns out to have done nothing (its rows were gone) is not kept
    on the stack.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        changed: Callable[[Any], bool] | None = None,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._changed = changed
        self.record: Any = None

    def redo(self) -> None:
        self.record = self._do()
        if self._changed is not None and not self._changed(self.record):
            self.setObsolete(True)

    def undo(self) -> None:
        self._undo(self.record)


def undo_stack(parent: QObject) -> QUndoStack:
    """A view's undo stack, keeping its last UNDO_LIMIT changes."""
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)
    return stack


def undo_actions(actions: ViewActions, stack: QUndoStack) -> tuple[QAction, QAction]:
    """The view's Undo and Redo over `stack` (Ctrl+Z, Ctrl+Shift+Z while the view is shown)."""
    undo = stack.createUndoAction(actions.view, "&Undo")
    redo = stack.createRedoAction(actions.view, "&Redo")
    actions.adopt(undo, QKeySequence.StandardKey.Undo, listed_while_shown=True)
    actions.adopt(redo, QKeySequence.StandardKey.Redo, listed_while_shown=True)
    return undo, redo
