"""The sections of Today, in reading order (two to a row when the view is wide).

To add a section: subclass `TodaySection` (see `section.py`) in a module of this package, with
a `key`, `load(today)` and `present(data, today)`, and append its class here.
"""

from __future__ import annotations

from collections.abc import Callable

from netdesk.ui.today.due import DueSection
from netdesk.ui.today.events import RecentSection, UpcomingSection
from netdesk.ui.today.goals import GoalsSection
from netdesk.ui.today.job_changes import JobChangesSection
from netdesk.ui.today.picture import PictureSection
from netdesk.ui.today.profiles import ProfilesSection
from netdesk.ui.today.reach_out import ReachOutSection
from netdesk.ui.today.section import TodayContext, TodaySection

SECTIONS: list[Callable[[TodayContext], TodaySection]] = [
    ReachOutSection,
    DueSection,
    UpcomingSection,
    RecentSection,
    JobChangesSection,
    GoalsSection,
    PictureSection,
    ProfilesSection,
]


def make_sections(context: TodayContext) -> list[TodaySection]:
    return [section(context) for section in SECTIONS]
