"""What the tray and reminders say: counts in words, people told apart, reminders held back.

Namesakes differ by their organisation ("Noor Sato (Acme)"); tray rows add when each is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from netdesk.core.followup_queries import FollowUpRow
from netdesk.ui.dates import time_label
from netdesk.ui.numbers import grouped
from netdesk.ui.plural import counted
from netdesk.ui.timefmt import relative_day

_CONTEXT = "ReminderWords"


@dataclass(frozen=True)
class Hold:
    """Reminders held back: until when, whether by the quiet hours (else a pause), how many."""

    until: datetime
    quiet: bool
    waiting: int


def who(row: FollowUpRow) -> str:
    """ "Noor Sato (Acme)", or the name alone for someone without an organisation."""
    return f"{row.contact_name} ({row.organisation})" if row.organisation else row.contact_name


def due_word(row: FollowUpRow, today: date) -> str:
    """ "today 14:00", "today", "overdue 3 days"."""
    when = relative_day(row.due_at, today)
    return f"{when} {time_label(row.due_at)}" if row.has_time and when == "today" else when


def tray_row(row: FollowUpRow, today: date) -> str:
    """One follow-up in the tray menu: who, why and when."""
    return f"{who(row)} · {row.reason} · {due_word(row, today)}"


def due_title(due: int, overdue: int) -> str:
    """ "35 due (33 overdue)", "2 due today", "Nothing due"."""
    if due == 0:
        return counted(_CONTEXT, "Nothing due", 0)
    if overdue == 0:
        return counted(_CONTEXT, "%Ln due today", due)
    return counted(_CONTEXT, "%Ln due (%1 overdue)", due).replace("%1", grouped(overdue))


def tray_tooltip(due: int, overdue: int, hold: Hold | None) -> str:
    """The tray icon's tooltip: the counts, and reminders held back if any are."""
    if due == 0:
        text = counted(_CONTEXT, "NetDesk: nothing due", 0)
    elif overdue == 0:
        text = counted(_CONTEXT, "NetDesk: %Ln follow-up(s) due today", due)
    else:
        text = counted(_CONTEXT, "NetDesk: %Ln follow-up(s) due, %1 overdue", due)
        text = text.replace("%1", grouped(overdue))
    return f"{text}\n{hold_text(hold)}" if hold is not None else text


def hold_text(hold: Hold) -> str:
    """ "Quiet hours: 3 reminders held until 07:00"."""
    text = (
        "Quiet hours: %Ln reminder(s) held until %1"
        if hold.quiet
        else "Reminders paused: %Ln held until %1"
    )
    return counted(_CONTEXT, text, hold.waiting).replace("%1", time_label(hold.until))
