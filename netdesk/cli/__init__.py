"""Command-line subcommands, each a module with `configure(parser)` and `run(args, paths) -> int`.

A module is imported only when its command runs. To add a command, add a line to COMMANDS.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("netdesk.cli.check", "check the database's integrity"),
    "backup": ("netdesk.cli.backup", "copy the database to a backup file"),
    "restore": ("netdesk.cli.restore", "put a backup in place of the database"),
    "due": ("netdesk.cli.due", "list the follow-ups that are due"),
    "today": ("netdesk.cli.today", "print today's plan: who to reach out to, what is due"),
    "import": ("netdesk.cli.import_", "import vCard / CSV files (--dry-run, --json)"),
    "export": ("netdesk.cli.export", "write contacts as vCard or CSV"),
}


def load_command(name: str) -> ModuleType:
    """Import the module that implements command `name`."""
    return importlib.import_module(COMMANDS[name][0])
