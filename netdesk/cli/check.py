"""`netdesk check`: SQLite's integrity check on the database file, without changing it.

An empty or missing file where a good backup exists counts as damaged (exit 1), as it does when
NetDesk opens it.
"""

from __future__ import annotations

import argparse
import sys

from netdesk.core.clock import Clock
from netdesk.paths import Paths
from netdesk.store import backup
from netdesk.store.access import folder_writable
from netdesk.store.errors import EmptyDatabaseError
from netdesk.store.integrity import quick_check


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print nothing when healthy")


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    database = paths.database
    empty = not database.exists() or database.stat().st_size == 0
    newest = backup.newest_good(database) if empty else None
    if empty and newest is None:
        print(f"No database yet at {database}")
        return 0
    if newest is not None:
        problems = EmptyDatabaseError(database, newest).problems
    else:
        problems = quick_check(database, immutable=not folder_writable(database.parent))
    if problems:
        print(f"{database}: damaged", file=sys.stderr)
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        print("Restore the newest good backup with: netdesk restore", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{database}: ok")
    return 0
