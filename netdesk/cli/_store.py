"""Opening the store for a command; a message when it cannot be opened as it is."""

from __future__ import annotations

import sys

from netdesk.core.clock import Clock
from netdesk.paths import Paths

WAIT_MS = 15_000  # a command waits this long for another NetDesk's write (an import) to end


def open_or_report(
    paths: Paths, command: str, *, write: bool = True, clock: Clock | None = None
) -> bool:
    """Open the database for `command`; False (after telling stderr) when it cannot be: damaged,
    empty where backups exist, from a newer NetDesk, its upgrade failed (the message names the
    backup taken before it), or its folder cannot be written and `command` writes. A command
    that only reads (`write=False`) opens a read-only folder read-only. `clock` (the command's;
    default: the wall clock) decides whether the day's check and backup are due."""
    from netdesk.store.access import file_writable
    from netdesk.store.db import open_database
    from netdesk.store.errors import DamagedDatabaseError, StoreError, UpgradeError

    writable = file_writable(paths.database)
    if write and not writable:
        print(f"netdesk {command}: the folder {paths.data_dir} cannot be written", file=sys.stderr)
        return False
    try:
        now = clock.now() if clock is not None else None
        database = open_database(
            paths.database, daily_backup=write, read_only=not writable, now=now
        )
    except (StoreError, UpgradeError) as error:
        print(f"netdesk {command}: {error}", file=sys.stderr)
        if isinstance(error, DamagedDatabaseError):
            print("Restore the newest good backup with: netdesk restore", file=sys.stderr)
        return False
    database.execute_sql(f"PRAGMA busy_timeout = {WAIT_MS}")
    return True
