"""Open sync conflicts made directly in the store, for tests and screenshots of what shows them."""

from __future__ import annotations

import json

from netdesk.core import sync_accounts
from netdesk.store.models import SyncConflict


def add_conflicts(contact_id: int, *fields: tuple[str, object, object]) -> None:
    """Open conflicts on `contact_id`: (field, NetDesk's value, the server's) each, on the
    account (one is set up first when there is none)."""
    account = sync_accounts.account() or sync_accounts.set_up(
        "http://dav.test/", "alice", "/alice/book/"
    )
    for field, local, remote in fields:
        SyncConflict.create(
            account=account.id,
            contact=contact_id,
            field=field,
            local=json.dumps(local),
            remote=json.dumps(remote),
        )
