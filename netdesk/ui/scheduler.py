"""The reminder scheduler: one single-shot timer to the next moment a follow-up is due.

A timed follow-up is due at its time, a day-only one at the digest time of its day. Nothing is
announced in the quiet hours or while reminders are paused (they come at the end instead). Each
follow-up is announced once: `notified_at` in the database survives restarts. Everything due at
once goes out as one group (`due` signal).

QTimer takes at most 2^31-1 ms (about 24.8 days), so longer waits are cut and re-armed. The
timer is also re-armed every 15 minutes, when follow-ups change, and when the wall clock moved
differently from the monotonic clock (a sleep or a clock change). `new_day` is emitted on the
first check of each day (next year's birthdays and skipped check-ins are made then). `held`
says after each check how many reminders the quiet hours or a pause hold back, and until when.

A check reads what came due (thousands of overdue follow-ups in a large store) and marks it
notified on a worker thread of its own, on that thread's SQLite connection; the signals come on
the GUI thread when it ends. The next due moment that re-arms the timer is read there too (two
MIN queries over every pending follow-up: 25-50 ms at 20,000), the timer armed when it ends.
The reads run one at a time, so none reads what another is marking, at a lower priority than
the GUI thread's (`BackgroundPool`): a reminder shown a few milliseconds later is not missed,
while at start-up the check's 40-50 ms of CPU took a core from the views being made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from netdesk.core.changes import Changes
from netdesk.core.followup_queries import FollowUpRow
from netdesk.core.followups import FollowUpService
from netdesk.core.worker_thread import on_own_connection
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.reminder_settings import ReminderSettings
from netdesk.ui.reminder_words import Hold
from netdesk.ui.tasks import BackgroundPool, Task

log = logging.getLogger(__name__)

MAX_TIMER_MS = 2**31 - 1_000
RESYNC_MS = 15 * 60 * 1000
PROBE_MS = 30 * 1000
JUMP_TOLERANCE_S = 60
T = TypeVar("T")


class ReminderScheduler(QObject):
    """Arms `timer` for the next due moment; emits `due(rows)` with what came due."""

    due = Signal(list)
    new_day = Signal()
    held = Signal(object)  # a Hold, or None when nothing is held back

    def __init__(
        self,
        followups: FollowUpService,
        changes: Changes,
        settings: ReminderSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.followups = followups
        self.clock = followups.clock
        self.settings = settings
        self.next_moment: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.resync_timer = QTimer(self)
        self.resync_timer.setInterval(RESYNC_MS)
        self.resync_timer.timeout.connect(self.check)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_MS)
        self.probe_timer.timeout.connect(self.probe)
        self._signals = ChangeSignals(changes, self)
        self._signals.changed.connect(self._on_change)
        self._anchor = (self.clock.now(), self.clock.monotonic())
        self._day = self.clock.today()
        self._pool = BackgroundPool(self)
        self._reads = 0

    def start(self) -> None:
        """Announce what is already due, then keep watching."""
        self.resync_timer.start()
        self.probe_timer.start()
        self.check()

    def stop(self) -> None:
        """Check no more; waits for a check under way (before the store closes)."""
        self.timer.stop()
        self.resync_timer.stop()
        self.probe_timer.stop()
        self._pool.waitForDone()

    @property
    def busy(self) -> bool:
        """Whether a check or a read of the next moment is under way on the worker (its
        signals, or the timer's arming, are still to come)."""
        return self._reads > 0

    def probe(self) -> None:
        """Cheap and frequent (no database): re-sync at once after a sleep or clock change.

        Qt's timers count only the time the machine was awake, so without this a reminder
        that came due during a sleep could wait for the next 15-minute re-sync.
        """
        if self.clock_jumped():
            self.check()

    def pause(self, minutes: int = 60) -> None:
        """No reminders for a while (they come when the pause ends)."""
        self.settings.paused_until = self.clock.now() + timedelta(minutes=minutes)
        self.sync()

    def resume(self) -> None:
        self.settings.paused_until = None
        self.check()

    def clock_jumped(self) -> bool:
        """Whether the wall clock moved differently from the time that passed (sleep, change)."""
        wall, mono = self.clock.now(), self.clock.monotonic()
        then_wall, then_mono = self._anchor
        self._anchor = (wall, mono)
        drift = (wall - then_wall).total_seconds() - (mono - then_mono)
        if abs(drift) > JUMP_TOLERANCE_S:
            log.info("Clock moved %+.0f s beyond elapsed time (sleep or change)", drift)
            return True
        return False

    def check(self) -> None:
        """Announce everything due now (once), then re-arm the timer: the reading and marking
        run on the worker, the signals come when it ends."""
        self._anchor = (self.clock.now(), self.clock.monotonic())
        now = self.clock.now()
        if now.date() != self._day:
            self._day = now.date()
            self.new_day.emit()
        held = self._held(now)
        until = self._untimed_until(now)
        followups = self.followups
        task = self._run(lambda: _take_due(followups, now, until, held), self._announce)
        task.failed.connect(lambda _message, _details: self.sync())

    def _announce(self, found: tuple[datetime, bool, list[FollowUpRow]]) -> None:
        now, held, rows = found
        if rows and not held:
            self.due.emit(rows)
        quiet = self.settings.is_quiet(now)
        self.held.emit(Hold(self._release(now), quiet, len(rows)) if held and rows else None)
        self.sync()

    def sync(self) -> None:
        """Arm the single-shot timer for the next moment something is due (read on the worker,
        after any check under way; armed when the read ends)."""
        self._run(self.followups.next_unnotified, self._arm)

    def _run(self, work: Callable[[], T], then: Callable[[T], None]) -> Task:
        """`work` on the worker thread and its own connection, then `then(its result)` here."""
        task = Task(lambda _progress: on_own_connection(work), self)
        task.succeeded.connect(then)
        task.failed.connect(self._failed)
        task.finished.connect(self._ended)
        task.finished.connect(task.deleteLater)
        self._reads += 1
        task.start(self._pool)
        return task

    def _ended(self) -> None:
        self._reads -= 1

    def _failed(self, message: str, details: str) -> None:
        log.error("Reminder check failed: %s\n%s", message, details)

    def _arm(self, found: tuple[datetime | None, datetime | None]) -> None:
        now = self.clock.now()
        self.next_moment = self._next_moment(now, *found)
        if self.next_moment is None:
            self.timer.stop()
            return
        delay = (self.next_moment - now).total_seconds() * 1000
        self.timer.start(int(min(max(delay, 0), MAX_TIMER_MS)))

    def _held(self, now: datetime) -> bool:
        paused = self.settings.paused_until
        return (paused is not None and now < paused) or self.settings.is_quiet(now)

    def _untimed_until(self, now: datetime) -> datetime:
        """Day-only follow-ups are due at the digest time of their day, whatever time of it
        they are stored at (`next_unnotified` goes by the day: one stored at 09:00 of a day
        whose digest had passed had the timer fire again at once, without end)."""
        day = now.date() if now.time() >= self.settings.digest else now.date() - timedelta(days=1)
        return datetime.combine(day, datetime.max.time())

    def _next_moment(
        self, now: datetime, timed: datetime | None, untimed: datetime | None
    ) -> datetime | None:
        moments = [timed] if timed else []
        if untimed:
            moments.append(datetime.combine(untimed.date(), self.settings.digest))
        if not moments:
            return None
        return self._release(max(min(moments), now))

    def _release(self, moment: datetime) -> datetime:
        """The first moment at or after `moment` that is neither paused nor quiet."""
        paused = self.settings.paused_until
        if paused is not None and moment < paused:
            moment = paused
        if self.settings.is_quiet(moment) and self.settings.quiet_end is not None:
            end = datetime.combine(moment.date(), self.settings.quiet_end)
            moment = end if end > moment else end + timedelta(days=1)
        return moment

    def _on_change(self, topic: str, _ids: object) -> None:
        if topic == "followups":
            self.sync()


def _take_due(
    followups: FollowUpService, now: datetime, untimed_until: datetime, held: bool
) -> tuple[datetime, bool, list[FollowUpRow]]:
    """On the worker: what is due at `now`, marked notified unless `held` (held back, it is
    announced at a later check)."""

    rows = followups.unnotified(now, untimed_until)
    if rows and not held:
        followups.mark_notified([row.id for row in rows], now)
    return now, held, rows
