"""LatestRead, the views' reads off the GUI thread: only the newest read's answer is given (by
`read` or `take`), a newer read stops an older one mid-statement, faults come out as `failed`,
and `shut_down` leaves nothing running (before the store closes)."""

from __future__ import annotations

import threading
import time

from netdesk.store.models import db
from netdesk.ui.latest_read import LatestRead
from tests.core.test_worker_thread import _LONG, _lowered, _nice, linux_only


def _answers(reader: LatestRead) -> tuple[list[object], list[str]]:
    done: list[object] = []
    failed: list[str] = []
    reader.read.connect(done.append)
    reader.failed.connect(failed.append)
    return done, failed


def test_a_newer_read_stops_the_running_one_and_only_its_answer_is_given(qtbot, database) -> None:
    reader = LatestRead()
    done, failed = _answers(reader)
    running = threading.Event()
    threads: list[bool] = []

    def long_read() -> int:
        running.set()
        found: int = db.execute_sql(_LONG).fetchone()[0]
        return found

    def quick_read() -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        found: int = db.execute_sql("SELECT 42").fetchone()[0]
        return found

    reader.start(long_read)
    assert running.wait(10)
    reader.start(lambda: "never run: a newer read was asked for before it began")
    reader.start(quick_read)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    reader.shut_down()
    qtbot.wait(20)
    assert (done, failed, threads) == ([42], [], [False])


def test_take_waits_for_the_newest_answer_which_read_then_leaves_out(qtbot, database) -> None:
    reader = LatestRead()
    done, _ = _answers(reader)
    release = threading.Event()
    reader.start(lambda: release.wait(10) and ["Acme"])
    threading.Timer(0.05, release.set).start()
    assert reader.take() == (["Acme"],)
    assert reader.take() is None  # taken: nothing is asked for now
    reader.shut_down()
    qtbot.wait(20)
    assert done == []


def test_a_fault_is_failed_in_words_and_take_gives_none(qtbot, database) -> None:
    reader = LatestRead()
    done, failed = _answers(reader)
    reader.start(lambda: db.execute_sql("SELECT * FROM no_such_table"))
    qtbot.waitUntil(lambda: bool(failed))
    assert "no_such_table" in failed[0] and done == []
    reader.start(lambda: 1 / 0)
    assert reader.take() is None
    reader.shut_down()


def test_after_shut_down_nothing_runs(qtbot, database) -> None:
    reader = LatestRead()
    done, _ = _answers(reader)
    ran = threading.Event()
    reader.shut_down()
    reader.start(ran.set)
    qtbot.wait(50)
    assert not ran.is_set() and done == [] and reader.take() is None


@linux_only
def test_a_read_ahead_runs_at_a_lower_priority_than_the_gui_thread(qtbot, database) -> None:
    """Nobody waits for a read ahead of a showing while it runs: on two cores it leaves the GUI
    thread a core (`BackgroundPool`); the other reads run at the GUI thread's priority."""
    nices = []
    for ahead in (False, True):
        reader = LatestRead(ahead=ahead)
        reader.start(_nice)
        nices.append(reader.take())
        reader.shut_down()
    assert nices == [(_nice(),), (_lowered(),)]


def _order_of_answer_and_due_timer(qtbot, reader: LatestRead) -> list[str]:
    """Whether the answer is given before or after a timer that came due while the GUI thread
    was busy and the read ended."""
    from PySide6.QtCore import QTimer

    order: list[str] = []
    reader.read.connect(lambda _answer: order.append("answer"))
    finished = threading.Event()
    reader.start(lambda: finished.set())
    QTimer.singleShot(1, lambda: order.append("timer"))
    assert finished.wait(10)
    time.sleep(0.05)  # the GUI thread busy: the timer comes due and the worker's news arrives
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    reader.shut_down()
    return order


def test_an_answer_for_a_view_not_in_sight_waits_for_the_timers_due(qtbot, database) -> None:
    """A turn of its own: a watchdog (or a blinking cursor) turns between the work the GUI thread
    was doing when the answer came (a start-up step) and the answer's showing."""
    from PySide6.QtWidgets import QWidget

    hidden = QWidget()
    qtbot.addWidget(hidden)
    for reader in (LatestRead(), LatestRead(hidden)):
        assert _order_of_answer_and_due_timer(qtbot, reader) == ["timer", "answer"]


def test_an_answer_for_a_view_in_sight_is_given_at_once(qtbot, database) -> None:
    """The count under the list typed into is looked for: shown as soon as it is read."""
    from PySide6.QtWidgets import QWidget

    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert _order_of_answer_and_due_timer(qtbot, LatestRead(shown)) == ["answer", "timer"]
