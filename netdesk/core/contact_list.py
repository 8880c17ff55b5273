"""The contact list as SQL: filter, search, sort and page without loading every row.

Measured (issue 3): at 100k rows a `QSortFilterProxyModel` over Python rows takes seconds to filter
and sort, while an FTS5 query with an ORDER BY ... LIMIT page takes milliseconds. The list model
asks this module for a count and for pages of rows in the order the user chose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from netdesk.core.cadence import IDEAL_SQL, MAX_SQL, Keep, keep_state
from netdesk.core.contact_count import count_at_once, count_live, index_matches
from netdesk.core.contact_narrowing import narrowing
from netdesk.core.contact_sort_pages import OPEN_STATUSES, Cursor
from netdesk.core.contact_sort_pages import page as segment_page
from netdesk.core.contact_walk import SEARCH_LIST, WALKED_LIST, WALKED_PROBE, walked_first_page
from netdesk.core.vocabulary import CIRCLES
from netdesk.store import fts
from netdesk.store.models import LIVE_COMPANY_INDEX, db

SCOPES = ("active", "archived", "all", "trash")

_OPEN = f"+f.status IN {OPEN_STATUSES!r}"
_NEXT_FOLLOWUP = f"(SELECT min(f.due_at) FROM follow_up f WHERE f.contact_id = c.id AND {_OPEN})"
_TAGS = (
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM contact_tag ct "
    "JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY t.name COLLATE NOCASE))"
)
# COLLATE NOCASE outside too: a function's result sorts by BINARY ("Zeta" before "alpha").
_FIRST_TAG = (
    "coalesce((SELECT min(t.name COLLATE NOCASE) FROM contact_tag ct "
    "JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '') COLLATE NOCASE"
)
_KEYSET_COLUMNS = {"name": 1, "organisation": 2, "title": 3, "circle": 4, "last_contacted": 6}
"""Sorts by a column whose value a page's row holds at this place: a next page seeks past the
last row's value. Last contacted may be NULL: its contacts come last (NULLS LAST), by id."""
_NULLABLE_SORTS = ("last_contacted",)
SORT_EXPRESSIONS = {
    "name": "c.display_name COLLATE NOCASE",
    "organisation": "c.organisation COLLATE NOCASE",
    "title": "c.title COLLATE NOCASE",
    "circle": "c.circle",
    "tags": _FIRST_TAG,
    "last_contacted": "c.last_contacted_at",
    "next_followup": _NEXT_FOLLOWUP,
}
_DUE = (
    f"(julianday(coalesce(c.last_contacted_at, c.created_at)) + {IDEAL_SQL} <= julianday(?) "
    f"OR EXISTS (SELECT 1 FROM follow_up f WHERE f.contact_id = c.id AND {_OPEN} "
    "AND f.due_at <= ?))"
)


_INDEXED_SORTS = ("name", "organisation", "title", "circle", "last_contacted")
# A list narrowed by filters alone and sorted without an index is gathered and sorted whole
# below this many contacts (at ~5 µs a contact, ~25 ms); more are read segment by segment.
_FEW_TO_SORT = 5_000


class Strategy(StrEnum):
    """How a query reads its rows, chosen once when it is made (see `_choose_strategy`).

    - INDEX_WALK: pages are `ORDER BY <sort column> LIMIT/OFFSET` read off the sort column's
      index; a search only filters the rows walked ("+" keeps SQLite from driving the query
      from the search). For an indexed sort with no search, or a search whose first page a
      walk on a budget found (`core.contact_walk`).
    - KEEP_MATCHES: a search whose first page the walk did not find (few matches, or matches
      late in the order) gathers every match once, in list order, and keeps the ids; pages
      and the count are slices of that list.
    - NARROW_KEPT: typing on from a query that kept its matches (same list, longer text) filters
      those kept ids by the new text instead of gathering and sorting again.
    - SEGMENT_WALK: a sort with no index (tags, next follow-up) over a broad list without a
      search reads the first page segment by segment off other indexes
      (`core.contact_sort_pages`), and each next page from where the last ended; a jump
      elsewhere gathers the whole order once (SQLite sorts every match) and keeps it. A search
      or a narrow list of such a sort keeps its matches instead.
    """

    INDEX_WALK = "index walk"
    KEEP_MATCHES = "keep matches"
    NARROW_KEPT = "narrow kept"
    SEGMENT_WALK = "segment walk"


