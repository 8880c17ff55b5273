"""The Today view: a plan to work through, one section per part (see `sections.py`)."""

from netdesk.ui.today.reach_out import COUNT_KEY
from netdesk.ui.today.view import TodayView

__all__ = ["COUNT_KEY", "TodayView"]
