"""Two checkouts' starts until usable, paired: is a change to start-up faster, or noise?

`python -m bench._startup_ab BASE CHANGED [--view today] [--contacts 0] [--rounds 30]`

Each round starts a bare PySide6 window (the floor, as `bench.startup`), then BASE and CHANGED in
turn (which first alternates), each the way `bench.startup` times usable: the full check due, no
backup of the day. Prints the median ratio to the floor of each and the median of the rounds'
CHANGED/BASE. Start-up spreads by ±3% between runs on a quiet machine (BASE against itself, 16
rounds: paired medians 0.98-1.03): a change of a few percent needs 30 rounds or more.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _start(checkout: Path, *args: str) -> list[float]:
    """`bench._first_paint` run from `checkout` (its code imported); its last line's numbers,
    after the wall time it was started."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(checkout))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench._first_paint", *args],
        cwd=checkout,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    return [started, *(float(value) for value in out.strip().splitlines()[-1].split())]


def _usable(checkout: Path, data_dir: Path, view: str) -> float:
    (data_dir / "ui-settings.ini").write_text(f"[window]\nlast_view={view}\n", encoding="utf-8")
    for marker in data_dir.glob("*clean*"):
        marker.unlink()
    shutil.rmtree(data_dir / "backups", ignore_errors=True)
    started, _painted, usable, *_ = _start(checkout, "usable", str(data_dir))
    return usable - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench._startup_ab")
    parser.add_argument("base", type=Path)
    parser.add_argument("changed", type=Path)
    parser.add_argument("--view", default="today", choices=["today", "contacts"])
    parser.add_argument("--contacts", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    from bench.startup import _network

    with tempfile.TemporaryDirectory(prefix="netdesk-ab-") as tmp:
        data_dir = _network(Path(tmp), args.contacts)
        checkouts = (args.base.resolve(), args.changed.resolve())
        for checkout in checkouts:
            _usable(checkout, data_dir, args.view)  # warm the file cache and the bytecode
        ratios: tuple[list[float], list[float]] = ([], [])
        for round_ in range(args.rounds):
            started, painted = _start(checkouts[0], "bare")
            floor = painted - started
            for side in (0, 1) if round_ % 2 == 0 else (1, 0):
                ratios[side].append(_usable(checkouts[side], data_dir, args.view) / floor)
    base, changed = (statistics.median(side) for side in ratios)
    paired = statistics.median(b / a for a, b in zip(*ratios, strict=True))
    print(f"startup_usable_ratio base: {base:.3f}")
    print(f"startup_usable_ratio changed: {changed:.3f}")
    print(f"changed/base, median of {args.rounds} rounds: {paired:.3f}")


if __name__ == "__main__":
    main()
