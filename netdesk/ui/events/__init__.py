"""The Events view: the event list, the editor, the prep brief, quick capture and the review.

The view loads when it is first asked for (`netdesk.ui.events.EventsView`): the package's smaller
modules serve other views without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.events.view import EventsView

__all__ = ["EventsView"]


def __getattr__(name: str) -> object:
    if name == "EventsView":
        from netdesk.ui.events.view import EventsView

        return EventsView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