def _search_hits(expression: str) -> set[int]:
    sql = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?"
    return {row[0] for row in db.execute_sql(sql, [expression]).fetchall()}


@dataclass(frozen=True)
class ListFilter:
    """What the user narrowed the list to: search text, circle, tag, company, due, scope."""

    text: str = ""
    circle: str = ""
    tag: str = ""
    company: str = ""
    due_only: bool = False
    scope: str = "active"


class ContactRow(NamedTuple):
    """One line of the contact list.

    A tuple of plain values (no object the cyclic garbage collector follows): the list keeps
    them as exact tuples (`tuple(row)`), which the collector stops tracking, so that a full
    collection with 100,000 rows fetched does not walk every one (70-200 ms stalls while
    scrolling to the end)."""

    id: int
    name: str
    organisation: str
    title: str
    circle: str
    tags: str
    last_contacted_at: datetime | None
    next_followup_at: datetime | None
    has_photo: bool
    photo_thumb: bytes | None
    updated_at: str
    keep: str = Keep.NONE.value
    """Where the contact stands against their keep-in-touch interval: a `Keep` value (a plain
    string: an enum member is an object the collector follows)."""


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class ContactListQuery:
    """A filtered, sorted view of the contacts that can be counted and read page by page."""

    def __init__(
        self,
        list_filter: ListFilter = ListFilter(),
        sort: str = "name",
        descending: bool = False,
        now: datetime | None = None,
        narrowing: ContactListQuery | None = None,
        first_page: int = 0,
    ) -> None:
        """`narrowing`: the query shown before, when the user typed on from its search text;
        its matches (if it kept them) are filtered instead of being gathered and sorted again.
        `first_page`: the rows the first page will ask for (a walk looks for that many)."""
        if sort not in SORT_EXPRESSIONS:
            raise ValueError(f"cannot sort by {sort!r}")
        if list_filter.scope not in SCOPES:
            raise ValueError(f"unknown scope {list_filter.scope!r}")
        self.filter = list_filter
        self.sort = sort
        self.descending = descending
        self.now = now or datetime.now()
        self._first_page = first_page
        expression = self._expression = fts.match_expression(list_filter.text)
        self._matches = self._filtered_matches(narrowing, expression)
        self._where, self._params = self._conditions(expression, driver="")
        self._first_ids: list[int] = []
        """The first page's ids when a walk found them (`core.contact_walk`)."""
        self._index_matches: int | None = None
        """The search's matches in the index, when counted to choose a walk (the count of a
        live list then takes them as they are)."""
        self.strategy = self._choose_strategy(expression)
        self._after: tuple[int, object, int | None] | None = None
        """After a page read off a text column's index: the offset, sort value and id its last
        row ends at (the next page seeks there)."""
        self._segment_after: tuple[int, Cursor | None] | None = None
        """After a page read segment by segment: the offset and the segment place it ends at."""
        if self.strategy in (Strategy.INDEX_WALK, Strategy.SEGMENT_WALK):
            self._where, self._params = self._conditions(expression, driver="+")
        if self.strategy is Strategy.KEEP_MATCHES:
            self._matches = self._gather()

    def _choose_strategy(self, expression: str) -> Strategy:
        if self._matches is not None:
            return Strategy.NARROW_KEPT
        indexed = self.sort in _INDEXED_SORTS
        if expression:
            # Segments would run the search again, one for each (a tag's each): keep instead.
            walked = indexed and self._walk(expression)
            return Strategy.INDEX_WALK if walked else Strategy.KEEP_MATCHES
        if indexed:
            return Strategy.INDEX_WALK
        if self._narrowed() and self._lists_few():
            return Strategy.KEEP_MATCHES
        return Strategy.SEGMENT_WALK

    def _walk(self, expression: str) -> bool:
        """Whether a walk of the sort index on a budget found the first page (kept)."""
        scope, hits, params = self._split_conditions(expression)
        matches = self._index_matches = index_matches(expression)
        found = walked_first_page(matches, scope, hits, params, self._order(), self._first_page)
        self._first_ids = found or []
        return bool(self._first_ids)

    def _narrowed(self) -> bool:
        """Whether a condition besides the search and a live scope may leave few contacts."""
        flt = self.filter
        return bool(flt.circle or flt.tag or flt.company or flt.due_only) or flt.scope not in (
            "active",
            "all",
        )

    def _lists_few(self) -> bool:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM contact c WHERE {self._where} LIMIT ?)"
        matches: int = db.execute_sql(sql, [*self._params, _FEW_TO_SORT]).fetchone()[0]
        return matches < _FEW_TO_SORT

    def _filtered_matches(
        self, narrowing: ContactListQuery | None, expression: str
    ) -> list[int] | None:
        """The narrowing query's kept matches that also match the longer search text, if it
        kept them and differs from this query only by that text."""
        if narrowing is None or narrowing._matches is None or not expression:
            return None
        same_list = (
            narrowing.sort == self.sort
            and narrowing.descending == self.descending
            and replace(narrowing.filter, text="") == replace(self.filter, text="")
        )
        if not same_list or not self.filter.text.startswith(narrowing.filter.text):
            return None
        hits = _search_hits(expression)
        return [contact_id for contact_id in narrowing._matches if contact_id in hits]

    def _gather(self) -> list[int]:
        sql = f"SELECT c.id FROM contact c WHERE {self._where} ORDER BY {self._order()}"
        return [row[0] for row in db.execute_sql(sql, self._params).fetchall()]

    def _conditions(self, expression: str, driver: str) -> tuple[str, list[object]]:
        """The list's conditions on `contact c`; `driver` "+" keeps the search from driving."""
        hits, params = self._hit_clauses(expression, driver)
        return " AND ".join(self._scope_clauses() + hits), params

    def _split_conditions(self, expression: str) -> tuple[str, tuple[str, str], list[object]]:
        """For a walk (`core.contact_walk`): the conditions to walk over, and the others (with
        their parameters) apart: those with the search as a list of matches, and as a probe of
        the index a row. A live list walks every contact (archived and trashed ones are few)
        and tells its scope only for the rows the search keeps."""
        listed, params = self._hit_clauses(expression, driver="", search=WALKED_LIST)
        probing, _ = self._hit_clauses(expression, driver="", search=WALKED_PROBE)
        scope = self._scope_clauses()
        if self.filter.scope in ("active", "all"):
            listed, probing, scope = listed + scope, probing + scope, []
        hits = (" AND ".join(listed), " AND ".join(probing))
        return " AND ".join(scope), hits, params

    def _scope_clauses(self) -> list[str]:
        # Most contacts are live: the unary "+" keeps SQLite off the archived/deleted indexes so
        # that the sort column's index serves ORDER BY ... LIMIT instead of a temporary sort of
        # every live row. Archived and trashed contacts are few: their index finds them.
        return {
            "active": ["+c.deleted_at IS NULL", "+c.archived = 0"],
            "archived": ["+c.deleted_at IS NULL", "c.archived = 1"],
            "all": ["+c.deleted_at IS NULL"],
            "trash": ["c.deleted_at IS NOT NULL"],
        }[self.filter.scope]

    def _hit_clauses(
        self, expression: str, driver: str, search: str = SEARCH_LIST
    ) -> tuple[list[str], list[object]]:
        """The conditions besides the scope: search (`search`, "+" before it when `driver`),
        circle, tag, company, due."""
        flt = self.filter
        clauses: list[str] = []
        params: list[object] = []
        if expression:
            clauses.append(f"{driver}{search}")
            params.append(expression)
        narrow, narrow_params = narrowing(flt.circle, flt.tag, flt.company)
        clauses += narrow
        params += narrow_params
        if flt.due_only:
            clauses.append(_DUE)
            stamp = self.now.strftime("%Y-%m-%d %H:%M:%S")
            params.extend([stamp, stamp])
        return clauses, params

    def known_count(self) -> int | None:
        """How many contacts match when that is known without counting: matches kept, or a
        walked search of a live list that leaves nobody out (the index's matches counted for
        the walk)."""
        if self._matches is not None:
            return len(self._matches)
        if self._index_matches is None or self._narrowed():
            return None
        return count_at_once(self.filter.scope == "active", self._index_matches)

    def count(self) -> int:
        """How many contacts match (any thread: it reads through the thread's connection)."""
        if self._matches is not None:
            return len(self._matches)
        live = (
            None
            if self._narrowed()
            else count_live(self._expression, self.filter.scope == "active", self._index_matches)
        )
        if live is not None:
            return live
        sql = f"SELECT count(*) FROM contact c WHERE {self._where}"
        count: int = db.execute_sql(sql, self._params).fetchone()[0]
        return count

    def ids(self) -> list[int]:
        """Every matching id in list order (for "select all" and exports)."""
        return list(self._matches) if self._matches is not None else self._gather()

    def page(self, offset: int, limit: int) -> list[ContactRow]:
        """Rows `offset` .. `offset + limit` in list order.

        The page's ids are found first and only their rows read: SQLite would otherwise work out
        the tag and follow-up columns for every matching contact before sorting.
        """
        walk = self.strategy is Strategy.SEGMENT_WALK and self._matches is None
        after = self._after if self._after is not None and self._after[0] == offset else None
        segment = self._segment_after
        if walk and offset > 0 and (segment is None or segment[0] != offset):
            self._matches = self._gather()  # not the page after the last one read
        if self._matches is not None:
            ids = self._matches[offset : offset + limit]
        elif offset + limit <= len(self._first_ids):
            ids = self._first_ids[offset : offset + limit]
        elif walk:
            cursor = segment[1] if segment is not None and offset > 0 else None
            ids, cursor = segment_page(
                self.sort, self.descending, self._where, self._params, limit, cursor
            )
            self._segment_after = (offset + len(ids), cursor)
        else:
            ids = self._page_ids(offset, limit, after)
        if not ids:
            return []
        sql = (
            "SELECT c.id, c.display_name, c.organisation, c.title, c.circle, "
            f"coalesce({_TAGS}, ''), c.last_contacted_at, {_NEXT_FOLLOWUP}, "
            "c.photo IS NOT NULL, c.photo_thumb, c.updated_at, "
            f"{IDEAL_SQL}, {MAX_SQL}, "
            "julianday(?) - julianday(coalesce(c.last_contacted_at, c.created_at)) "
            f"FROM contact c WHERE c.id IN ({','.join('?' * len(ids))})"
        )
        stamp = self.now.strftime("%Y-%m-%d %H:%M:%S")
        found = {r[0]: r for r in db.execute_sql(sql, [stamp, *ids]).fetchall()}
        rows = [found[i] for i in ids if i in found]  # one deleted in between is left out
        if not rows:
            return []
        column = _KEYSET_COLUMNS.get(self.sort)
        if column is not None and self.strategy is Strategy.INDEX_WALK:
            self._after = (offset + len(rows), rows[-1][column], rows[-1][0])
        return [
            ContactRow(
                id=r[0],
                name=r[1],
                organisation=r[2],
                title=r[3],
                circle=r[4],
                tags=r[5],
                last_contacted_at=_parse_time(r[6]),
                next_followup_at=_parse_time(r[7]),
                has_photo=bool(r[8]),
                photo_thumb=bytes(r[9]) if r[9] is not None else None,
                updated_at=r[10],
                keep=keep_state(r[13], r[11], r[12]).value,
            )
            for r in rows
        ]

    def _page_ids(
        self, offset: int, limit: int, after: tuple[int, object, int | None] | None
    ) -> list[int]:
        """A page's ids read off the sort column's index: after a row with a value, the rows
        sharing it past its id, then those past the value; a nullable sort that runs out of
        dated contacts reads on from the first of those without a date."""
        dated = after is not None and after[1] is not None
        ids = self._ids_of(self.page_ids_sql(offset, limit, after, ties=dated))
        if dated and len(ids) < limit:
            ids += self._ids_of(self.page_ids_sql(offset, limit - len(ids), after))
        if dated and len(ids) < limit and self.sort in _NULLABLE_SORTS:
            ids += self._page_ids(offset, limit - len(ids), (offset, None, None))
        return ids

    @staticmethod
    def _ids_of(sql_params: tuple[str, list[object]]) -> list[int]:
        return [row[0] for row in db.execute_sql(*sql_params).fetchall()]

    def page_ids_sql(
        self,
        offset: int,
        limit: int,
        after: tuple[int, object, int | None] | None = None,
        ties: bool = False,
    ) -> tuple[str, list[object]]:
        """The SQL (and its parameters) that reads a page's ids when no matches are kept;
        `after` (the offset, sort value and id of the row before the page) seeks to the page in
        the sort column's index instead of counting off `offset` rows (each a read of the
        contact's row: 0.2-1 s at the 60,000th-95,000th contact, and once per page scrolling
        on): to the rows past its value, or (`ties`) to those with its value past its id. One
        seek for both (value reached, then id past) walked every row sharing the value before
        the id: ~30 ms a page inside the contacts without a title or of one circle. A NULL
        value seeks among the contacts without one (past the id, if any)."""
        where, params = self._where, list(self._params)
        if after is not None:
            key = SORT_EXPRESSIONS[self.sort]
            beyond = "<" if self.descending else ">"
            if after[1] is None or ties:
                where += f" AND {key} IS NULL" if after[1] is None else f" AND {key} = ?"
                params += [] if after[1] is None else [after[1]]
                if after[2] is not None:
                    where += f" AND c.id {beyond} ?"
                    params.append(after[2])
            else:
                where += f" AND {key} {beyond} ?"
                params.append(after[1])
            offset = 0
        sql = f"SELECT c.id FROM contact c WHERE {where} ORDER BY {self._order()} LIMIT ? OFFSET ?"
        return sql, [*params, limit, offset]

    def _order(self) -> str:
        direction = "DESC" if self.descending else "ASC"
        nulls = "NULLS LAST" if self.sort in ("last_contacted", "next_followup") else ""
        # For the few archived or trashed contacts, "+" keeps the sort off its index so that
        # the scope's index finds the rows (then a small sort beats walking every name).
        few = "+" if self.filter.scope in ("archived", "trash") else ""
        return f"{few}{SORT_EXPRESSIONS[self.sort]} {direction} {nulls}, c.id {direction}"


def filter_choices() -> dict[str, list[str]]:
    """The values the filter menus offer: circles, tags and companies in use."""
    live = "SELECT 1 FROM contact WHERE {column} = ? AND deleted_at IS NULL"
    circles = [
        circle
        for circle in CIRCLES
        if db.execute_sql(live.format(column="circle") + " LIMIT 1", [circle]).fetchone()
    ]
    companies = db.execute_sql(  # the living not archived off their index alone, then the rest
        f"SELECT name FROM company c WHERE EXISTS (SELECT 1 FROM contact INDEXED BY "
        f"{LIVE_COMPANY_INDEX} WHERE company_id = c.id AND deleted_at IS NULL AND archived = 0) "
        "OR EXISTS (SELECT 1 FROM contact WHERE company_id = c.id AND deleted_at IS NULL "
        "AND +archived = 1) ORDER BY name COLLATE NOCASE"
    )
    return {
        "circle": circles,
        "tag": [r[0] for r in db.execute_sql("SELECT name FROM tag ORDER BY name COLLATE NOCASE")],
        "company": [r[0] for r in companies],
    }
