"""Importing as the user waits for it (issue 19 item 5): 10,000 realistic vCards through the main
window's import dialog, with every service of the app listening, into an empty database and into
one of 100,000 contacts.

The file is `tests.testdata.vcards.network_vcards` (namesakes, 5,000 employers, national phone
formats, notes, a photo on 10%); the network of 100,000 is `bench.generate`'s. Each import runs
in a fresh process (`bench._import_app_probe`) over a fresh copy of its database: the file handed
to the window, the preview read in a worker, Import pressed, the import written in a worker (the
follow-up service reconciles check-ins and birthdays on its change there, as in the app), the
views brought up to date.

Prints, medians of RUNS each, for `empty` and `into_100k`: `import_app_10k_<db>_s` (file handed
over → the dialog's result shown) with its stages `_plan_s` and `_apply_s`, `_settled_s` (result
→ the contact list repainted and Today read again) and `_stall_ms` (the longest the window did
not answer); and the floors of the same run: `import_app_floor_s` (split the file into lines and
insert one row per line, as `bench.importing`) and `import_app_parse_s` (reading the cards only:
`read_source`), with the ratios `import_app_10k_<db>_ratio_to_floor`.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench._probes import run_probe
from bench.importing import floor_seconds

CARDS = 10_000
CONTACTS = 100_000
RUNS = 3


def _parse_seconds(data: bytes) -> float:
    from netdesk.core.importing import read_source

    started = time.perf_counter()
    read_source(data, "cards.vcf")
    return time.perf_counter() - started


def _imports(database: Path | None, cards: Path, root: Path, name: str) -> list[list[float]]:
    """The probe's figures of RUNS imports of `cards`, each into a fresh copy of `database`'s
    folder (an empty one without)."""
    runs = []
    for run in range(RUNS):
        data_dir = root / f"{name}-{run}"
        if database is None:
            data_dir.mkdir()
        else:
            shutil.copytree(database, data_dir)
        line = run_probe("bench._import_app_probe", str(data_dir), str(cards), timeout=1200)[-1]
        runs.append([float(value) for value in line.split()])
        shutil.rmtree(data_dir)
    return runs


def _print(name: str, runs: list[list[float]], floor: float) -> None:
    total = statistics.median(plan + apply for plan, apply, *_ in runs)
    print(f"import_app_10k_{name}_s: {total:.3f}")
    print(f"import_app_10k_{name}_ratio_to_floor: {total / floor:.2f}")
    for index, stage in enumerate(("plan", "apply", "settled")):
        print(f"import_app_10k_{name}_{stage}_s: {statistics.median(r[index] for r in runs):.3f}")
    print(f"import_app_10k_{name}_stall_ms: {statistics.median(r[3] for r in runs):.0f}")
    created = {int(r[4]) for r in runs}
    if created != {CARDS}:
        print(f"import_app_10k_{name}: created {sorted(created)} contacts, not {CARDS}")


def _floors(data: bytes, root: Path) -> float:
    """The line-split floor of the same run (printed with the parse-only one)."""
    floor = statistics.median(floor_seconds(data, root / f"floor-{run}.db") for run in range(RUNS))
    print(f"import_app_floor_s: {floor:.3f}")
    print(f"import_app_parse_s: {statistics.median(_parse_seconds(data) for _ in range(RUNS)):.3f}")
    return floor


def main() -> None:
    from bench.generate import generate_contacts
    from tests.testdata.vcards import network_vcards

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-import-app-") as tmp:
        root = Path(tmp)
        (root / "big").mkdir()
        generate_contacts(root / "big" / "netdesk.db", CONTACTS)
        data = network_vcards(CARDS)
        (root / "network.vcf").write_bytes(data)
        floor = _floors(data, root)
        _print("empty", _imports(None, root / "network.vcf", root, "empty"), floor)
        _print("into_100k", _imports(root / "big", root / "network.vcf", root, "big"), floor)


if __name__ == "__main__":
    main()
