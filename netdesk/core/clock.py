"""Time as the app sees it: wall-clock `now()` plus a monotonic counter, replaceable in tests.

Follow-up times are naive local wall-clock datetimes (what the user typed and sees); the monotonic
counter lets the reminder scheduler notice a sleep or a clock jump (the two drift apart). Tests
use `FakeClock` (tests/fake_time.py).
"""

from __future__ import annotations

import time
from datetime import date, datetime


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
