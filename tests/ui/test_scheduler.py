"""The reminder scheduler against a fake clock: timing, grouping, sleep, jumps, limits, restarts."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QSettings

from netdesk.formats.draft import ContactDraft
from netdesk.store.models import FollowUp, db
from netdesk.ui import scheduler as scheduler_module
from netdesk.ui.reminder_settings import ReminderSettings
from netdesk.ui.scheduler import MAX_TIMER_MS, ReminderScheduler
from tests.core.test_worker_thread import _lowered, _nice, linux_only
from tests.fake_time import NOW


@pytest.fixture
def contact(services) -> int:
    return services.contacts.create(ContactDraft(given_name="Maria", family_name="Chen"))


def _scheduler(qtbot, services, settings: ReminderSettings | None = None, *, start: bool = True):
    scheduler = ReminderScheduler(
        services.followups, services.changes, settings or ReminderSettings()
    )
    seen: list[list[int]] = []
    scheduler.due.connect(lambda rows: seen.append([row.id for row in rows]))
    if start:
        scheduler.start()
        _settle(qtbot, scheduler)
    return scheduler, seen


def _settle(qtbot, scheduler: ReminderScheduler) -> None:
    """Wait for the check under way on the worker (its signals come when it ends)."""
    qtbot.waitUntil(lambda: not scheduler.busy)


def test_timer_aims_at_the_next_timed_follow_up(qtbot, services, clock, contact) -> None:
    fid = services.followups.create(contact, NOW + timedelta(hours=2), has_time=True)
    scheduler, seen = _scheduler(qtbot, services)
    assert seen == []
    assert scheduler.timer.isActive() and scheduler.timer.isSingleShot()
    assert scheduler.timer.interval() == 2 * 3600 * 1000
    clock.advance(2 * 3600)
    scheduler.timer.timeout.emit()
    _settle(qtbot, scheduler)
    assert seen == [[fid]]
    assert services.followups.get(fid).notified_at == NOW + timedelta(hours=2)
    assert not scheduler.timer.isActive()


def test_day_only_follow_ups_come_at_the_digest_time(qtbot, services, clock, contact) -> None:
    clock.jump(-6.5 * 3600)  # 08:00
    fid = services.followups.create(contact, NOW.date())
    scheduler, seen = _scheduler(qtbot, services, ReminderSettings(digest=time(9, 0)))
    assert seen == []
    assert scheduler.next_moment == datetime(2026, 3, 11, 9, 0)
    assert scheduler.timer.interval() == 3600 * 1000
    clock.advance(3600)
    scheduler.check()
    _settle(qtbot, scheduler)
    assert seen == [[fid]]


def test_a_day_only_follow_up_stored_at_a_time_of_its_day_comes_once(
    qtbot, services, clock, contact
) -> None:
    """One stored at 16:00 (as data from elsewhere may have it) comes with its day's digest;
    before, the timer was armed again at once for it, over and over, never announcing it."""
    fid = services.followups.create(contact, NOW.date())
    FollowUp.update(due_at=datetime(2026, 3, 11, 16, 0)).where(FollowUp.id == fid).execute()
    scheduler, seen = _scheduler(qtbot, services, ReminderSettings(digest=time(9, 0)))
    assert seen == [[fid]]
    assert scheduler.next_moment is None and not scheduler.timer.isActive()


def test_a_check_reads_and_marks_off_the_gui_thread(qtbot, services, clock, contact) -> None:
    """Thousands may be due at start-up: their reading (joined with their contacts), their
    marking and the reading of the next due moment that re-arms the timer (two MIN queries over
    every pending follow-up) run on the worker: the GUI thread's connection runs nothing."""
    fid = services.followups.create(contact, NOW - timedelta(hours=1), has_time=True)
    scheduler, seen = _scheduler(qtbot, services, start=False)
    on_gui: list[str] = []
    db.connection().set_trace_callback(on_gui.append)
    try:
        scheduler.check()
        assert on_gui == []
        _settle(qtbot, scheduler)
    finally:
        db.connection().set_trace_callback(None)
    assert seen == [[fid]]
    assert on_gui == []
    assert services.followups.get(fid).notified_at == NOW
    assert scheduler.next_moment is None


@linux_only
def test_a_check_runs_at_a_lower_priority_than_the_gui_thread(
    qtbot, services, clock, contact, monkeypatch
) -> None:
    """Nobody waits for a reminder's read while it runs: at start-up its tens of milliseconds
    of CPU left the views being made a core (`BackgroundPool`)."""
    services.followups.create(contact, NOW - timedelta(hours=1), has_time=True)
    scheduler, _ = _scheduler(qtbot, services, start=False)
    nices: list[int] = []
    take_due = scheduler_module._take_due
    monkeypatch.setattr(
        scheduler_module, "_take_due", lambda *args: nices.append(_nice()) or take_due(*args)
    )
    scheduler.check()
    _settle(qtbot, scheduler)
    assert nices == [_lowered()]


