"""Companies: every organisation someone you keep works at, and the targets you mark.

Who works where is `contact.company_id`, which every write of a contact sets from its
organisation text (`ContactService`, the importer); `company` rows keep what belongs to the
organisation (its name as first written, whether it is a target). The list is read whole, one
row per company with its living people (not archived, not in the Trash) counted and their last
contact, off one partial index (`LIVE_COMPANY_INDEX`): at 100,000 contacts over 5,000
companies, one scan of that index (bench/companies.py). Changes return what reverses them, for
the view's undo, and are announced on the "companies" topic.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from netdesk.core.changes import Changes
from netdesk.core.company_detail import (
    CompanyEvent,
    CompanyPerson,
    FormerPerson,
    events_of,
    former_at,
    parse_stored,
    people_at,
)
from netdesk.core.company_paths import WayIn, ways_in
from netdesk.store.models import LIVE_COMPANY_INDEX, db, utcnow

_COUNTS_SQL = (
    "SELECT company_id, count(*), max(last_contacted_at) "
    f"FROM contact INDEXED BY {LIVE_COMPANY_INDEX} "
    "WHERE deleted_at IS NULL AND archived = 0{narrowed} GROUP BY company_id"
)
_PEOPLE_SQL = _COUNTS_SQL.format(narrowed="")
_COMPANIES_SQL = "SELECT id, name, target FROM company"
"""Joined in Python: in SQL, SQLite made the counts a table and built an index on it (56 ms
against 31 ms for the counts alone at 100,000 contacts)."""
PATCH_LIMIT = 500
"""The most ids `rows_of` and `companies_of` take (for more, read all the rows again)."""


class CompanyRow(NamedTuple):
    """One line of the Companies list; `last_contacted_at` is naive UTC, None for never. (A
    named tuple: 5,000 of them are made in a third of the time frozen dataclasses take.)"""

    id: int
    name: str
    people: int
    last_contacted_at: datetime | None
    target: bool


@dataclass(frozen=True)
class TargetAdded:
    """What `add_target` did, so undo can reverse it."""

    company_id: int
    created: bool
    was_target: bool


@dataclass(frozen=True)
class CompanyDetail:
    """What the Companies view shows of one company; `ways` only for a target nobody you know
    works at."""

    people: list[CompanyPerson]
    former: list[FormerPerson]
    events: list[CompanyEvent]
    ways: list[WayIn]


def by_name(rows: Iterable[CompanyRow]) -> list[CompanyRow]:
    """The rows in the list's order: by name, ignoring case."""
    return sorted(rows, key=lambda row: (row.name.casefold(), row.id))


def patched(rows: list[CompanyRow], fresh: dict[int, CompanyRow | None]) -> list[CompanyRow]:
    """`rows` with those of `fresh` put in (None: taken out), in the list's order."""
    listed = [row for row in (fresh.get(row.id, row) for row in rows) if row is not None]
    known = {row.id for row in rows}
    added = [row for id_, row in fresh.items() if row is not None and id_ not in known]
    return by_name(listed + added) if added else listed


