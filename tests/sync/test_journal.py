"""Interactions as VJOURNALs in a CalDAV journal, through one real server (Radicale and
Xandikos, both keep journal entries): made, changed and deleted on one NetDesk they follow on
the other (with the event they happened at: one the other NetDesk does not have stays named on
the server until it arrives there), edits of different fields on both sides merge, an entry a
phone wrote about a known contact keeps what NetDesk does not know after NetDesk edits it (one
about nobody is left alone), and where the server keeps no journal entries the interactions
stay local and the sync says so."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime
from pathlib import Path

from netdesk.__main__ import main
from netdesk.core import sync_accounts
from netdesk.core.event_draft import EventDraft
from netdesk.core.interactions import Give, log_interaction, update_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Interaction, SyncAccount
from tests.dav_servers import DavServer
from tests.sync.desks import Desk, Opened, plain_request
from tests.sync.proxy import Proxy

JOURNAL = "Journal"
MET = datetime(2026, 3, 10, 9, 30)


def _the_interaction(opened: Opened) -> Interaction:
    (interaction,) = Interaction.select()
    return interaction


def _with_ana(desk: Desk, **logged: object) -> None:
    """Ana Lima and Ben Okafor, and Ana introducing the user to Ben over coffee."""
    with desk.open() as opened:
        ana = opened.contacts.create(ContactDraft(display_name="Ana Lima"))
        ben = opened.contacts.create(ContactDraft(display_name="Ben Okafor"))
        give = Give("received", "introduction", (None, ben))
        log_interaction(
            opened.contacts.changes,
            ana,
            occurred_at=MET,
            channel="coffee",
            summary="Talked about\nthe payments team",
            give=give,
            **logged,
        )


def _edit(desk: Desk, **changes: object) -> None:
    with desk.open() as opened:
        item = _the_interaction(opened)
        values: dict[str, object] = {
            "occurred_at": item.occurred_at,
            "channel": item.channel,
            "summary": item.summary,
            "give": Give(
                item.direction, item.give_kind, (item.introduced_a_id, item.introduced_b_id)
            ),
            "event_id": item.event_id,
        }
        values.update(changes)
        update_interaction(opened.contacts.changes, item.id, item.contact_id, **values)  # type: ignore[arg-type]


def _journal(desk: Desk) -> str:
    with desk.open():
        account = sync_accounts.account()
        assert account is not None
        return str(account.journal)


def test_an_interaction_made_changed_and_deleted_on_one_netdesk_follows_on_the_other(
    desks,
) -> None:
    a, b = desks
    _with_ana(a)
    assert a.sync("--journal", JOURNAL)["interactions"]["sent_new"] == 1
    assert b.sync("--journal", JOURNAL)["interactions"]["received_new"] == 1
    with b.open() as opened:
        got = _the_interaction(opened)
        ben = Contact.get(Contact.display_name == "Ben Okafor").id
        assert (got.contact.display_name, got.occurred_at, got.channel, got.summary) == (
            "Ana Lima",
            MET,
            "coffee",
            "Talked about\nthe payments team",
        )
        assert (got.direction, got.give_kind, got.introduced_a_id, got.introduced_b_id) == (
            "received",
            "introduction",
            None,
            ben,
        )
        assert got.contact.last_contacted_at == MET
    _edit(b, channel="call", occurred_at=datetime(2026, 3, 11, 8, 0))
    assert b.sync()["interactions"]["sent_changed"] == 1
    assert a.sync()["interactions"]["received_changed"] == 1
    with a.open() as opened:
        moved = _the_interaction(opened)
        assert (moved.channel, moved.occurred_at) == ("call", datetime(2026, 3, 11, 8, 0))
        assert moved.contact.last_contacted_at == datetime(2026, 3, 11, 8, 0)
        moved.delete_instance()
    assert a.sync()["interactions"]["sent_removed"] == 1
    assert b.sync()["interactions"]["received_removed"] == 1
    with b.open():
        assert Interaction.select().count() == 0
    nothing = {"sent_new": 0, "sent_changed": 0, "received_new": 0, "received_changed": 0}
    for desk in (a, b):
        report = desk.sync()["interactions"]
        assert {key: report[key] for key in nothing} == nothing


def test_the_event_an_interaction_happened_at_follows_it(desks) -> None:
    a, b = desks
    with a.open() as opened:
        pycon = opened.events.create(EventDraft(name="PyCon", starts_at=MET, uid="pycon@a"))
    _with_ana(a, event_id=pycon)
    assert a.sync("--calendar", "Events", "--journal", JOURNAL)["interactions"]["sent_new"] == 1
    b.sync("--calendar", "Events", "--journal", JOURNAL)
    with b.open() as opened:
        got = _the_interaction(opened)
        assert (got.event.name, got.event.uid) == ("PyCon", "pycon@a")
    _edit(b, event_id=None)
    assert b.sync()["interactions"]["sent_changed"] == 1
    a.sync()
    with a.open() as opened:
        assert _the_interaction(opened).event is None


def test_an_event_the_other_netdesk_does_not_have_stays_named_on_the_server(desks) -> None:
    a, b = desks
    with a.open() as opened:
        pycon = opened.events.create(EventDraft(name="PyCon", starts_at=MET))
    _with_ana(a, event_id=pycon)
    a.sync("--calendar", "Events", "--journal", JOURNAL)
    b.sync("--journal", JOURNAL)  # B syncs no calendar
    with b.open() as opened:
        assert _the_interaction(opened).event is None
    _edit(b, summary="Payments team is hiring")
    assert b.sync()["interactions"]["sent_changed"] == 1
    a.sync()
    with a.open() as opened:
        got = _the_interaction(opened)
        assert (got.summary, got.event_id) == ("Payments team is hiring", pycon)
    report = b.sync("--calendar", "Events")  # B syncs the calendar now: the event arrives
    assert report["interactions"]["sent_changed"] == 0
    with b.open() as opened:
        assert _the_interaction(opened).event.name == "PyCon"


def test_edits_of_different_fields_on_both_sides_merge(desks) -> None:
    a, b = desks
    _with_ana(a)
    a.sync("--journal", JOURNAL)
    b.sync("--journal", JOURNAL)
    _edit(a, summary="Payments team is hiring")
    _edit(b, channel="in person", give=Give())
    a.sync()
    report = b.sync()["interactions"]
    assert (report["received_changed"], report["sent_changed"], report["conflicts"]) == (1, 1, 0)
    a.sync()
    for desk in (a, b):
        with desk.open() as opened:
            merged = _the_interaction(opened)
            assert (merged.summary, merged.channel, merged.direction, merged.give_kind) == (
                "Payments team is hiring",
                "in person",
                "neutral",
                "",
            )


def _phone_entry(uid: str, contact: str) -> str:
    about = f"X-NETDESK-CONTACT:{contact}\r\n" if contact else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VJOURNAL\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260312T180000Z\r\n"
        f"SUMMARY:Lunch\r\nDESCRIPTION:Lunch near the office\r\n{about}"
        "CATEGORIES:work\r\nX-PHONE-MOOD:good\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n"
    )


def test_an_entry_a_phone_wrote_keeps_what_netdesk_does_not_know(desks) -> None:
    a, _ = desks
    with a.open() as opened:
        opened.contacts.create(ContactDraft(display_name="Ana Lima"))
    a.sync("--journal", JOURNAL)
    journal = _journal(a)
    with a.open():
        uid = Contact.get().vcard_uid
    for name, contact in (("phone-1", uid), ("phone-2", "")):
        text = _phone_entry(name, contact)
        status, _ = plain_request(a.server, "PUT", f"{journal}{name}.ics", text, "text/calendar")
        assert status in (201, 204)
    report = a.sync()["interactions"]
    assert (report["received_new"], report["left_alone"]) == (1, 1)
    with a.open() as opened:
        got = _the_interaction(opened)
        assert (got.occurred_at, got.channel, got.summary, got.direction) == (
            datetime(2026, 3, 12, 18, 0),
            "in person",
            "Lunch near the office",
            "neutral",
        )
    _edit(a, summary="Lunch: she moves to Lisbon", channel="coffee")
    assert a.sync()["interactions"]["sent_changed"] == 1
    _, text = plain_request(a.server, "GET", journal + "phone-1.ics")
    lines = text.replace("\r\n ", "").replace("\r\n", "\n").splitlines()
    assert "X-PHONE-MOOD:good" in lines and "CATEGORIES:work" in lines
    assert "DESCRIPTION:Lunch: she moves to Lisbon" in lines
    assert "X-NETDESK-KIND:coffee" in lines and "DTSTART:20260312T180000Z" in lines
    _, other = plain_request(a.server, "GET", journal + "phone-2.ics")
    assert "X-NETDESK-KIND" not in other


def test_a_calendar_without_journal_entries_leaves_the_interactions_here(desks) -> None:
    a, _ = desks
    _with_ana(a)
    a.sync("--calendar", "Events")
    status, out, err = a.command("--journal", "Events")
    assert status == 0, err
    assert "interactions stay on this computer: the calendar 'Events' takes no journal" in out
    assert _journal(a) == ""


def test_a_server_without_journals_says_the_interactions_stay_here(
    radicale_server: DavServer, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", radicale_server.password)

    def no_journals(method: str, body: bytes) -> int | None:
        return 403 if method == "MKCALENDAR" and b"VJOURNAL" in body else None

    refusing = Proxy(radicale_server.port, no_journals)
    try:
        radicale_server.url = refusing.url
        desk = Desk(tmp_path / "a", radicale_server)
        _with_ana(desk)
        report = desk.sync("--journal", JOURNAL)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(
                ["--data-dir", str(desk.folder), "sync", "--journal", JOURNAL], desk.clock
            )
    finally:
        refusing.close()
    assert report["interactions"] is None and report["sent_new"] == 2
    (note,) = report["notes"]
    assert note.startswith("interactions stay on this computer: "), note
    assert status == 0 and "note: interactions stay on this computer" in out.getvalue()
    with desk.open():
        assert SyncAccount.get().journal == ""


def test_a_dry_run_lists_the_interactions_it_would_send_and_sends_none(desks) -> None:
    a, _ = desks
    _with_ana(a)
    a.sync("--journal", JOURNAL)
    with a.open() as opened:
        ana = Contact.get(Contact.display_name == "Ana Lima").id
        log_interaction(opened.contacts.changes, ana, occurred_at=MET, channel="call")
    report = a.sync("--dry-run")["interactions"]
    assert (report["sent_new"], report["listed"]) == (1, [["sent_new", "Call — Ana Lima"]])
    assert a.sync()["interactions"]["sent_new"] == 1  # the dry run sent nothing


def test_a_dry_run_in_words_lists_the_follow_ups_events_and_interactions(desks) -> None:
    a, _ = desks
    _with_ana(a)
    a.sync("--journal", JOURNAL, "--task-list", "Follow-ups", "--calendar", "Events")
    with a.open() as opened:
        ana = Contact.get(Contact.display_name == "Ana Lima").id
        log_interaction(opened.contacts.changes, ana, occurred_at=MET, channel="call")
        opened.followups.create(ana, MET, reason="thank", note="for the intro", has_time=True)
        opened.events.create(EventDraft(name="PyCon", starts_at=MET, ends_at=MET))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(a.folder), "sync", "--dry-run"], a.clock) == 0
    lines = out.getvalue().splitlines()
    assert "  interaction to send as new: Call — Ana Lima" in lines
    assert "  event to send as new: PyCon" in lines
    assert "  follow-up to send as new: Thank: Ana Lima" in lines
