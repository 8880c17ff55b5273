"""Opening the store for a command, with a one-line message when the file is damaged."""

from __future__ import annotations

import sys

from netdesk.paths import Paths


def open_or_report(paths: Paths, command: str) -> bool:
    """Open the database for `command`; False (after telling stderr) when it is damaged."""
    from netdesk.store.db import DamagedDatabaseError, open_database

    try:
        open_database(paths.database)
    except DamagedDatabaseError as error:
        print(f"netdesk {command}: {error}", file=sys.stderr)
        return False
    return True
