"""Adding, changing and deleting goals as undoable commands on a view's undo stack."""

from __future__ import annotations

from dataclasses import replace

from netdesk.core.goals import GoalData, GoalService
from netdesk.ui.undo import Command


def save_command(goals: GoalService, goal: GoalData) -> Command:
    """Add or change `goal`; undo deletes the new goal or puts the old one back, redo saves it
    again under the same id."""
    saved = [goal]

    def do() -> GoalData | None:
        goal_id, before = goals.save(saved[0])
        saved[0] = replace(saved[0], id=goal_id)
        return before

    def undo(before: GoalData | None) -> None:
        if before is None:
            goals.delete(saved[0].id or 0)
        else:
            goals.save(before)

    text = f"Change goal “{goal.title}”" if goal.id is not None else "New goal"
    return Command(text, do, undo)


def delete_command(goals: GoalService, goal: GoalData) -> Command:
    """Delete `goal`; undo puts it back with its targets."""
    return Command(
        f"Delete goal “{goal.title}”",
        lambda: goals.delete(goal.id or 0),
        lambda deleted: deleted is not None and goals.save(deleted),
        changed=lambda deleted: deleted is not None,
    )
