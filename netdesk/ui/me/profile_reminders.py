"""Refresh reminders of your own profiles: "Refresh your LinkedIn profile" through the follow-ups'
notifier when a profile falls due, at most once per its refresh months."""

from __future__ import annotations

from netdesk.core.clock import Clock
from netdesk.core.own_profiles import OwnProfileService
from netdesk.ui.announcer import Announcer, Found
from netdesk.ui.dates import plain_day


class ProfileReminders(Announcer):
    """Checks every quarter hour and after profile changes; announces the profiles due (built
    with the profiles service: `ProfileReminders(profiles, changes, notifier, parent)`)."""

    topic = "profiles"
    source: OwnProfileService

    def clock(self) -> Clock:
        return self.source.clock

    def collect(self) -> list[Found]:
        today = self.source.clock.today()
        return [
            (
                row.service,
                f"Refresh your {row.label} profile",
                f"{row.status(today, plain_day)} · Me page",
            )
            for row in self.source.to_announce()
        ]
