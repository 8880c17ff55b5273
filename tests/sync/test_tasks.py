"""Follow-ups as tasks in a CalDAV task list, through one real server (Radicale and Xandikos):
they reach a second NetDesk, a task ticked done by a phone marks its follow-up done, edits on
both sides merge, a sync cut off loses nothing, a calendar that takes no tasks says so."""

from __future__ import annotations

from datetime import date, datetime

from netdesk.core.caldav_client import CalDavClient
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import FollowUp, Interaction, SyncTask
from tests.sync.desks import Desk, plain_request

LIST = "Follow-ups"
DUE = datetime(2026, 12, 5, 14, 30)


def _with_follow_up(desk: Desk, name: str = "Ada Lovelace", note: str = "for the intro") -> None:
    given, family = name.split()
    with desk.open() as opened:
        contact_id = opened.contacts.create(ContactDraft(given_name=given, family_name=family))
        opened.followups.create(contact_id, DUE, reason="thank", note=note, has_time=True)


def _follow_up(desk: Desk) -> FollowUp:
    """The one follow-up the user made (check-ins aside), read while `desk` is open."""
    (found,) = FollowUp.select().where(FollowUp.origin == "manual")
    return found


def _task_href(desk: Desk) -> str:
    with desk.open():
        (row,) = SyncTask.select().where(SyncTask.foreign == False)  # noqa: E712
        return str(row.href)


def test_a_follow_up_reaches_the_other_netdesk_and_done_there_comes_back(desks) -> None:
    a, b = desks
    _with_follow_up(a)
    report = a.sync("--task-list", LIST)
    assert report["tasks"]["sent_new"] == 1
    report = b.sync("--task-list", LIST)
    assert report["received_new"] == 1 and report["tasks"]["received_new"] == 1
    with b.open() as opened:
        got = _follow_up(b)
        assert (got.due_at, got.has_time, got.reason, got.note, got.status) == (
            DUE,
            True,
            "thank",
            "for the intro",
            "open",
        )
        _, ada = opened.by_name("Ada Lovelace")
        assert got.contact_id == opened.by_name("Ada Lovelace")[0] and ada.uid
        opened.followups.done([got.id])
    assert b.sync()["tasks"]["sent_changed"] == 1
    report = a.sync()
    assert report["tasks"]["received_done"] == 1
    with a.open():
        assert _follow_up(a).status == "done"
    assert a.sync()["tasks"] == b.sync()["tasks"] == _nothing()


def test_a_task_ticked_on_a_phone_marks_the_follow_up_done_and_keeps_the_phones_lines(
    desks,
) -> None:
    a, _ = desks
    _with_follow_up(a)
    a.sync("--task-list", LIST)
    href = _task_href(a)
    status, text = plain_request(a.server, "GET", href)
    assert status == 200 and "SUMMARY:Thank: Ada Lovelace" in text
    assert "DUE:20261205T143000\r\n" in text.replace("\r\n", "\n").replace("\n", "\r\n")
    ticked = text.replace(
        "STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20261206T091500Z"
    ).replace("END:VTODO", "PRIORITY:1\r\nX-PHONE-LIST-COLOUR:teal\r\nEND:VTODO")
    status, _ = plain_request(a.server, "PUT", href, ticked, "text/calendar")
    assert status in (201, 204)
    report = a.sync()["tasks"]
    assert report["received_done"] == 1
    with a.open() as opened:
        done = _follow_up(a)
        assert done.status == "done" and done.done_at is not None
        assert Interaction.select().where(Interaction.contact == done.contact_id).count() == 1
        opened.followups.update(done.id, DUE, has_time=True, reason="thank", note="sent flowers")
    assert a.sync()["tasks"]["sent_changed"] == 1
    _, text = plain_request(a.server, "GET", href)
    lines = text.replace("\r\n", "\n").splitlines()
    assert "PRIORITY:1" in lines and "X-PHONE-LIST-COLOUR:teal" in lines
    assert "DESCRIPTION:sent flowers" in lines and "STATUS:COMPLETED" in lines


