"""Opening the store for a command; a message when the file is damaged or cannot be upgraded."""

from __future__ import annotations

import sys

from netdesk.paths import Paths


def open_or_report(paths: Paths, command: str) -> bool:
    """Open the database for `command`; False (after telling stderr) when it is damaged or its
    schema upgrade failed (the message names the backup taken before it)."""
    from netdesk.store.db import DamagedDatabaseError, UpgradeError, open_database

    try:
        open_database(paths.database)
    except (DamagedDatabaseError, UpgradeError) as error:
        print(f"netdesk {command}: {error}", file=sys.stderr)
        return False
    return True
