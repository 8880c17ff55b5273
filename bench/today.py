"""Today at scale: 100,000 contacts and 20,000 follow-ups (`bench.generate`'s realistic
network: birthdays, notes, photos, namesakes; plus `bench._today_data`: events with people met,
quiet and generous contacts).

Prints `reach_out_rank_ms` (ranking Reach out, goal ≤ 50) beside `contact_scan_floor_ms` (one
bare SQL scan of the contact table, same run) and their ratio; `today_paint_ms` (switching the
window from Contacts to Today after a change elsewhere, until Today is painted with its data
current — Today reads changes off the GUI thread as they happen, shown or not; goal ≤ 50) beside
`today_paint_unchanged_floor_ms` (the same switch with nothing changed) and their ratio;
`today_update_ms` (Today shown: from a change to Today painted with it), `today_stall_ms` (the
longest the GUI thread did not answer meanwhile) and `today_switch_at_once_ms` (a change, then
switching to Today at once: until it is painted with the change). What each times in full:
`bench/_today_probe.py`.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench._probes import run_probe

CONTACTS = 100_000
FOLLOWUPS = 20_000


def _probe(*args: str) -> list[float]:
    lines = run_probe("bench._today_probe", *args, timeout=600)
    return [float(value) for line in lines for value in line.split()]


def main() -> None:
    from bench._today_data import add_today_data
    from bench.generate import generate_contacts

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        started = time.perf_counter()
        generate_contacts(data_dir / "netdesk.db", CONTACTS)
        add_today_data(data_dir / "netdesk.db", FOLLOWUPS)
        print(f"generate_today_100k_s: {time.perf_counter() - started:.1f}")
        rank, scan = _probe("rank", str(data_dir))
        print(f"reach_out_rank_ms: {rank:.1f}")
        print(f"contact_scan_floor_ms: {scan:.1f}")
        print(f"reach_out_rank_ratio_to_floor: {rank / scan:.2f}")
        changed, unchanged, update, stall, at_once = _probe("paint", str(data_dir))
        print(f"today_paint_ms: {changed:.1f}")
        print(f"today_paint_unchanged_floor_ms: {unchanged:.1f}")
        print(f"today_paint_ratio_to_floor: {changed / unchanged:.2f}")
        print(f"today_update_ms: {update:.1f}")
        print(f"today_stall_ms: {stall:.1f}")
        print(f"today_switch_at_once_ms: {at_once:.1f}")


if __name__ == "__main__":
    main()
