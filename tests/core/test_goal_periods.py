"""Goal periods: week, month and quarter boundaries, labels, the periods since a goal began."""

from __future__ import annotations

from datetime import date

import pytest

from netdesk.core.goal_periods import Period, custom, period_of, periods


@pytest.mark.parametrize(
    ("kind", "day", "start", "end", "label"),
    [
        ("week", date(2026, 3, 15), date(2026, 3, 9), date(2026, 3, 16), "week of 9 Mar 2026"),
        ("week", date(2026, 3, 16), date(2026, 3, 16), date(2026, 3, 23), "week of 16 Mar 2026"),
        ("week", date(2027, 1, 1), date(2026, 12, 28), date(2027, 1, 4), "week of 28 Dec 2026"),
        ("month", date(2026, 2, 28), date(2026, 2, 1), date(2026, 3, 1), "Feb 2026"),
        ("month", date(2026, 12, 31), date(2026, 12, 1), date(2027, 1, 1), "Dec 2026"),
        ("quarter", date(2026, 3, 31), date(2026, 1, 1), date(2026, 4, 1), "Q1 2026"),
        ("quarter", date(2026, 4, 1), date(2026, 4, 1), date(2026, 7, 1), "Q2 2026"),
        ("quarter", date(2026, 11, 5), date(2026, 10, 1), date(2027, 1, 1), "Q4 2026"),
    ],
)
def test_period_of_a_day(kind: str, day: date, start: date, end: date, label: str) -> None:
    period = period_of(kind, day)
    assert (period.start, period.end, period.label()) == (start, end, label)


def test_periods_run_from_the_goal_start_to_today() -> None:
    months = periods("month", date(2026, 1, 15), date(2026, 3, 11))
    assert [p.label() for p in months] == ["Jan 2026", "Feb 2026", "Mar 2026"]
    weeks = periods("week", date(2026, 3, 1), date(2026, 3, 9))  # a Sunday to the next Monday
    assert [p.start for p in weeks] == [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    assert periods("quarter", date(2026, 5, 1), date(2026, 3, 11)) == [
        Period("quarter", date(2026, 4, 1), date(2026, 7, 1))
    ]


def test_a_custom_period_is_one_span_with_both_days_in() -> None:
    span = periods("custom", date(2026, 3, 1), date(2026, 5, 1), ends_on=date(2026, 4, 15))
    assert span == [Period("custom", date(2026, 3, 1), date(2026, 4, 16))]
    assert span[0].label() == "1 Mar 2026 – 15 Apr 2026"
    assert span[0].days() == 46
    with pytest.raises(ValueError, match="end on or after"):
        custom(date(2026, 3, 2), date(2026, 3, 1))
