"""The sections of Today, in reading order (two to a row when the view is wide).

The first rows (`FIRST`) are made with the view; the sections below them (`later_sections`) once
it has shown the first ones' read, their modules imported then: making them and reading their data
had the first screen of an empty network wait ~6% longer for what it shows (bench/README.md).

To add a section: subclass `TodaySection` (see `section.py`) in a module of this package, with
a `key`, `load(today)` and `present(data, today)`, and list its class here.
"""

from __future__ import annotations

from collections.abc import Callable

from netdesk.ui.today.due import DueSection
from netdesk.ui.today.events import RecentSection, UpcomingSection
from netdesk.ui.today.reach_out import ReachOutSection
from netdesk.ui.today.section import TodayContext, TodaySection

FIRST: list[Callable[[TodayContext], TodaySection]] = [
    ReachOutSection,
    DueSection,
    UpcomingSection,
    RecentSection,
]


def make_sections(context: TodayContext) -> list[TodaySection]:
    """The sections of the first rows."""
    return [section(context) for section in FIRST]


def later_sections(context: TodayContext) -> list[TodaySection]:
    """The sections below the first rows, in reading order."""
    from netdesk.ui.today.goals import GoalsSection
    from netdesk.ui.today.job_changes import JobChangesSection
    from netdesk.ui.today.picture import PictureSection
    from netdesk.ui.today.profiles import ProfilesSection

    later = [JobChangesSection, GoalsSection, PictureSection, ProfilesSection]
    return [section(context) for section in later]
