"""Pages of a broad contact list sorted by tags or by next follow-up, read off indexes.

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
A page after the first starts where the one before ended (a `Cursor`: the segment and the
last row's place in it) and seeks there in the segment's index: reading the whole order
instead cost 0.4 s a page at 100,000 contacts.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator

from netdesk.store.models import db

OPEN_STATUSES = ("open", "snoozed")
_OPEN = repr(OPEN_STATUSES)
Cursor = tuple[object, object]
"""Where a page ended: its last segment (a tag's name, '' for no tag; 0 with a follow-up, 1
without) and the key of the last row read in it (an id, or a (due, id) pair)."""
Reader = Callable[[int], list[tuple[object, int]]]
"""Reads up to n rows of one segment in list order, each as its key and id."""
Segments = Iterator[tuple[object, Reader]]


def page(
    sort: str,
    descending: bool,
    where: str,
    params: list[object],
    limit: int,
    after: Cursor | None = None,
) -> tuple[list[int], Cursor | None]:
    """Up to `limit` ids of the list sorted by `sort` ("tags" or "next_followup") from its
    start or `after` a page, and where they end (`after` again when none were read)."""
    segments = _tag_segments if sort == "tags" else _followup_segments
    ids: list[int] = []
    cursor = after
    for segment, read in segments(descending, where, params, after):
        if len(ids) >= limit:
            break
        rows = read(limit - len(ids))
        if rows:
            ids += [contact_id for _, contact_id in rows]
            cursor = (segment, rows[-1][0])
    return ids, cursor


def _beyond(descending: bool) -> str:
    return "<" if descending else ">"


def by_id_sql(conditions: str, column: str, descending: bool, seek: bool = False) -> str:
    """`conditions` (a SELECT … WHERE …) in the order of the contact id `column`, past id ?
    when `seek`, LIMIT ?."""
    after = f" AND {column} {_beyond(descending)} ?" if seek else ""
    return f"{conditions}{after} ORDER BY {column} {'DESC' if descending else 'ASC'} LIMIT ?"


def _by_id(
    conditions: str, column: str, descending: bool, params: list[object], after: object
) -> Reader:
    """A segment ordered by contact id (`column`), past id `after` unless None."""
    sql = by_id_sql(conditions, column, descending, seek=after is not None)
    values = [*params, after] if after is not None else params
    return lambda n: [(row[0], row[0]) for row in db.execute_sql(sql, [*values, n]).fetchall()]


def tag_segment_sql(where: str) -> str:
    """Contacts (ids) whose first tag is tag ? named ?: ordered by ct.contact_id (`by_id_sql`),
    an index walk (EXPLAIN-tested)."""
    return (
        "SELECT c.id FROM contact_tag ct CROSS JOIN contact c ON c.id = ct.contact_id "
        "WHERE ct.tag_id = ? AND NOT EXISTS (SELECT 1 FROM contact_tag x JOIN tag y "
        "ON y.id = x.tag_id WHERE x.contact_id = ct.contact_id AND y.name < ?) "
        f"AND {where}"
    )


def untagged_sql(where: str) -> str:
    """Contacts without a tag: ordered by c.id (`by_id_sql`)."""
    return (
        f"SELECT c.id FROM contact c WHERE {where} AND NOT EXISTS "
        "(SELECT 1 FROM contact_tag x WHERE x.contact_id = c.id)"
    )


def without_followup_sql(where: str) -> str:
    """Contacts without an open follow-up: ordered by c.id (`by_id_sql`)."""
    return (
        f"SELECT c.id FROM contact c WHERE {where} AND NOT EXISTS (SELECT 1 FROM follow_up f "
        f"WHERE f.contact_id = c.id AND +f.status IN {_OPEN})"
    )


def _tag_segments(
    descending: bool, where: str, params: list[object], after: Cursor | None
) -> Segments:
    """From the segment `after` ends in (a tag since gone: the next), past its last row."""
    segment, key = after if after is not None else (None, None)
    order, beyond = ("DESC", "<") if descending else ("ASC", ">")

    def untagged(past: object) -> Reader:
        return _by_id(untagged_sql(where), "c.id", descending, params, past)

    if segment == "" or (segment is None and not descending):
        yield "", untagged(key)
        if descending:
            return
    seek, values = (f" WHERE name {beyond}= ?", [segment]) if segment else ("", [])
    tags = db.execute_sql(
        f"SELECT id, name, name = ? FROM tag{seek} ORDER BY name COLLATE NOCASE {order}",
        [segment or "", *values],
    )
    sql = tag_segment_sql(where)
    for tag_id, name, same in tags.fetchall():
        past = key if same else None
        yield name, _by_id(sql, "ct.contact_id", descending, [tag_id, name, *params], past)
    if descending:
        yield "", untagged(None)


def followup_segment_sql(where: str, descending: bool, seek: bool = False) -> str:
    """Contacts (due, id) whose earliest open follow-up has status ?, by its due time and id,
    after a due time and id (? ? ?) when `seek` (EXPLAIN-tested: a walk of the (status, due)
    index)."""
    order = "DESC" if descending else "ASC"
    beyond = _beyond(descending)
    after = (
        f" AND f.due_at {beyond}= ? AND (f.due_at {beyond} ? OR f.contact_id {beyond} ?)"
        if seek
        else ""
    )
    return (
        "SELECT f.due_at, f.contact_id FROM follow_up f CROSS JOIN contact c "
        "ON c.id = f.contact_id WHERE f.status = ? AND f.id = (SELECT g.id FROM follow_up g "
        f"WHERE g.contact_id = f.contact_id AND +g.status IN {_OPEN} "
        f"ORDER BY g.due_at, g.id LIMIT 1) AND {where}{after} "
        f"ORDER BY f.due_at {order}, f.contact_id {order} LIMIT ?"
    )


def _followup_segments(
    descending: bool, where: str, params: list[object], after: Cursor | None
) -> Segments:
    """From the segment `after` ends in, past its last row."""
    segment, key = after if after is not None else (0, None)
    if segment == 0:
        sql = followup_segment_sql(where, descending, seek=key is not None)
        seek = [key[0], key[0], key[1]] if isinstance(key, tuple) else []

        def with_followup(n: int) -> list[tuple[object, int]]:
            runs = [
                db.execute_sql(sql, [status, *params, *seek, n]).fetchall()
                for status in OPEN_STATUSES
            ]
            merged = heapq.merge(*runs, key=lambda row: (row[0], row[1]), reverse=descending)
            return [((row[0], row[1]), row[1]) for _, row in zip(range(n), merged, strict=False)]

        yield 0, with_followup
    past = key if segment == 1 else None
    yield 1, _by_id(without_followup_sql(where), "c.id", descending, params, past)
