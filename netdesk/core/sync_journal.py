"""Two-way sync of interactions with a CalDAV journal, one VJOURNAL each (`formats.vjournal`).

Only where the server keeps journal entries: a calendar that takes VJOURNAL, chosen or made
(MKCALENDAR). A server that has none and makes none leaves the interactions on this computer,
and the report says so in words.

Every interaction goes; every VJOURNAL of the journal about a contact NetDesk knows (its
X-NETDESK-CONTACT, a vCard UID) comes in as an interaction (the channel "in person" when it does
not say); one about nobody NetDesk knows (another client's diary entry) is left alone. As with
events (`sync_events`, the walk is `sync_collection`'s): receive first, then send with
If-None-Match / If-Match, each interaction committed as it is done. A changed VJOURNAL is merged
field by field against the last synced one (time, note, contact, channel and event each alone;
the direction with its kind of give and the people introduced together): a field changed on one
side takes that side's value; changed on both sides, NetDesk's value is kept and the server's
with it until the user chooses (`sync_conflicts`). A
VJOURNAL deleted elsewhere deletes its interaction unless it changed here since; an interaction
deleted here has its VJOURNAL deleted on the server.

The event an interaction happened at is named by its UID; events sync before interactions, so
an event synced from the other NetDesk is here already. An event NetDesk does not have (the
account syncs no calendar here yet, or the event was deleted here) stays named on the server as
it was, and the interaction here is at no event until the event arrives (`link_events`, before
each sync receives).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from peewee import fn

from netdesk.core import sync_accounts
from netdesk.core.caldav_client import CalDavClient, NoTaskLists
from netdesk.core.carddav import Card
from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.event_times import to_utc
from netdesk.core.interactions import Give, delete_interaction, log_interaction, update_interaction
from netdesk.core.sync_calendar import CalendarSync, chosen_calendar, merge, same
from netdesk.core.sync_collection import Counts, Row, Table, resource_name
from netdesk.core.vocabulary import CHANNELS
from netdesk.formats.vjournal import JournalFields, ParsedJournal, parse_journal, render_journal
from netdesk.store.models import Contact, Event, Interaction, SyncAccount, SyncJournal, new_uid
from netdesk.store.rows import tuples

NEW_JOURNAL_NAME = "NetDesk interactions"
"""The journal made when NEW is chosen and the server has none of that name."""
STAYS_LOCAL = "interactions stay on this computer"
_GIVE = ("direction", "give_kind", "introduced_a", "introduced_b")
GROUPS = (("occurred_at",), ("note",), ("contact",), ("channel",), ("event",), _GIVE)
"""Fields merged together: what was given with its kind and the people introduced."""
JOURNAL = Table(
    SyncJournal,
    SyncJournal.interaction,
    SyncJournal.ical,
    "journal_token",
    "journal_ctag",
    SyncJournal.foreign,
)


@dataclass
class JournalReport(Counts):
    """What an interaction sync did (or, in a dry run, would do)."""

    left_alone: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for --json)."""
        return asdict(self)


