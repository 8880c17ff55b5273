"""Contacts list at scale, on generated networks of 1,000 and 100,000 contacts.

Prints `contacts_first_paint_ratio_100k_vs_1k` (view creation to the table's first paint),
the search figures below, and `contacts_rss_mb_over_bare` (resident memory with the list open
minus a bare PySide6 window).

Search at 100,000 contacts: QUERIES queries drawn at random (seeded) from the data
(`bench._search_queries`: 1-8 letter starts of names, organisations, tags, emails; two words)
are typed a key at a time, at a human pace (keys 120-260 ms apart) and fast (25-60 ms apart),
each key pressed on time whether or not the list caught up. A keystroke's time runs from its
press until the list shows its rows AND its match count, both painted (or a later key's, when
typing ran ahead). `contacts_search_keystroke_ms` and `_p90_ms`: human pace, median and 90th
percentile (goal: median <= 16 ms, p90 <= 33 ms); `_fast_ms`, `_fast_p90_ms`: fast typing;
`contacts_search_rows_ms`: median to the rows alone (human pace); `contacts_search_clear_ms`:
median from clearing the search to the whole list and its count painted. Floors of the same
run: `contacts_search_paint_floor_ms` (painting the list again after a reset that reads
nothing; `contacts_search_keystroke_ratio` is the median over it) and `fts_query_floor_ms`
(the bare FTS5 query for each typed text).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench._probes import run_probe

RUNS = 5
QUERIES = 24
SEED = 19


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


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def _search_figures(data_dir: Path) -> None:
    lines = {
        speed: [
            line.split() for line in _probe("search", str(data_dir), speed, str(QUERIES), str(SEED))
        ]
        for speed in ("human", "fast")
    }
    keys = {
        speed: [[float(v) for v in f[1:]] for f in found if f[0] == "key"]
        for speed, found in lines.items()
    }
    human = [done for _, done, _ in keys["human"]]
    fast = [done for _, done, _ in keys["fast"]]
    paint = statistics.median(
        float(f[1]) for found in lines.values() for f in found if f[0] == "floor"
    )
    print(f"contacts_search_keystrokes: {len(human)} human, {len(fast)} fast")
    print(f"contacts_search_keystroke_ms: {statistics.median(human):.1f}")
    print(f"contacts_search_keystroke_p90_ms: {_p90(human):.1f}")
    print(f"contacts_search_keystroke_fast_ms: {statistics.median(fast):.1f}")
    print(f"contacts_search_keystroke_fast_p90_ms: {_p90(fast):.1f}")
    print(f"contacts_search_rows_ms: {statistics.median(rows for rows, _, _ in keys['human']):.1f}")
    clears = [float(f[1]) for found in lines.values() for f in found if f[0] == "clear"]
    print(f"contacts_search_clear_ms: {statistics.median(clears):.1f}")
    print(f"contacts_search_paint_floor_ms: {paint:.1f}")
    print(f"contacts_search_keystroke_ratio: {statistics.median(human) / paint:.2f}")
    floors = [floor for found in keys.values() for _, _, floor in found]
    print(f"fts_query_floor_ms: {statistics.median(floors):.1f}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        root = Path(tmp)
        small, large = _data_dir(root, 1_000), _data_dir(root, 100_000)
        small_paint, large_paint = _median_paint(small), _median_paint(large)
        print(f"contacts_first_paint_1k_s: {small_paint:.3f}")
        print(f"contacts_first_paint_100k_s: {large_paint:.3f}")
        print(f"contacts_first_paint_ratio_100k_vs_1k: {large_paint / small_paint:.2f}")
        _search_figures(large)
        listed = statistics.median(float(_probe("rss", str(large))[-1]) for _ in range(3))
        bare = statistics.median(float(_probe("rss-bare")[-1]) for _ in range(3))
        print(f"contacts_rss_mb_over_bare: {listed - bare:.1f}")


if __name__ == "__main__":
    main()
