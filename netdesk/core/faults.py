"""Store faults the user can act on, in words: the UI's window on `netdesk.store.errors`."""

from __future__ import annotations

from netdesk.store.errors import BUSY_MESSAGE, READ_ONLY_MESSAGE, fault_message

__all__ = ["BUSY_MESSAGE", "READ_ONLY_MESSAGE", "fault_message"]