def test_many_due_at_once_make_one_group(qtbot, services, clock, contact) -> None:
    ids = [services.followups.create(contact, NOW - timedelta(days=d)) for d in range(3)]
    _, seen = _scheduler(qtbot, services)
    assert [sorted(group) for group in seen] == [sorted(ids)]


def test_no_repeat_across_restarts(qtbot, services, clock, contact) -> None:
    services.followups.create(contact, NOW - timedelta(hours=1), has_time=True)
    first, seen = _scheduler(qtbot, services)
    first.stop()
    assert len(seen) == 1
    _, seen_again = _scheduler(qtbot, services)
    assert seen_again == []


def test_the_24_8_day_timer_limit(qtbot, services, clock, contact) -> None:
    fid = services.followups.create(contact, NOW + timedelta(days=30), has_time=True)
    scheduler, seen = _scheduler(qtbot, services)
    assert scheduler.timer.interval() == MAX_TIMER_MS < 2**31
    clock.advance(MAX_TIMER_MS / 1000)
    scheduler.timer.timeout.emit()
    _settle(qtbot, scheduler)
    assert seen == []
    remaining = (NOW + timedelta(days=30) - clock.now()).total_seconds() * 1000
    assert scheduler.timer.interval() == int(remaining)
    clock.advance(remaining / 1000)
    scheduler.timer.timeout.emit()
    _settle(qtbot, scheduler)
    assert seen == [[fid]]


def test_sleep_is_detected_and_what_came_due_is_grouped(qtbot, services, clock, contact) -> None:
    a = services.followups.create(contact, NOW + timedelta(hours=1), has_time=True)
    b = services.followups.create(contact, NOW + timedelta(hours=3), has_time=True)
    scheduler, seen = _scheduler(qtbot, services)
    clock.advance(20)
    scheduler.probe_timer.timeout.emit()  # no jump: the probe stays away from the database
    _settle(qtbot, scheduler)
    assert seen == []
    clock.jump(5 * 3600)  # suspended: the wall clock moved, the monotonic clock did not
    scheduler.probe_timer.timeout.emit()
    _settle(qtbot, scheduler)
    assert [sorted(group) for group in seen] == [sorted([a, b])]
    assert not scheduler.clock_jumped()


def test_a_new_day_is_announced_once(qtbot, services, clock) -> None:
    scheduler, _ = _scheduler(qtbot, services)
    days: list[bool] = []
    scheduler.new_day.connect(lambda: days.append(True))
    scheduler.check()
    _settle(qtbot, scheduler)
    assert days == []
    clock.advance(12 * 3600)
    scheduler.check()
    _settle(qtbot, scheduler)
    scheduler.check()
    _settle(qtbot, scheduler)
    assert days == [True]


def test_clock_set_back_re_arms_for_longer(qtbot, services, clock, contact) -> None:
    services.followups.create(contact, NOW + timedelta(minutes=30), has_time=True)
    scheduler, seen = _scheduler(qtbot, services)
    clock.jump(-2 * 3600)
    scheduler.resync_timer.timeout.emit()
    _settle(qtbot, scheduler)
    assert seen == []
    assert scheduler.timer.interval() == int(2.5 * 3600 * 1000)


def test_quiet_hours_hold_reminders_until_morning(qtbot, services, clock, contact) -> None:
    clock.jump(8 * 3600)  # 22:30
    services.followups.create(contact, clock.now() + timedelta(minutes=30), has_time=True)
    settings = ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0))
    scheduler, seen = _scheduler(qtbot, services, settings)
    assert scheduler.next_moment == datetime(2026, 3, 12, 7, 0)
    clock.advance(3600)
    scheduler.check()
    _settle(qtbot, scheduler)
    assert seen == []


def test_pause_and_resume(qtbot, services, clock, contact) -> None:
    scheduler, seen = _scheduler(qtbot, services)
    scheduler.pause(60)
    fid = services.followups.create(contact, NOW, has_time=True)
    _settle(qtbot, scheduler)
    assert seen == []
    assert scheduler.next_moment == NOW + timedelta(hours=1)
    scheduler.resume()
    _settle(qtbot, scheduler)
    assert seen == [[fid]]


def test_snoozed_follow_up_reminds_again(qtbot, services, clock, contact) -> None:
    fid = services.followups.create(contact, NOW, has_time=True)
    scheduler, seen = _scheduler(qtbot, services)
    services.followups.snooze([fid], "1 hour")
    _settle(qtbot, scheduler)
    assert scheduler.timer.interval() == 3600 * 1000
    clock.advance(3600)
    scheduler.check()
    _settle(qtbot, scheduler)
    assert seen == [[fid], [fid]]


def test_settings_round_trip(tmp_path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = ReminderSettings(
        digest=time(8, 15),
        quiet_start=None,
        quiet_end=None,
        close_to_tray=False,
        paused_until=datetime(2026, 3, 11, 15, 0),
    )
    settings.save(store)
    assert ReminderSettings.load(store) == settings
    assert ReminderSettings().is_quiet(datetime(2026, 3, 11, 23, 0))
    assert not ReminderSettings().is_quiet(datetime(2026, 3, 11, 12, 0))
