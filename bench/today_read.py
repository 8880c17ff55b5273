"""The CPU of Today's first read, part by part (issue 19: start-up waits for it).

Today's first read (`ui/today/view.py`'s `_read` over the sections of the first rows) runs on a
worker, on a fresh SQLite connection, while the GUI thread waits: its CPU is start-up's. This
times each of its parts in thread CPU (`time.thread_time`, so other work on the machine's cores
does not count) over a generated network (`bench.startup._network`: 100,000 contacts, 5,000
organisations, 20,000 follow-ups):

    python -m bench.today_read --data-dir /tmp/read37/usable-100000

`--data-dir` reuses a network made earlier (`bench.startup._network`'s `usable-100000` folder);
without it one is made in a temporary folder (a few minutes). Each of `--processes` child
processes imports the modules, then reads `--reads` times, each read on a new thread and a new
connection; printed are the medians in ms of each part of the first read of a process
(`today_read_first_*`) and of the later reads (`today_read_later_*`), and a digest of what the
reads returned (`today_read_digest`: a change must not move it). The clock stands at the
generator's now (`bench.generate.NOW`), or at `--now` (local time, ISO): start-up runs on the
wall clock, days after it, when more of the events are recent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

PARTS = ("summary", "due", "rank", "upcoming", "recent")
DUE_LIMITS = (10, 10)
"""The rows Today's Due section reads first of each group (at 1280x800)."""


def _reads(data_dir: str, now: str = "") -> dict[str, Callable[[], object]]:
    """The parts of Today's first read over the store in `data_dir`, at `now` (ISO; "": the
    generator's now)."""
    from bench._today_data import NOW
    from netdesk import paths as netdesk_paths
    from netdesk.core.dashboard import due_first
    from netdesk.core.services import Services
    from netdesk.store.db import open_database
    from tests.fake_time import FakeClock

    paths = netdesk_paths.resolve(Path(data_dir))
    open_database(paths.database, check=False, daily_backup=False)
    services = Services(paths=paths, clock=FakeClock(datetime.fromisoformat(now) if now else NOW))
    today = services.clock.today()
    summary, followups = services.dashboard.summary, services.followups
    rank, events = services.reach_out.rank, services.today_events
    return {
        "summary": lambda: summary(today),
        "due": lambda: due_first(followups, DUE_LIMITS),
        "rank": lambda: rank(5),
        "upcoming": lambda: list(events.upcoming()),
        "recent": lambda: list(events.recent()),
    }


def _timed(parts: dict[str, Callable[[], object]]) -> tuple[dict[str, float], str]:
    """Run the parts in turn on a new thread (its own connection): each one's thread CPU in ms
    and the repr of what they returned."""
    from netdesk.core.worker_thread import on_own_connection

    times: dict[str, float] = {}
    found: list[object] = []

    def work() -> None:
        for name, part in parts.items():
            started = time.thread_time()
            found.append(part())
            times[name] = (time.thread_time() - started) * 1000
        times["total"] = sum(times.values())

    thread = threading.Thread(target=lambda: on_own_connection(work))
    thread.start()
    thread.join()
    return times, repr(found)


def child(data_dir: str, reads: int, now: str) -> None:
    """Print a JSON line per read: each part's thread CPU in ms and the results' digest."""
    parts = _reads(data_dir, now)
    for _ in range(reads):
        times, found = _timed(parts)
        digest = hashlib.sha256(found.encode()).hexdigest()[:16]
        print(json.dumps({"times": times, "digest": digest}), flush=True)


def _child_reads(data_dir: Path, reads: int, now: str) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.today_read", "--child", str(data_dir), str(reads), now],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def measure(data_dir: Path, processes: int, reads: int, now: str = "") -> None:
    """Print the medians (see the module's docstring)."""
    first: list[dict[str, float]] = []
    later: list[dict[str, float]] = []
    digests = set()
    for _ in range(processes):
        rows = _child_reads(data_dir, reads, now)
        first.append(rows[0]["times"])  # type: ignore[arg-type]
        later += [row["times"] for row in rows[1:]]  # type: ignore[misc]
        digests |= {str(row["digest"]) for row in rows}
    for label, runs in (("first", first), ("later", later)):
        for part in (*PARTS, "total"):
            median = statistics.median(run[part] for run in runs)
            print(f"today_read_{label}_{part}_ms: {median:.2f}")
    print(f"today_read_digest: {' '.join(sorted(digests))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="a network made by bench.startup._network")
    parser.add_argument("--processes", type=int, default=7)
    parser.add_argument("--reads", type=int, default=15)
    parser.add_argument(
        "--now", default="", help="the clock's local time, ISO (default: the generator's now)"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
    elif args.data_dir:
        measure(args.data_dir, args.processes, args.reads, args.now)
    else:
        from bench.startup import _network

        with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
            measure(_network(Path(tmp), 100_000), args.processes, args.reads, args.now)


if __name__ == "__main__":
    main()
