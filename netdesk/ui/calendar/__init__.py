"""The Follow-ups calendar view."""

from netdesk.ui.calendar.view import CalendarView

__all__ = ["CalendarView"]