class JournalSync(CalendarSync):
    """Syncs the interactions with one account's journal through `client`."""

    table = JOURNAL
    conflict_note = (
        "an interaction changed on both sides keeps NetDesk's values of the fields both changed"
    )
    conflict_column = "interaction"

    def __init__(
        self,
        changes: Changes,
        clock: Clock,
        client: CalDavClient,
        account: SyncAccount,
        *,
        dry_run: bool = False,
    ) -> None:
        self.report = JournalReport()
        super().__init__(client, account, account.journal, self.report, dry_run=dry_run)
        self.changes = changes
        self.clock = clock

    def run(self) -> JournalReport:
        """Link the interactions to the events that arrived since (not in a dry run); receive,
        then send (see `CollectionSync.sync`)."""
        if not self.dry_run:
            link_events(self.changes, self.account.id)
        self.run_sync()
        return self.report

    # receiving

    def parse(self, text: str) -> ParsedJournal:
        return parse_journal(text)

    def take_changed(self, resource: Card, parsed: ParsedJournal, row: Row) -> None:
        assert row.local_id is not None
        local = journal_fields(row.local_id)
        base = _said(parse_journal(row.text).fields, local)
        incoming = _said(parsed.fields, base)
        if same(GROUPS, base, incoming):
            self.agreed(row, resource.etag, resource.text)
            return
        merged = incoming
        if row.dirty:
            taken, conflicts = merge(GROUPS, base, local, incoming)
            self.keep_conflicts(row.local_id, conflicts)
            merged = replace(local, **taken)
        if not same(GROUPS, merged, local):
            write_interaction(self.changes, row.local_id, merged)
        self.report.received_changed += 1
        self.agreed(row, resource.etag, resource.text, dirty=not same(GROUPS, merged, incoming))

    def take_new(self, resource: Card, parsed: ParsedJournal) -> None:
        """A VJOURNAL NetDesk does not know: a new interaction when it names a contact NetDesk
        knows, else left alone (remembered until it changes)."""
        contact_id = _contact_id(parsed.fields.contact)
        if contact_id is None:
            self.report.left_alone += 1
            self.link(None, resource.href, resource.etag, resource.text, foreign=True)
            return
        fields = _said(parsed.fields, JournalFields(parsed.fields.occurred_at, channel=CHANNELS[0]))
        interaction_id = log_interaction(self.changes, contact_id, **_columns(fields))
        self.link(interaction_id, resource.href, resource.etag, resource.text)
        self.report.received_new += 1

    def removed(self, row: Row) -> None:
        """A VJOURNAL deleted on the server: its interaction deleted, unless changed here
        since (then it is sent again as a new VJOURNAL)."""
        self.forget(row)
        if row.local_id is None or row.foreign:
            return
        local = journal_fields(row.local_id)
        if row.dirty and not same(GROUPS, local, _said(parse_journal(row.text).fields, local)):
            return
        delete_interaction(self.changes, row.local_id)
        self.report.received_removed += 1

    # sending

    def send_new(self, item_id: int, item: Any) -> tuple[str, str, str]:
        uid = f"{new_uid()}@netdesk"
        href = f"{self.collection.rstrip('/')}/{resource_name(uid)}.ics"
        text = render_journal(journal_fields(item_id), _name(item_id), uid, self._stamp())
        return href, text, self.put(href, text, None)

    def send_changed(self, row: Row) -> tuple[str, str] | None:
        assert row.local_id is not None
        server = parse_journal(row.text)
        local = journal_fields(row.local_id)
        if same(GROUPS, local, _said(server.fields, local)):
            return None
        if not local.event and _event_id(server.fields.event) is None:
            local = replace(local, event=server.fields.event)  # an event NetDesk does not have
        uid = server.uid or new_uid()
        name = _name(row.local_id)
        text = render_journal(local, name, uid, self._stamp(), row.text, server.fields)
        return text, self.put(row.href, text, row.etag)

    def _stamp(self) -> datetime:
        return to_utc(self.clock.now())

    def unsynced(self) -> list[int]:
        """Interactions without a VJOURNAL yet, oldest first."""
        query = _unsynced(self.account.id).order_by(Interaction.occurred_at, Interaction.id)
        return [interaction_id for (interaction_id,) in tuples(query)]


def sync_journal(
    changes: Changes, clock: Clock, client: CalDavClient, account: SyncAccount, chosen: str
) -> JournalReport | str | None:
    """Make `chosen` (a journal's path, "" for none, or NEW) the account's journal and sync
    the interactions with it; None without one, or in words why they stay on this computer
    when the server makes no journal."""
    try:
        chosen = chosen_calendar(client, chosen, NEW_JOURNAL_NAME, "netdesk-journal", "VJOURNAL")
    except NoTaskLists as error:
        sync_accounts.set_journal(account, "")
        return f"{STAYS_LOCAL}: {error}"
    sync_accounts.set_journal(account, chosen)
    if not chosen:
        return None
    return JournalSync(changes, clock, client, account).run()


def pending_interactions(account_id: int) -> int:
    """Interactions the next sync sends: never synced, changed, or deleted here."""
    return JOURNAL.pending(account_id, _unsynced(account_id))


