"""Follow-ups: what the user means to do next with a contact, and when.

`FollowUpService` is the only writer of FollowUp rows; it announces every change on the
"followups" topic.
"""

from __future__ import annotations

from datetime import datetime

from netdesk.core.changes import Changes
from netdesk.store.models import FOLLOWUP_REASONS, FollowUp, utcnow


class FollowUpService:
    """Creates and changes follow-ups."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def create(
        self,
        contact_id: int,
        due_at: datetime,
        *,
        reason: str = "check-in",
        note: str = "",
        has_time: bool = False,
        origin: str = "manual",
        event_id: int | None = None,
        interaction_id: int | None = None,
    ) -> int:
        """Schedule a follow-up with a contact; return its id."""
        if reason not in FOLLOWUP_REASONS:
            raise ValueError(f"unknown reason {reason!r}; expected one of {FOLLOWUP_REASONS}")
        followup = FollowUp.create(
            contact=contact_id,
            due_at=due_at,
            has_time=has_time,
            reason=reason,
            note=note,
            origin=origin,
            event=event_id,
            interaction=interaction_id,
            updated_at=utcnow(),
        )
        self.changes.publish("followups", [followup.id])
        return followup.id
