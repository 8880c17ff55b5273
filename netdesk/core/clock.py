"""Time as the app sees it: wall-clock `now()` plus a monotonic counter, replaceable in tests.

Follow-up times are naive local wall-clock datetimes (what the user typed and sees); the monotonic
counter lets the reminder scheduler notice a sleep or a clock jump (the two drift apart).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta


class Clock:
    """The real clock."""

    def now(self) -> datetime:
        """The local wall-clock time, naive, to the second."""
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    def monotonic(self) -> float:
        """Seconds that only move forward at the rate time passes while the process runs."""
        return time.monotonic()


class FakeClock(Clock):
    """A clock tests move by hand: `advance` lets time pass, `jump` changes only the wall clock."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass (both clocks move)."""
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def jump(self, seconds: float) -> None:
        """Set the wall clock by `seconds` (a sleep or a manual change: monotonic stays)."""
        self._now += timedelta(seconds=seconds)

    def set_wall(self, moment: datetime) -> None:
        """Set the wall clock to `moment` (a `jump` to a given time)."""
        self._now = moment
