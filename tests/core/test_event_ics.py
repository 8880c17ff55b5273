"""Importing .ics files (upsert by UID, prep kept, all or nothing, one batch of Import history,
undo) and the export round trip."""

from __future__ import annotations

from datetime import datetime, timedelta

from netdesk.core.event_ics import export_ics
from netdesk.core.event_import import IcsImportSummary
from netdesk.core.event_times import from_utc
from netdesk.store.models import Event
from tests.formats.test_ics_events import SCHEDULE


def _import(services, data: bytes, name: str) -> list[IcsImportSummary]:
    return services.event_import.import_data([(name, data)])


def test_import_creates_then_updates_by_uid(services, clock, tmp_path) -> None:
    clock.set_wall(datetime(2026, 3, 11, 12, 0))
    events = services.events
    published: list[str] = []
    services.changes.subscribe(lambda topic, ids: published.append(topic))
    path = tmp_path / "schedule.ics"
    path.write_bytes(SCHEDULE)
    (first,) = services.event_import.import_files([path])
    assert (len(first.created), first.updated) == (4, [])
    assert first.errors == [f"{path}, event 5: it has no start (DTSTART)"]
    assert first.text() == "4 events added, 0 updated from schedule.ics"
    assert published.count("events") == 1
    keynote = Event.get(Event.uid == "talk-42@pretalx.com")
    assert (keynote.name, keynote.place, keynote.kind) == (
        "Keynote: Data engineering, done right",
        "Room A, darmstadtium",
        "conference",
    )
    kinds = {e.name: e.kind for e in Event.select()}
    assert (kinds["Online meetup"], kinds["Conference days"], kinds["Local drinks"]) == (
        "meetup",
        "conference",
        "social",
    )
    assert keynote.starts_at == datetime(2026, 4, 14, 7, 30)
    online = Event.get(Event.uid == "online-1@meetup.com")
    assert (online.online_link, online.place, online.timezone) == (
        "https://zoom.example/j/1",
        "",
        "UTC",
    )

    draft = events.load(keynote.id)
    draft.goals, draft.kind = "Ask about pipelines", "conference"
    events.update(keynote.id, draft)
    (again,) = _import(services, SCHEDULE.replace(b"Room A", b"Room B"), "schedule.ics")
    assert (again.created, len(again.updated)) == ([], 4)
    assert Event.select().count() == 4
    kept = events.load(keynote.id)
    assert (kept.place, kept.goals, kept.kind) == (
        "Room B, darmstadtium",
        "Ask about pipelines",
        "conference",
    )


def test_export_round_trip_does_not_double(services) -> None:
    _import(services, SCHEDULE, "schedule.ics")
    exported = export_ics()
    assert exported.count(b"BEGIN:VEVENT") == 4
    assert b"UID:talk-42@pretalx.com" in exported
    (summary,) = _import(services, exported, "export.ics")
    assert (summary.created, len(summary.updated), summary.errors) == ([], 4, [])
    assert Event.select().count() == 4


def test_unreadable_file_imports_nothing(services) -> None:
    (summary,) = _import(services, b"garbage", "x.ics")
    assert summary.created == [] and summary.errors
    assert Event.select().count() == 0


def test_follow_up_calendar_file_carries_event_uids(services, clock) -> None:
    from netdesk.core.calendar_export import calendar_ics
    from netdesk.core.events import EventDraft

    clock.set_wall(datetime(2026, 3, 11, 12, 0))
    start = datetime(2026, 3, 14, 18, 0)
    event_id = services.events.create(
        EventDraft(
            name="Data days",
            starts_at=start,
            ends_at=start + timedelta(days=2),
            place="Factory",
            kind="conference",
        )
    )
    data = calendar_ics(services.followups)
    uid = Event.get_by_id(event_id).uid
    assert data.count(f"UID:{uid}".encode()) == 1 and b"LOCATION:Factory" in data
    (summary,) = _import(services, data, "followups.ics")
    assert (summary.created, summary.updated) == ([], [event_id])
    assert (services.events.load(event_id).starts_at, services.events.load(event_id).notes) == (
        start,
        "",
    )


