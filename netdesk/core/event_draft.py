"""The editable form of an event, shared by the editor, the .ics importer and the service."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from netdesk.core.event_times import check_zone
from netdesk.core.vocabulary import EVENT_KINDS, EVENT_STATUSES

if TYPE_CHECKING:
    from netdesk.store.models import Event

CHECKLIST: dict[str, str] = {
    "registered": "Registered",
    "researched": "Researched people",
    "pitch": "Pitch ready",
    "profile": "Profile up to date",
    "travel": "Travel booked",
}


def checklist_of(event: Event, profiles_fresh: bool | None = None) -> dict[str, bool]:
    """The stored checklist with every item present; "Profile up to date" is whether your
    profiles on the Me page are fresh when you keep any there (`profiles_fresh`, from
    `core.own_profiles.freshness`), else the stored tick."""
    stored = json.loads(event.checklist or "{}")
    checklist = {key: bool(stored.get(key)) for key in CHECKLIST}
    if profiles_fresh is not None:
        checklist["profile"] = profiles_fresh
    return checklist


@dataclass
class EventDraft:
    """An event as the editor and the .ics reader see it (times are wall-clock in `timezone`)."""

    name: str
    starts_at: datetime
    ends_at: datetime | None = None
    timezone: str = ""
    kind: str = "meetup"
    status: str = "considering"
    place: str = ""
    online_link: str = ""
    organiser: str = ""
    url: str = ""
    cost: str = ""
    notes: str = ""
    goals: str = ""
    goal_target: int | None = None
    goal_target_text: str = ""
    conversation_starters: str = ""
    prep_notes: str = ""
    pitch_id: int | None = None
    pitch_text: str = ""
    checklist: dict[str, bool] = field(default_factory=dict)
    prep_reminder_days: int = 2
    uid: str = ""

    def validate(self) -> None:
        """Raise ValueError with a message for the user when something cannot be stored."""
        if not self.name.strip():
            raise ValueError("An event needs a name.")
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"Unknown kind {self.kind!r}.")
        if self.status not in EVENT_STATUSES:
            raise ValueError(f"Unknown status {self.status!r}.")
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise ValueError("The event ends before it starts.")
        if self.goal_target is not None and self.goal_target < 0:
            raise ValueError("The goal target cannot be negative.")
        unknown = set(self.checklist) - set(CHECKLIST)
        if unknown:
            raise ValueError(f"Unknown checklist items: {', '.join(sorted(unknown))}.")
        check_zone(self.timezone)
