"""Command-line subcommands, each a module with `configure(parser)` and
`run(args, paths, clock) -> int` (`clock`: the app's "now", the real one unless a test passes one).

A module is imported only when its command runs. To add a command, add a line to COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from netdesk.core.clock import Clock
from netdesk.paths import Paths

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("netdesk.cli.check", "check the database's integrity"),
    "backup": ("netdesk.cli.backup", "copy the database to a backup file"),
    "restore": ("netdesk.cli.restore", "put a backup in place of the database"),
    "due": ("netdesk.cli.due", "list the follow-ups that are due"),
    "today": ("netdesk.cli.today", "print today's plan: who to reach out to, what is due"),
    "import": ("netdesk.cli.import_", "import vCard / CSV files, or a NetDesk JSON export"),
    "sync": ("netdesk.cli.sync", "sync the contacts with a CardDAV server (two-way)"),
    "export": (
        "netdesk.cli.export",
        "write contacts as vCard or CSV, opportunities as CSV, or everything as JSON",
    ),
}

EXIT_BUSY = 75  # EX_TEMPFAIL (sysexits.h): another NetDesk is writing; trying again later works


def load_command(name: str) -> ModuleType:
    """Import the module that implements command `name`."""
    return importlib.import_module(COMMANDS[name][0])


def run_command(module: ModuleType, args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    """Run a command; a database another process keeps locked is one line and EXIT_BUSY, and a
    database the command opened is closed cleanly (the next start can skip the full check)."""
    ended = False
    try:
        status: int = module.run(args, paths, clock)
        ended = True
    except Exception as error:
        from netdesk.store.errors import BUSY_MESSAGE, is_busy

        if not is_busy(error):
            raise
        print(BUSY_MESSAGE, file=sys.stderr)
        return EXIT_BUSY
    finally:
        if "netdesk.store.db" in sys.modules:
            sys.modules["netdesk.store.db"].close_database(clean=ended)
    return status
