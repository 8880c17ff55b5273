"""The services a running NetDesk is built with, created once and handed to the widgets.

A service is created (and its module imported) when first asked for, so that start-up loads
only what the view shown first needs (issue 19); the follow-ups, which listen to the changes,
are created at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.followups import FollowUpService
from netdesk.paths import Paths

if TYPE_CHECKING:
    from netdesk.core.cadence import CadenceService
    from netdesk.core.companies import CompanyService
    from netdesk.core.contact_bulk import ContactBulk
    from netdesk.core.contacts import ContactService
    from netdesk.core.dashboard import DashboardService
    from netdesk.core.employment import EmploymentService
    from netdesk.core.event_import import EventImporter
    from netdesk.core.events import EventService
    from netdesk.core.exporting import ExportService
    from netdesk.core.goals import GoalService
    from netdesk.core.importing import ImportService
    from netdesk.core.opportunities import OpportunityService
    from netdesk.core.own_profiles import OwnProfileService
    from netdesk.core.reach_out import ReachOutService
    from netdesk.core.templates import TemplateService
    from netdesk.core.today_events import TodayEvents


@dataclass
class Services:
    """Every service of one running app (tests build their own over a temporary database)."""

    paths: Paths
    changes: Changes = field(default_factory=Changes)
    clock: Clock = field(default_factory=Clock)  # the one "now" of the app (tests pass a fake)
    followups: FollowUpService = field(init=False)

    def __post_init__(self) -> None:
        self.followups = FollowUpService(self.changes, self.clock)

    @cached_property
    def dashboard(self) -> DashboardService:
        from netdesk.core.dashboard import DashboardService

        return DashboardService()

    @cached_property
    def contacts(self) -> ContactService:
        from netdesk.core.contacts import ContactService

        return ContactService(self.changes)

    @cached_property
    def bulk(self) -> ContactBulk:
        from netdesk.core.contact_bulk import ContactBulk

        return ContactBulk(self.changes)

    @cached_property
    def importing(self) -> ImportService:
        from netdesk.core.importing import ImportService

        return ImportService(self.contacts, self.changes, self.clock)

    @cached_property
    def exporting(self) -> ExportService:
        from netdesk.core.exporting import ExportService

        return ExportService(self.contacts)

    @cached_property
    def events(self) -> EventService:
        from netdesk.core.events import EventService

        return EventService(self.changes, self.followups, self.contacts, self.profiles)

    @cached_property
    def reach_out(self) -> ReachOutService:
        from netdesk.core.reach_out import ReachOutService

        return ReachOutService(self.clock)

    @cached_property
    def event_import(self) -> EventImporter:
        from netdesk.core.event_import import EventImporter

        return EventImporter(self.events)

    @cached_property
    def templates(self) -> TemplateService:
        from netdesk.core.templates import TemplateService

        return TemplateService(self.changes, self.followups)

    @cached_property
    def today_events(self) -> TodayEvents:
        from netdesk.core.today_events import TodayEvents

        return TodayEvents(self.clock)

    @cached_property
    def goals(self) -> GoalService:
        from netdesk.core.goals import GoalService

        return GoalService(self.changes, self.clock)

    @cached_property
    def cadence(self) -> CadenceService:
        from netdesk.core.cadence import CadenceService

        return CadenceService(self.changes)

    @cached_property
    def profiles(self) -> OwnProfileService:
        """Your own, on the Me page and Today (the events' checklist reads them too: made
        without the event service, which Today would otherwise load before it is usable)."""
        from netdesk.core.own_profiles import OwnProfileService

        return OwnProfileService(self.changes, self.clock)

    @cached_property
    def employment(self) -> EmploymentService:
        from netdesk.core.employment import EmploymentService

        return EmploymentService(self.changes, self.clock)

    @cached_property
    def companies(self) -> CompanyService:
        from netdesk.core.companies import CompanyService

        return CompanyService(self.changes)

    @cached_property
    def opportunities(self) -> OpportunityService:
        from netdesk.core.opportunities import OpportunityService

        return OpportunityService(self.changes, self.followups, self.templates)
