"""Keep-in-touch intervals by circle: the stored defaults, changing them, where a person stands."""

from __future__ import annotations

import pytest

from netdesk.core.cadence import CircleInterval, Keep, keep_state
from netdesk.core.vocabulary import CIRCLES
from netdesk.store.models import CircleCadence


def test_every_circle_is_listed_with_its_interval(services) -> None:
    intervals = services.cadence.intervals()
    assert [i.circle for i in intervals] == list(CIRCLES)
    assert CircleInterval("mentor", 60, 90) in intervals


def test_changing_intervals_returns_the_old_ones_and_announces_contacts(services) -> None:
    heard: list[str] = []
    services.changes.subscribe(lambda topic, ids: heard.append(topic))
    before = services.cadence.set_intervals(
        [CircleInterval("friend", 14, 21), CircleInterval("recruiter", 0, 0)]
    )
    assert CircleInterval("friend", 30, 60) in before
    assert heard == ["contacts"]
    now = {i.circle: i for i in services.cadence.intervals()}
    assert now["friend"] == CircleInterval("friend", 14, 21)
    assert now["recruiter"] == CircleInterval("recruiter", 0, 0)
    assert CircleCadence.get_or_none(CircleCadence.circle == "recruiter") is None
    services.cadence.set_intervals(before)
    assert services.cadence.intervals() == before


@pytest.mark.parametrize(
    ("interval", "message"),
    [
        (CircleInterval("friend", 30, 20), "must be at least the ideal"),
        (CircleInterval("pets", 30, 60), "unknown circle"),
    ],
)
def test_a_bad_interval_changes_nothing(services, interval, message) -> None:
    before = services.cadence.intervals()
    with pytest.raises(ValueError, match=message):
        services.cadence.set_intervals([CircleInterval("mentor", 10, 20), interval])
    assert services.cadence.intervals() == before


@pytest.mark.parametrize(
    ("elapsed", "ideal", "maximum", "state"),
    [
        (59.9, 60, 90, Keep.KEPT),
        (60, 60, 90, Keep.DUE),
        (90, 60, 90, Keep.DRIFTING),
        (500, None, None, Keep.NONE),
    ],
)
def test_keep_state(elapsed, ideal, maximum, state) -> None:
    assert keep_state(elapsed, ideal, maximum) is state
