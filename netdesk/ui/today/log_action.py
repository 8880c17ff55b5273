"""L in any Today section: log an interaction with the current person, undoably."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netdesk.core.interactions import delete_interaction
from netdesk.ui.contacts.log_dialog import LogInteractionDialog, record_interaction
from netdesk.ui.today.section import TodayContext
from netdesk.ui.undo import Command


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayView", text)


def log_with(context: TodayContext, contact_id: int | None) -> None:
    """Ask for an interaction with this person and record it on the view's undo stack (undo
    removes it and dismisses the follow-up it made)."""
    if contact_id is None:
        return
    services = context.services
    name = services.followups.contact_name(contact_id)
    dialog = LogInteractionDialog(
        name,
        services.clock.now(),
        contact_id=contact_id,
        matches=services.events.people.matches,
    )

    def record() -> None:
        entry = dialog.result_value()
        context.undo_stack.push(
            Command(
                _tr("Log interaction with {0}").format(name),
                lambda: record_interaction(services, contact_id, entry),
                lambda ids: _unlog(context, ids),
            )
        )
        context.say(_tr("Logged with {0}. Ctrl+Z undoes.").format(name))

    dialog.accepted.connect(record)
    context.open_dialog(dialog)


def _unlog(context: TodayContext, ids: tuple[int, int | None]) -> None:
    interaction_id, followup_id = ids
    if followup_id is not None:
        context.services.followups.dismiss([followup_id])
    delete_interaction(context.services.changes, interaction_id)
