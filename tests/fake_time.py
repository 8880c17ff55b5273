"""The tests' fake clock (the `clock` fixture of tests/conftest.py) and the moment it starts at."""

from __future__ import annotations

from datetime import datetime, timedelta

from netdesk.core.clock import Clock

NOW = datetime(2026, 3, 11, 14, 30)  # a Wednesday


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
