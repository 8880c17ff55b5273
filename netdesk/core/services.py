"""The services a running NetDesk is built with, created once and handed to the widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from netdesk.core.cadence import CadenceService
from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.companies import CompanyService
from netdesk.core.contact_bulk import ContactBulk
from netdesk.core.contacts import ContactService
from netdesk.core.dashboard import DashboardService
from netdesk.core.employment import EmploymentService
from netdesk.core.event_import import EventImporter
from netdesk.core.events import EventService
from netdesk.core.exporting import ExportService
from netdesk.core.followups import FollowUpService
from netdesk.core.goals import GoalService
from netdesk.core.importing import ImportService
from netdesk.core.opportunities import OpportunityService
from netdesk.core.own_profiles import OwnProfileService
from netdesk.core.reach_out import ReachOutService
from netdesk.core.templates import TemplateService
from netdesk.core.today_events import TodayEvents
from netdesk.paths import Paths


@dataclass
class Services:
    """Every service of one running app (tests build their own over a temporary database)."""

    paths: Paths
    changes: Changes = field(default_factory=Changes)
    clock: Clock = field(default_factory=Clock)  # the one "now" of the app (tests pass a fake)
    dashboard: DashboardService = field(default_factory=DashboardService)
    contacts: ContactService = field(init=False)
    bulk: ContactBulk = field(init=False)
    importing: ImportService = field(init=False)
    exporting: ExportService = field(init=False)
    followups: FollowUpService = field(init=False)
    events: EventService = field(init=False)
    reach_out: ReachOutService = field(init=False)
    event_import: EventImporter = field(init=False)
    templates: TemplateService = field(init=False)
    today_events: TodayEvents = field(init=False)
    goals: GoalService = field(init=False)
    cadence: CadenceService = field(init=False)
    profiles: OwnProfileService = field(init=False)  # your own, on the Me page
    employment: EmploymentService = field(init=False)
    companies: CompanyService = field(init=False)
    opportunities: OpportunityService = field(init=False)

    def __post_init__(self) -> None:
        self.contacts = ContactService(self.changes)
        self.bulk = ContactBulk(self.changes)
        self.importing = ImportService(self.contacts, self.changes, self.clock)
        self.exporting = ExportService(self.contacts)
        self.followups = FollowUpService(self.changes, self.clock)
        self.events = EventService(self.changes, self.followups, self.contacts)
        self.reach_out = ReachOutService(self.clock)
        self.event_import = EventImporter(self.events)
        self.templates = TemplateService(self.changes, self.followups)
        self.today_events = TodayEvents(self.clock)
        self.goals = GoalService(self.changes, self.clock)
        self.cadence = CadenceService(self.changes)
        self.profiles = self.events.profiles
        self.employment = EmploymentService(self.changes, self.clock)
        self.companies = CompanyService(self.changes)
        self.opportunities = OpportunityService(self.changes, self.followups, self.templates)
