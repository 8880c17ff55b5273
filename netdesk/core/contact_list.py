"""The contact list as SQL: filter, search, sort and page without loading every row.

Measured (issue 3): at 100k rows a `QSortFilterProxyModel` over Python rows takes seconds to filter
and sort, while an FTS5 query with an ORDER BY ... LIMIT page takes milliseconds. The list model
asks this module for a count and for pages of rows in the order the user chose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from netdesk.core.cadence import IDEAL_SQL, MAX_SQL, Keep, keep_state
from netdesk.core.contact_narrowing import narrowing
from netdesk.core.contact_sort_pages import OPEN_STATUSES, first_page
from netdesk.core.vocabulary import CIRCLES
from netdesk.store import fts
from netdesk.store.models import db

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
# A search (or list) is "broad" from this many matches: reading the list in order off the sort
# index and dropping the rows that do not match then beats gathering and sorting every match.
# The value is where the two cross at 100,000 contacts (bench/contacts.py measures both ways).
_BROAD_MATCHES = 5_000


class Strategy(StrEnum):
    """How a query reads its rows, chosen once when it is made (see `_choose_strategy`).

    - INDEX_WALK: pages are `ORDER BY <sort column> LIMIT/OFFSET` read off the sort column's
      index; a broad search only filters the rows walked ("+" keeps SQLite from driving the
      query from the search). For an indexed sort with no search or a broad one.
    - KEEP_MATCHES: a search with few matches gathers every match once, in list order, and keeps
      the ids; pages and the count are slices of that list.
    - NARROW_KEPT: typing on from a query that kept its matches (same list, longer text) filters
      those kept ids by the new text instead of gathering and sorting again.
    - SEGMENT_WALK: a sort with no index (tags, next follow-up) over a broad list without a
      search reads the first page segment by segment off other indexes
      (`core.contact_sort_pages`); scrolling gathers the whole order once (SQLite sorts every
      match) and keeps it. A search or a narrow list of such a sort keeps its matches instead.
    """

    INDEX_WALK = "index walk"
    KEEP_MATCHES = "keep matches"
    NARROW_KEPT = "narrow kept"
    SEGMENT_WALK = "segment walk"


def _is_broad(expression: str) -> bool:
    """Whether a search matches at least _BROAD_MATCHES contacts (counting stops there)."""
    sql = "SELECT count(*) FROM (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT ?)"
    matches: int = db.execute_sql(sql, [expression, _BROAD_MATCHES]).fetchone()[0]
    return matches >= _BROAD_MATCHES


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


@dataclass(frozen=True)
class ContactRow:
    """One line of the contact list."""

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
    keep: Keep = Keep.NONE
    """Where the contact stands against their keep-in-touch interval (`core.cadence`)."""


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
    ) -> None:
        """`narrowing`: the query shown before, when the user typed on from its search text;
        its matches (if it kept them) are filtered instead of being gathered and sorted again."""
        if sort not in SORT_EXPRESSIONS:
            raise ValueError(f"cannot sort by {sort!r}")
        if list_filter.scope not in SCOPES:
            raise ValueError(f"unknown scope {list_filter.scope!r}")
        self.filter = list_filter
        self.sort = sort
        self.descending = descending
        self.now = now or datetime.now()
        expression = fts.match_expression(list_filter.text)
        self._matches = self._filtered_matches(narrowing, expression)
        self._where, self._params = self._conditions(expression, driver="")
        self.strategy = self._choose_strategy(expression)
        if self.strategy in (Strategy.INDEX_WALK, Strategy.SEGMENT_WALK):
            self._where, self._params = self._conditions(expression, driver="+")
        if self.strategy is Strategy.KEEP_MATCHES:
            self._matches = self._gather()

    def _choose_strategy(self, expression: str) -> Strategy:
        if self._matches is not None:
            return Strategy.NARROW_KEPT
        if expression and not _is_broad(expression):
            return Strategy.KEEP_MATCHES
        if self.sort in _INDEXED_SORTS:
            return Strategy.INDEX_WALK
        # A search would be run again for every segment (a tag's each): 1.3 s for "berlin".
        if expression or (self._narrowed() and self._lists_few()):
            return Strategy.KEEP_MATCHES
        return Strategy.SEGMENT_WALK

    def _narrowed(self) -> bool:
        """Whether a condition besides the search and a live scope may leave few contacts."""
        flt = self.filter
        return bool(flt.circle or flt.tag or flt.company or flt.due_only) or flt.scope not in (
            "active",
            "all",
        )

    def _lists_few(self) -> bool:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM contact c WHERE {self._where} LIMIT ?)"
        matches: int = db.execute_sql(sql, [*self._params, _BROAD_MATCHES]).fetchone()[0]
        return matches < _BROAD_MATCHES

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
        flt = self.filter
        # Most contacts are live: the unary "+" keeps SQLite off the archived/deleted indexes so
        # that the sort column's index serves ORDER BY ... LIMIT instead of a temporary sort of
        # every live row. Archived and trashed contacts are few: their index finds them.
        clauses = {
            "active": ["+c.deleted_at IS NULL", "+c.archived = 0"],
            "archived": ["+c.deleted_at IS NULL", "c.archived = 1"],
            "all": ["+c.deleted_at IS NULL"],
            "trash": ["c.deleted_at IS NOT NULL"],
        }[flt.scope]
        params: list[object] = []
        if expression:
            clauses.append(
                f"{driver}c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)"
            )
            params.append(expression)
        narrow, narrow_params = narrowing(flt.circle, flt.tag, flt.company)
        clauses += narrow
        params += narrow_params
        if flt.due_only:
            clauses.append(_DUE)
            stamp = self.now.strftime("%Y-%m-%d %H:%M:%S")
            params.extend([stamp, stamp])
        return " AND ".join(clauses), params

    def count(self) -> int:
        """How many contacts match."""
        if self._matches is not None:
            return len(self._matches)
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
        if walk and offset > 0:
            self._matches = self._gather()
        if self._matches is not None:
            ids = self._matches[offset : offset + limit]
        elif walk:
            ids = first_page(self.sort, self.descending, self._where, self._params, limit)
        else:
            id_sql, params = self.page_ids_sql(offset, limit)
            ids = [r[0] for r in db.execute_sql(id_sql, params).fetchall()]
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
        rows = [found[i] for i in ids]
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
                keep=keep_state(r[13], r[11], r[12]),
            )
            for r in rows
        ]

    def page_ids_sql(self, offset: int, limit: int) -> tuple[str, list[object]]:
        """The SQL (and its parameters) that reads a page's ids when no matches are kept."""
        sql = (
            f"SELECT c.id FROM contact c WHERE {self._where} ORDER BY {self._order()} "
            "LIMIT ? OFFSET ?"
        )
        return sql, [*self._params, limit, offset]

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
    companies = db.execute_sql(
        "SELECT name FROM company c WHERE EXISTS (SELECT 1 FROM contact WHERE company_id = c.id "
        "AND deleted_at IS NULL) ORDER BY name COLLATE NOCASE"
    )
    return {
        "circle": circles,
        "tag": [r[0] for r in db.execute_sql("SELECT name FROM tag ORDER BY name COLLATE NOCASE")],
        "company": [r[0] for r in companies],
    }
