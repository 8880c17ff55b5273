"""An interaction as the interactions' sync reads it (`journal_fields`), what it takes of an
incoming entry that says too little or too much (`_said`), what waits to be sent, and the
trigger that marks a synced interaction changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from netdesk.core import sync_accounts, sync_desk
from netdesk.core.event_draft import EventDraft
from netdesk.core.interactions import Give, log_interaction, update_interaction
from netdesk.core.sync_conflicts import open_conflicts
from netdesk.core.sync_journal import _said, journal_fields, link_events, pending_interactions
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vjournal import render_journal
from netdesk.store.models import Contact, Interaction, SyncJournal
from tests.sync.conflicts import add_item_conflict

MET = datetime(2026, 3, 10, 9, 30, 15, 500)


def _ana_and_ben(services) -> tuple[int, int, int]:
    ana = services.contacts.create(ContactDraft(display_name="Ana Lima"))
    ben = services.contacts.create(ContactDraft(display_name="Ben Okafor"))
    give = Give("gave", "introduction", (ana, ben))
    logged = log_interaction(
        services.changes, ana, occurred_at=MET, channel="call", summary="Intro", give=give
    )
    return ana, ben, logged


def test_an_interaction_reads_as_its_entry_with_vcard_uids(services) -> None:
    ana, ben, logged = _ana_and_ben(services)
    uids = {row.id: row.vcard_uid for row in Contact.select()}
    fields = journal_fields(logged)
    assert fields.occurred_at == MET.replace(microsecond=0)
    assert (fields.contact, fields.introduced_a, fields.introduced_b) == (
        uids[ana],
        uids[ana],
        uids[ben],
    )
    assert (fields.channel, fields.note, fields.direction, fields.give_kind) == (
        "call",
        "Intro",
        "gave",
        "introduction",
    )


def test_what_an_entry_cannot_say_here_is_taken_from_what_is_known(services) -> None:
    _, _, logged = _ana_and_ben(services)
    known = journal_fields(logged)
    odd = replace(known, channel="carrier pigeon", contact="nobody@else", note="New note")
    assert _said(odd, known) == replace(known, note="New note")
    referral = {"give_kind": "referral", "introduced_a": "", "introduced_b": ""}
    assert _said(replace(known, direction="", **referral), known) == replace(known, **referral)
    nonsense = replace(known, direction="neutral", give_kind="referral")
    assert _said(nonsense, known) == known
    unsaid = replace(known, direction="", give_kind="", introduced_a="", introduced_b="")
    assert _said(unsaid, replace(known, direction="")).direction == "neutral"


def test_interactions_wait_only_with_a_journal_and_a_change_marks_them(services) -> None:
    ana, _, logged = _ana_and_ben(services)
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    contacts_only = sync_desk.pending_changes(account)
    sync_accounts.set_journal(account, "/alice/journal/")
    assert sync_desk.pending_changes(account) == contacts_only + 1
    row = SyncJournal.create(account=account.id, interaction=logged, href="/j.ics", ical="")
    assert pending_interactions(account.id) == 0
    update_interaction(
        services.changes,
        logged,
        ana,
        occurred_at=MET,
        channel="email",
        summary="",
        give=Give(),
        event_id=None,
    )
    assert SyncJournal.get_by_id(row.id).dirty
    assert pending_interactions(account.id) == 1
    sync_accounts.set_journal(account, "")
    assert sync_desk.pending_changes(account) == contacts_only


def test_an_interactions_event_travels_by_uid_and_one_unknown_here_is_not_taken(services) -> None:
    _, _, logged = _ana_and_ben(services)
    pycon = services.events.create(EventDraft(name="PyCon", starts_at=MET, uid="pycon@x"))
    Interaction.update(event=pycon).where(Interaction.id == logged).execute()
    known = journal_fields(logged)
    assert known.event == "pycon@x"
    assert _said(replace(known, event="elsewhere@y"), known) == known
    assert _said(replace(known, event=""), known).event == ""
    add_item_conflict("interaction", logged, "event", "pycon@x", "")
    (conflict,) = open_conflicts()
    assert (conflict.field, conflict.local, conflict.remote) == ("event", "PyCon", "")


def test_an_interaction_is_linked_to_its_event_once_the_event_arrives(services) -> None:
    _, _, logged = _ana_and_ben(services)
    account = sync_accounts.set_up("http://dav.test/", "alice", "/alice/book/")
    text = render_journal(replace(journal_fields(logged), event="pycon@x"), "Ana", "j", MET)
    row = SyncJournal.create(account=account.id, interaction=logged, href="/j.ics", ical=text)
    link_events(services.changes, account.id)
    assert Interaction.get_by_id(logged).event_id is None
    pycon = services.events.create(EventDraft(name="PyCon", starts_at=MET, uid="pycon@x"))
    SyncJournal.update(dirty=True).execute()  # taken off here since: left as it is
    link_events(services.changes, account.id)
    assert Interaction.get_by_id(logged).event_id is None
    SyncJournal.update(dirty=False).execute()
    link_events(services.changes, account.id)
    assert Interaction.get_by_id(logged).event_id == pycon
    assert SyncJournal.get_by_id(row.id).dirty  # compared with the server at the next send
