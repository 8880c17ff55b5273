"""`netdesk backup [DEST]`: a consistent copy of the live database (SQLite's backup API)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netdesk.core.clock import Clock
from netdesk.paths import Paths
from netdesk.store import backup


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dest", nargs="?", help="file or folder to write to (default: the backups folder)"
    )


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    if not paths.database.exists():
        print(f"netdesk backup: no database at {paths.database}", file=sys.stderr)
        return 2
    if args.dest is None:
        from netdesk.cli._store import open_or_report
        from netdesk.store.models import db

        if not open_or_report(paths, "backup", clock=clock):
            return 1
        written = backup.take(db.obj, paths.database, reason="manual", now=clock.now())
    else:
        dest = Path(args.dest).expanduser()
        if dest.is_dir():
            dest = dest / "netdesk-backup.db"
        written = backup.copy_database(paths.database, dest)
    print(written)
    return 0
