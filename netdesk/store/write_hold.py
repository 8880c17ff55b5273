"""Writes held back while the integrity check of the file runs beside the app's first reads.

Start-up opens the store and shows the last view at once, while SQLite's quick_check reads the
whole file on a worker. Until the check has passed nothing may write to the file: a statement
that would (in any thread, through any connection opened meanwhile) waits for the verdict, then
goes ahead, or is refused for good when the file is damaged, so a damaged file is never written
before the user has chosen what to do with it. SQLite asks the hold through an authorizer, which
it calls when it prepares a statement.
"""

from __future__ import annotations

import sqlite3
import threading

_WRITES = frozenset(
    (
        sqlite3.SQLITE_INSERT,
        sqlite3.SQLITE_UPDATE,
        sqlite3.SQLITE_DELETE,
        sqlite3.SQLITE_CREATE_TABLE,
        sqlite3.SQLITE_CREATE_INDEX,
        sqlite3.SQLITE_CREATE_TRIGGER,
        sqlite3.SQLITE_CREATE_VIEW,
        sqlite3.SQLITE_CREATE_VTABLE,
        sqlite3.SQLITE_DROP_TABLE,
        sqlite3.SQLITE_DROP_INDEX,
        sqlite3.SQLITE_DROP_TRIGGER,
        sqlite3.SQLITE_DROP_VIEW,
        sqlite3.SQLITE_DROP_VTABLE,
        sqlite3.SQLITE_ALTER_TABLE,
        sqlite3.SQLITE_REINDEX,
        sqlite3.SQLITE_ANALYZE,
    )
)


class WriteHold:
    """Until `release()` or `refuse()`, statements that write to the main file wait; after
    `refuse()` they fail ("not authorized")."""

    def __init__(self) -> None:
        self._decided = threading.Event()
        self._allowed = False

    @property
    def decided(self) -> bool:
        return self._decided.is_set()

    @property
    def refused(self) -> bool:
        return self._decided.is_set() and not self._allowed

    def release(self) -> None:
        """The file is sound: let every waiting and later write go ahead."""
        self._allowed = True
        self._decided.set()

    def refuse(self) -> None:
        """The file is damaged: refuse every waiting and later write."""
        self._allowed = False
        self._decided.set()

    def authorize(self, action: int, _a: object, _b: object, db_name: object, _c: object) -> int:
        """SQLite's authorizer: reads pass, a write to the main file waits for the verdict.

        The verdict must come from another thread than the one writing (the check's worker).
        """
        if action not in _WRITES or db_name == "temp":
            return sqlite3.SQLITE_OK
        self._decided.wait()
        return sqlite3.SQLITE_OK if self._allowed else sqlite3.SQLITE_DENY

    def watch(self, connection: sqlite3.Connection) -> None:
        """Have `connection` ask this hold before it writes (until decided)."""
        if not self.decided or self.refused:
            connection.set_authorizer(self.authorize)
