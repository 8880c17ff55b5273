"""Two NetDesk data folders syncing contacts through one real server (Radicale and Xandikos):
what one does reaches the other, edits merge field by field, the same field changed on both
sides is a conflict with both values kept."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import date

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import SyncConflict
from tests.sync.desks import Desk

PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
)


def _maria() -> ContactDraft:
    return ContactDraft(
        given_name="Maria",
        family_name="Chen",
        organisation="Globex",
        title="CTO",
        birthday=date(1980, 5, 17),
        notes="Met at PyCon\nLikes climbing",
        how_met="PyCon talk",
        circle="mentor",
        cadence_days=45,
        photo=PHOTO,
        tags=["python", "berlin"],
        methods=[
            MethodDraft("email", "maria@globex.example", "work", preferred=True),
            MethodDraft("phone", "+49 30 1234567", "mobile"),
        ],
    )


def _both_synced(a: Desk, b: Desk) -> None:
    with a.open() as opened:
        opened.contacts.create(_maria())
    a.sync()
    b.sync()


def test_a_contact_made_on_a_reaches_b_with_what_only_netdesk_knows(desks) -> None:
    a, b = desks
    with a.open() as opened:
        opened.contacts.create(_maria())
    assert a.sync()["sent_new"] == 1
    report = b.sync()
    assert report["received_new"] == 1
    with a.open() as opened:
        _, sent = opened.by_name("Maria Chen")
    with b.open() as opened:
        _, got = opened.by_name("Maria Chen")
    assert replace(got, source=sent.source) == sent  # circle, cadence, how met, tags, UID too
    assert a.sync()["received_changed"] == 0 and b.sync()["sent_changed"] == 0


def test_an_edit_and_a_deletion_on_a_reach_b_once_the_trash_is_emptied(desks) -> None:
    a, b = desks
    _both_synced(a, b)
    with a.open() as opened:
        contact_id, maria = opened.by_name("Maria Chen")
        maria.title = "CEO"
        maria.methods.append(MethodDraft("email", "maria@home.example", "home"))
        opened.contacts.update(contact_id, maria)
    assert a.sync()["sent_changed"] == 1
    assert b.sync()["received_changed"] == 1
    with b.open() as opened:
        _, got = opened.by_name("Maria Chen")
    assert got.title == "CEO"
    assert "maria@home.example" in [m.value for m in got.methods]

    with a.open() as opened:
        opened.bulk.trash([contact_id])
    assert a.sync()["sent_removed"] == 0  # in the Trash: still on the server
    with a.open() as opened:
        opened.bulk.purge([contact_id])
    assert a.sync()["sent_removed"] == 1
    assert b.sync()["received_removed"] == 1
    with b.open() as opened:
        assert opened.names() == [] and opened.names(trashed=True) == ["Maria Chen"]


def test_edits_of_different_fields_on_both_sides_merge(desks) -> None:
    a, b = desks
    _both_synced(a, b)
    with a.open() as opened:
        opened.edit("Maria Chen", title="CEO", tags=["python", "ai"])
    with b.open() as opened:
        opened.edit("Maria Chen", notes="Moved to Lisbon", circle="peer")
    a.sync()
    report = b.sync()
    assert report["conflicts"] == 0 and report["sent_changed"] == 1
    a.sync()
    for desk in (a, b):
        with desk.open() as opened:
            _, maria = opened.by_name("Maria Chen")
        assert (maria.title, maria.notes, maria.circle) == ("CEO", "Moved to Lisbon", "peer")
        assert sorted(maria.tags) == ["ai", "python"]


def test_the_same_field_changed_on_both_sides_is_a_conflict_that_keeps_both(desks) -> None:
    a, b = desks
    _both_synced(a, b)
    with a.open() as opened:
        opened.edit("Maria Chen", title="CEO")
    with b.open() as opened:
        opened.edit("Maria Chen", title="Chair", nickname="Mia")
    a.sync()
    assert b.sync()["conflicts"] == 1
    with b.open() as opened:
        _, maria = opened.by_name("Maria Chen")
        (conflict,) = SyncConflict.select()
        values = (conflict.base, conflict.local, conflict.remote)
        recorded = (conflict.field, *map(json.loads, values))
    assert maria.title == "Chair" and maria.nickname == "Mia"
    assert recorded == ("title", "CTO", "Chair", "CEO")
    status, out, _ = b.command("--conflicts")
    assert status == 0
    assert json.loads(out) == [
        {
            "contact_id": 1,
            "contact": "Maria Chen",
            "field": "title",
            "netdesk": "Chair",
            "server": "CEO",
            "found_at": json.loads(out)[0]["found_at"],
        }
    ]
    a.sync()
    with a.open() as opened:
        _, maria = opened.by_name("Maria Chen")
    assert maria.nickname == "Mia"


def test_a_dry_run_lists_what_would_change_and_changes_nothing(desks) -> None:
    a, b = desks
    _both_synced(a, b)
    with a.open() as opened:
        opened.edit("Maria Chen", title="CEO")
        opened.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    report = a.sync("--dry-run")
    assert (report["dry_run"], report["sent_new"], report["sent_changed"]) == (True, 1, 1)
    assert sorted(report["listed"]) == [["sent_changed", "Maria Chen"], ["sent_new", "Ann Lee"]]
    assert b.sync()["received_changed"] == b.sync()["received_new"] == 0
    report = a.sync()
    assert (report["sent_new"], report["sent_changed"]) == (1, 1)
    assert b.sync()["received_new"] == 1


def test_a_dry_run_sets_no_account_up(desks) -> None:
    a, _ = desks
    with a.open() as opened:
        opened.contacts.create(_maria())
    status, out, _ = a.command("--dry-run")
    assert status == 0 and json.loads(out)["sent_new"] == 1
    a.set_up = True
    status, _, err = a.command()
    assert status == 1 and "no sync account yet" in err


def test_a_dry_run_in_words_lists_each_change() -> None:
    from netdesk.cli.sync import summary
    from netdesk.core.sync_contacts import SyncReport

    report = SyncReport(sent_changed=1, dry_run=True, listed=[("sent_changed", "Maria Chen")])
    text = summary(report, "/ana/contacts/")
    assert text.startswith("Would sync with /ana/contacts/:")
    assert text.endswith("\n  to send as changed: Maria Chen")


def test_a_dry_run_in_words_says_what_a_removal_does_to_each_kind() -> None:
    from netdesk.cli.sync import summary
    from netdesk.core.sync_contacts import SyncReport
    from netdesk.core.sync_events import EventReport
    from netdesk.core.sync_tasks import TaskReport

    gone = [("received_removed", "Call Ana")]
    report = SyncReport(
        dry_run=True,
        listed=[("received_removed", "Maria Chen")],
        tasks=TaskReport(received_removed=1, listed=gone),
        events=EventReport(received_removed=1, listed=gone),
    )
    lines = summary(report, "/ana/contacts/").splitlines()
    assert "  deleted on the server, to the Trash: Maria Chen" in lines
    assert "  follow-up deleted on the server, dismissed here: Call Ana" in lines
    assert "  event deleted on the server, deleted here: Call Ana" in lines
