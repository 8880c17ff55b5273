"""Whether a search's first page is read off the sort column's index: a walk on a budget.

A search of fewer matches than a page is gathered and sorted once and its matches kept (every
letter typed on filters the kept list in about a millisecond). A search of more is first read
in order off the sort index, keeping the rows that match, which finds a page after about
page × contacts / matches rows when the matches are spread over the order, but after many
more when they cluster late in it (a common name sorted by name, or from the other end).
The walk may pass one row a match: when it finds the page by then, that is the page; else the
matches are gathered. A live list's walk reads the sort index alone, the contact's row only for
the matches (`walk_sql`): a row walked costs a sixth of a match gathered (0.45 against 2.7 µs at
100,000 contacts, load 4), so a walk that fails adds at most about a sixth to the gathering on
data of any shape. (When each row walked was read, for its scope's columns, a walked row cost
as much as a gathered match: 0.4-1.3 times, load 12, and a failed walk up to twice the cost;
searches of fewer than 5,000 matches were then gathered without a walk. Walking them too: core
time of three sets of 24 queries drawn from the data (seeds 19, 7, 23) at 100,000 contacts,
load 4.1-4.5: p90 8.1 -> 6.4, 8.4 -> 6.4 and 9.9 -> 6.4 ms, medians 3.6 -> 3.3, 3.2 -> 2.5 and
2.0 -> 2.1 ms.)
Guessing the walk's length from a shorter first walk does not keep that bound: the first 500
rows in name order hold no "k" though the 30th lies at row 694 (gathered instead: 200 ms
against 2 ms at load 12). A walk tells a match by the search's list of matches, built once
(WALKED_LIST: ~0.3-0.6 µs a match, 18-55 ms for a first letter at 100,000 contacts); when at
least half the contacts match, the page lies within a few pages' rows and asking the index
about each row walked is cheaper (WALKED_PROBE: 20-400 µs a row; "m", "e", "a" 0.7 ms against
18-55 ms at load 10), so such a walk first probes at most PROBED_PAGES pages' rows.
tests/core/test_contact_walk.py asserts the choice and the query plans on networks of
different shapes.
"""

from __future__ import annotations

from netdesk.store.models import db

WALK_ROWS_PER_MATCH = 1
"""How many rows a walk may pass for each match the search has."""
MATCHES_WALKED = 50_000
"""A walk passes at most this many matches' rows (more matches give no larger budget)."""
FIRST_PAGE = 60
"""The rows a walk looks for unless told: a tall screen's worth (the list asks for its own)."""
PROBED_PAGES = 4
"""A walk probing the index row by row passes at most this many pages' rows."""
_LISTED = "{} IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)"
SEARCH_LIST = _LISTED.format("c.id")
"""A row matches the search: looked up in the list of its matches (built once)."""
WALKED_LIST = _LISTED.format("walked.id")
"""A row walked matches the search: SEARCH_LIST told by the index entry alone."""
WALKED_PROBE = (
    "EXISTS (SELECT 1 FROM contact_fts f WHERE f.contact_fts MATCH ? AND f.rowid = walked.id)"
)
"""A row walked matches the search: the index asked about it."""


def _count(sql: str, params: list[object]) -> int:
    found: int = db.execute_sql(sql, params).fetchone()[0]
    return found


def walk_budget(matches: int) -> int:
    """How many rows a walk may pass for a search of `matches` matches."""
    return WALK_ROWS_PER_MATCH * min(matches, MATCHES_WALKED)


def _half_match(matches: int) -> bool:
    """Whether `matches` is at least half the contacts."""
    half = _count("SELECT count(*) FROM contact", []) // 2
    return half > 0 and matches >= half


def walk_sql(scope: str, hits: str, order: str) -> str:
    """Walk `contact c` in `order` (over `scope`, if any) for at most `?` rows (a co-routine,
    the outer loop: CROSS JOIN), keeping those where `hits` holds, the first `?` of them.
    Parameters: the rows, those of `hits`, the page. Without a scope the walk reads the sort
    column's index alone, and a search in `hits` on `walked.id` is told before the contact's
    row is read: 0.45 µs a row walked, against 2.8 µs reading each row walked for the live
    scope's columns (after the photo in the row; "maria", 5,000 rows: 15.8 -> 5.8 ms)."""
    where = f"WHERE {scope} " if scope else ""
    return (
        f"SELECT c.id FROM (SELECT c.id AS id FROM contact c {where}ORDER BY {order} "
        f"LIMIT ?) AS walked CROSS JOIN contact c ON c.id = walked.id WHERE {hits} LIMIT ?"
    )


def walked_first_page(
    matches: int,
    scope: str,
    hits: tuple[str, str],
    params: list[object],
    order: str,
    page: int = 0,
) -> list[int] | None:
    """The first `page` ids (FIRST_PAGE by default) when the search, of `matches` matches in
    the index (`index_matches`), has that many and a walk within its budget finds them all;
    None when not (gathering the matches is then cheaper). `scope`, `hits` and
    `params`: the list's conditions on `contact c`, the scope's to walk over ("" to walk
    every contact) and `hits` twice: the search as WALKED_LIST, then as WALKED_PROBE."""
    page = page or FIRST_PAGE
    budget = walk_budget(matches)
    if budget < page:
        return None
    listed, probing = hits
    if _half_match(matches):
        sql = walk_sql(scope, probing, order)
        rows = min(budget, PROBED_PAGES * page)
        ids = [row[0] for row in db.execute_sql(sql, [rows, *params, page]).fetchall()]
        if len(ids) == page:
            return ids
    sql = walk_sql(scope, listed, order)
    ids = [row[0] for row in db.execute_sql(sql, [budget, *params, page]).fetchall()]
    return ids if len(ids) == page else None
