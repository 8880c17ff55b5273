"""New, Edit, Done, Snooze, Dismiss and Reschedule on follow-ups as undoable commands on a
view's stack.

The Follow-ups calendar and Today act on follow-ups the same way: `FollowUpService` makes the
change and returns its `Undo`; the command keeps it for Ctrl+Z and makes the change again on
Ctrl+Shift+Z. A change that touched nothing (the rows were gone) is not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from netdesk.core.followup_dates import snooze_until
from netdesk.core.followups import FollowUpService, Undo
from netdesk.ui.plural import counted
from netdesk.ui.undo import Command, created


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpCommands", text)


class FollowUpCommands:
    """Pushes follow-up changes on `stack` and tells `report` what happened in words."""

    def __init__(
        self, followups: FollowUpService, stack: QUndoStack, report: Callable[[str], None]
    ) -> None:
        self.followups = followups
        self.stack = stack
        self.report = report

    def done(self, ids: list[int]) -> None:
        self.change(_tr("Done"), ids, lambda: self.followups.done(ids))

    def dismiss(self, ids: list[int]) -> None:
        self.change(_tr("Dismiss"), ids, lambda: self.followups.dismiss(ids))

    def snooze(self, ids: list[int], until: datetime | str) -> None:
        if isinstance(until, str):  # a preset: redo snoozes until the same moment
            until = snooze_until(until, self.followups.clock.now())
        moment = until
        self.change(_tr("Snooze"), ids, lambda: self.followups.snooze(ids, moment))

    def reschedule(self, ids: list[int], day: date) -> None:
        self.change(_tr("Reschedule"), ids, lambda: self.followups.reschedule(ids, day))

    def edit(self, followup_id: int, due_at: datetime, fields: dict[str, Any]) -> None:
        """Store the follow-up dialog's edit (`fields`: has_time, reason, note), named by whom
        it is with ("Edit follow-up with Ana")."""
        row = self.followups.get(followup_id)
        self.change(
            _tr("Edit"),
            [followup_id],
            lambda: self.followups.update(followup_id, due_at, **fields),
            _tr("Edit follow-up with {0}").format(row.contact_name) if row else "",
        )

    def create(self, contact_id: int, due_at: datetime, fields: dict[str, Any]) -> int:
        """Schedule a follow-up as an undoable command: undo deletes it, redo puts the same one
        back (same id, so later commands on it still apply); its id."""
        followups = self.followups
        command = created(
            _tr("New follow-up with {0}").format(followups.contact_name(contact_id)),
            lambda: followups.create(contact_id, due_at, **fields),
            followups.remove,
            followups.put_back,
        )
        self.stack.push(command)
        return int(command.record)

    def change(
        self, label: str, ids: list[int], change: Callable[[], Undo], text: str = ""
    ) -> None:
        """Make a change to follow-ups as an undoable command (redo makes it again), named
        `text` in the Edit menu, else by `label` and the count ("Done (2 follow-ups)")."""
        if not ids:
            return
        count = counted("FollowUpCommands", "%Ln follow-up(s)", len(ids))
        self.stack.push(
            Command(
                text or f"{label} ({count})",
                lambda: self._did(change()),
                self._undone,
                changed=lambda undo: bool(undo.before),
            )
        )

    def _did(self, undo: Undo) -> Undo:
        if undo.before:
            self.report(
                counted(
                    "FollowUpCommands", "{0}: %Ln follow-up(s). Ctrl+Z undoes.", len(undo.before)
                ).format(undo.label)
            )
        return undo

    def _undone(self, undo: Undo) -> None:
        self.followups.undo(undo)
        self.report(_tr("Undone: {0}").format(undo.label))
