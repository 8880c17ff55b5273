"""Sorting the contact list by each column at 100,000 contacts (issue 19).

Prints `contacts_sort_page_ms_<column>` for every sortable column: the median milliseconds from
a click on the column's header to the first page painted in that order with the match count
known, both ways (three fresh processes, each clicking every header twice), with its ratio to
`contacts_sort_page_floor_ms`, the paint of the same page after a reset that reads nothing,
measured in the same processes. Goal: 33 ms or less for every column.

`contacts_sort_scroll_page_ms_<column>`: scrolling on, the slowest page of 200 rows after the
first (each way) while reading the first SCROLLED rows of the list sorted by that column a page
after another (`ContactListQuery.page`, as the list fetches them; no painting), in this
process, and the median page; its ratio to the median page sorted by name
(`contacts_sort_scroll_page_floor_ms`).
"""

from __future__ import annotations

import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

from bench._probes import run_probe

PROCESSES = 3
SCROLLED = 20_000
PAGE = 200


def _scroll_pages(data_dir: Path) -> dict[str, list[float]]:
    """Each sort's page times (both ways) after the first, reading SCROLLED rows a page at a
    time."""
    import time

    from netdesk.core.contact_list import SORT_EXPRESSIONS, ContactListQuery
    from netdesk.store.db import open_database

    open_database(data_dir / "netdesk.db", daily_backup=False)
    pages: dict[str, list[float]] = {}
    for sort in SORT_EXPRESSIONS:
        pages[sort] = []
        for descending in (False, True):
            query = ContactListQuery(sort=sort, descending=descending)
            query.page(0, PAGE)
            for offset in range(PAGE, SCROLLED, PAGE):
                started = time.perf_counter()
                query.page(offset, PAGE)
                pages[sort].append((time.perf_counter() - started) * 1000)
    return pages


def main() -> None:
    from bench.generate import generate_contacts

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        data_dir = Path(tmp)
        generate_contacts(data_dir / "netdesk.db", 100_000)
        samples: defaultdict[str, list[float]] = defaultdict(list)
        for _ in range(PROCESSES):
            for line in run_probe("bench._contacts_probe", "sort", str(data_dir), timeout=600):
                key, *_, milliseconds = line.split()
                samples[key].append(float(milliseconds))
        scrolled = _scroll_pages(data_dir)
    floor = statistics.median(samples.pop("floor"))
    print(f"contacts_sort_page_floor_ms: {floor:.1f}")
    for key, values in samples.items():
        median = statistics.median(values)
        print(f"contacts_sort_page_ms_{key}: {median:.1f} (x{median / floor:.1f} floor)")
    by_name = statistics.median(scrolled["name"])
    print(f"contacts_sort_scroll_page_floor_ms: {by_name:.1f} (median page by name)")
    for key, values in scrolled.items():
        slowest, median = max(values), statistics.median(values)
        ratio = median / by_name
        print(
            f"contacts_sort_scroll_page_ms_{key}: {slowest:.1f} (median {median:.1f}, x{ratio:.1f})"
        )


if __name__ == "__main__":
    main()
