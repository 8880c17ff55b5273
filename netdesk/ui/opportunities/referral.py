"""Ask for a referral: the Write dialog with the referral template, filled for the opportunity.

The person asked is the one who could refer the user (else who told them of it); the template
whose name says "referral" is chosen, with {role}, {company} and {link} from the opportunity.
Once the message went out, `OpportunityService.ask_referral` records it (the interaction, the
move to "asked for referral") as one change Ctrl+Z undoes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from netdesk.core.services import Services
from netdesk.ui.undo import Command
from netdesk.ui.write_dialog import WriteDialog


def ask_for_referral(
    services: Services,
    stack: QUndoStack,
    opportunity_id: int,
    report: Callable[[str], None],
    parent: QWidget | None = None,
) -> WriteDialog | None:
    """The Write dialog to ask for a referral, ready to open; None (and a word) when nobody is
    involved yet."""
    opportunities = services.opportunities
    row = opportunities.get(opportunity_id)
    contact_id = opportunities.referrer(opportunity_id)
    if row is None or contact_id is None:
        report("Add someone who could refer you first (open the opportunity, People).")
        return None
    values = {"role": row.title, "link": row.url}
    if row.company:
        values["company"] = row.company
    dialog = WriteDialog(services, contact_id, prefer="referral", values=values, parent=parent)

    def sent() -> None:
        template = dialog.chosen()
        if template is None:
            return
        channel = dialog.channel
        stack.push(
            Command(
                f"Ask {dialog.name} for a referral",
                lambda: opportunities.ask_referral(opportunity_id, contact_id, template, channel),
                opportunities.unask,
            )
        )
        report(f"Asked {dialog.name} for a referral ({row.heading()}). Ctrl+Z undoes.")

    dialog.accepted.connect(sent)
    return dialog
