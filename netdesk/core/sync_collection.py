"""What every collection sync shares (contacts with an address book, follow-ups with a task
list): the walk of one round and its bookkeeping, with the kind's own reading, merging and
writing left to a subclass.

A round receives, then sends. Receiving asks what changed since the last sync
(`sync_changes.remote_changes`), fetches the resources whose ETag is new in batches of
`BATCH` (each batch committed as it is taken in) and hands what the server deleted to
`removed`; the sync token and ctag are saved only once every change they cover was taken in.
Sending creates the items never synced (If-None-Match: *), replaces the changed ones (If-Match)
and deletes on the server what was deleted here (DELETE If-Match). A write refused as changed
meanwhile (412) makes a second round. A dry run undoes every local change at the end and
writes nothing to the server.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, Field

from netdesk.core.carddav import Card, CardDavClient, PreconditionFailed
from netdesk.core.sync_changes import batches, remote_changes
from netdesk.store.models import SyncAccount, db, utcnow
from netdesk.store.rows import tuples

BATCH = 100
_CHUNK = 500
_SAFE_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
RECEIVING = "receiving"
SENDING = "sending"


@dataclass
class Counts:
    """What a collection's sync did (or, in a dry run, would do), in counts and notes."""

    received_new: int = 0
    received_changed: int = 0
    received_removed: int = 0
    sent_new: int = 0
    sent_changed: int = 0
    sent_removed: int = 0
    conflicts: int = 0
    unreadable: int = 0
    notes: list[str] = field(default_factory=list)
    listed: list[tuple[str, str]] = field(default_factory=list)
    """In a dry run, each change as (the count it adds to, e.g. "sent_new"; what it is)."""


@dataclass
class Row:
    """A synced item's row: the local item's id (None when deleted here), the resource's
    href and ETag, the text both sides last agreed on, whether the item changed here since,
    and whether it is another client's resource NetDesk leaves alone."""

    id: int
    local_id: int | None
    href: str
    etag: str
    text: str
    dirty: bool
    foreign: bool = False


@dataclass(frozen=True)
class Table:
    """The table of one kind's synced items: its model, the column naming the local item and
    the one holding the agreed text, the `foreign` column where the kind has one, and the
    account's attributes where this collection's sync token and ctag are kept."""

    model: Any
    """The model class (SyncCard, SyncTask): its account, href, etag, dirty, synced_at."""
    local: Field
    text: Field
    token: str
    ctag: str
    foreign: Field | None = None

    def rows(self, condition: Any) -> list[Row]:
        """The rows that meet `condition`."""
        model = self.model
        columns = [model.id, self.local, model.href, model.etag, self.text, model.dirty]
        if self.foreign is not None:
            columns.append(self.foreign)
        query = model.select(*columns).where(condition)
        return [Row(*values) for values in tuples(query)]

    def of(self, account_id: int) -> Any:
        """The condition: a row of `account_id`."""
        return self.model.account == account_id

    def changed(self, account_id: int) -> Any:
        """The condition: a row whose item changed here since it was synced."""
        return self.of(account_id) & (self.model.dirty == True) & self.local.is_null(False)  # noqa: E712

    def deleted(self, account_id: int) -> Any:
        """The condition: a row whose item was deleted here (another client's kept apart)."""
        condition = self.of(account_id) & self.local.is_null(True)
        if self.foreign is not None:
            condition &= self.foreign == False  # noqa: E712
        return condition

    def unsynced(self, query: Any, owner: Any, account_id: int) -> Any:
        """`query` of `owner` rows narrowed to those without a row of `account_id`."""
        model = self.model
        return (
            query.switch(owner)
            .join(
                model, JOIN.LEFT_OUTER, on=(self.local == owner.id) & (model.account == account_id)
            )
            .where(model.id.is_null(True))
        )

    def pending(self, account_id: int, unsynced: Any) -> int:
        """What the next sync sends: the `unsynced` query's items, and those changed or deleted
        here."""
        changed = self.changed(account_id) | self.deleted(account_id)
        return int(self.model.select().where(changed).count()) + int(unsynced.count())


