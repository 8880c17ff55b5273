"""The Me page: your own profiles with their checklists and refresh reminders, and your pitches."""

from netdesk.ui.me.view import MeView

__all__ = ["MeView"]
