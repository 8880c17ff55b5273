"""Counting a search's live matches from the index (core.contact_count) gives what counting
through `contact` gives, in every shape of network, and reads the index once."""

from __future__ import annotations

import pytest

from netdesk.core.contact_count import count_live, gone_matches_sql
from netdesk.core.contact_list import ContactListQuery, ListFilter, Strategy
from netdesk.store import fts
from netdesk.store.models import Contact, db
from tests.core.search_network import SHAPES, seed_network, walk_every_search

TEXTS = ("", "a", "z", "zo", "zoe", "silva", "acme d", "zen lab", "p0001", "berlin", "nobody")


def _through_contact(text: str, scope: str) -> int:
    query = ContactListQuery(ListFilter(text=text, scope=scope))
    sql = f"SELECT count(*) FROM contact c WHERE {query._where}"
    found: int = db.execute_sql(sql, query._params).fetchone()[0]
    return found


@pytest.mark.parametrize("shape", SHAPES)
def test_counts_from_the_index_match_counts_through_contact(services, shape) -> None:
    seed_network(600, shape)
    for text in TEXTS:
        for scope in ("active", "all"):
            expected = _through_contact(text, scope)
            counted = count_live(fts.match_expression(text), archived_too=scope == "active")
            assert counted == expected, (text, scope)
            assert ContactListQuery(ListFilter(text=text, scope=scope)).count() == expected


def test_nobody_left_out_counts_the_index_alone(services) -> None:
    seed_network(200, "uniform")
    Contact.update(archived=False, deleted_at=None).execute()
    assert count_live('"a"*', archived_too=True) == _through_contact("a", "active")


def test_an_index_out_of_step_counts_through_contact(services) -> None:
    seed_network(200, "uniform")
    db.execute_sql("DELETE FROM contact_fts WHERE rowid = (SELECT min(id) FROM contact)")
    assert count_live('"a"*', archived_too=True) is None
    query = ContactListQuery(ListFilter(text="a"))
    assert query.count() == _through_contact("a", "active")


def _plan(sql: str, params: list[object]) -> str:
    return "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize("analyzed", (False, True))
@pytest.mark.parametrize("archived_too", (False, True))
def test_the_left_out_are_gathered_once_and_the_index_read_once(
    services, analyzed, archived_too
) -> None:
    seed_network(600, "skewed")
    if analyzed:  # statistics (a user's ANALYZE) must not turn the join around
        db.execute_sql("ANALYZE")
    for text in ("a", "zoe silva", "nobody"):
        plan = _plan(*gone_matches_sql(fts.match_expression(text), archived_too))
        assert "MATERIALIZE gone" in plan
        assert plan.index("SCAN f VIRTUAL TABLE") < plan.index("SEARCH gone USING AUTOMATIC")
        assert "INTEGER PRIMARY KEY" not in plan  # no match is looked up in `contact`


def test_a_walked_search_counts_with_the_matches_its_walk_counted(services, monkeypatch) -> None:
    seed_network(600, "uniform")
    walk_every_search(monkeypatch)
    ran: list[str] = []
    execute = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql", lambda sql, *a: ran.append(sql) or execute(sql, *a))
    for text in ("a", "zo", "acme d"):
        for scope in ("active", "all"):
            expected = _through_contact(text, scope)
            query = ContactListQuery(ListFilter(text=text, scope=scope), first_page=1)
            assert query.strategy is Strategy.INDEX_WALK, text
            ran.clear()
            assert query.count() == expected, (text, scope)
            assert not [sql for sql in ran if sql.startswith("SELECT count(*) FROM contact_fts ")]


def test_a_walked_search_leaving_nobody_out_knows_its_count(services, monkeypatch) -> None:
    seed_network(600, "uniform")
    walk_every_search(monkeypatch)
    for scope in ("active", "all"):  # some archived, some in the Trash: they are to be read
        query = ContactListQuery(ListFilter(text="zo", scope=scope), first_page=1)
        assert query.strategy is Strategy.INDEX_WALK and query.known_count() is None
    Contact.update(archived=False, deleted_at=None).execute()
    for text in ("a", "zo", "acme d"):
        for scope in ("active", "all"):
            query = ContactListQuery(ListFilter(text=text, scope=scope), first_page=1)
            assert query.strategy is Strategy.INDEX_WALK, text
            assert query.known_count() == _through_contact(text, scope) > 0, (text, scope)
        assert ContactListQuery(ListFilter(text=text, circle="friend")).known_count() is None
