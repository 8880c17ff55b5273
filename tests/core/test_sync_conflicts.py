"""Open conflicts of follow-ups, events and interactions, shown and settled
(core/sync_conflicts.py), and the group merge that finds them (core/sync_calendar.py)."""

from __future__ import annotations

from datetime import datetime

from netdesk.core import sync_desk
from netdesk.core.event_draft import EventDraft
from netdesk.core.interactions import Give, log_interaction
from netdesk.core.sync_calendar import GroupConflict, json_values, merge, values_json
from netdesk.core.sync_conflicts import open_conflicts, settle, shown, unsettle
from netdesk.core.sync_events import GROUPS as EVENT_GROUPS
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vtodo import TaskFields
from netdesk.store.models import Event, FollowUp, Interaction
from tests.sync.conflicts import add_conflicts, add_item_conflict

DUE = datetime(2026, 12, 5, 14, 30)


def test_merge_gives_each_group_changed_on_both_sides_with_its_values() -> None:
    base = TaskFields("u", "thank", "was", DUE, True, "open")
    local = TaskFields("u", "thank", "mine", DUE, True, "open")
    remote = TaskFields("u", "introduce", "theirs", DUE, True, "open")
    taken, conflicts = merge((("note",), ("reason",)), base, local, remote)
    assert taken == {"reason": "introduce"}
    assert conflicts == [GroupConflict(("note",), ("was",), ("mine",), ("theirs",))]


def test_values_go_to_json_and_back_times_included() -> None:
    values = (DUE, None, "Europe/Berlin", True)
    assert json_values(values_json(values)) == values


def test_a_group_is_shown_as_plain_text() -> None:
    assert shown(("due", "has_time"), (DUE, True)) == "2026-12-05 14:30"
    assert shown(("due", "has_time"), (DUE, False)) == "2026-12-05"
    times = (DUE, datetime(2026, 12, 5, 16, 0), "Europe/Berlin")
    assert shown(EVENT_GROUPS[0], times) == "2026-12-05 14:30 – 2026-12-05 16:00 Europe/Berlin"
    assert shown(EVENT_GROUPS[0], (DUE, None, "")) == "2026-12-05 14:30"
    assert shown(("note",), ("<b>two\nlines</b>",)) == "<b>two\nlines</b>"


def test_every_kind_is_listed_with_what_it_is(services) -> None:
    ada = services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    followup = services.followups.create(ada, DUE, reason="thank", note="mine", has_time=True)
    event = services.events.create(EventDraft(name="PyCon", starts_at=DUE, place="Hall A"))
    met = log_interaction(
        services.changes, ada, occurred_at=DUE, channel="coffee", summary="mine", give=Give()
    )
    add_conflicts(ada, ("title", "Chef", "Cook"))
    add_item_conflict("followup", followup, "note", "mine", "theirs")
    add_item_conflict("event", event, "place", "Hall A", "Hall B")
    add_item_conflict("interaction", met, "note", "mine", "theirs")
    found = sorted((c.kind, c.name, c.field, c.local, c.remote) for c in open_conflicts())
    assert found == [
        ("contact", "Ada Lovelace", "title", "Chef", "Cook"),
        ("event", "Event: PyCon: 2026-12-05", "place", "Hall A", "Hall B"),
        ("follow-up", "Follow-up: Thank Ada Lovelace: due 2026-12-05", "note", "mine", "theirs"),
        (
            "interaction",
            "Interaction: coffee with Ada Lovelace: 2026-12-05",
            "note",
            "mine",
            "theirs",
        ),
    ]
    state = sync_desk.state()
    assert state is not None and state.conflicts == 4


def test_taking_the_servers_values_changes_the_item_and_undo_reopens(services) -> None:
    ada = services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    followup = services.followups.create(ada, DUE, reason="thank", note="mine", has_time=True)
    event = services.events.create(EventDraft(name="PyCon", starts_at=DUE, place="Hall A"))
    add_item_conflict("followup", followup, "note", "mine", "theirs")
    add_item_conflict("event", event, "place", "Hall A", "Hall B")
    by_kind = {c.kind: c for c in open_conflicts()}
    settled = settle(services, by_kind["follow-up"], take_server=True)
    assert FollowUp.get_by_id(followup).note == "theirs"
    assert [c.kind for c in open_conflicts()] == ["event"]
    unsettle(services, settled)
    assert FollowUp.get_by_id(followup).note == "mine" and len(open_conflicts()) == 2
    settle(services, by_kind["event"], take_server=False)
    assert Event.get_by_id(event).place == "Hall A"
    assert [c.kind for c in open_conflicts()] == ["follow-up"]


def test_a_deleted_item_takes_its_conflict_with_it(services) -> None:
    ada = services.contacts.create(ContactDraft(given_name="Ada"))
    met = log_interaction(
        services.changes, ada, occurred_at=DUE, channel="coffee", summary="mine", give=Give()
    )
    add_item_conflict("interaction", met, "note", "mine", "theirs")
    Interaction.delete_by_id(met)
    assert open_conflicts() == []


def test_an_interactions_people_are_shown_by_name(services) -> None:
    ada = services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    ben = services.contacts.create(ContactDraft(given_name="Ben", family_name="Okafor"))
    met = log_interaction(
        services.changes, ada, occurred_at=DUE, channel="coffee", summary="", give=Give()
    )
    uid = services.contacts.load(ben).uid
    add_item_conflict("interaction", met, "contact", services.contacts.load(ada).uid, uid)
    (conflict,) = open_conflicts()
    assert (conflict.field, conflict.local, conflict.remote) == (
        "contact",
        "Ada Lovelace",
        "Ben Okafor",
    )
