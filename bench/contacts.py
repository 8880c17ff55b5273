"""Contacts list at scale, on generated networks of 1,000 and 100,000 contacts.

Prints `contacts_first_paint_ratio_100k_vs_1k` (view creation to the table's first paint),
`contacts_search_keystroke_ms` (median key press to filtered rows painted, typing realistic
queries) beside `fts_query_floor_ms` (the bare FTS5 query for the same text, same run), and
`contacts_rss_mb_over_bare` (resident memory with the list open minus a bare PySide6 window).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench._probes import run_probe

RUNS = 5
QUERIES = ("maria chen", "acme data", "jurgen", "berlin")


def _probe(*args: str) -> list[str]:
    return run_probe("bench._contacts_probe", *args, timeout=300)


def _data_dir(root: Path, contacts: int) -> Path:
    from bench.generate import generate_contacts

    data_dir = root / f"data-{contacts}"
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    generate_contacts(data_dir / "netdesk.db", contacts)
    print(f"generate_{contacts // 1000}k_contacts_s: {time.perf_counter() - started:.1f}")
    return data_dir


def _median_paint(data_dir: Path) -> float:
    _probe("paint", str(data_dir))
    return statistics.median(float(_probe("paint", str(data_dir))[-1]) for _ in range(RUNS))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        root = Path(tmp)
        small, large = _data_dir(root, 1_000), _data_dir(root, 100_000)
        small_paint, large_paint = _median_paint(small), _median_paint(large)
        print(f"contacts_first_paint_1k_s: {small_paint:.3f}")
        print(f"contacts_first_paint_100k_s: {large_paint:.3f}")
        print(f"contacts_first_paint_ratio_100k_vs_1k: {large_paint / small_paint:.2f}")
        keystrokes, floors = [], []
        for query in QUERIES:
            for line in _probe("search", str(large), query):
                keystroke, floor = line.split()
                keystrokes.append(float(keystroke))
                floors.append(float(floor))
        print(f"contacts_search_keystroke_ms: {statistics.median(keystrokes):.1f}")
        print(f"contacts_search_keystroke_p90_ms: {statistics.quantiles(keystrokes, n=10)[-1]:.1f}")
        print(f"fts_query_floor_ms: {statistics.median(floors):.1f}")
        listed = statistics.median(float(_probe("rss", str(large))[-1]) for _ in range(3))
        bare = statistics.median(float(_probe("rss-bare")[-1]) for _ in range(3))
        print(f"contacts_rss_mb_over_bare: {listed - bare:.1f}")


if __name__ == "__main__":
    main()
