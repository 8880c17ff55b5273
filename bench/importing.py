"""Import speed: 10,000 generated vCards into an empty database, against a floor.

The cards are `tests.testdata.vcards.network_vcards`: issue 19's realistic address book (namesakes,
5,000 employers, national phone formats, notes, a photo on 10%, 3.0 and 4.0 mixed); the LinkedIn
export has its namesakes and employers.

Prints `import_10k_vcards_s` (plan + apply through ImportService, median of 3),
`import_10k_ratio_to_floor` (over: split the same file into lines and `executemany` one row per
line into SQLite, same run; target <= 5), `import_10k_plan_s` / `import_10k_apply_s` (the two
stages of the median run: reading and matching, then writing) and `vobject_parse_10k_s` (vobject
0.9.9 only parsing the same file, for reference; needs the test extra). Two more figures, one run
each: `reimport_10k_changed_s` (the same cards again, each with a new nickname: 10,000 merges) and
`import_10k_linkedin_csv_s` (a LinkedIn Connections.csv of 10,000 rows into an empty database,
a "connected" interaction each).
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from tests.testdata.vcards import generate_linkedin_csv, network_vcards

CARDS = 10_000
RUNS = 3


def floor_seconds(data: bytes, db_path: Path) -> float:
    """Split into lines and insert one row per line with executemany, in one transaction."""
    started = time.perf_counter()
    lines = data.decode("utf-8").split("\r\n")
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("CREATE TABLE IF NOT EXISTS line (id INTEGER PRIMARY KEY, text TEXT)")
    with connection:
        connection.executemany("INSERT INTO line(text) VALUES (?)", ((x,) for x in lines))
    connection.close()
    return time.perf_counter() - started


def import_seconds(path: Path, data_dir: Path, again: bytes | None = None) -> tuple[float, float]:
    """Seconds to plan, and to apply, the import of `path` into a new database; with `again`,
    of importing those bytes over it afterwards instead."""
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.core.importing import ImportService
    from netdesk.store.db import close_database, open_database

    open_database(data_dir / "netdesk.db", daily_backup=False)
    changes = Changes()
    service = ImportService(ContactService(changes), changes)
    if again is not None:
        service.apply(service.plan([path]))
        path.write_bytes(again)
    started = time.perf_counter()
    plan = service.plan([path])
    planned = time.perf_counter()
    service.apply(plan)
    applied = time.perf_counter()
    close_database()
    return planned - started, applied - planned


def vobject_seconds(data: bytes) -> float | None:
    """vobject parsing the same cards (None when vobject is not installed)."""
    try:
        import vobject
    except ImportError:
        return None
    started = time.perf_counter()
    for _ in vobject.readComponents(data.decode("utf-8")):
        pass
    return time.perf_counter() - started


def main() -> None:
    data = network_vcards(CARDS)
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-import-") as tmp:
        root = Path(tmp)
        path = root / "cards.vcf"
        path.write_bytes(data)
        imports, floors = [], []
        for run in range(RUNS):
            floors.append(floor_seconds(data, root / f"floor-{run}.db"))
            imports.append(import_seconds(path, root / f"data-{run}"))
        plan_s, apply_s = sorted(imports, key=sum)[len(imports) // 2]
        seconds = statistics.median(sum(stages) for stages in imports)
        print(f"import_10k_vcards_s: {seconds:.3f}")
        print(f"import_10k_ratio_to_floor: {seconds / statistics.median(floors):.2f}")
        print(f"import_10k_plan_s: {plan_s:.3f}")
        print(f"import_10k_apply_s: {apply_s:.3f}")
        reference = vobject_seconds(data)
        if reference is not None:
            print(f"vobject_parse_10k_s: {reference:.3f}")
        again = root / "again.vcf"
        again.write_bytes(data)
        changed = data.replace(b"\r\nUID:", b"\r\nNICKNAME:met again\r\nUID:")
        print(f"reimport_10k_changed_s: {sum(import_seconds(again, root / 'again', changed)):.3f}")
        linkedin = root / "Connections.csv"
        linkedin.write_bytes(generate_linkedin_csv(CARDS))
        print(f"import_10k_linkedin_csv_s: {sum(import_seconds(linkedin, root / 'in')):.3f}")


if __name__ == "__main__":
    main()
