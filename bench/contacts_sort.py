"""Sorting the contact list by each column at 100,000 contacts (issue 19).

Prints `contacts_sort_page_ms_<column>` for every sortable column: the median milliseconds from
a click on the column's header to the first page painted in that order with the match count
known, both ways (three fresh processes, each clicking every header twice), with its ratio to
`contacts_sort_page_floor_ms`, the paint of the same page after a reset that reads nothing,
measured in the same processes. Goal: 33 ms or less for every column.
"""

from __future__ import annotations

import statistics
import tempfile
from collections import defaultdict
from pathlib import Path

from bench._probes import run_probe

PROCESSES = 3


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
    floor = statistics.median(samples.pop("floor"))
    print(f"contacts_sort_page_floor_ms: {floor:.1f}")
    for key, values in samples.items():
        median = statistics.median(values)
        print(f"contacts_sort_page_ms_{key}: {median:.1f} (x{median / floor:.1f} floor)")


if __name__ == "__main__":
    main()
