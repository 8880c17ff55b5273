"""Sorting by tags and by next follow-up: the first page read segment by segment and the whole
order gathered are both the order a plain Python sort gives (ties, no value, descending)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from netdesk.core import contact_list
from netdesk.core.contact_list import SORT_EXPRESSIONS, ContactListQuery, ListFilter, Strategy
from netdesk.core.contact_sort_pages import followup_segment_sql, tag_segment_sql
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, FollowUp, db
from tests.fake_time import NOW

_TAGS = ("alpha", "Beta", "beta-2", "Zeta", "émigré", "z")
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CIRCLES = ("friend", "colleague", "")


def _nocase(text: str) -> str:
    """SQLite's NOCASE: only ASCII letters fold."""
    return text.translate(_FOLD)


@pytest.fixture
def crowd(services) -> dict[int, dict]:
    """60 contacts: namesakes, mixed-case and missing values, shared due times, follow-ups
    open, snoozed and done (unlike the bench: few tags, many ties)."""
    rng = random.Random(19)
    facts: dict[int, dict] = {}
    for number in range(60):
        tags = rng.sample(_TAGS, rng.choice((0, 0, 1, 2, 3)))
        contact_id = services.contacts.create(
            ContactDraft(
                given_name=rng.choice(("Ana", "ana", "Bo", "Émile", "")) or f"N{number}",
                family_name=rng.choice(("Silva", "", "silva", "Ng")),
                organisation=rng.choice(("Acme", "acme", "", "Bosch")),
                title=rng.choice(("CTO", "", "cto", "Engineer")),
                circle=rng.choice(_CIRCLES),
                tags=tags,
            )
        )
        last = NOW - timedelta(days=rng.choice((1, 1, 5, 40))) if rng.random() < 0.6 else None
        Contact.update(last_contacted_at=last).where(Contact.id == contact_id).execute()
        open_dues = []
        for _ in range(rng.choice((0, 0, 1, 2))):
            due = NOW + timedelta(days=rng.choice((-3, 0, 0, 7)))
            status = rng.choice(("open", "snoozed", "done"))
            FollowUp.create(contact=contact_id, due_at=due, status=status)
            if status != "done":
                open_dues.append(due)
        facts[contact_id] = {"tags": tags, "due": min(open_dues, default=None)}
    return facts


def _expected(crowd: dict[int, dict], sort: str, descending: bool, circle: str = "") -> list[int]:
    rows = {r.id: r for r in ContactListQuery(ListFilter(circle=circle)).page(0, 1000)}
    keys = {
        "name": lambda i: _nocase(rows[i].name),
        "organisation": lambda i: _nocase(rows[i].organisation),
        "title": lambda i: _nocase(rows[i].title),
        "circle": lambda i: rows[i].circle,
        "tags": lambda i: min((_nocase(t) for t in crowd[i]["tags"]), default=""),
    }
    if sort in keys:
        return sorted(rows, key=lambda i: (keys[sort](i), i), reverse=descending)
    dated = sort == "next_followup"
    value = {i: crowd[i]["due"] if dated else rows[i].last_contacted_at for i in rows}
    known = sorted((i for i in rows if value[i] is not None), key=lambda i: (value[i], i))
    missing = sorted(i for i in rows if value[i] is None)
    if descending:
        known.reverse()
        missing.reverse()
    return known + missing


@pytest.mark.parametrize("sort", list(SORT_EXPRESSIONS))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("circle", ["", "friend"])
def test_every_sort_gives_the_plain_python_order(crowd, monkeypatch, sort, descending, circle):
    expected = _expected(crowd, sort, descending, circle)
    kept = ContactListQuery(ListFilter(circle=circle), sort, descending)
    assert kept.ids() == expected
    monkeypatch.setattr(contact_list, "_BROAD_MATCHES", 1)  # the walk a list of 100,000 takes
    for limit in (1, 7, len(expected), len(expected) + 5):
        walked = ContactListQuery(ListFilter(circle=circle), sort, descending)
        assert [row.id for row in walked.page(0, limit)] == expected[:limit]
    assert [row.id for row in walked.page(3, 4)] == expected[3:7]
    if sort in ("tags", "next_followup"):
        assert walked.strategy is Strategy.SEGMENT_WALK


def test_a_narrow_list_keeps_its_matches_for_a_sort_without_an_index(crowd) -> None:
    narrow = ContactListQuery(ListFilter(circle="friend"), sort="tags")
    assert narrow.strategy is Strategy.KEEP_MATCHES
    assert ContactListQuery(sort="tags").strategy is Strategy.SEGMENT_WALK
    searched = ContactListQuery(ListFilter(text="ana"), sort="next_followup")
    assert searched.strategy is Strategy.KEEP_MATCHES


def _plan(sql: str, params: list[object]) -> str:
    return "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


def test_segments_are_read_off_indexes_not_sorted_whole(crowd) -> None:
    where = "+c.deleted_at IS NULL AND +c.archived = 0 AND c.circle = ?"
    for direction in ("ASC", "DESC"):
        plan = _plan(tag_segment_sql(where, direction), [1, "alpha", "friend"])
        assert "SEARCH ct USING COVERING INDEX contact_tag_tag_id_contact_id (tag_id=?)" in plan
        assert "TEMP B-TREE" not in plan and "SCAN" not in plan
        plan = _plan(followup_segment_sql(where, direction), ["open", "friend"])
        assert "SEARCH f USING INDEX follow_up_status_due_at (status=?)" in plan
        assert "SCAN" not in plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan.split("SEARCH c")[1]
