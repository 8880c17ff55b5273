"""The GUI-stall watchdog every benchmark uses: how long the event loop went without turning.

The longest gap between two ticks of a precise `TICK_MS` timer on the GUI thread is the longest
the window could not answer a key, a click or a repaint (a gap of one tick is an idle loop).
`start()` where the action begins, `stop()` where it ends.
"""

from __future__ import annotations

import time

TICK_MS = 5


class Watchdog:
    """The longest time the GUI thread's event loop did not turn: the longest gap between two
    ticks of a precise `TICK_MS` timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.longest = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> Watchdog:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        """Milliseconds of the longest gap since `start`."""
        self._tick()
        self._timer.stop()
        return self.longest * 1000