def folded(text: str) -> str:
    """`text` for matching as a person types it: no case, no accents ("Zoë" → "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def rank(rows: list[CompanyRow], text: str) -> list[CompanyRow]:
    """The rows whose name holds `text`, best first: the name itself, then names starting with
    it, then a word starting with it, then anywhere; in list order within each."""
    wanted = folded(text)
    if not wanted:
        return list(rows)
    ranked: list[tuple[int, int, CompanyRow]] = []
    for position, row in enumerate(rows):
        name = folded(row.name)
        at = name.find(wanted)
        if at < 0:
            continue
        if name == wanted:
            score = 0
        elif at == 0:
            score = 1
        elif f" {wanted}" in f" {name}":
            score = 2
        else:
            score = 3
        ranked.append((score, position, row))
    ranked.sort(key=lambda item: item[:2])
    return [row for _, _, row in ranked]


def _few(ids: Iterable[int]) -> list[int]:
    unique = list(dict.fromkeys(ids))
    if len(unique) > PATCH_LIMIT:
        raise ValueError(f"at most {PATCH_LIMIT} ids at once")
    return unique


class CompanyService:
    """Reads the companies and marks targets."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def rows(self, targets_only: bool = False) -> list[CompanyRow]:
        """Every company with living people, and every target (with or without), by name."""
        people = {row[0]: row[1:] for row in db.execute_sql(_PEOPLE_SQL).fetchall()}
        rows = []
        for id_, name, target in db.execute_sql(_COMPANIES_SQL).fetchall():
            count, last = people.get(id_, (0, None))
            if target or (count and not targets_only):
                rows.append(CompanyRow(id_, name, count, parse_stored(last), bool(target)))
        return by_name(rows)

    def rows_of(self, company_ids: Iterable[int]) -> dict[int, CompanyRow | None]:
        """The list's rows of these companies now (None for one not listed: gone, or with no
        living people and not a target), read through the same index for these alone."""
        ids = _few(company_ids)
        marks = ", ".join("?" * len(ids))
        counts = _COUNTS_SQL.format(narrowed=f" AND company_id IN ({marks})")
        people = {row[0]: row[1:] for row in db.execute_sql(counts, ids).fetchall()}
        found: dict[int, CompanyRow | None] = dict.fromkeys(ids)
        sql = f"SELECT id, name, target FROM company WHERE id IN ({marks})"
        for id_, name, target in db.execute_sql(sql, ids).fetchall():
            count, last = people.get(id_, (0, None))
            if target or count:
                found[id_] = CompanyRow(id_, name, count, parse_stored(last), bool(target))
        return found

    def companies_of(self, contact_ids: Iterable[int]) -> set[int] | None:
        """The companies these contacts work at (None if one of them is gone: where they
        worked is not known any more)."""
        ids = _few(contact_ids)
        marks = ", ".join("?" * len(ids))
        sql = f"SELECT id, company_id FROM contact WHERE id IN ({marks})"
        rows = db.execute_sql(sql, ids).fetchall()
        if len(rows) < len(ids):
            return None
        return {company for _, company in rows if company is not None}

    def detail(self, company: CompanyRow) -> CompanyDetail:
        """The company's people, former people, events and (see CompanyDetail) ways in."""
        people = people_at(company.id)
        ways = ways_in(company.id) if company.target and not people else []
        return CompanyDetail(people, former_at(company.id), events_of(company.id), ways)

    def name_of(self, company_id: int) -> str | None:
        """The company's name, None when it is gone."""
        row = db.execute_sql("SELECT name FROM company WHERE id = ?", [company_id]).fetchone()
        return None if row is None else str(row[0])

    def set_target(self, company_id: int, target: bool) -> bool | None:
        """Mark the company a target or not; whether it was one before (None: no such company)."""
        row = db.execute_sql("SELECT target FROM company WHERE id = ?", [company_id]).fetchone()
        if row is None:
            return None
        db.execute_sql("UPDATE company SET target = ? WHERE id = ?", [int(target), company_id])
        self.changes.publish("companies", [company_id])
        return bool(row[0])

    def add_target(self, name: str) -> TargetAdded:
        """Mark the company called `name` (ignoring case) a target, creating it when new."""
        name = name.strip()
        if not name:
            raise ValueError("a company needs a name")
        with db.atomic():
            row = db.execute_sql("SELECT id, target FROM company WHERE name = ?", [name]).fetchone()
            if row is None:
                cursor = db.execute_sql(
                    "INSERT INTO company (name, website, notes, created_at, target) "
                    "VALUES (?, '', '', ?, 1)",
                    [name, utcnow()],
                )
                added = TargetAdded(int(cursor.lastrowid), True, False)
            else:
                added = TargetAdded(row[0], False, bool(row[1]))
                db.execute_sql("UPDATE company SET target = 1 WHERE id = ?", [row[0]])
        self.changes.publish("companies", [added.company_id])
        return added

    def undo_add_target(self, added: TargetAdded) -> None:
        """Reverse `add_target`: the company it created goes again unless someone works there
        now; one that was there gets its mark back as it was."""
        with db.atomic():
            if added.created and not self._has_people(added.company_id):
                db.execute_sql("DELETE FROM company WHERE id = ?", [added.company_id])
            else:
                db.execute_sql(
                    "UPDATE company SET target = ? WHERE id = ?",
                    [int(added.was_target), added.company_id],
                )
        self.changes.publish("companies", [added.company_id])

    @staticmethod
    def _has_people(company_id: int) -> bool:
        sql = "SELECT 1 FROM contact WHERE company_id = ? LIMIT 1"
        return db.execute_sql(sql, [company_id]).fetchone() is not None
