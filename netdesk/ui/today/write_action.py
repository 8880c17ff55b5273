"""W in a Today section: write to the current person from a template (see ui/write_dialog).

The dialog's modules (with the templates and messages it reads) are imported when it is first
opened, or by the views start-up makes after Today: not on the way to Today's first paint."""

from __future__ import annotations

from netdesk.ui.today.section import TodayContext


def write_with(
    context: TodayContext,
    contact_id: int | None,
    *,
    followup_id: int | None = None,
    reason: str = "",
) -> None:
    """Open Write for this person: a due follow-up's template (and Done once sent), or the one
    fitting Reach out's reason; sending is one change on the view's undo stack."""
    if contact_id is None:
        return
    from netdesk.ui.write_dialog import write_to

    context.open_dialog(
        write_to(
            context.services,
            context.undo_stack,
            contact_id,
            followup_id=followup_id,
            reason=reason,
            report=context.say,
        )
    )
