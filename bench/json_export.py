"""NetDesk's JSON export and import at 100,000 contacts, every one with a photo.

`generate_contacts` makes the network (methods, tags, interactions, follow-ups) and every
contact gets a noisy PNG (`PHOTO_PX` square, ~1.8 KB). Each step runs as its own `netdesk`
command in a child process, so its peak memory (VmHWM: the process's own, unlike ru_maxrss,
which Linux carries over from the forking parent) is its own: `netdesk export --format
json -o FILE`, then `netdesk import FILE` into a new folder. The floors, in the same run: the
time of `netdesk backup` of the same database (SQLite copying its pages), and the peak memory of
`netdesk check` (a process that opens the store and reads nothing of it). Streaming shows as a
peak memory near the floor's while the file is hundreds of MB.
"""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

CONTACTS = 100_000
PHOTO_PX = 24


def _png(rng: random.Random, size: int) -> bytes:
    """A valid, noisy PNG of `size`×`size` (noise: it does not compress to nothing)."""
    raw = b"".join(b"\x00" + rng.randbytes(size * 3) for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _add_photos(db_path: Path) -> None:
    from netdesk.store.db import close_database, open_database
    from netdesk.store.models import db

    rng = random.Random(5)
    open_database(db_path)
    try:
        with db.atomic():
            ids = [row[0] for row in db.execute_sql("SELECT id FROM contact")]
            db.cursor().executemany(
                "UPDATE contact SET photo = ? WHERE id = ?", [(_png(rng, PHOTO_PX), i) for i in ids]
            )
    finally:
        close_database()


def _run(data_dir: Path, *args: str) -> tuple[float, float]:
    """Seconds and peak memory (MB) of `netdesk ARGS` in a child process."""
    code = (
        "import sys, time\n"
        "from netdesk.__main__ import main\n"
        "start = time.perf_counter()\n"
        "status = main(sys.argv[1:])\n"
        "took = time.perf_counter() - start\n"
        "status_lines = open('/proc/self/status').read().splitlines()\n"
        "peak = next(int(x.split()[1]) for x in status_lines if x.startswith('VmHWM')) / 1024\n"
        "print(f'{took} {peak}', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    took, peak = done.stderr.strip().splitlines()[-1].split()
    return float(took), float(peak)


def main() -> None:
    from bench.generate import generate_contacts

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        source, target = Path(tmp) / "source", Path(tmp) / "target"
        generate_contacts(source / "netdesk.db", CONTACTS)
        _add_photos(source / "netdesk.db")
        export = Path(tmp) / "netdesk.json"
        _run(source, "check")  # the daily backup and a warm file cache
        floor_s, _ = _run(source, "backup", str(Path(tmp) / "copy.db"))
        _, floor_mb = _run(source, "check")
        export_s, export_mb = _run(source, "export", "--format", "json", "-o", str(export))
        import_s, import_mb = _run(target, "import", str(export))
        size_mb = export.stat().st_size / 1e6
        db_mb = (source / "netdesk.db").stat().st_size / 1e6
    print(f"json_export_100k_db_mb: {db_mb:.0f}")
    print(f"json_export_100k_file_mb: {size_mb:.0f}")
    print(f"json_backup_floor_s: {floor_s:.2f}")
    print(f"json_export_100k_s: {export_s:.2f}")
    print(f"json_import_100k_s: {import_s:.2f}")
    print(f"json_export_100k_ratio: {export_s / floor_s:.1f}")
    print(f"json_import_100k_ratio: {import_s / floor_s:.1f}")
    print(f"json_check_floor_peak_mb: {floor_mb:.0f}")
    print(f"json_export_100k_peak_mb: {export_mb:.0f}")
    print(f"json_import_100k_peak_mb: {import_mb:.0f}")


if __name__ == "__main__":
    main()
