"""`netdesk check`: SQLite's integrity check on the database file, without changing it."""

from __future__ import annotations

import argparse
import sys

from netdesk.paths import Paths
from netdesk.store.integrity import quick_check


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print nothing when healthy")


def run(args: argparse.Namespace, paths: Paths) -> int:
    if not paths.database.exists():
        print(f"No database yet at {paths.database}")
        return 0
    problems = quick_check(paths.database)
    if problems:
        print(f"{paths.database}: damaged", file=sys.stderr)
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        print("Restore the newest good backup with: netdesk restore", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{paths.database}: ok")
    return 0
