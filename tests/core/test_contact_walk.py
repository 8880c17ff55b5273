"""The walk on a budget (core.contact_walk) on networks unlike the bench's: a search is read off
the sort index exactly when its first page lies within one row a match of the order's start,
its pages are the order gathering gives, and the query plans stay the ones chosen for, with
and without statistics (ANALYZE)."""

from __future__ import annotations

import pytest

from netdesk.core import contact_walk
from netdesk.core.contact_list import ContactListQuery, ListFilter, Strategy
from netdesk.core.contact_walk import (
    FIRST_PAGE,
    MATCHES_WALKED,
    WALK_ROWS_PER_MATCH,
    walk_sql,
)
from netdesk.store import fts
from netdesk.store.models import db
from tests.core.search_network import SHAPES, seed_network

# short and long prefixes, rare and common terms, two words
TEXTS = ("a", "z", "zo", "zoe", "zoe sil", "silva", "acme d", "zen", "p00", "p0001", "q00012x")
FILTERS = (
    ListFilter(),
    ListFilter(circle="friend"),
    ListFilter(tag="berlin"),
    ListFilter(company="Zenith Labs"),
    ListFilter(scope="all"),
    ListFilter(scope="archived"),
)
SORTS = ("name", "organisation", "title", "last_contacted")
INDEXES = {
    "name": "contact_display_name",
    "organisation": "contact_organisation",
    "title": "contact_title",
    "last_contacted": "contact_last_contacted_at",
}


def _plan(sql: str, params: list[object]) -> str:
    return "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


def _walk_finds_page(query: ContactListQuery, budget: int) -> bool:
    """Whether the first page lies within `budget` rows of the whole order: of every contact
    for a live list, of the scope's contacts for the archived and the Trash."""
    if query.filter.scope in ("active", "all"):
        sql = f"SELECT c.id FROM contact c ORDER BY {query._order()}"
        order = [row[0] for row in db.execute_sql(sql).fetchall()]
    else:
        scope = ListFilter(scope=query.filter.scope)
        order = ContactListQuery(scope, query.sort, query.descending).ids()
    matches = set(query.ids())
    hits = [walked for walked, i in enumerate(order, start=1) if i in matches]
    return budget >= FIRST_PAGE and len(hits) >= FIRST_PAGE and hits[FIRST_PAGE - 1] <= budget


def _budget(text: str) -> int:
    """The rows a walk may pass."""
    sql = "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH ?"
    matches: int = db.execute_sql(sql, [fts.match_expression(text)]).fetchone()[0]
    return WALK_ROWS_PER_MATCH * min(matches, MATCHES_WALKED)


def _check_plan(query: ContactListQuery) -> None:
    live = query.filter.scope in ("active", "all")
    if query.strategy is Strategy.INDEX_WALK:
        scope, hits, params = query._split_conditions(fts.match_expression(query.filter.text))
        for searched in hits:  # the search's list of matches, then the index probed a row
            plan = _plan(walk_sql(scope, searched, query._order()), [10, *params, 10])
            assert "CO-ROUTINE walked" in plan  # the walk stops at the page
            assert plan.index("SCAN walked") < plan.index("SEARCH c USING")  # the outer loop
            if live:  # the index alone is walked, the search told before a row is read
                assert f"SCAN c USING COVERING INDEX {INDEXES[query.sort]}" in plan
                assert "TEMP B-TREE" not in plan
        assert "CORRELATED SCALAR SUBQUERY" in plan  # a probe a row walked
        if query.filter == ListFilter(text=query.filter.text, scope=query.filter.scope):
            # later pages go on down the index (a filter's own index may serve them instead)
            later = _plan(*query.page_ids_sql(FIRST_PAGE, 50))
            assert ("TEMP B-TREE" in later) == (not live)
    else:
        assert query.strategy is Strategy.KEEP_MATCHES
        plan = _plan(f"SELECT c.id FROM contact c WHERE {query._where}", query._params)
        # the search drives: each match looked up by id (or by an index holding it), no scan
        assert "rowid=?)" in plan and "SCAN c " not in f"{plan} ", plan


@pytest.mark.parametrize("shape", SHAPES)
def test_a_search_is_walked_exactly_when_its_page_lies_within_the_budget(services, shape):
    seed_network(600, shape)
    walked_some = kept_some = False
    for text in TEXTS:
        for flt in FILTERS:
            for sort in SORTS:
                for descending in (False, True):
                    list_filter = ListFilter(**{**flt.__dict__, "text": text})
                    query = ContactListQuery(list_filter, sort, descending)
                    order = query.ids()
                    assert [r.id for r in query.page(0, 30)] == order[:30]
                    assert [r.id for r in query.page(FIRST_PAGE, 30)] == order[
                        FIRST_PAGE : FIRST_PAGE + 30
                    ]
                    expected = _walk_finds_page(query, _budget(text))
                    assert (query.strategy is Strategy.INDEX_WALK) == expected, (
                        text,
                        flt,
                        sort,
                        descending,
                        _budget(text),
                    )
                    walked_some |= expected
                    kept_some |= not expected and len(order) >= FIRST_PAGE
                    _check_plan(query)
    assert walked_some
    if shape != "sparse":
        assert kept_some  # a search of many matches late in the order is gathered


@pytest.mark.parametrize("shape", ("uniform", "skewed"))
def test_statistics_do_not_change_the_plans(services, shape) -> None:
    seed_network(600, shape)
    db.execute_sql("ANALYZE")
    for text in ("a", "zo", "zoe sil", "p0001"):
        for flt in FILTERS:
            for sort in SORTS:
                list_filter = ListFilter(**{**flt.__dict__, "text": text})
                _check_plan(ContactListQuery(list_filter, sort, descending=True))


def test_a_search_most_contacts_match_probes_the_index_a_row(services, monkeypatch) -> None:
    seed_network(600, "skewed")  # "z": Zoë, Zeno and Zenith Labs, most of them
    ran: list[str] = []
    execute = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql", lambda sql, *a: ran.append(sql) or execute(sql, *a))
    for text, probed in (("z", True), ("silva", False)):
        ran.clear()
        query = ContactListQuery(ListFilter(text=text), first_page=30)
        assert any(contact_walk.WALKED_PROBE in sql for sql in ran) == probed, text
        if query.strategy is Strategy.INDEX_WALK:
            assert [r.id for r in query.page(0, 30)] == query.ids()[:30]
    monkeypatch.setattr(contact_walk, "PROBED_PAGES", 0)  # the probe finds no page: the list
    query = ContactListQuery(ListFilter(text="z"), first_page=30)
    assert query.strategy is Strategy.INDEX_WALK
    assert [r.id for r in query.page(0, 30)] == query.ids()[:30]
