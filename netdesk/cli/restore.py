"""`netdesk restore [BACKUP]`: put a backup in place of the database, keeping the old file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netdesk.core.clock import Clock
from netdesk.paths import Paths
from netdesk.store import backup
from netdesk.store.access import folder_writable
from netdesk.store.integrity import quick_check


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", help="backup file (default: the newest good one)")
    parser.add_argument("--list", action="store_true", help="list the backup generations")


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    if args.list:
        for generation in backup.generations(paths.database):
            print(generation)
        return 0
    source = Path(args.backup) if args.backup else backup.newest_good(paths.database)
    if source is None:
        print("netdesk restore: no good backup found", file=sys.stderr)
        return 1
    if not source.is_file():
        print(f"netdesk restore: {source}: no such file", file=sys.stderr)
        return 2
    problems = quick_check(source)
    if problems:
        print(f"netdesk restore: {source} is damaged too: {problems[0]}", file=sys.stderr)
        return 1
    if not folder_writable(paths.data_dir):
        print(f"netdesk restore: the folder {paths.data_dir} cannot be written", file=sys.stderr)
        return 1
    kept = backup.restore(source, paths.database, now=clock.now())
    print(f"Restored {source}")
    if kept:
        print(f"The previous file is kept as {kept}")
    return 0
