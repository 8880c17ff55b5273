"""L in any Today section: log an interaction with the current person, undoably.

The dialog's modules (with the contact matching it offers) are imported when it is first
opened, or by the views start-up makes after Today: not on the way to Today's first paint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netdesk.ui.today.section import TodayContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayView", text)


def log_with(context: TodayContext, contact_id: int | None) -> None:
    """Ask for an interaction with this person and record it on the view's undo stack (undo
    removes it and dismisses the follow-up it made)."""
    if contact_id is None:
        return
    from netdesk.ui.contacts.log_dialog import LogInteractionDialog, log_command

    services = context.services
    name = services.followups.contact_name(contact_id)
    dialog = LogInteractionDialog(
        name,
        services.clock.now(),
        contact_id=contact_id,
        matches=services.events.people.matches,
    )

    def record() -> None:
        context.undo_stack.push(log_command(services, contact_id, name, dialog.result_value()))
        context.say(_tr("Logged with {0}. Ctrl+Z undoes.").format(name))

    dialog.accepted.connect(record)
    context.open_dialog(dialog)
