"""What the event panel shows of one event, read in one go so the read can run on a worker.

`read_event` imports nothing from PySide6 or netdesk.ui: the Events view runs it on its
`LatestRead` worker when a change concerns the event shown, and the panel then shows the answer
on the GUI thread (`EventPanel.present`).
"""

from __future__ import annotations

from dataclasses import dataclass

from netdesk.core.event_draft import EventDraft
from netdesk.core.event_people import PersonRow
from netdesk.core.events import EventService, Review
from netdesk.core.own_profiles import Freshness, OwnProfileService
from netdesk.core.pitches import PitchRow


@dataclass(frozen=True)
class EventRead:
    """One event's fields, people to meet, the pitch library, your profiles' freshness (None
    without profiles) and the review; `draft` and `review` are None when the event is gone."""

    event_id: int
    draft: EventDraft | None
    people: list[PersonRow]
    pitches: list[PitchRow]
    freshness: Freshness | None
    review: Review | None


def read_event(
    events: EventService, profiles: OwnProfileService | None, event_id: int
) -> EventRead:
    """Everything the panel shows of event `event_id`."""
    if events.get(event_id) is None:
        return EventRead(event_id, None, [], [], None, None)
    return EventRead(
        event_id,
        events.load(event_id),
        events.people.list(event_id),
        events.pitches.list(),
        profiles.freshness() if profiles is not None else None,
        events.review(event_id),
    )
