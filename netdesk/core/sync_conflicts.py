"""The fields a sync found changed on both sides and the user has not settled yet."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netdesk.store.models import Contact, SyncConflict
from netdesk.store.rows import tuples


@dataclass(frozen=True)
class OpenConflict:
    """A field of a contact: the value NetDesk kept and the server's, as JSON values."""

    contact_id: int
    name: str
    field: str
    local: Any
    remote: Any
    found_at: datetime


def open_conflicts() -> list[OpenConflict]:
    """Every conflict not settled yet, newest first."""
    query = (
        SyncConflict.select(
            SyncConflict.contact,
            Contact.display_name,
            SyncConflict.field,
            SyncConflict.local,
            SyncConflict.remote,
            SyncConflict.created_at,
        )
        .join(Contact)
        .where(SyncConflict.resolved_at.is_null(True))
        .order_by(SyncConflict.created_at.desc(), SyncConflict.id.desc())
    )
    return [
        OpenConflict(contact_id, name, field, json.loads(local), json.loads(remote), found_at)
        for contact_id, name, field, local, remote, found_at in tuples(query)
    ]
