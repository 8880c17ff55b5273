"""Reach out's debts read only as deep as asked (`core.give_back.first_owed`) against every debt
(`give_take.owed`) scored and sorted in Python: ties of score and of name, capped scores, debts
given back, the dead, batches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from netdesk.core import give_back
from netdesk.core.give_back import debt_score, first_owed, since
from netdesk.core.give_take import Owed, owed
from netdesk.core.interactions import Give, log_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from tests.fake_time import NOW

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None) + timedelta(microseconds=250_000)
GIVEN_NAMES = ("ana", "Ana", "ÁNA", "Ána", "Zoë", "zoe", "Ångström", "bob")


def _debtor(services, given: str, received: list[float], gave: float | None = None) -> int:
    """A contact who gave the user something `received` days ago (each) and got something
    back `gave` days ago."""
    contact_id = services.contacts.create(ContactDraft(given_name=given, family_name="Debt"))
    for days in received:
        when = STORED_NOW - timedelta(days=days)
        log_interaction(services.changes, contact_id, occurred_at=when, give=Give("received"))
    if gave is not None:
        when = STORED_NOW - timedelta(days=gave)
        log_interaction(services.changes, contact_id, occurred_at=when, give=Give("gave"))
    return contact_id


@pytest.fixture
def debts(services, clock) -> list[int]:
    """Many debts: whole days apart and the same day, names equal but for case and accents,
    capped by many receives (2.5 each), some given back, some of the dead."""
    people = []
    for n in range(48):
        given = GIVEN_NAMES[n % len(GIVEN_NAMES)]
        days = [float(n % 6 * 30), (n % 6) * 30 + 0.5, 1.0][: 1 + n % 3]
        people.append(_debtor(services, given, days))
    people += [_debtor(services, "Cap", [10, 20, 30, 40, 50 + n]) for n in range(6)]
    people.append(_debtor(services, "Returned", [3], gave=1))
    people.append(_debtor(services, "Owed again", [3, 1], gave=2))
    people.append(_debtor(services, "Old", [366]))
    for flag in ("archived", "deleted_at", "is_group"):
        dead = _debtor(services, "Dead", [0.1, 0.2, 0.3, 0.4])
        value = STORED_NOW if flag == "deleted_at" else True
        Contact.update({flag: value}).where(Contact.id == dead).execute()
    return people


def _ranked(now: datetime) -> list[Owed]:
    """Every debt, sorted as Reach out sorts them."""
    return sorted(
        owed(since(now)), key=lambda d: (-debt_score(now, d), d.name.casefold(), d.contact_id)
    )


@pytest.mark.parametrize("batch", [1, 5, give_back.BATCH])
def test_the_first_debts_are_the_head_of_every_debt_ranked(debts, monkeypatch, batch) -> None:
    monkeypatch.setattr(give_back, "BATCH", batch)
    everyone = _ranked(STORED_NOW)
    assert len(everyone) == 55  # the 48, the capped, the one owed again; not the rest
    assert {(d.name, debt_score(STORED_NOW, d)) for d in everyone[:6]} == {("Cap Debt", 2.5)}
    scores = [debt_score(STORED_NOW, d) for d in everyone]
    assert len(set(scores)) < len(scores) / 3  # ties: the names decide
    for top in (0, 1, 2, 5, 6, 7, 15, 16, 17, 33, 55, 80):
        assert first_owed(STORED_NOW, top) == everyone[:top]


def test_a_day_boundary_counts_as_the_score_does(debts) -> None:
    """A receive exactly whole days before now, or a moment less: `days` as timedelta counts
    them, not julianday's fraction."""
    for shift in (timedelta(0), timedelta(microseconds=-1), timedelta(seconds=1)):
        now = STORED_NOW + shift
        for top in (3, 9, 30):
            assert first_owed(now, top) == _ranked(now)[:top]


def test_the_debts_of_some_people_are_theirs_among_all(debts) -> None:
    start = since(STORED_NOW)
    some = [*debts[::7], debts[-1], debts[-2]]
    assert sorted(owed(start, among=some), key=lambda d: d.contact_id) == sorted(
        (d for d in owed(start) if d.contact_id in some), key=lambda d: d.contact_id
    )
    assert owed(start, among=[]) == []


def test_reach_out_s_short_list_is_its_long_list_s_head(services, debts) -> None:
    full = services.reach_out.rank(limit=80)
    assert sum(s.signal == "give back" for s in full) == 55
    skipped = full[1].contact_id
    services.reach_out.skip(skipped)
    full = services.reach_out.rank(limit=80)
    for limit in (1, 4, 10):
        assert services.reach_out.rank(limit=limit) == full[:limit]
    assert skipped not in {s.contact_id for s in full}
