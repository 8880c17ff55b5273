"""The Events view: the event list, the editor, the prep brief, quick capture and the review."""

from netdesk.ui.events.view import EventsView

__all__ = ["EventsView"]
