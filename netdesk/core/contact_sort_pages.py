"""The first page of a broad contact list sorted by tags or by next follow-up, read off indexes.

Their sort keys are worked out per contact (the first tag by name, the earliest open follow-up):
`ORDER BY key LIMIT page` costs SQLite a subquery for every contact and a sort of them all
(0.3-0.8 s at 100,000). The same order is a run of segments, each read in order off an index
until the page is full:

- tags: contacts without a tag (key ''), then one segment a tag in name order (case folded)
  holding the contacts whose first tag it is, by id, off contact_tag's (tag, contact) index;
- next follow-up: contacts with an open or snoozed follow-up by its due time then id (a walk of
  follow_up's (status, due) index per status, merged), then those without one, by id.

Descending reverses every segment and their order, except that contacts without a follow-up
stay last (NULLS LAST). `where` and `params` are the list's conditions on `contact c`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator

from netdesk.store.models import db

OPEN_STATUSES = ("open", "snoozed")
_OPEN = repr(OPEN_STATUSES)
Reader = Callable[[int], list[int]]
"""Reads up to n ids of one segment, in list order."""


def first_page(
    sort: str, descending: bool, where: str, params: list[object], limit: int
) -> list[int]:
    """The first `limit` ids of the list sorted by `sort` ("tags" or "next_followup")."""
    segments = _tag_segments if sort == "tags" else _followup_segments
    ids: list[int] = []
    for read in segments(descending, where, params):
        if len(ids) >= limit:
            break
        ids.extend(read(limit - len(ids)))
    return ids


def _ids(sql: str, params: list[object]) -> Reader:
    return lambda n: [row[0] for row in db.execute_sql(f"{sql} LIMIT ?", [*params, n]).fetchall()]


def tag_segment_sql(where: str, direction: str) -> str:
    """Contacts (ids) whose first tag is tag ? named ?, by id (EXPLAIN-tested: an index walk)."""
    return (
        "SELECT c.id FROM contact_tag ct CROSS JOIN contact c ON c.id = ct.contact_id "
        "WHERE ct.tag_id = ? AND NOT EXISTS (SELECT 1 FROM contact_tag x JOIN tag y "
        "ON y.id = x.tag_id WHERE x.contact_id = ct.contact_id AND y.name < ?) "
        f"AND {where} ORDER BY ct.contact_id {direction}"
    )


def _tag_segments(descending: bool, where: str, params: list[object]) -> Iterator[Reader]:
    direction = "DESC" if descending else "ASC"
    untagged = _ids(
        f"SELECT c.id FROM contact c WHERE {where} AND NOT EXISTS "
        f"(SELECT 1 FROM contact_tag x WHERE x.contact_id = c.id) ORDER BY c.id {direction}",
        params,
    )
    if not descending:
        yield untagged
    tags = db.execute_sql(f"SELECT id, name FROM tag ORDER BY name COLLATE NOCASE {direction}")
    sql = tag_segment_sql(where, direction)
    for tag_id, name in tags.fetchall():
        yield _ids(sql, [tag_id, name, *params])
    if descending:
        yield untagged


def followup_segment_sql(where: str, direction: str) -> str:
    """Contacts (due, id) whose earliest open follow-up has status ?, by its due time and id
    (EXPLAIN-tested: a walk of the (status, due) index)."""
    return (
        "SELECT f.due_at, f.contact_id FROM follow_up f CROSS JOIN contact c "
        "ON c.id = f.contact_id WHERE f.status = ? AND f.id = (SELECT g.id FROM follow_up g "
        f"WHERE g.contact_id = f.contact_id AND +g.status IN {_OPEN} "
        "ORDER BY g.due_at, g.id LIMIT 1) "
        f"AND {where} ORDER BY f.due_at {direction}, f.contact_id {direction}"
    )


def _followup_segments(descending: bool, where: str, params: list[object]) -> Iterator[Reader]:
    direction = "DESC" if descending else "ASC"
    sql = followup_segment_sql(where, direction) + " LIMIT ?"

    def with_followup(n: int) -> list[int]:
        runs = [db.execute_sql(sql, [status, *params, n]).fetchall() for status in OPEN_STATUSES]
        merged = heapq.merge(*runs, key=lambda row: (row[0], row[1]), reverse=descending)
        return [row[1] for _, row in zip(range(n), merged, strict=False)]

    yield with_followup
    yield _ids(
        f"SELECT c.id FROM contact c WHERE {where} AND NOT EXISTS (SELECT 1 FROM follow_up f "
        f"WHERE f.contact_id = c.id AND +f.status IN {_OPEN}) ORDER BY c.id {direction}",
        params,
    )
