"""Reach out's index reads (core/checkin_rank.py) against the exhaustive ranking they replace,
on a seeded network with every kind of interval, ties and odd names; and the query plans: the
ranking reads contacts only through indexes."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest

from netdesk.core import checkin_rank
from netdesk.core.cadence import IDEAL_SQL, MAX_SQL, CadenceService, CircleInterval
from netdesk.core.checkin_rank import checkin_score, nocase
from netdesk.store import reach_out_indexes
from netdesk.store.models import Contact, Interaction, db
from tests.fake_time import NOW

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)
NAMES = ("Ana Silva", "ana silva", "Ángel Ruiz", "Bo", "bo", "Zoë Park", "Émile Roy", "Carl")


@pytest.fixture
def network(database) -> None:
    """400 people: own cadences, circles with and without an interval, none; contacted at
    whole days (exact ties at four intervals) and odd seconds, or never; some archived,
    deleted or groups; the quiet with 5+ interactions."""
    rng = random.Random(17)
    CadenceService().set_intervals([CircleInterval("peer", 0, 0)])  # peer: no interval
    rows, interactions = [], []
    for n in range(400):
        cadence = rng.choice((None, None, 7, 30, 90, 0))
        circle = rng.choice(("", "friend", "mentor", "peer", "acquaintance"))
        days = rng.choice((rng.randint(0, 800), 4 * (cadence or 30), 120, 360, 745, 800))
        last = STORED_NOW - timedelta(days=days, seconds=rng.choice((0, 0, 37)))
        if rng.random() < 0.2:
            last = None
        created = STORED_NOW - timedelta(days=rng.randint(0, 900))
        archived, deleted_at, is_group = rng.choices(
            ((False, None, False), (True, None, False), (False, STORED_NOW, False)),
            weights=(90, 5, 5),
        )[0]
        is_group = rng.random() < 0.03
        rows.append(
            {
                "id": n + 1,
                "display_name": rng.choice(NAMES),
                "circle": circle,
                "cadence_days": cadence,
                "last_contacted_at": last,
                "created_at": created,
                "archived": archived,
                "deleted_at": deleted_at,
                "is_group": is_group,
            }
        )
        if last is not None and rng.random() < 0.8:
            count = rng.choice((1, 4, 5, 9, 12))
            interactions += [
                {"contact": n + 1, "occurred_at": last - timedelta(days=30 * k)}
                for k in range(count)
            ]
    Contact.insert_many(rows).execute()
    Interaction.insert_many(interactions).execute()


def _every_overdue(now: datetime) -> list[tuple[float, str, int]]:
    """Every contact scored in Python from the intervals' plain SQL, in the ranking's order."""
    sql = (
        f"SELECT c.id, c.display_name, {IDEAL_SQL}, {MAX_SQL}, julianday(?) - julianday("
        "coalesce(c.last_contacted_at, c.created_at)) FROM contact c "
        "WHERE c.deleted_at IS NULL AND c.archived = 0 AND c.is_group = 0"
    )
    found = [
        (checkin_score(elapsed, ideal), name, contact_id)
        for contact_id, name, ideal, _, elapsed in db.execute_sql(sql, (checkin_rank.stamp(now),))
        if ideal and ideal > 0 and elapsed >= ideal
    ]
    return sorted(found, key=lambda row: (-row[0], nocase(row[1]), row[2]))


def _every_quiet(now: datetime) -> list[tuple[int, str, int]]:
    rows = db.execute_sql(
        "SELECT c.id, c.display_name, c.last_contacted_at FROM contact c WHERE c.deleted_at IS "
        "NULL AND c.archived = 0 AND c.is_group = 0 AND c.cadence_days IS NULL AND c.circle "
        "NOT IN (SELECT circle FROM circle_cadence) AND c.last_contacted_at IS NOT NULL AND "
        "(SELECT count(*) FROM interaction i WHERE i.contact_id = c.id) >= 5"
    ).fetchall()
    found = []
    for contact_id, name, last in rows:
        moment = checkin_rank.moment(last)
        if moment < now - timedelta(days=checkin_rank.QUIET_AFTER_DAYS):
            months = min(24, int(int((now - moment).total_seconds() // 86400) / 30.44))
            found.append((months, name, contact_id))
    return sorted(found, key=lambda row: (-row[0], nocase(row[1]), row[2]))


@pytest.mark.parametrize("sort_at_most", [0, 3, 500])
@pytest.mark.parametrize("days_later", [0, 1, 45, 400])
def test_the_index_reads_give_the_exhaustive_rankings_head(
    network, monkeypatch, sort_at_most, days_later
) -> None:
    monkeypatch.setattr(checkin_rank, "SORT_AT_MOST", sort_at_most)
    now = STORED_NOW + timedelta(days=days_later)
    every = _every_overdue(now)
    assert len(every) > 60
    for top in (1, 5, 30, -1):
        got = [(p.score, p.name, p.contact_id) for p in checkin_rank.overdue(now, top)]
        want = every if top < 0 else every[:top]
        # equal names tie in SQL too: the same people in the same order of score and name
        assert [(s, nocase(n)) for s, n, _ in got] == [(s, nocase(n)) for s, n, _ in want]
    assert {p.contact_id for p in checkin_rank.overdue(now, -1)} == {c for _, _, c in every}


@pytest.mark.parametrize("days_later", [0, 200])
def test_the_quiet_are_read_longest_silence_first(network, days_later) -> None:
    now = STORED_NOW + timedelta(days=days_later)
    every = _every_quiet(now)
    assert len(every) > 5
    for top in (1, 4, -1):
        got = checkin_rank.quiet(now, top)
        want = every if top < 0 else every[:top]
        assert [nocase(q.name) for q in got] == [nocase(n) for _, n, _ in want]
    assert {q.contact_id for q in checkin_rank.quiet(now, -1)} == {c for _, _, c in every}


def test_reach_out_reads_contacts_only_through_indexes(services, network, monkeypatch) -> None:
    """Every statement of a ranking, explained: the contact table is searched by an index (one
    of Reach out's own for the crowded signals), never scanned."""
    monkeypatch.setattr(checkin_rank, "SORT_AT_MOST", 3)  # the by-name indexes too
    statements: list[tuple[str, tuple[object, ...]]] = []
    execute = db.obj.execute_sql

    def recording(sql: str, params: object = None, *args: object, **kwargs: object):
        statements.append((sql, tuple(params or ())))  # type: ignore[arg-type]
        return execute(sql, params, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", recording)
    services.reach_out.rank(limit=5)
    monkeypatch.setattr(db.obj, "execute_sql", execute)
    plans = [
        detail
        for sql, params in statements
        for *_, detail in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    ]
    on_contacts = [line for line in plans if re.match(r"(SEARCH|SCAN) (contact|c|a|b)\b", line)]
    by = (*reach_out_indexes.DEFINITIONS, "contact_met_at_id", "rowid=?")
    assert on_contacts and [line for line in on_contacts if not any(i in line for i in by)] == []
    assert [line for line in plans if re.match(r"SCAN (interaction|i|r|g)\b", line)] == []
    used = " ".join(plans)
    for index in reach_out_indexes.DEFINITIONS:
        assert f"USING INDEX {index} " in used or f"USING COVERING INDEX {index} " in used, index
    assert "USING INDEX contact_met_at_id" in used
