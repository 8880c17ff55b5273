"""Give and take: logging gives, the 12-month balance and the weekly counts against counts
written independently in SQL, and Reach out's "you have not given back"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from netdesk.core.give_take import Balance, WeekCount, balance, weekly
from netdesk.core.interactions import Give, log_interaction, timeline
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Interaction, db
from tests.fake_time import NOW

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


def _person(services, name: str) -> int:
    return services.contacts.create(ContactDraft(given_name=name, family_name="Give"))


def _log(services, contact_id: int, days_ago: float, give: Give) -> int:
    when = STORED_NOW - timedelta(days=days_ago)
    return log_interaction(services.changes, contact_id, occurred_at=when, give=give)


@pytest.fixture
def people(services) -> dict[str, int]:
    return {name: _person(services, name) for name in ("Carl", "Ana", "Ben", "Dora")}


def test_a_give_is_stored_with_its_kind_and_the_people_introduced(services, people) -> None:
    give = Give("gave", "introduction", (people["Carl"], people["Ana"]))
    interaction_id = _log(services, people["Carl"], 1, give)
    row = timeline(people["Carl"])[0]
    assert row.id == interaction_id
    assert (row.direction, row.give_kind, row.introduced) == (
        "gave",
        "introduction",
        (people["Carl"], people["Ana"]),
    )


@pytest.mark.parametrize(
    "give",
    [
        Give("neutral", "advice"),
        Give("gave", "bribe"),
        Give("gave", "advice", (1, 2)),
        Give("sideways"),
    ],
)
def test_a_give_that_makes_no_sense_is_refused(services, people, give: Give) -> None:
    with pytest.raises(ValueError):
        _log(services, people["Carl"], 1, give)
    assert Interaction.select().count() == 0


def _sql_count(contact_id: int, direction: str, since: datetime) -> int:
    return db.execute_sql(
        "SELECT count(*) FROM interaction WHERE contact_id = ? AND direction = ? "
        "AND occurred_at >= ?",
        (contact_id, direction, since),
    ).fetchone()[0]


def test_the_balance_counts_the_last_12_months(services, people, clock) -> None:
    carl = people["Carl"]
    for days in (1, 40, 200, 364):
        _log(services, carl, days, Give("gave", "advice"))
    for days in (2, 100, 300, 366, 800):  # 366 and 800 days ago are older than 12 months
        _log(services, carl, days, Give("received", "help"))
    _log(services, carl, 3, Give())
    _log(services, people["Ana"], 5, Give("gave", "referral"))
    since = datetime(2025, 3, 11, 14, 30).astimezone(UTC).replace(tzinfo=None)
    expected = Balance(_sql_count(carl, "gave", since), _sql_count(carl, "received", since))
    assert balance(carl, clock) == expected == Balance(4, 3)
    assert expected.words() == "gave 4, received 3 in the last 12 months"


def test_weekly_counts_twelve_weeks_oldest_first(services, people, clock) -> None:
    # NOW is Wednesday 11 March 2026: the current week starts Monday 9 March
    # 76 and 78 days ago are Thursday 25 and Tuesday 23 December, in the first week; 80 days
    # ago is Sunday 21 December, the week before it
    for days in (0, 2, 8, 76, 78, 80):
        _log(services, people["Ana"], days, Give("gave", "help"))
    for days in (1, 15, 84, 90):
        _log(services, people["Ben"], days, Give("received", "advice"))
    _log(services, people["Ben"], 3, Give())
    weeks = weekly(clock)
    assert [w.start for w in weeks] == [date(2025, 12, 22) + timedelta(weeks=i) for i in range(12)]
    assert weeks[0] == WeekCount(date(2025, 12, 22), 2, 0)
    assert weeks[-1] == WeekCount(date(2026, 3, 9), 2, 1)
    assert weeks[-2] == WeekCount(date(2026, 3, 2), 1, 0)
    assert weeks[-3] == WeekCount(date(2026, 2, 23), 0, 1)
    assert sum(w.gave for w in weeks) == 5 and sum(w.received for w in weeks) == 2
    first = datetime.combine(weeks[0].start, datetime.min.time()).astimezone(UTC)
    in_sql = db.execute_sql(
        "SELECT direction, count(*) FROM interaction WHERE occurred_at >= ? GROUP BY direction",
        (first.replace(tzinfo=None),),
    ).fetchall()
    assert dict(in_sql) == {"gave": 5, "received": 2, "neutral": 1}


def test_reach_out_says_who_helped_and_got_nothing_back(services, people) -> None:
    carl, ana, ben, dora = people["Carl"], people["Ana"], people["Ben"], people["Dora"]
    _log(services, carl, 5, Give("received", "introduction", (None, ana)))
    _log(services, ben, 30, Give("received", "job lead"))
    _log(services, ben, 10, Give("gave", "advice"))  # Ben was given back
    _log(services, dora, 400, Give("received", "advice"))  # over a year ago: forgotten
    ranked = {s.contact_id: s for s in services.reach_out.rank(limit=50)}
    assert set(ranked) == {carl}
    assert ranked[carl].reason == (
        "helped you in March (introduction to Ana Give); you have not given back"
    )
    assert ranked[carl].signal == "give back"
    assert ranked[carl].score == round(2.2 - 0.8 * 5 / 365, 2)


def test_older_help_names_its_year_and_each_unreturned_receive_adds(services, people) -> None:
    carl = people["Carl"]
    _log(services, carl, 200, Give("received", "referral"))
    _log(services, carl, 100, Give("received", "feedback"))  # 1 December 2025
    suggestion = services.reach_out.rank(limit=5)[0]
    assert suggestion.reason == ("helped you in December 2025 (feedback); you have not given back")
    assert suggestion.score == round(2.2 - 0.8 * 100 / 365 + 0.1, 2)
