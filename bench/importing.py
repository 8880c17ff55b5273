"""Import speed: 10,000 generated vCards into an empty database, against a floor.

Prints `import_10k_vcards_s` (plan + apply through ImportService, median of 3),
`import_10k_ratio_to_floor` (over: split the same file into lines and `executemany` one row per
line into SQLite, same run; target <= 5), `import_10k_plan_s` / `import_10k_apply_s` (the two
stages of the median run: reading and matching, then writing) and `vobject_parse_10k_s` (vobject
0.9.9 only parsing the same file, for reference; needs the test extra). Two more figures, one run
each: `reimport_10k_changed_s` (the same cards again, each with a new note: 10,000 merges) and
`import_10k_linkedin_csv_s` (a LinkedIn Connections.csv of 10,000 rows into an empty database,
a "connected" interaction each).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import COMPANIES, FAMILY, GIVEN, TAGS, TITLES

CARDS = 10_000
RUNS = 3


def generate_vcards(n: int, seed: int = 11) -> bytes:
    """`n` distinct people as vCard 3.0: name, organisation, title, email, phone, LinkedIn, tag."""
    rng = random.Random(seed)
    people = rng.sample(range(len(GIVEN) * len(FAMILY) * len(COMPANIES)), n)
    cards = []
    for i, person in enumerate(people):
        given = GIVEN[person % len(GIVEN)]
        family = FAMILY[person // len(GIVEN) % len(FAMILY)]
        company = COMPANIES[person // (len(GIVEN) * len(FAMILY))]
        handle = f"{given}.{family}.{i}".lower()
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"N:{family};{given};;;\r\nFN:{given} {family}\r\n"
            f"ORG:{company}\r\nTITLE:{rng.choice(TITLES)}\r\n"
            f"EMAIL;TYPE=INTERNET,WORK:{handle}@example.com\r\n"
            f"TEL;TYPE=CELL:+44 7700 {i // 1000 % 1000:03d}{i % 1000:03d}\r\n"
            f"X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/{handle}\r\n"
            f"CATEGORIES:{rng.choice(TAGS)}\r\nUID:bench-{i}\r\nEND:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8")


def generate_linkedin_csv(n: int, seed: int = 11) -> bytes:
    """A LinkedIn Connections.csv export of `n` connections (with its "Notes:" preamble)."""
    rng = random.Random(seed)
    rows = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        url = f"https://www.linkedin.com/in/{given}-{family}-{i}".lower()
        month = rng.choice(("Jan", "Mar", "Jul", "Nov"))
        day = f"{rng.randint(1, 28)} {month} 20{rng.randint(10, 25)}"
        rows.append(f"{given},{family},{url},,{rng.choice(COMPANIES)},{rng.choice(TITLES)},{day}")
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


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
    data = generate_vcards(CARDS)
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
        changed = data.replace(b"CATEGORIES:", b"NOTE:met again\r\nCATEGORIES:")
        print(f"reimport_10k_changed_s: {sum(import_seconds(again, root / 'again', changed)):.3f}")
        linkedin = root / "Connections.csv"
        linkedin.write_bytes(generate_linkedin_csv(CARDS))
        print(f"import_10k_linkedin_csv_s: {sum(import_seconds(linkedin, root / 'in')):.3f}")


if __name__ == "__main__":
    main()
