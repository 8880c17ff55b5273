"""Reach out today: each signal's score and words on hand-built people, the order, skips."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from netdesk.core.cadence import CadenceService, CircleInterval
from netdesk.core.reach_out import Suggestion, cadence_words
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, Interaction, ReachOutSkip
from tests.fake_time import NOW

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)  # the store keeps naive UTC


def _person(services, name: str, **fields) -> int:
    contact_id = services.contacts.create(ContactDraft(given_name=name, family_name="Fixture"))
    fields.setdefault("created_at", STORED_NOW - timedelta(days=1000))
    Contact.update(**fields).where(Contact.id == contact_id).execute()
    return contact_id


def _interactions(contact_id: int, days_ago: list[int]) -> None:
    for days in days_ago:
        Interaction.create(contact=contact_id, occurred_at=STORED_NOW - timedelta(days=days))
    last = STORED_NOW - timedelta(days=min(days_ago))
    Contact.update(last_contacted_at=last).where(Contact.id == contact_id).execute()


@pytest.fixture
def network(services, clock) -> dict[str, int]:
    """One person per signal, plus people who must not be listed."""
    pycon = Event.create(name="PyCon", starts_at=STORED_NOW - timedelta(days=2, hours=3))
    old = Event.create(name="Old meetup", starts_at=STORED_NOW - timedelta(days=20))
    people = {
        # 207 days since the last interaction on a 90-day cadence: 2.3×
        "cadence": _person(services, "Cara", cadence_days=90),
        # a 30-day cadence with 20 days gone: not yet due
        "not_due": _person(services, "Nina", cadence_days=30),
        "met": _person(services, "Mehdi", met_at=pycon.id),
        "met_old": _person(services, "Olga", met_at=old.id),
        "met_followed": _person(services, "Femi", met_at=pycon.id),
        "birthday": _person(services, "Bea", birthday=date(1990, 3, 12)),
        "birthday_far": _person(services, "Far", birthday=date(1990, 3, 20)),
        "quiet": _person(services, "Quentin"),
        "quiet_few": _person(services, "Quinn"),
        "archived": _person(services, "Archie", birthday=date(1990, 3, 11), archived=True),
        "deleted": _person(services, "Del", birthday=date(1990, 3, 11), deleted_at=STORED_NOW),
    }
    _interactions(people["cadence"], [207, 400])
    _interactions(people["not_due"], [20])
    _interactions(people["met_followed"], [1])
    _interactions(people["quiet"], [430, 500, 600, 700, 800])
    _interactions(people["quiet_few"], [430, 500])
    return people


def test_each_signal_scores_and_says_why(services, network) -> None:
    ranked = services.reach_out.rank(limit=50)
    assert ranked == [
        Suggestion(
            network["met"], "Mehdi Fixture", 2.8, "met at PyCon 2 days ago, no follow-up yet", "met"
        ),
        Suggestion(network["birthday"], "Bea Fixture", 2.6, "birthday tomorrow", "birthday"),
        Suggestion(
            network["quiet"], "Quentin Fixture", 2.17, "went quiet: 14 months, was close", "quiet"
        ),
        Suggestion(
            network["cadence"],
            "Cara Fixture",
            1.65,
            "2.3× past your 3-month check-in, drifting",
            "cadence",
            "drifting",
        ),
    ]


def test_a_long_neglected_check_in_stays_below_a_fresh_meeting(services, network) -> None:
    last = STORED_NOW - timedelta(days=900)
    Contact.update(last_contacted_at=last).where(Contact.id == network["cadence"]).execute()
    ranked = services.reach_out.rank(limit=3)
    assert [(s.contact_id, s.score) for s in ranked] == [
        (network["met"], 2.8),
        (network["birthday"], 2.6),
        (network["cadence"], 2.5),
    ]
    assert ranked[2].reason == "10.0× past your 3-month check-in, drifting"


def test_the_limit_keeps_the_best(services, network) -> None:
    assert [s.contact_id for s in services.reach_out.rank(limit=2)] == [
        network["met"],
        network["birthday"],
    ]


def test_a_second_signal_joins_the_reason(services, network) -> None:
    Contact.update(birthday=date(1980, 3, 11)).where(Contact.id == network["cadence"]).execute()
    first = services.reach_out.rank(limit=1)[0]
    assert first == Suggestion(
        network["cadence"],
        "Cara Fixture",
        3.0,
        "birthday today; 2.3× past your 3-month check-in, drifting",
        "birthday",
        "drifting",
    )


def test_not_now_leaves_a_person_out_for_a_week(services, network, clock) -> None:
    reach_out = services.reach_out
    assert reach_out.skip(network["met"]) is None
    assert ReachOutSkip.get_by_id(network["met"]).until == date(2026, 3, 18)
    assert network["met"] not in [s.contact_id for s in reach_out.rank(limit=50)]
    clock.advance(6 * 86400)  # 17 March: still skipped (the birthday has passed by then)
    assert network["met"] not in [s.contact_id for s in reach_out.rank(limit=50)]
    clock.advance(86400)  # 18 March: back, though PyCon is 9 days ago now
    back = [s for s in reach_out.rank(limit=50) if s.contact_id == network["met"]]
    assert back == [
        Suggestion(
            network["met"], "Mehdi Fixture", 2.1, "met at PyCon 9 days ago, no follow-up yet", "met"
        )
    ]


def test_unskip_restores_the_earlier_skip_or_none(services, network) -> None:
    reach_out = services.reach_out
    first = reach_out.skip(network["met"])
    reach_out.unskip(network["met"], first)
    assert ReachOutSkip.select().count() == 0
    ReachOutSkip.create(contact=network["birthday"], until=date(2026, 3, 13))
    before = reach_out.skip(network["birthday"])
    assert before == date(2026, 3, 13)
    reach_out.unskip(network["birthday"], before)
    assert ReachOutSkip.get_by_id(network["birthday"]).until == date(2026, 3, 13)


def test_a_circle_interval_applies_unless_the_contact_has_its_own(services) -> None:
    # peer: ideal 60, maximum 120 days (the seeded defaults)
    due = _person(services, "Petra", circle="peer")
    drifting = _person(services, "Pavel", circle="peer")
    own = _person(services, "Paula", circle="peer", cadence_days=365)
    kept = _person(services, "Pia", circle="peer")
    quiet = _person(services, "Quincy", circle="peer")
    _interactions(due, [90])
    _interactions(drifting, [150])
    _interactions(own, [150])
    _interactions(kept, [59])
    _interactions(quiet, [430, 500, 600, 700, 800])
    ranked = {s.contact_id: (s.score, s.reason, s.keep) for s in services.reach_out.rank(limit=50)}
    assert ranked == {
        drifting: (1.75, "2.5× past your 2-month check-in, drifting", "drifting"),
        due: (1.25, "1.5× past your 2-month check-in", "due"),
        quiet: (2.5, "7.2× past your 2-month check-in, drifting", "drifting"),
    }


def test_a_circle_without_an_interval_has_no_check_in(services) -> None:
    services_cadence = CadenceService()
    services_cadence.set_intervals([CircleInterval("peer", 0, 0)])
    person = _person(services, "Petra", circle="peer")
    _interactions(person, [90])
    assert services.reach_out.rank(limit=50) == []


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (7, "weekly"),
        (14, "2-week"),
        (30, "monthly"),
        (90, "3-month"),
        (182, "6-month"),
        (365, "yearly"),
        (730, "2-year"),
        (10, "10-day"),
    ],
)
def test_cadence_words(days: int, words: str) -> None:
    assert cadence_words(days) == words


def test_nobody_to_suggest_in_an_empty_network(services, clock) -> None:
    assert services.reach_out.rank() == []


@pytest.mark.parametrize(
    ("today", "birthday", "reason"),
    [
        (date(2026, 12, 31), date(1985, 1, 1), "birthday tomorrow"),  # into the next year
        (date(2026, 12, 30), date(1985, 1, 1), "birthday in 2 days"),
        (date(2027, 2, 27), date(1992, 2, 29), "birthday tomorrow"),  # on the 28th, no 29th
        (date(2028, 2, 28), date(1992, 2, 29), "birthday tomorrow"),  # a leap year has it
        (date(2028, 2, 27), date(1992, 2, 29), "birthday in 2 days"),
        (date(2027, 3, 1), date(1992, 2, 29), None),  # passed, on the 28th
        (date(2026, 6, 1), date(1970, 6, 4), None),  # 3 days: outside the window
    ],
)
def test_birthdays_across_the_year_end_and_29_february(
    services, clock, today, birthday, reason
) -> None:
    clock.set_wall(datetime.combine(today, time(9, 0)))
    contact_id = _person(services, "Bo", birthday=birthday)
    found = [s.reason for s in services.reach_out.rank(limit=50) if s.contact_id == contact_id]
    assert found == ([reason] if reason else [])


def test_a_short_list_is_the_long_lists_head_with_whole_reasons(services, clock) -> None:
    """Check-ins and silences are read only as deep as the list needs (plus skipped people):
    the short list must still be the full ranking's head, each reason complete."""
    overdue = [_person(services, f"Over{n:02}", cadence_days=30) for n in range(30)]
    for n, contact_id in enumerate(overdue):
        _interactions(contact_id, [31 + 3 * n])
    quiet = [_person(services, f"Quiet{n:02}") for n in range(8)]
    for n, contact_id in enumerate(quiet):
        _interactions(contact_id, [200 + 40 * n, 900, 901, 902, 903])
    bea = _person(services, "Bea", birthday=date(1990, 3, 12), cadence_days=30)
    _interactions(bea, [33])
    services.reach_out.skip(overdue[-1])
    services.reach_out.skip(quiet[-1])
    full = services.reach_out.rank(limit=100)
    for limit in (1, 3, 6):
        assert services.reach_out.rank(limit=limit) == full[:limit]
    [first] = [s for s in full if s.contact_id == bea]
    assert first.reason == "birthday tomorrow; 1.1× past your monthly check-in"
    assert overdue[-1] not in {s.contact_id for s in full}
