"""One undo for every view: a QUndoStack per view, its Undo and Redo in the Edit menu.

A stack per view rather than one for the window: Ctrl+Z undoes the last change of what is on
screen, never a change made out of sight in another view (a window-wide stack would take back
the contact deleted an hour ago in Contacts while you look at the calendar). A dialog's changes
go on the stack of the view that opened it (quick capture on Events', message templates on
Contacts').

Core services make a change and return what reverses it (a follow-up `Undo`, a `DeletedEvent`,
the contacts a tag was added to); `Command` keeps that record so Undo can use it, and Redo makes
the change again; `created` makes something and redo brings the same one back; `Done` keeps a
change already made (checked where it was made) as the states before and after it. The menu's
Undo and Redo name the change ("Undo Delete 2 contacts") and act on the shown view's stack:
their keys (Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y) work window-wide while the view is shown, and only
the shown view's pair is listed.
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


def created(
    text: str,
    create: Callable[[], int],
    delete: Callable[[int], Any],
    restore: Callable[[Any], int],
) -> Command:
    """Making something (its id the record): undo deletes it, keeping what `delete` returns,
    and redo `restore`s that (the same id, so the changes after it on the stack still apply)
    instead of making another."""
    removed: list[Any] = []

    def make() -> int:
        return restore(removed.pop()) if removed else create()

    return Command(text, make, lambda made: removed.append(delete(made)))


class Done(QUndoCommand):
    """A change already made where it could be checked (a refused edit is never pushed), kept
    as the states before and after it: undo puts `before` back, redo `after`."""

    def __init__(self, text: str, before: Any, after: Any, put: Callable[[Any], Any]) -> None:
        super().__init__(text)
        self._states = before, after
        self._put = put
        self._made = True  # push() calls redo(): the change is already made

    def redo(self) -> None:
        if not self._made:
            self._put(self._states[1])
        self._made = False

    def undo(self) -> None:
        self._put(self._states[0])


def undo_stack(parent: QObject) -> QUndoStack:
    """A view's undo stack, keeping its last UNDO_LIMIT changes."""
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)
    return stack


REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")  # both, whatever the platform's own Redo key


def undo_actions(actions: ViewActions, stack: QUndoStack) -> tuple[QAction, QAction]:
    """The view's Undo and Redo over `stack` (Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y while the view is
    shown). The keys dialog names them by their What's This (their text names the change)."""
    undo = stack.createUndoAction(actions.view, "&Undo")
    redo = stack.createRedoAction(actions.view, "&Redo")
    undo.setWhatsThis(actions.tr("Undo the view's last change"))
    redo.setWhatsThis(actions.tr("Redo the change undone last"))
    actions.adopt(undo, [QKeySequence("Ctrl+Z")], listed_while_shown=True)
    actions.adopt(redo, [QKeySequence(key) for key in REDO_KEYS], listed_while_shown=True)
    return undo, redo
