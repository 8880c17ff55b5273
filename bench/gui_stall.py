"""The longest the window freezes during each thing a user does, at 100,000 contacts and 20,000
follow-ups (issue 19, item 2).

Prints `gui_stall_max_ms_<action>: value` for each action: the longest time the GUI thread's
event loop did not turn (the longest gap between the ticks of a precise 5 ms timer) from the
first key press or click of the action until its work has ended and the window is quiet; goal
≤ 50 ms each. `gui_stall_floor_ms` is the same watchdog over two seconds of an idle window,
same run (what the machine alone costs: on a loaded machine the process waits for a core).
Each group of actions runs in a fresh process (`bench/_stall_probe.py` says how each is driven):
switching to every view cold (first shown) and warm, typing searches drawn from the data,
scrolling the list by wheel, PageDown and End to its last row, sorting by every column both
ways, opening contacts with a photo (and without), moving the Follow-ups month back and forth,
expanding Today's overdue follow-ups and marking one done, importing 10,000 cards through the
import dialog (preview, then Import). Start-up's stall is `bench/startup.py`'s.

`NETDESK_BENCH_STALL_GROUPS` names the groups to run, comma-separated (e.g. `contact,import`),
from `GROUPS`; all of them when unset.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench._probes import run_probe

CONTACTS = 100_000
FOLLOWUPS = 20_000
ORGANISATIONS = 5_000
IMPORT_CARDS = 10_000
GROUPS = ("floor", "views", "search", "scroll", "sort", "contact", "month", "today", "import")


def _probe(*args: str) -> list[tuple[str, float]]:
    lines = run_probe("bench._stall_probe", *args, timeout=1200)
    return [(name, float(ms)) for name, ms in (line.split() for line in lines)]


def generate(data_dir: Path) -> None:
    """Issue 19's realistic network (`bench.generate`: namesakes, 5,000 organisations, photos on
    10%, notes), with Today's data (events, interactions, exactly 20,000 follow-ups)."""
    from bench._today_data import add_today_data
    from bench.generate import generate_contacts

    generate_contacts(data_dir / "netdesk.db", CONTACTS, organisations=ORGANISATIONS)
    add_today_data(data_dir / "netdesk.db", FOLLOWUPS)


def chosen_groups(named: str | None) -> tuple[str, ...]:
    """The groups `NETDESK_BENCH_STALL_GROUPS` names (every group when unset), in `GROUPS`'
    order: the import last (it adds contacts)."""
    if not named:
        return GROUPS
    wanted = {name.strip() for name in named.split(",") if name.strip()}
    if unknown := wanted - set(GROUPS):
        raise SystemExit(f"unknown gui_stall groups {sorted(unknown)}; known: {', '.join(GROUPS)}")
    return tuple(group for group in GROUPS if group in wanted)


def measure(
    data_dir: Path, vcf: Path, groups: tuple[str, ...] = GROUPS
) -> Iterator[tuple[str, float]]:
    """Each action's longest stall, group by group as each ends."""
    for group in groups:
        if group == "views":
            yield from _probe("views", str(data_dir), "me")
            started_on_today = _probe("views", str(data_dir), "today")
            yield from (f for f in started_on_today if f[0] == "view_me_cold")
        elif group == "import":
            yield from _probe("import", str(data_dir), str(vcf))
        else:
            yield from _probe(group, str(data_dir))


def main() -> None:
    from tests.testdata.vcards import generate_vcards

    groups = chosen_groups(os.environ.get("NETDESK_BENCH_STALL_GROUPS"))
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        started = time.perf_counter()
        generate(data_dir)
        vcf = Path(tmp) / "cards.vcf"
        vcf.write_bytes(generate_vcards(IMPORT_CARDS))
        print(f"generate_stall_100k_s: {time.perf_counter() - started:.1f}")
        for name, ms in measure(data_dir, vcf, groups):
            label = "gui_stall_floor_ms" if name == "floor" else f"gui_stall_max_ms_{name}"
            print(f"{label}: {ms:.1f}", flush=True)


if __name__ == "__main__":
    main()
