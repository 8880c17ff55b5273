"""Two-way sync of contacts with a CardDAV address book.

A sync first receives, then sends:
- **Receive**: what changed on the server since the last sync (`sync-collection`; without it,
  the collection's ctag and then every card's ETag), the changed cards fetched in batches. A card
  new to NetDesk is matched to a stored contact by the import's matching (UID, email, phone,
  profile: no doubled people on a first sync) or becomes a new contact; a card NetDesk knows is
  merged into its contact field by field against the last synced card (`sync_merge`), a field
  changed on both sides kept as NetDesk has it with the server's value in a `sync_conflict`.
  A card deleted on the server moves its contact to the Trash, unless the contact changed here
  since (it is sent again as a new card).
- **Send**: cards are vCard 4.0, or 3.0 where the address book's supported-address-data lists
  3.0 only (Radicale does) or the server refuses a 4.0 card (then 3.0 for the rest of the sync).
  Contacts never synced are created on the server (If-None-Match: *), changed ones
  (`sync_card.dirty`, set by triggers) replaced if the server still has the version merged
  (If-Match), with the lines other clients wrote kept. A contact deleted for good (Trash
  emptied) has its card deleted on the server; a contact in the Trash stays on the server.

Every card's result is committed as it is done, so a sync cut short (the server stopped, the
network went) loses nothing and the next one goes on. The sync token is saved only when every
change it covers was taken in. A write the server refused because the card changed meanwhile
(412) is merged by a second round. Groups stay local for now.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from peewee import JOIN

from netdesk.core.carddav import Card, CardDavClient, CardRefused, Changes, PreconditionFailed
from netdesk.core.contact_bulk import ContactBulk
from netdesk.core.contacts import ContactService, display_name_of
from netdesk.core.import_matching import MatchIndex, keys_of
from netdesk.core.import_writer import NewContacts
from netdesk.core.sync_changes import batches, remote_changes
from netdesk.core.sync_merge import Conflict, as_json, merge, same
from netdesk.core.sync_tasks import TaskReport
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_sync import SyncedCard, parse_card, render_card
from netdesk.store.models import (
    Contact,
    SyncAccount,
    SyncCard,
    SyncConflict,
    db,
    new_uid,
    utcnow,
)
from netdesk.store.rows import tuples

_CHUNK = 500
_SAFE_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
_EMPTY = ContactDraft()

Progress = Callable[[str, int, int], None]
"""Told (phase, cards done, cards in the phase) after each batch received and each card sent;
the phases are RECEIVING and SENDING. It may raise to stop the sync: what was done is kept."""
RECEIVING = "receiving"
SENDING = "sending"


@dataclass
class SyncReport:
    """What a sync did (or, in a dry run, would do), in counts and notes for the user."""

    received_new: int = 0
    received_linked: int = 0
    received_changed: int = 0
    received_removed: int = 0
    sent_new: int = 0
    sent_changed: int = 0
    sent_removed: int = 0
    conflicts: int = 0
    unreadable: int = 0
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    tasks: TaskReport | None = None
    """The follow-ups' sync, None when the account has no task list."""
    listed: list[tuple[str, str]] = field(default_factory=list)
    """In a dry run, each change as (the count it adds to, e.g. "sent_new"; the contact's name)."""

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for --json)."""
        return asdict(self)


@dataclass
class _Row:
    """A sync_card row as the sync works with it."""

    id: int
    contact_id: int | None
    href: str
    etag: str
    vcard: str
    dirty: bool


class ContactSync:
    """Syncs the contacts with one account's address book through `client`."""

    def __init__(
        self,
        contacts: ContactService,
        bulk: ContactBulk,
        client: CardDavClient,
        account: SyncAccount,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.contacts = contacts
        self.bulk = bulk
        self.client = client
        self.account = account
        self.dry_run = dry_run
        self._progress = progress
        self.report = SyncReport(dry_run=dry_run)
        self._book = account.address_book
        self._version = ""
        """The vCard version cards go as: asked of the server before the first write."""

    def run(self) -> SyncReport:
        """Receive, then send; a second round when the server refused a write as changed
        meanwhile. A dry run reads the same and undoes every local change at the end."""
        if not self.dry_run:
            self._round()
            return self.report
        with db.atomic() as transaction:
            self._round()
            transaction.rollback()
        return self.report

    def _round(self) -> None:
        self._receive()
        if self._send() and not self.dry_run:
            self._receive()
            self._send()

    # receiving

    def _receive(self) -> None:
        changes, everything = self._remote_changes()
        rows = self._rows_at([href for href, _ in changes.changed] + changes.removed)
        if everything:
            listed = {href for href, _ in changes.changed}
            gone = [row for row in self._all_rows() if row.href not in listed]
            changes.removed += [row.href for row in gone]
            rows.update((row.href, row) for row in gone)
        wanted = [
            href for href, etag in changes.changed if href not in rows or rows[href].etag != etag
        ]
        taken = 0
        self._tell(RECEIVING, taken, len(wanted))
        for cards in batches(self.client.multiget(self._book, wanted), 100):
            with db.atomic():
                self._take_batch(cards, rows)
            taken += len(cards)
            self._tell(RECEIVING, taken, len(wanted))
        with db.atomic():
            for href in changes.removed:
                if href in rows:
                    self._removed(rows[href])
        self.account.sync_token = changes.token
        self.account.save()

    def _put(
        self, href: str, draft: ContactDraft, kept: list[str], etag: str | None
    ) -> tuple[str, str]:
        """Write the card of `draft` (a dry run writes nothing); as vCard 3.0 from then on when
        the server refuses 4.0. The card's text and new ETag."""
        if not self._version:
            versions = self.client.card_versions(self._book)
            self._version = "3.0" if versions and "4.0" not in versions else "4.0"
        text = render_card(draft, kept, self._version)
        if self.dry_run:
            return text, ""
        try:
            return text, self.client.put(href, text, etag)
        except CardRefused:
            if self._version == "3.0":
                raise
        self._version = "3.0"
        text = render_card(draft, kept, self._version)
        return text, self.client.put(href, text, etag)

    def _tell(self, phase: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(phase, done, total)

    def _list(self, kind: str, draft: ContactDraft, detail: str = "") -> None:
        """In a dry run, note a change of `kind` to the contact `draft`."""
        if self.dry_run:
            name = display_name_of(draft) or "?"
            self.report.listed.append((kind, f"{name} ({detail})" if detail else name))

    def _remote_changes(self) -> tuple[Changes, bool]:
        """The server's changes, and whether they list every card (then any card not listed
        is gone)."""
        account = self.account
        fetched = remote_changes(
            self.client, self._book, account.sync_token, account.ctag, self.report.notes
        )
        account.ctag = fetched.ctag
        return fetched.changes, fetched.everything

    def _take_batch(self, cards: list[Card], rows: dict[str, _Row]) -> None:
        """Cards fetched: those NetDesk knows merged one by one, the others matched or added
        together."""
        fresh: list[tuple[Card, SyncedCard]] = []
        for card in cards:
            try:
                incoming = parse_card(card.text)
            except Exception:  # one bad card must not stop the others
                self.report.unreadable += 1
                continue
            if incoming.draft.is_group:
                continue
            row = rows.get(card.href)
            if row is not None and row.contact_id is None:  # deleted here, changed there: keep
                SyncCard.delete().where(SyncCard.id == row.id).execute()
                row = None
            if row is None:
                fresh.append((card, incoming))
            else:
                self._take(card, incoming, row)
        if fresh:
            self._take_fresh(fresh)

    def _take(self, card: Card, incoming: SyncedCard, row: _Row) -> None:
        """A changed card NetDesk knows, merged into its contact."""
        assert row.contact_id is not None
        base = parse_card(row.vcard).draft
        if incoming.draft.photo is None and incoming.draft.photo_unreadable:
            incoming.draft.photo = base.photo  # a photo the server damaged is no deletion
        if same(base, incoming.draft):
            SyncCard.update(etag=card.etag, vcard=card.text).where(SyncCard.id == row.id).execute()
            return
        local = self._canonical(row.contact_id)
        if not row.dirty or same(local, base):
            merged, conflicts = _with_local_only(incoming.draft, local), list[Conflict]()
        else:
            merged, conflicts = merge(base, local, incoming.draft)
        self._store(row.contact_id, local, merged, conflicts)
        self.report.received_changed += 1
        self._list("received_changed", merged)
        SyncCard.update(
            etag=card.etag, vcard=card.text, dirty=not same(merged, incoming.draft)
        ).where(SyncCard.id == row.id).execute()

    def _take_fresh(self, fresh: list[tuple[Card, SyncedCard]]) -> None:
        """Cards NetDesk does not know: each linked to the stored contact it surely is (merged
        against an empty base), the rest added as new contacts in one write."""
        index = MatchIndex.of_stored_contacts([incoming.draft for _, incoming in fresh])
        taken: set[int] = set()
        new: list[tuple[Card, ContactDraft]] = []
        for card, incoming in fresh:
            draft = incoming.draft
            contact_id = self._match(index, draft, taken)
            if contact_id is None:
                new.append((card, replace(draft, source="carddav")))
                continue
            taken.add(contact_id)
            local = self._canonical(contact_id)
            merged, conflicts = merge(_EMPTY, local, draft)
            self._store(contact_id, local, merged, conflicts)
            self.report.received_linked += 1
            self._list("received_linked", merged)
            self._link(card, contact_id, dirty=not same(merged, draft))
        if not new:
            return
        drafts = [draft for _, draft in new]
        ids = NewContacts(drafts, None).insert(drafts)
        self.contacts.changes.publish("contacts", ids)
        for (card, _), contact_id in zip(new, ids, strict=True):
            self._link(card, contact_id, dirty=False)
        self.report.received_new += len(ids)
        for draft in drafts:
            self._list("received_new", draft)

    def _link(self, card: Card, contact_id: int, *, dirty: bool) -> None:
        SyncCard.create(
            account=self.account.id,
            contact=contact_id,
            href=card.href,
            etag=card.etag,
            vcard=card.text,
            dirty=dirty,
        )

    def _match(self, index: MatchIndex, draft: ContactDraft, taken: set[int]) -> int | None:
        """The stored contact not yet synced that `draft` surely is: the same UID, else one
        person by email, phone or profile (a UID NetDesk gave its contact never matches
        another client's, so a different UID does not count against it here)."""
        found = index.find(draft, keys_of(draft), None)
        if found is None or not found.sure:
            bare = replace(draft, uid="")
            found = index.find(bare, keys_of(bare), None)
        if found is None or not found.sure or not isinstance(found.target, int):
            return None
        if found.target in taken:
            return None
        linked = SyncCard.select().where(
            SyncCard.account == self.account.id, SyncCard.contact == found.target
        )
        return None if linked.exists() else found.target

    def _store(
        self, contact_id: int, local: ContactDraft, merged: ContactDraft, conflicts: list[Conflict]
    ) -> None:
        if not same(local, merged):
            self.contacts.update(contact_id, merged)
        for conflict in conflicts:
            self._list("conflicts", merged, conflict.field)
            SyncConflict.delete().where(  # an older one of the same field is superseded
                SyncConflict.contact == contact_id,
                SyncConflict.field == conflict.field,
                SyncConflict.resolved_at.is_null(True),
            ).execute()
            SyncConflict.create(
                account=self.account.id,
                contact=contact_id,
                field=conflict.field,
                base=as_json(conflict.base),
                local=as_json(conflict.local),
                remote=as_json(conflict.remote),
            )
        self.report.conflicts += len(conflicts)

    def _removed(self, row: _Row) -> None:
        """A card deleted on the server: its contact to the Trash, unless changed here since."""
        SyncCard.delete().where(SyncCard.id == row.id).execute()
        if row.contact_id is None:
            return
        if row.dirty and not same(self._canonical(row.contact_id), parse_card(row.vcard).draft):
            return  # sent again as a new card
        self.bulk.trash([row.contact_id])
        self.report.received_removed += 1
        self._list("received_removed", parse_card(row.vcard).draft)

    # sending

    def _send(self) -> bool:
        """Send what changed here; True when the server refused a write as changed meanwhile."""
        unsynced, dirty, deleted = self._unsynced_ids(), self._dirty_rows(), self._deleted_rows()
        total, done, refused = len(unsynced) + len(dirty) + len(deleted), 0, False
        self._tell(SENDING, done, total)
        for contact_id, draft in self._drafts(unsynced):
            refused |= self._send_new(contact_id, draft)
            done += 1
            self._tell(SENDING, done, total)
        for row in dirty:
            refused |= self._send_changed(row)
            done += 1
            self._tell(SENDING, done, total)
        for row in deleted:
            refused |= self._send_removed(row)
            done += 1
            self._tell(SENDING, done, total)
        return refused

    def _send_new(self, contact_id: int, draft: ContactDraft) -> bool:
        if not draft.uid.strip():  # written around the services: a card needs one
            draft.uid = new_uid()
            Contact.update(vcard_uid=draft.uid).where(Contact.id == contact_id).execute()
        href = f"{self._book.rstrip('/')}/{_resource_name(draft.uid)}.vcf"
        try:
            text, etag = self._put(href, draft, [], None)
        except PreconditionFailed:
            return True
        with db.atomic():
            SyncCard.create(
                account=self.account.id, contact=contact_id, href=href, etag=etag, vcard=text
            )
        self.report.sent_new += 1
        self._list("sent_new", draft)
        return False

    def _send_removed(self, row: _Row) -> bool:
        try:
            if not self.dry_run:
                self.client.delete(row.href, row.etag)
        except PreconditionFailed:
            return True
        SyncCard.delete().where(SyncCard.id == row.id).execute()
        self.report.sent_removed += 1
        self._list("sent_removed", parse_card(row.vcard).draft)
        return False

    def _send_changed(self, row: _Row) -> bool:
        assert row.contact_id is not None
        server = parse_card(row.vcard)
        local = self._canonical(row.contact_id)
        if same(local, server.draft):
            SyncCard.update(dirty=False).where(SyncCard.id == row.id).execute()
            return False
        mine = self._local(row.contact_id)
        try:
            text, etag = self._put(
                row.href, replace(mine, uid=server.draft.uid or mine.uid), server.kept, row.etag
            )
        except PreconditionFailed:
            return True
        SyncCard.update(etag=etag, vcard=text, dirty=False, synced_at=utcnow()).where(
            SyncCard.id == row.id
        ).execute()
        self.report.sent_changed += 1
        self._list("sent_changed", mine)
        return False

    def _unsynced_ids(self) -> list[int]:
        """Living contacts (not groups) without a card on this account."""
        query = (
            Contact.select(Contact.id)
            .join(
                SyncCard,
                JOIN.LEFT_OUTER,
                on=(SyncCard.contact == Contact.id) & (SyncCard.account == self.account.id),
            )
            .where(
                SyncCard.id.is_null(True),
                Contact.deleted_at.is_null(True),
                Contact.is_group == False,  # noqa: E712
            )
            .order_by(Contact.id)
        )
        return [row.id for row in query]

    def _drafts(self, ids: list[int]) -> Iterator[tuple[int, ContactDraft]]:
        """The contacts `ids` with their drafts, read _CHUNK at a time."""
        for start in range(0, len(ids), _CHUNK):
            drafts = self.contacts.load_many(ids[start : start + _CHUNK])
            yield from drafts.items()

    def _dirty_rows(self) -> list[_Row]:
        return self._rows(
            (SyncCard.account == self.account.id)
            & (SyncCard.dirty == True)  # noqa: E712
            & SyncCard.contact.is_null(False)
        )

    def _deleted_rows(self) -> list[_Row]:
        return self._rows((SyncCard.account == self.account.id) & SyncCard.contact.is_null(True))

    # reading state

    def _rows_at(self, hrefs: Iterable[str]) -> dict[str, _Row]:
        wanted = list(dict.fromkeys(hrefs))
        found: dict[str, _Row] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for row in self._rows((SyncCard.account == self.account.id) & SyncCard.href.in_(chunk)):
                found[row.href] = row
        return found

    def _all_rows(self) -> list[_Row]:
        return self._rows(SyncCard.account == self.account.id)

    @staticmethod
    def _rows(condition: Any) -> list[_Row]:
        query = SyncCard.select(
            SyncCard.id,
            SyncCard.contact,
            SyncCard.href,
            SyncCard.etag,
            SyncCard.vcard,
            SyncCard.dirty,
        ).where(condition)
        return [_Row(*values) for values in tuples(query)]

    def _local(self, contact_id: int) -> ContactDraft:
        return self.contacts.load(contact_id)

    def _canonical(self, contact_id: int) -> ContactDraft:
        """The stored contact as its card reads back (what merges compare; a 3.0 card reads
        back the same, tests/formats/test_vcard_sync.py)."""
        return parse_card(render_card(self._local(contact_id))).draft


def _with_local_only(remote: ContactDraft, local: ContactDraft) -> ContactDraft:
    """The server's card with what a card does not carry kept from the stored contact."""
    return replace(remote, met_at=local.met_at, source=local.source, uid=local.uid)


def _resource_name(uid: str) -> str:
    """The card's file name on the server: its UID when that is a safe name, else a digest."""
    if _SAFE_NAME.fullmatch(uid):
        return uid
    return hashlib.sha1(uid.encode("utf-8")).hexdigest()
