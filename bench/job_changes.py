"""Detecting job changes: a newer LinkedIn export of 10,000 connections against 100,000 contacts.

gen_network.py writes the people of two LinkedIn exports a few months apart (about 3% changed
company or title between them). The database holds those people (their network.vcf, then
linkedin-1.csv imported) among generated contacts, 100,000 in all. What is timed is what the
user waits for: importing linkedin-2.csv (read, match, list the changes, write them: the old
jobs ended, the new ones recorded, a congratulate follow-up each) through the app's services in
a fresh process (bench/_import_child.py), into a fresh copy of that database each run.

Prints `job_changes_10k_s` (median of 3), `job_changes_10k_reference_s` (the same file imported
into an empty database, same run: 10,000 new contacts, median of 3),
`job_changes_10k_ratio_to_import` (target <= 5) and `job_changes_10k_found` (changes recorded
against truth.json's). Needs ../shared/tools/gen_network.py; without it the figures are
skipped with a note.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import _import_child
from bench.import_network import GENERATOR_CANDIDATES

CONTACTS = 100_000
ROWS = 10_000
PEOPLE = ROWS * 5 // 3  # gen_network.py puts about 60% of its people in the LinkedIn exports
RUNS = 3


def _network(folder: Path) -> Path | None:
    """gen_network.py's files for PEOPLE people in `folder` (None without the tool)."""
    tool = next((p for p in GENERATOR_CANDIDATES if p.is_file()), None)
    if tool is None:
        return None
    command = [sys.executable, str(tool), str(PEOPLE), str(folder), "--photos", "0"]
    subprocess.run(command, check=True, capture_output=True)
    return folder


def _known_network(net: Path, data: Path) -> None:
    """The database the export is imported into: the people of the network and linkedin-1.csv,
    then generated contacts up to CONTACTS."""
    from bench.generate import generate_contacts

    _import_child.run(data, net / "network.vcf")
    _import_child.run(data, net / "linkedin-1.csv")
    generate_contacts(data / "netdesk.db", CONTACTS - PEOPLE)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-jobs-") as tmp:
        root = Path(tmp)
        net = _network(root / "net")
        if net is None:
            print("job_changes_10k: skipped (../shared/tools/gen_network.py is absent)")
            return
        export = net / "linkedin-2.csv"
        truth = json.loads((net / "truth.json").read_text(encoding="utf-8"))
        known = root / "known"
        _known_network(net, known)
        detect, reference, found = [], [], []
        for run in range(RUNS):
            copy = root / f"known-{run}"
            shutil.copytree(known, copy)
            result = _import_child.run(copy, export)
            detect.append(result["seconds"])
            found.append(result["job_changes"])
            shutil.rmtree(copy)
            reference.append(_import_child.run(root / f"empty-{run}", export)["seconds"])
        seconds, floor = statistics.median(detect), statistics.median(reference)
        print(f"job_changes_10k_s: {seconds:.3f}")
        print(f"job_changes_10k_reference_s: {floor:.3f}")
        print(f"job_changes_10k_ratio_to_import: {seconds / floor:.2f}")
        print(f"job_changes_10k_found: {min(found)}/{len(truth['job_changes'])}")


if __name__ == "__main__":
    main()