class CollectionSync:
    """One round's walk over a collection; a subclass reads, merges and writes its kind."""

    table: Table

    def __init__(
        self,
        client: CardDavClient,
        account: SyncAccount,
        collection: str,
        counts: Counts,
        *,
        dry_run: bool,
        progress: Any = None,
    ) -> None:
        self.client = client
        self.account = account
        self.collection = collection
        self.counts = counts
        self.dry_run = dry_run
        self._progress = progress

    def sync(self) -> None:
        """Receive, then send; a second round when the server refused a write as changed
        meanwhile. A dry run undoes every local change at the end."""
        if not self.dry_run:
            self._round()
            return
        with db.atomic() as transaction:
            self._round()
            transaction.rollback()

    def _round(self) -> None:
        self._receive()
        if self._send() and not self.dry_run:
            self._receive()
            self._send()

    # what a kind does

    def fetch(self, hrefs: list[str]) -> Iterator[Card]:
        """The resources at `hrefs`, in batches."""
        raise NotImplementedError

    def take(self, resources: list[Card], rows: dict[str, Row]) -> None:
        """A batch of changed resources, with the rows of those NetDesk knows."""
        raise NotImplementedError

    def removed(self, row: Row) -> None:
        """A resource deleted on the server."""
        raise NotImplementedError

    def unsynced(self) -> list[int]:
        """The local items to create on the server."""
        raise NotImplementedError

    def load(self, ids: list[int]) -> Iterable[tuple[int, Any]]:
        """The items `ids` as `send_new` takes them."""
        return ((item_id, None) for item_id in ids)

    def send_new(self, item_id: int, item: Any) -> tuple[str, str, str]:
        """Create the item on the server: its href, text and ETag (PreconditionFailed when
        the server has it already)."""
        raise NotImplementedError

    def send_changed(self, row: Row) -> tuple[str, str] | None:
        """Replace the item's resource: its text and ETag, None when it reads as the server has
        it (PreconditionFailed when the server's changed meanwhile)."""
        raise NotImplementedError

    def sent_removed(self, row: Row) -> None:
        """Told that the resource of an item deleted here was deleted on the server."""

    def heard(self, kind: str, text: str) -> None:
        """Told of a change of `kind` (a count's name) to the resource of `text`, for a kind
        that lists a dry run's changes this way."""

    # the walk

    def _receive(self) -> None:
        account, table = self.account, self.table
        fetched = remote_changes(
            self.client,
            self.collection,
            getattr(account, table.token),
            getattr(account, table.ctag),
            self.counts.notes,
        )
        changes = fetched.changes
        rows = self._rows_at([href for href, _ in changes.changed] + changes.removed)
        if fetched.everything:
            listed = {href for href, _ in changes.changed}
            gone = [row for row in table.rows(table.of(account.id)) if row.href not in listed]
            changes.removed += [row.href for row in gone]
            rows.update((row.href, row) for row in gone)
        wanted = [
            href for href, etag in changes.changed if href not in rows or rows[href].etag != etag
        ]
        taken = 0
        self.tell(RECEIVING, taken, len(wanted))
        for resources in batches(self.fetch(wanted), BATCH):
            with db.atomic():
                self.take(resources, rows)
            taken += len(resources)
            self.tell(RECEIVING, taken, len(wanted))
        with db.atomic():
            for href in changes.removed:
                if href in rows:
                    before = self.counts.received_removed
                    self.removed(rows[href])
                    if self.counts.received_removed > before:
                        self.heard("received_removed", rows[href].text)
        setattr(account, table.token, changes.token)
        setattr(account, table.ctag, fetched.ctag)
        account.save()

    def _send(self) -> bool:
        """Send what changed here; True when the server refused a write as changed meanwhile."""
        table, account_id = self.table, self.account.id
        unsynced = self.unsynced()
        changed = table.rows(table.changed(account_id))
        deleted = table.rows(table.deleted(account_id))
        total, done, refused = len(unsynced) + len(changed) + len(deleted), 0, False
        self.tell(SENDING, done, total)
        for item_id, item in self.load(unsynced):
            refused |= self._send_new(item_id, item)
            done += 1
            self.tell(SENDING, done, total)
        for row in changed:
            refused |= self._send_changed(row)
            done += 1
            self.tell(SENDING, done, total)
        for row in deleted:
            refused |= self._send_removed(row)
            done += 1
            self.tell(SENDING, done, total)
        return refused

    def _send_new(self, item_id: int, item: Any) -> bool:
        try:
            href, text, etag = self.send_new(item_id, item)
        except PreconditionFailed:
            return True
        with db.atomic():
            self.link(item_id, href, etag, text)
        self.counts.sent_new += 1
        self.heard("sent_new", text)
        return False

    def _send_changed(self, row: Row) -> bool:
        model = self.table.model
        try:
            written = self.send_changed(row)
        except PreconditionFailed:
            return True
        if written is None:
            model.update(dirty=False).where(model.id == row.id).execute()
            return False
        text, etag = written
        model.update(
            {self.table.text: text, model.etag: etag, model.dirty: False, model.synced_at: utcnow()}
        ).where(model.id == row.id).execute()
        self.counts.sent_changed += 1
        self.heard("sent_changed", text)
        return False

    def _send_removed(self, row: Row) -> bool:
        try:
            if not self.dry_run:
                self.client.delete(row.href, row.etag)
        except PreconditionFailed:
            return True
        self.forget(row)
        self.counts.sent_removed += 1
        self.sent_removed(row)
        self.heard("sent_removed", row.text)
        return False

    # state

    def link(self, item_id: int | None, href: str, etag: str, text: str, **values: Any) -> None:
        """Remember a resource as synced with the local item `item_id`."""
        table = self.table
        table.model.insert(
            {
                table.model.account: self.account.id,
                table.local: item_id,
                table.model.href: href,
                table.model.etag: etag,
                table.text: text,
                **{getattr(table.model, name): value for name, value in values.items()},
            }
        ).execute()

    def agreed(self, row: Row, etag: str, text: str, **values: Any) -> None:
        """Remember `text` (with `etag`) as what both sides now agree on for `row`."""
        model = self.table.model
        model.update(
            {
                model.etag: etag,
                self.table.text: text,
                **{getattr(model, name): value for name, value in values.items()},
            }
        ).where(model.id == row.id).execute()

    def forget(self, row: Row) -> None:
        """Drop `row` (the resource is gone, or is read afresh)."""
        model = self.table.model
        model.delete().where(model.id == row.id).execute()

    def tell(self, phase: str, done: int, total: int) -> None:
        """Report progress to the caller, if it asked."""
        if self._progress is not None:
            self._progress(phase, done, total)

    def _rows_at(self, hrefs: list[str]) -> dict[str, Row]:
        table = self.table
        wanted = list(dict.fromkeys(hrefs))
        found: dict[str, Row] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            condition = table.of(self.account.id) & table.model.href.in_(chunk)
            found.update((row.href, row) for row in table.rows(condition))
        return found


def resource_name(uid: str) -> str:
    """A resource's file name on the server: its UID when that is a safe name, else a digest."""
    if _SAFE_NAME.fullmatch(uid):
        return uid
    return hashlib.sha1(uid.encode("utf-8")).hexdigest()
