"""What changed in a collection on the server since the last sync: RFC 6578 `sync-collection`,
else the collection's ctag and then every resource's ETag. Shared by the contacts' and the
follow-ups' sync."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from netdesk.core.carddav import Card, CardDavClient, Changes, SyncTokenInvalid, SyncUnsupported


@dataclass
class Fetched:
    """The server's changes; whether they list every resource (then one not listed is gone);
    the collection's ctag to remember ("" with sync-collection)."""

    changes: Changes
    everything: bool
    ctag: str


def remote_changes(
    client: CardDavClient, collection: str, token: str, ctag: str, notes: list[str]
) -> Fetched:
    """The changes since `token` (or, without sync-collection, since `ctag`); a note for the
    user when the server lacks sync-collection."""
    try:
        return Fetched(client.sync_collection(collection, token), not token, ctag)
    except SyncTokenInvalid:
        return Fetched(client.sync_collection(collection, ""), True, ctag)
    except SyncUnsupported:
        notes.append("the server does not report changes: compared every ETag")
    now, _ = client.state(collection)
    if now and now == ctag:
        return Fetched(Changes(), False, ctag)
    return Fetched(Changes(changed=list(client.etags(collection).items())), True, now)


def batches(cards: Iterable[Card], size: int) -> Iterator[list[Card]]:
    """`cards` in lists of `size` (the last one shorter)."""
    batch: list[Card] = []
    for card in cards:
        batch.append(card)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
