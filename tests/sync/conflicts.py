"""Open sync conflicts made directly in the store, for tests and screenshots of what shows them."""

from __future__ import annotations

import json

from netdesk.core import sync_accounts
from netdesk.core.sync_calendar import values_json
from netdesk.store.models import SyncConflict, SyncItemConflict


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


def add_item_conflict(column: str, item_id: int, field: str, local: object, remote: object) -> None:
    """An open conflict of one field of a follow-up, event or interaction (`column`: "followup",
    "event" or "interaction"): NetDesk's value and the server's."""
    account = sync_accounts.account() or sync_accounts.set_up(
        "http://dav.test/", "alice", "/alice/book/"
    )
    SyncItemConflict.create(
        account=account.id,
        field=field,
        local=values_json((local,)),
        remote=values_json((remote,)),
        **{column: item_id},
    )
