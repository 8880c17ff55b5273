"""Start-up: process start to the main window's first paint, against a bare PySide6 window.

Prints `startup_first_paint_s`, `bare_window_first_paint_s`, `startup_first_paint_ratio` (empty
database) and `startup_first_paint_ratio_10k` (10,000 contacts). Medians of several runs each.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def _first_paint_seconds(*args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench._first_paint", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    return float(out.strip().splitlines()[-1]) - started


def _median(*args: str) -> float:
    _first_paint_seconds(*args)  # warm the file cache
    return statistics.median(_first_paint_seconds(*args) for _ in range(RUNS))


def _prepared_data_dir(root: Path, contacts: int) -> Path:
    data_dir = root / f"data-{contacts}"
    if contacts:
        from bench.generate import generate_contacts

        data_dir.mkdir(parents=True)
        generate_contacts(data_dir / "netdesk.db", contacts)
    else:
        _first_paint_seconds("netdesk", str(data_dir))  # creates the database
    return data_dir


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        root = Path(tmp)
        bare = _median("bare")
        empty = _median("netdesk", str(_prepared_data_dir(root, 0)))
        print(f"bare_window_first_paint_s: {bare:.3f}")
        print(f"startup_first_paint_s: {empty:.3f}")
        print(f"startup_first_paint_ratio: {empty / bare:.2f}")
        try:
            ten_k = _median("netdesk", str(_prepared_data_dir(root, 10_000)))
        except ImportError:
            print("startup_first_paint_ratio_10k: skipped (bench.generate not available)")
        else:
            print(f"startup_first_paint_ratio_10k: {ten_k / bare:.2f}")


if __name__ == "__main__":
    main()
