"""Opening the store at start-up, the share of the GUI thread after the first paint (`open_store`).

The full integrity check (PRAGMA quick_check over the whole file) runs only on the first start
after a crash, a change from outside or a week; other starts follow a clean close and glance at
the header. Prints the seconds of both at 100,000 contacts and their ratios over opening an
empty database (the floor, measured in the same run). Medians of several runs each.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

RUNS = 5
CONTACTS = 100_000


def _open_seconds(data_dir: Path, after_crash: bool) -> float:
    from netdesk import paths as netdesk_paths
    from netdesk.store import clean_close
    from netdesk.store.db import close_database
    from netdesk.ui.app import open_store

    paths = netdesk_paths.resolve(data_dir)
    if after_crash:
        clean_close.forget(paths.database)
    started = time.perf_counter()
    assert open_store(paths)
    elapsed = time.perf_counter() - started
    close_database(clean=True)
    return elapsed


def _median(data_dir: Path, after_crash: bool) -> float:
    _open_seconds(data_dir, after_crash)  # the daily backup, a warm file cache
    return statistics.median(_open_seconds(data_dir, after_crash) for _ in range(RUNS))


def main() -> None:
    from bench.generate import generate_contacts

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        empty, big = Path(tmp) / "empty", Path(tmp) / "big"
        _open_seconds(empty, after_crash=True)
        generate_contacts(big / "netdesk.db", CONTACTS)
        floor = _median(empty, after_crash=False)
        full = _median(big, after_crash=True)
        clean = _median(big, after_crash=False)
    print(f"store_open_empty_s: {floor:.4f}")
    print(f"store_open_full_check_100k_s: {full:.4f}")
    print(f"store_open_clean_100k_s: {clean:.4f}")
    print(f"store_open_full_check_100k_ratio: {full / floor:.1f}")
    print(f"store_open_clean_100k_ratio: {clean / floor:.1f}")


if __name__ == "__main__":
    main()