def link_events(changes: Changes, account_id: int) -> None:
    """Link each interaction at no event whose VJOURNAL, as last synced, names an event that
    NetDesk has now (it had not arrived when the entry did); one changed here since is left
    as it is (its event was taken off here)."""
    query = (
        SyncJournal.select(Interaction.id, Interaction.contact, SyncJournal.ical)
        .join(Interaction, on=SyncJournal.interaction == Interaction.id)
        .where(
            SyncJournal.account == account_id,
            SyncJournal.dirty == False,  # noqa: E712
            Interaction.event.is_null(True),
            fn.instr(SyncJournal.ical, "X-NETDESK-EVENT") > 0,
        )
    )
    contacts = []
    for interaction_id, contact_id, text in tuples(query):
        event_id = _event_id(parse_journal(text).fields.event)
        if event_id is not None:
            Interaction.update(event=event_id).where(Interaction.id == interaction_id).execute()
            contacts.append(contact_id)
    if contacts:
        changes.publish("interactions", list(dict.fromkeys(contacts)))


def write_interaction(changes: Changes, interaction_id: int, fields: JournalFields) -> None:
    """Write a VJOURNAL's fields into the interaction (as the log dialog does)."""
    contact_id = _contact_id(fields.contact)
    assert contact_id is not None  # `_said` keeps only a contact NetDesk knows
    update_interaction(changes, interaction_id, contact_id, **_columns(fields))


def _columns(fields: JournalFields) -> dict[str, Any]:
    """The interaction's values a VJOURNAL's fields give, as `log_interaction` and
    `update_interaction` take them."""
    return {
        "occurred_at": fields.occurred_at,
        "channel": fields.channel,
        "summary": fields.note,
        "give": _give(fields),
        "event_id": _event_id(fields.event),
    }


def _unsynced(account_id: int) -> Any:
    """The query of interactions without a VJOURNAL on the account."""
    return JOURNAL.unsynced(Interaction.select(Interaction.id), Interaction, account_id)


def journal_fields(interaction_id: int) -> JournalFields:
    """The stored interaction as its VJOURNAL reads back (its time to the second)."""
    item = Interaction.get_by_id(interaction_id)
    uids = _uids([item.contact_id, item.introduced_a_id, item.introduced_b_id])
    event = (
        Event.select(Event.uid).where(Event.id == item.event_id).scalar() if item.event_id else ""
    )
    return JournalFields(
        occurred_at=item.occurred_at.replace(microsecond=0),
        note=item.summary,
        contact=uids.get(item.contact_id, ""),
        channel=item.channel,
        direction=item.direction,
        give_kind=item.give_kind,
        introduced_a=uids.get(item.introduced_a_id, ""),
        introduced_b=uids.get(item.introduced_b_id, ""),
        event=event or "",
    )


def _uids(contact_ids: list[int | None]) -> dict[int | None, str]:
    wanted = [contact_id for contact_id in contact_ids if contact_id is not None]
    query = Contact.select(Contact.id, Contact.vcard_uid).where(Contact.id.in_(wanted))
    return dict(tuples(query))


def _name(interaction_id: int) -> str:
    query = Contact.select(Contact.display_name).join(Interaction, on=Interaction.contact)
    return str(query.where(Interaction.id == interaction_id).scalar() or "")


def _contact_id(uid: str) -> int | None:
    """The contact (Trash included) of a vCard UID, None for none."""
    if not uid:
        return None
    found: int | None = Contact.select(Contact.id).where(Contact.vcard_uid == uid).scalar()
    return found


def _event_id(uid: str) -> int | None:
    """The event of a UID, None for none."""
    if not uid:
        return None
    found: int | None = Event.select(Event.id).where(Event.uid == uid).scalar()
    return found


def _give(fields: JournalFields) -> Give:
    introduced = (_contact_id(fields.introduced_a), _contact_id(fields.introduced_b))
    return Give(fields.direction, fields.give_kind, introduced)


def _said(incoming: JournalFields, known: JournalFields) -> JournalFields:
    """`incoming` with what it may not say (another client's entry names no channel or
    direction) or says wrongly (a contact or an event NetDesk does not know, a give that makes
    no sense) taken from `known`."""
    channel = incoming.channel if incoming.channel in CHANNELS else known.channel
    contact = incoming.contact if _contact_id(incoming.contact) is not None else known.contact
    direction = incoming.direction or known.direction or "neutral"
    unknown = incoming.event and _event_id(incoming.event) is None
    event = known.event if unknown else incoming.event
    fields = replace(incoming, channel=channel, contact=contact, direction=direction, event=event)
    try:
        _give(fields).check()
    except ValueError:
        return replace(fields, **{name: getattr(known, name) for name in _GIVE})
    return fields