def test_guess_kind_of_imported_events() -> None:
    from netdesk.core.event_ics import guess_kind
    from netdesk.formats.ics_events import IcsEvent

    start = datetime(2026, 5, 1, 18, 0)
    assert guess_kind(IcsEvent("a", "PyData Berlin", start, url="https://meetup.com/x")) == "meetup"
    assert guess_kind(
        IcsEvent("b", "Cloud office hours", start, location="https://zoom.us/j/1")
    ) == ("webinar")
    assert guess_kind(IcsEvent("c", "Tech Job Fair", start)) == "career fair"
    assert guess_kind(IcsEvent("d", "Team lunch", start)) == "other"


def test_a_recurring_meetup_imports_its_coming_dates_once(services, clock, tmp_path) -> None:
    from tests.formats.test_ics_events import SERIES

    clock.set_wall(datetime(2026, 11, 29, 12, 0))
    path = tmp_path / "meetup.ics"
    path.write_bytes(SERIES)
    (first,) = services.event_import.import_files([path])
    (again,) = services.event_import.import_files([path])
    assert len(first.created) == 12 + 1 + 1 + 1 and first.errors == []
    assert again.created == [] and sorted(again.updated) == sorted(first.created)
    meetups = Event.select().where(Event.name.startswith("PyData Berlin"))
    assert meetups.count() == 12


def test_a_series_is_expanded_from_the_app_clocks_day(services, clock) -> None:
    """The coming year of a yearly series is the app clock's: imported on 29 November 2026 the
    founders' day is 1 March 2027; a year on, 1 March 2028 (whatever the machine's date)."""
    from tests.formats.test_ics_events import SERIES

    def founders_days() -> list[datetime]:
        rows = Event.select().where(Event.name == "Founders day").order_by(Event.starts_at)
        return [from_utc(row.starts_at, row.timezone) for row in rows]  # stored as UTC

    clock.set_wall(datetime(2026, 11, 29, 23, 59))
    _import(services, SERIES, "series.ics")
    assert founders_days() == [datetime(2027, 3, 1)]
    clock.advance(366 * 24 * 3600)
    _import(services, SERIES, "series.ics")
    assert founders_days() == [datetime(2027, 3, 1), datetime(2028, 3, 1)]


def test_an_ics_import_is_a_batch_of_import_history_and_undo_reverts_it(services, clock) -> None:
    clock.set_wall(datetime(2026, 3, 11, 12, 0))
    (first,) = _import(services, SCHEDULE, "schedule.ics")
    keynote = Event.get(Event.uid == "talk-42@pretalx.com")
    draft = services.events.load(keynote.id)
    draft.goals = "Ask about pipelines"
    services.events.update(keynote.id, draft)
    moved = SCHEDULE.replace(b"Room A", b"Room B").replace(b"20260414T0930", b"20260414T1100")
    clock.advance(60)
    (second,) = _import(services, moved, "schedule-v2.ics")
    newest, oldest = services.importing.history()
    assert (oldest.id, newest.id) == (first.batch_id, second.batch_id)
    assert [from_utc(row.created_at) for row in (oldest, newest)] == [  # the app's clock
        datetime(2026, 3, 11, 12, 0),
        datetime(2026, 3, 11, 12, 1),
    ]
    assert (oldest.files, oldest.events_created, oldest.events_updated) == (["schedule.ics"], 4, 0)
    assert (newest.events_created, newest.events_updated, newest.created) == (0, 4, 0)
    no_start = "schedule.ics, event 5: it has no start (DTSTART)"
    assert (oldest.failed, oldest.errors) == (1, [no_start])
    published: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: published.append((topic, ids)))

    services.importing.undo(second.batch_id)
    back = services.events.load(keynote.id)
    assert (back.place, back.starts_at, back.goals) == (
        "Room A, darmstadtium",
        datetime(2026, 4, 14, 9, 30),
        "Ask about pipelines",  # prep work is not the calendar's: it stays
    )
    assert ("events", frozenset(second.updated)) in published
    services.importing.undo(first.batch_id)
    assert Event.select().count() == 0
    assert [row.undone_at is not None for row in services.importing.history()] == [True, True]


def test_undoing_an_import_leaves_events_deleted_since_alone(services) -> None:
    (summary,) = _import(services, SCHEDULE, "schedule.ics")
    services.events.delete(summary.created[0])
    services.importing.undo(summary.batch_id)
    assert Event.select().count() == 0
