"""The Companies view at scale: 100,000 contacts over 5,000 organisations (`bench.generate` with
`organisations`, plus `bench._today_data`'s events, interactions and follow-ups).

Prints `companies_view_paint_ms` (switching the window from Contacts to Companies after an
interaction logged elsewhere, until the list is painted with its data; goal ≤ 50) and
`companies_view_reload_paint_ms` (the same after an import, which reads every company again)
beside `companies_view_unchanged_floor_ms` (the same switch and paint with nothing to reload)
and their ratios; `company_detail_paint_ms` (selecting a company of the median size until its
people, events and ways in are painted; goal ≤ 50) and `company_detail_largest_paint_ms` (the
largest, a few thousand people), each with its size, and `gui_stall_max_ms_company_largest`
(the longest the window froze from that selection until painted; goal <= 50, as every action's).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench._probes import run_probe

CONTACTS = 100_000
ORGANISATIONS = 5_000
FOLLOWUPS = 20_000


def main() -> None:
    from bench._today_data import add_today_data
    from bench.generate import generate_contacts

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        started = time.perf_counter()
        generate_contacts(data_dir / "netdesk.db", CONTACTS, organisations=ORGANISATIONS)
        add_today_data(data_dir / "netdesk.db", FOLLOWUPS)
        print(f"generate_companies_100k_s: {time.perf_counter() - started:.1f}")
        lines = run_probe("bench._companies_probe", str(data_dir), timeout=600)
        switch, reload, floor, typical, largest, typical_size, largest_size, stall = (
            float(value) for value in lines[-1].split()
        )
        print(f"companies_view_paint_ms: {switch:.1f}")
        print(f"companies_view_reload_paint_ms: {reload:.1f}")
        print(f"companies_view_unchanged_floor_ms: {floor:.1f}")
        print(f"companies_view_ratio_to_floor: {switch / floor:.2f}")
        print(f"companies_view_reload_ratio_to_floor: {reload / floor:.2f}")
        print(f"company_detail_paint_ms: {typical:.1f} ({typical_size:.0f} people)")
        print(f"company_detail_largest_paint_ms: {largest:.1f} ({largest_size:.0f} people)")
        print(f"gui_stall_max_ms_company_largest: {stall:.1f}")


if __name__ == "__main__":
    main()
