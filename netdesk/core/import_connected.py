"""LinkedIn's "Connected On" dates as "connected" interactions, written for a whole import at once.

One by one (`log_interaction` and a lookup each) a large export was slow to apply; here they are
one lookup and one bulk insert a chunk. An interaction already there (the same export imported
a second time) is not written again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from netdesk.core.import_writer import insert_rows
from netdesk.core.interactions import refresh_last_contacted_many
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Interaction
from netdesk.store.rows import tuples

CHANNEL = "connected"
_CHUNK = 500
_FIELDS = ("contact", "occurred_at", "channel", "summary", "import_batch")


def log_connections(contacts: Iterable[tuple[int, ContactDraft]], batch_id: int) -> None:
    """A "connected" interaction at noon of each draft's `connected_on` for its contact (id)."""
    wanted: dict[tuple[int, datetime], str] = {}
    for contact_id, draft in contacts:
        if draft.connected_on is not None:
            when = datetime.combine(draft.connected_on, time(12))
            wanted.setdefault((contact_id, when), f"Connected on {draft.source.title()}")
    known = _known({contact_id for contact_id, _ in wanted})
    rows = [
        (contact_id, when, CHANNEL, summary, batch_id)
        for (contact_id, when), summary in wanted.items()
        if (contact_id, when) not in known
    ]
    insert_rows(Interaction, _FIELDS, rows)
    refresh_last_contacted_many(row[0] for row in rows)


def _known(contact_ids: set[int]) -> set[tuple[int, datetime]]:
    """(contact id, time) of the "connected" interactions these contacts have."""
    ids = sorted(contact_ids)
    known: set[tuple[int, datetime]] = set()
    for start in range(0, len(ids), _CHUNK):
        query = Interaction.select(Interaction.contact, Interaction.occurred_at).where(
            Interaction.channel == CHANNEL, Interaction.contact.in_(ids[start : start + _CHUNK])
        )
        known.update(tuples(query))
    return known
