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

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from typing import Any

from netdesk.core.carddav import Card, CardDavClient, CardRefused
from netdesk.core.contact_bulk import ContactBulk
from netdesk.core.contacts import ContactService, display_name_of
from netdesk.core.import_matching import MatchIndex, keys_of
from netdesk.core.import_writer import NewContacts
from netdesk.core.sync_collection import CollectionSync, Counts, Row, Table, resource_name
from netdesk.core.sync_events import EventReport
from netdesk.core.sync_journal import JournalReport
from netdesk.core.sync_merge import Conflict, as_json, merge, same
from netdesk.core.sync_tasks import TaskReport
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_sync import SyncedCard, parse_card, render_card
from netdesk.store.models import (
    Contact,
    SyncAccount,
    SyncCard,
    SyncConflict,
    new_uid,
)
from netdesk.store.rows import tuples

_CHUNK = 500
_EMPTY = ContactDraft()

Progress = Callable[[str, int, int], None]
"""Told (phase, cards done, cards in the phase) after each batch received and each card sent;
the phases are RECEIVING and SENDING. It may raise to stop the sync: what was done is kept."""
CARDS = Table(SyncCard, SyncCard.contact, SyncCard.vcard, "sync_token", "ctag")


@dataclass
class SyncReport(Counts):
    """What a sync did (or, in a dry run, would do), in counts and notes for the user."""

    received_linked: int = 0
    dry_run: bool = False
    tasks: TaskReport | None = None
    """The follow-ups' sync, None when the account has no task list."""
    events: EventReport | None = None
    """The events' sync, None when the account has no calendar."""
    interactions: JournalReport | None = None
    """The interactions' sync, None when the account has no journal."""

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for --json)."""
        return asdict(self)


class ContactSync(CollectionSync):
    """Syncs the contacts with one account's address book through `client`."""

    table = CARDS

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
        self.report = SyncReport(dry_run=dry_run)
        super().__init__(
            client, account, account.address_book, self.report, dry_run=dry_run, progress=progress
        )
        self.contacts = contacts
        self.bulk = bulk
        self._version = ""
        """The vCard version cards go as: asked of the server before the first write."""

    def run(self) -> SyncReport:
        """Receive, then send (see `CollectionSync.sync`)."""
        self.sync()
        return self.report

    # receiving

    def fetch(self, hrefs: list[str]) -> Iterator[Card]:
        return self.client.multiget(self.collection, hrefs)

    def _put(
        self, href: str, draft: ContactDraft, kept: list[str], etag: str | None
    ) -> tuple[str, str]:
        """Write the card of `draft` (a dry run writes nothing); as vCard 3.0 from then on when
        the server refuses 4.0. The card's text and new ETag."""
        if not self._version:
            versions = self.client.card_versions(self.collection)
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

    def _list(self, kind: str, draft: ContactDraft, detail: str = "") -> None:
        """In a dry run, note a change of `kind` to the contact `draft`."""
        if self.dry_run:
            name = display_name_of(draft) or "?"
            self.report.listed.append((kind, f"{name} ({detail})" if detail else name))

    def take(self, resources: list[Card], rows: dict[str, Row]) -> None:
        """Cards fetched: those NetDesk knows merged one by one, the others matched or added
        together."""
        fresh: list[tuple[Card, SyncedCard]] = []
        for card in resources:
            try:
                incoming = parse_card(card.text)
            except Exception:  # one bad card must not stop the others
                self.report.unreadable += 1
                continue
            if incoming.draft.is_group:
                continue
            row = rows.get(card.href)
            if row is not None and row.local_id is None:  # deleted here, changed there: keep
                self.forget(row)
                row = None
            if row is None:
                fresh.append((card, incoming))
            else:
                self._take(card, incoming, row)
        if fresh:
            self._take_fresh(fresh)

    def _take(self, card: Card, incoming: SyncedCard, row: Row) -> None:
        """A changed card NetDesk knows, merged into its contact."""
        assert row.local_id is not None
        base = parse_card(row.text).draft
        if incoming.draft.photo is None and incoming.draft.photo_unreadable:
            incoming.draft.photo = base.photo  # a photo the server damaged is no deletion
        if same(base, incoming.draft):
            self.agreed(row, card.etag, card.text)
            return
        local = self._canonical(row.local_id)
        if not row.dirty or same(local, base):
            merged, conflicts = _with_local_only(incoming.draft, local), list[Conflict]()
        else:
            merged, conflicts = merge(base, local, incoming.draft)
        self._store(row.local_id, local, merged, conflicts)
        self.report.received_changed += 1
        self._list("received_changed", merged)
        self.agreed(row, card.etag, card.text, dirty=not same(merged, incoming.draft))

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
            self.link(contact_id, card.href, card.etag, card.text, dirty=not same(merged, draft))
        if not new:
            return
        drafts = [draft for _, draft in new]
        ids = NewContacts(drafts, None).insert(drafts)
        self.contacts.changes.publish("contacts", ids)
        for (card, _), contact_id in zip(new, ids, strict=True):
            self.link(contact_id, card.href, card.etag, card.text)
        self.report.received_new += len(ids)
        for draft in drafts:
            self._list("received_new", draft)

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

    def removed(self, row: Row) -> None:
        """A card deleted on the server: its contact to the Trash, unless changed here since."""
        self.forget(row)
        if row.local_id is None:
            return
        if row.dirty and not same(self._canonical(row.local_id), parse_card(row.text).draft):
            return  # sent again as a new card
        self.bulk.trash([row.local_id])
        self.report.received_removed += 1
        self._list("received_removed", parse_card(row.text).draft)

    # sending

    def send_new(self, item_id: int, item: Any) -> tuple[str, str, str]:
        draft: ContactDraft = item
        if not draft.uid.strip():  # written around the services: a card needs one
            draft.uid = new_uid()
            Contact.update(vcard_uid=draft.uid).where(Contact.id == item_id).execute()
        href = f"{self.collection.rstrip('/')}/{resource_name(draft.uid)}.vcf"
        text, etag = self._put(href, draft, [], None)
        self._list("sent_new", draft)
        return href, text, etag

    def sent_removed(self, row: Row) -> None:
        self._list("sent_removed", parse_card(row.text).draft)

    def send_changed(self, row: Row) -> tuple[str, str] | None:
        assert row.local_id is not None
        server = parse_card(row.text)
        local = self._canonical(row.local_id)
        if same(local, server.draft):
            return None
        mine = self._local(row.local_id)
        written = self._put(
            row.href, replace(mine, uid=server.draft.uid or mine.uid), server.kept, row.etag
        )
        self._list("sent_changed", mine)
        return written

    def unsynced(self) -> list[int]:
        """Living contacts (not groups) without a card on this account."""
        query = unsynced_contacts(self.account.id).order_by(Contact.id)
        return [contact_id for (contact_id,) in tuples(query)]

    def load(self, ids: list[int]) -> Iterator[tuple[int, ContactDraft]]:
        """The contacts `ids` with their drafts, read _CHUNK at a time."""
        for start in range(0, len(ids), _CHUNK):
            drafts = self.contacts.load_many(ids[start : start + _CHUNK])
            yield from drafts.items()

    # reading state

    def _local(self, contact_id: int) -> ContactDraft:
        return self.contacts.load(contact_id)

    def _canonical(self, contact_id: int) -> ContactDraft:
        """The stored contact as its card reads back (what merges compare; a 3.0 card reads
        back the same, tests/formats/test_vcard_sync.py)."""
        return parse_card(render_card(self._local(contact_id))).draft


def unsynced_contacts(account_id: int) -> Any:
    """The query of living contacts (not groups) without a card on the account."""
    query = Contact.select(Contact.id).where(
        Contact.deleted_at.is_null(True),
        Contact.is_group == False,  # noqa: E712
    )
    return CARDS.unsynced(query, Contact, account_id)


def _with_local_only(remote: ContactDraft, local: ContactDraft) -> ContactDraft:
    """The server's card with what a card does not carry kept from the stored contact."""
    return replace(remote, met_at=local.met_at, source=local.source, uid=local.uid)
