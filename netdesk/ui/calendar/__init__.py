"""The Follow-ups calendar view.

The view loads when it is first asked for (`netdesk.ui.calendar.CalendarView`): the package's
smaller modules serve other views without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.calendar.view import CalendarView

__all__ = ["CalendarView"]


def __getattr__(name: str) -> object:
    if name == "CalendarView":
        from netdesk.ui.calendar.view import CalendarView

        return CalendarView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
