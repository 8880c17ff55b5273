"""What the follow-ups' and the events' syncs share over CalDAV: reading and writing calendar
objects (a dry run writes nothing), choosing or making the calendar, merging a resource's
fields group by group against the last synced version, and keeping the groups changed on both
sides (`sync_item_conflict`) until the user chooses."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netdesk.core.caldav_client import CalDavClient
from netdesk.core.carddav import Card
from netdesk.core.sync_collection import CollectionSync, Counts, Row
from netdesk.formats.ical_edit import summary
from netdesk.store.models import SyncAccount, SyncItemConflict

NEW = "+new"
"""As the collection chosen: the one of the kind's new name, made when the server has none."""

_RECEIVED = ("received_new", "received_changed")
"""The counts a calendar object taken in adds to."""

Decide = Callable[[tuple[str, ...], Any, Any], bool | None]
"""For a group changed on both sides, given (group, local, remote): True to take the server's
values, False to keep NetDesk's quietly, None to keep NetDesk's as a conflict."""


@dataclass(frozen=True)
class GroupConflict:
    """A group of fields both sides changed: its values at the last sync, here and there."""

    group: tuple[str, ...]
    base: tuple[Any, ...]
    local: tuple[Any, ...]
    remote: tuple[Any, ...]


class CalendarSync(CollectionSync):
    """A collection sync whose resources are calendar objects: each one fetched is parsed
    (`parse`; ValueError counts it unreadable), then taken in as new (`take_new`: NetDesk
    does not know it, or knew it as another client's, read afresh) or as a change of what
    NetDesk knows (`take_changed`)."""

    conflict_note = ""
    """The report's note when the sync kept NetDesk's values of fields changed on both sides."""
    conflict_column = ""
    """The `sync_item_conflict` column naming the kind's item ("followup", "event", ...)."""

    def __init__(
        self,
        client: CalDavClient,
        account: SyncAccount,
        collection: str,
        counts: Counts,
        *,
        dry_run: bool,
    ) -> None:
        super().__init__(client, account, collection, counts, dry_run=dry_run)
        self.caldav = client

    def run_sync(self) -> None:
        """Receive, then send (see `CollectionSync.sync`), noting the conflicts kept."""
        self.sync()
        if self.counts.conflicts:
            self.counts.notes.append(self.conflict_note)

    def keep_conflicts(self, item_id: int, conflicts: list[GroupConflict]) -> None:
        """Count the groups changed on both sides and keep the server's values until the user
        chooses (superseding an open conflict of the same group); a dry run only counts."""
        self.counts.conflicts += len(conflicts)
        if self.dry_run:
            return
        item = getattr(SyncItemConflict, self.conflict_column)
        for conflict in conflicts:
            SyncItemConflict.delete().where(
                item == item_id,
                SyncItemConflict.field == conflict.group[0],
                SyncItemConflict.resolved_at.is_null(True),
            ).execute()
            SyncItemConflict.create(
                account=self.account.id,
                field=conflict.group[0],
                base=values_json(conflict.base),
                local=values_json(conflict.local),
                remote=values_json(conflict.remote),
                **{self.conflict_column: item_id},
            )

    def parse(self, text: str) -> Any:
        """A calendar object's text as the kind reads it (ValueError when it cannot)."""
        raise NotImplementedError

    def take_new(self, resource: Card, parsed: Any) -> None:
        """A calendar object NetDesk does not know."""
        raise NotImplementedError

    def take_changed(self, resource: Card, parsed: Any, row: Row) -> None:
        """A changed calendar object NetDesk knows (`row.local_id` is set)."""
        raise NotImplementedError

    def heard(self, kind: str, text: str) -> None:
        """In a dry run, list the change by the calendar object's SUMMARY."""
        if self.dry_run:
            self.counts.listed.append((kind, summary(text) or "?"))

    def take(self, resources: list[Card], rows: dict[str, Row]) -> None:
        for resource in resources:
            before = [getattr(self.counts, kind) for kind in _RECEIVED]
            self._take_one(resource, rows)
            for kind, was in zip(_RECEIVED, before, strict=True):
                if getattr(self.counts, kind) > was:
                    self.heard(kind, resource.text)

    def _take_one(self, resource: Card, rows: dict[str, Row]) -> None:
        """One calendar object fetched: read, then taken in as new or as a change."""
        try:
            parsed = self.parse(resource.text)
        except ValueError:  # one bad object must not stop the others
            self.counts.unreadable += 1
            return
        row = rows.get(resource.href)
        if row is not None and (row.foreign or row.local_id is None):
            self.forget(row)  # read it afresh
            row = None
        if row is None:
            self.take_new(resource, parsed)
        else:
            self.take_changed(resource, parsed, row)

    def fetch(self, hrefs: list[str]) -> Iterator[Card]:
        return self.caldav.objects(self.collection, hrefs)

    def put(self, href: str, text: str, etag: str | None) -> str:
        """Write a calendar object (If-Match `etag`, or If-None-Match: * for None); its new
        ETag ("" in a dry run)."""
        return "" if self.dry_run else self.caldav.put_object(href, text, etag)


def values(fields: Any, group: tuple[str, ...]) -> tuple[Any, ...]:
    """The values of a group of fields."""
    return tuple(getattr(fields, name) for name in group)


def same(groups: tuple[tuple[str, ...], ...], a: Any, b: Any) -> bool:
    """Whether `a` and `b` say the same in every group of fields."""
    return all(values(a, group) == values(b, group) for group in groups)


def values_json(values: tuple[Any, ...]) -> str:
    """A group's values as a JSON list (a time as {"datetime": ISO text})."""
    return json.dumps(
        [
            {"datetime": value.isoformat()} if isinstance(value, datetime) else value
            for value in values
        ],
        ensure_ascii=False,
    )


def json_values(text: str) -> tuple[Any, ...]:
    """`values_json` read back."""
    return tuple(
        datetime.fromisoformat(value["datetime"]) if isinstance(value, dict) else value
        for value in json.loads(text)
    )


def merge(
    groups: tuple[tuple[str, ...], ...],
    base: Any,
    local: Any,
    remote: Any,
    decide: Decide | None = None,
) -> tuple[dict[str, Any], list[GroupConflict]]:
    """The server's changes since `base` to take into `local` (field → value), and the groups
    changed on both sides that kept NetDesk's values as conflicts (`decide` settles some)."""
    taken: dict[str, Any] = {}
    conflicts = []
    for group in groups:
        was, mine, theirs = (values(fields, group) for fields in (base, local, remote))
        if mine == theirs or theirs == was:
            continue
        verdict = True if mine == was else decide(group, local, remote) if decide else None
        if verdict:
            taken.update(zip(group, theirs, strict=True))
        elif verdict is None:
            conflicts.append(GroupConflict(group, was, mine, theirs))
    return taken, conflicts


def chosen_calendar(client: CalDavClient, chosen: str, name: str, slug: str, component: str) -> str:
    """`chosen` (a calendar's path, or "" for none), or for NEW the calendar called `name`
    that takes `component`, made when the server has none."""
    if chosen != NEW:
        return chosen
    home = client.calendar_home()
    found, _ = client.calendars(home, component)
    named = [item.href for item in found if item.name == name]
    return named[0] if named else client.create_calendar(home, slug, name, component)