def test_edits_on_both_sides_merge_field_by_field(desks) -> None:
    a, b = desks
    _with_follow_up(a)
    a.sync("--task-list", LIST)
    b.sync("--task-list", LIST)
    with a.open() as opened:
        mine = _follow_up(a)
        opened.followups.update(mine.id, DUE, has_time=True, reason="thank", note="and the book")
    with b.open() as opened:
        theirs = _follow_up(b)
        opened.followups.reschedule([theirs.id], date(2026, 12, 9))
    a.sync()
    report = b.sync()["tasks"]
    assert report["received_changed"] == 1 and report["sent_changed"] == 1
    a.sync()
    for desk in (a, b):
        with desk.open():
            merged = _follow_up(desk)
            assert (merged.note, merged.due_at, merged.status) == (
                "and the book",
                datetime(2026, 12, 9, 14, 30),
                "snoozed",
            )


def test_a_sync_cut_off_loses_nothing_and_resumes(desks) -> None:
    a, b = desks
    a.sync("--task-list", LIST)
    for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
        _with_follow_up(a, name)
    a.server.stop()
    status, _, err = a.command()
    assert status == 1 and "is not reachable" in err
    with a.open():
        assert FollowUp.select().where(FollowUp.origin == "manual").count() == 3
        assert SyncTask.select().count() == 0
    a.server.start()
    assert a.sync()["tasks"]["sent_new"] == 3
    assert b.sync("--task-list", LIST)["tasks"]["received_new"] == 3


def test_a_calendar_that_takes_no_tasks_says_so(desks) -> None:
    a, _ = desks
    a.sync()
    client = CalDavClient(a.server.url, a.server.user, a.server.password, ca_file=a.server.ca_file)
    try:
        home = client.calendar_home()
    finally:
        client.close()
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
        "<d:displayname>Meetings</d:displayname><c:supported-calendar-component-set>"
        '<c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set>'
        "</c:mkcalendar>"
    )
    status, _ = plain_request(a.server, "MKCALENDAR", home + "meetings/", body, "application/xml")
    assert status == 201
    status, _, err = a.command("--task-list", "Meetings")
    assert status == 1
    assert "the calendar 'Meetings' takes events only, not tasks (VTODO)" in err


def _nothing() -> dict[str, object]:
    return {
        "received_new": 0,
        "received_changed": 0,
        "received_done": 0,
        "received_removed": 0,
        "sent_new": 0,
        "sent_changed": 0,
        "sent_removed": 0,
        "conflicts": 0,
        "left_alone": 0,
        "unreadable": 0,
        "notes": [],
        "listed": [],
    }


def test_deleted_on_one_side_and_a_phones_own_task(desks) -> None:
    a, b = desks
    _with_follow_up(a)
    _with_follow_up(a, "Grace Hopper", "the compiler talk")
    a.sync("--task-list", LIST)
    b.sync("--task-list", LIST)
    with a.open() as opened:
        (grace,) = FollowUp.select().where(FollowUp.note == "the compiler talk")
        opened.followups.remove(grace.id)
    assert a.sync()["tasks"]["sent_removed"] == 1
    assert b.sync()["tasks"]["received_removed"] == 1
    with b.open():
        (dismissed,) = FollowUp.select().where(FollowUp.note == "the compiler talk")
        assert dismissed.status == "dismissed"  # kept here, only no longer pending
    list_path = _task_href(a).rsplit("/", 1)[0]
    phone = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VTODO\r\n"
        "UID:phone-1\r\nDTSTAMP:20261202T100000Z\r\nSUMMARY:Buy milk\r\nEND:VTODO\r\n"
        "END:VCALENDAR\r\n"
    )
    status, _ = plain_request(a.server, "PUT", f"{list_path}/phone-1.ics", phone, "text/calendar")
    assert status in (201, 204)
    assert a.sync()["tasks"]["left_alone"] == 1
    assert a.sync()["tasks"] == _nothing()  # not read again, not deleted
    assert plain_request(a.server, "GET", f"{list_path}/phone-1.ics")[0] == 200


def test_a_dry_run_lists_the_follow_ups_it_would_send_and_sends_none(desks) -> None:
    a, _ = desks
    a.sync("--task-list", LIST)
    _with_follow_up(a)
    assert a.sync("--dry-run")["tasks"]["sent_new"] == 1
    with a.open():
        assert SyncTask.select().count() == 0
    assert a.sync()["tasks"]["sent_new"] == 1
