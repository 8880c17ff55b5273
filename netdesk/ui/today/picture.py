"""The last 12 weeks on Today: interactions per week, new people met per week and what you gave
against what you received, each a small chart (`ui.chart.WeekChart`) whose numbers a screen
reader reads as text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from netdesk.core.give_take import WeekCount
from netdesk.core.give_take import weekly as gives_per_week
from netdesk.core.weekly import WeekTotal, interactions_per_week, new_people_per_week
from netdesk.ui.chart import Series, WeekChart
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.today.section import TodayContext, TodaySection


class Weeks(NamedTuple):
    """The three charts' counts."""

    interactions: list[WeekTotal]
    new_people: list[WeekTotal]
    gives: list[WeekCount]


def _series(name: str, weeks: list[WeekTotal]) -> list[Series]:
    return [Series(name, tuple(week.count for week in weeks))]


class PictureSection(TodaySection):
    """Three charts of the last 12 weeks, the current week on the right."""

    key = "picture"
    apart = True

    def __init__(self, context: TodayContext) -> None:
        super().__init__(context, "The last 12 weeks")
        self.interactions = WeekChart("Interactions per week")
        self.new_people = WeekChart("New people met per week", lines=True)
        self.gives = WeekChart("Gave vs received per week")
        for chart in (self.interactions, self.new_people, self.gives):
            self.body.addWidget(style_label(plain_label(chart.title), "hint"))
            self.body.addWidget(chart)
        self.body.addStretch(1)

    def load(self, today: date) -> Callable[[], Weeks]:
        clock = self.context.services.clock
        return lambda: Weeks(
            interactions_per_week(clock), new_people_per_week(clock), gives_per_week(clock)
        )

    def present(self, data: Weeks, today: date) -> None:
        weeks = [week.start for week in data.interactions]
        self.interactions.set_data(weeks, _series("interactions", data.interactions))
        self.new_people.set_data(weeks, _series("new people", data.new_people))
        self.gives.set_data(
            [week.start for week in data.gives],
            [
                Series("gave", tuple(week.gave for week in data.gives)),
                Series("received", tuple(week.received for week in data.gives)),
            ],
        )
