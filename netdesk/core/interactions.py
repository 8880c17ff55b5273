"""Interactions: the one place that records "we talked", so every view and reminder agrees.

`log_interaction` writes the Interaction, moves the contact's `last_contacted_at` forward (never
back) and announces both changes; services that care (follow-ups, the dashboard) subscribe to the
"interactions" topic instead of being called from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netdesk.core.changes import Changes
from netdesk.core.vocabulary import CHANNELS, DIRECTIONS, GIVE_KINDS
from netdesk.store.models import Interaction, db, utcnow

_CHUNK = 500
JOB_CHANGE = "job change"
"""The channel of the importer's "was Title at Company until …" lines (see import_conflicts)."""


@dataclass(frozen=True)
class InteractionRow:
    """One interaction as the timeline shows it."""

    id: int
    contact_id: int
    occurred_at: datetime
    channel: str
    summary: str
    direction: str
    event_id: int | None
    give_kind: str = ""
    introduced: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True)
class Give:
    """What an interaction gave or received: `direction` ("gave", "received" or "neutral"), its
    kind (one of GIVE_KINDS, or "") and, for an introduction, the two people introduced (None
    stands for the user, as in "introduced me to Ana")."""

    direction: str = "neutral"
    kind: str = ""
    introduced: tuple[int | None, int | None] = (None, None)

    def check(self) -> None:
        """Refuse a give that does not make sense (a kind without a direction, people
        introduced by something other than an introduction)."""
        if self.direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {self.direction!r}")
        if self.kind and self.kind not in GIVE_KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; expected one of {', '.join(GIVE_KINDS)}")
        if self.kind and self.direction == "neutral":
            raise ValueError("a kind of give needs a direction (gave or received)")
        if self.introduced != (None, None) and self.kind != "introduction":
            raise ValueError("only an introduction names people introduced")


NEUTRAL = Give()


def log_interaction(
    changes: Changes,
    contact_id: int,
    *,
    occurred_at: datetime | None = None,
    channel: str = "in person",
    summary: str = "",
    direction: str = "neutral",
    event_id: int | None = None,
    import_batch: int | None = None,
    publish: bool = True,
    give: Give | None = None,
) -> int:
    """Record an interaction with a contact; return its id.

    `give` says what was given or received (it wins over the bare `direction`)."""
    give = give or Give(direction)
    _check(channel, give)
    when = occurred_at or utcnow()
    with db.atomic():
        interaction = Interaction.create(
            **_columns(contact_id, when, channel, summary, give),
            event=event_id,
            import_batch=import_batch,
        )
        refresh_last_contacted(contact_id)
    if publish:
        changes.publish("interactions", [contact_id])
        changes.publish("contacts", [contact_id])
    return interaction.id


def update_interaction(
    changes: Changes,
    interaction_id: int,
    contact_id: int,
    *,
    occurred_at: datetime,
    channel: str,
    summary: str,
    give: Give,
    event_id: int | None,
) -> None:
    """Change an interaction (another device's edit, taken in by a sync) and recompute the
    last-contacted time of its contact, and of the one it had before."""
    _check(channel, give)
    before = Interaction.get_by_id(interaction_id).contact_id
    columns = _columns(contact_id, occurred_at, channel, summary, give)
    with db.atomic():
        Interaction.update(**columns, event=event_id).where(
            Interaction.id == interaction_id
        ).execute()
        refresh_last_contacted_many([before, contact_id])
    for topic in ("interactions", "contacts"):
        changes.publish(topic, list(dict.fromkeys([before, contact_id])))


def _columns(
    contact_id: int, occurred_at: datetime, channel: str, summary: str, give: Give
) -> dict[str, Any]:
    """An interaction's columns as written by hand or by a sync."""
    return {
        "contact": contact_id,
        "occurred_at": occurred_at,
        "channel": channel,
        "summary": summary,
        "direction": give.direction,
        "give_kind": give.kind,
        "introduced_a": give.introduced[0],
        "introduced_b": give.introduced[1],
    }


def _check(channel: str, give: Give) -> None:
    """Refuse an unknown channel or a give that makes no sense."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
    give.check()


def delete_interaction(changes: Changes, interaction_id: int) -> None:
    """Remove an interaction and recompute the contact's last-contacted time."""
    interaction = Interaction.get_or_none(Interaction.id == interaction_id)
    if interaction is None:
        return
    contact_id = interaction.contact_id
    with db.atomic():
        interaction.delete_instance()
        refresh_last_contacted(contact_id)
    changes.publish("interactions", [contact_id])
    changes.publish("contacts", [contact_id])


def refresh_last_contacted(contact_id: int) -> None:
    """Set the contact's `last_contacted_at` to its latest interaction (or none); a job change
    the importer noted is not a contact."""
    refresh_last_contacted_many([contact_id])


def refresh_last_contacted_many(contact_ids: Iterable[int]) -> None:
    """`refresh_last_contacted` for many contacts, one statement for every _CHUNK of them."""
    ids = list(dict.fromkeys(contact_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(
            "UPDATE contact SET last_contacted_at = (SELECT max(i.occurred_at) FROM interaction i "
            f"WHERE i.contact_id = contact.id AND i.channel != ?) WHERE id IN ({marks})",
            [JOB_CHANGE, *chunk],
        )


def timeline(contact_id: int) -> list[InteractionRow]:
    """A contact's interactions, newest first."""
    query = (
        Interaction.select()
        .where(Interaction.contact == contact_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    return [
        InteractionRow(
            i.id,
            contact_id,
            i.occurred_at,
            i.channel,
            i.summary,
            i.direction,
            i.event_id,
            i.give_kind,
            (i.introduced_a_id, i.introduced_b_id),
        )
        for i in query
    ]
