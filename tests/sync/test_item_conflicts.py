"""The same field of a follow-up, an event or an interaction changed on two NetDesks, through one
real server (Radicale and Xandikos): NetDesk's value is kept, the server's is kept as an open
conflict listed by `netdesk sync --conflicts` with what the item is, and taking the server's
value applies it here and sends it with the next sync."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from netdesk.core.changes import Changes
from netdesk.core.interactions import Give, log_interaction
from netdesk.core.services import Services
from netdesk.core.sync_conflicts import OpenConflict, open_conflicts, settle, unsettle
from netdesk.formats.draft import ContactDraft
from netdesk.paths import Paths
from netdesk.store.models import Event, Interaction
from tests.sync.desks import Desk
from tests.sync.test_events import PYCON, _edit
from tests.sync.test_tasks import _follow_up, _with_follow_up


def _services(desk: Desk) -> Services:
    """The services of an opened desk (to settle a conflict as the dialog does)."""
    return Services(Paths(desk.folder, desk.folder), Changes(), desk.clock)


def _open(desk: Desk) -> list[OpenConflict]:
    with desk.open():
        return open_conflicts()


def _listed(desk: Desk) -> list[dict[str, object]]:
    status, out, _ = desk.command("--conflicts")
    assert status == 0
    rows: list[dict[str, object]] = json.loads(out)
    return [
        {key: row[key] for key in ("kind", "item", "field", "netdesk", "server")} for row in rows
    ]


def test_a_follow_ups_due_day_changed_on_both_sides_waits_for_the_user(desks) -> None:
    a, b = desks
    _with_follow_up(a)
    a.sync("--task-list", "Follow-ups")
    b.sync("--task-list", "Follow-ups")
    for desk, day in ((a, date(2026, 12, 9)), (b, date(2026, 12, 12))):
        with desk.open() as opened:
            opened.followups.reschedule([_follow_up(desk).id], day)
    a.sync()
    assert b.sync()["tasks"]["conflicts"] == 1
    assert _listed(b) == [
        {
            "kind": "follow-up",
            "item": "Follow-up: Thank Ada Lovelace: due 2026-12-12",
            "field": "due",
            "netdesk": "2026-12-12 14:30",
            "server": "2026-12-09 14:30",
        }
    ]
    with b.open():
        assert _follow_up(b).due_at == datetime(2026, 12, 12, 14, 30)  # NetDesk's kept
        services = _services(b)
        (conflict,) = open_conflicts()
        settled = settle(services, conflict, take_server=True)
        assert _follow_up(b).due_at == datetime(2026, 12, 9, 14, 30)
        unsettle(services, settled)  # Edit → Undo
        assert _follow_up(b).due_at == datetime(2026, 12, 12, 14, 30) and open_conflicts()
        settle(services, conflict, take_server=True)
    assert _open(b) == []
    assert b.sync()["tasks"]["sent_changed"] == 1
    a.sync()
    for desk in (a, b):
        with desk.open():
            assert _follow_up(desk).due_at == datetime(2026, 12, 9, 14, 30)


def test_an_events_place_changed_on_both_sides_waits_and_keeping_netdesks_sends_it(desks) -> None:
    a, b = desks
    with a.open() as opened:
        opened.events.create(replace(PYCON))
    a.sync("--calendar", "Events")
    b.sync("--calendar", "Events")
    _edit(a, place="Hall B")
    _edit(b, place="Hall C", notes="Bring cards")
    a.sync()
    report = b.sync()["events"]
    assert report["conflicts"] == 1 and report["sent_changed"] == 1
    assert _listed(b) == [
        {
            "kind": "event",
            "item": "Event: PyCon: 2026-03-10",
            "field": "place",
            "netdesk": "Hall C",
            "server": "Hall B",
        }
    ]
    with b.open():
        (conflict,) = open_conflicts()
        settle(_services(b), conflict, take_server=False)
        assert Event.get().place == "Hall C"
    assert _open(b) == []
    a.sync()
    with a.open():
        assert (Event.get().place, Event.get().notes) == ("Hall C", "Bring cards")


def test_an_interactions_note_changed_on_both_sides_waits_for_the_user(desks) -> None:
    a, b = desks
    with a.open() as opened:
        ana = opened.contacts.create(ContactDraft(display_name="Ana Lima"))
        log_interaction(
            opened.contacts.changes,
            ana,
            occurred_at=datetime(2026, 3, 10, 9, 30),
            channel="coffee",
            summary="Talked",
            give=Give(),
        )
    a.sync("--journal", "Journal")
    b.sync("--journal", "Journal")
    for desk, note in ((a, "Payments team"), (b, "Platform team")):
        with desk.open():
            Interaction.update(summary=note).execute()
    a.sync()
    assert b.sync()["interactions"]["conflicts"] == 1
    assert _listed(b) == [
        {
            "kind": "interaction",
            "item": "Interaction: coffee with Ana Lima: 2026-03-10",
            "field": "note",
            "netdesk": "Platform team",
            "server": "Payments team",
        }
    ]
    with b.open():
        (conflict,) = open_conflicts()
        settle(_services(b), conflict, take_server=True)
        assert Interaction.get().summary == "Payments team"
    b.sync()
    a.sync()
    with a.open():
        assert Interaction.get().summary == "Payments team"
