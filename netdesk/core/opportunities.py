"""Opportunities: openings and leads, the people behind them, their stages and next step.

`OpportunityService` is the only writer of Opportunity, OpportunityPerson and OpportunityStage
rows and announces each change on the "opportunities" topic. Every change returns a `Snapshot`
of the opportunity's rows as they were, which `restore` puts back (Undo of an edit, a stage
move, a delete; Undo of a creation removes it), with the receives the change logged.

**The next step is a follow-up** (reason "next step", origin "opportunity") with one of the
people involved, so it shows on the calendar, in reminders and on Today; done there, the
opportunity has no next step until the user sets another. A follow-up needs a contact: while
nobody is involved yet, the step waits on the opportunity itself (`next_step_on`) and shows on
the board and in the list only; it becomes a follow-up as soon as a person is added. The step
goes with the person chosen, else with the one whose role matters most by then (interviews me,
referred me, could refer me, told me).

**A referral received is a receive**: a person given the role "referred me" is logged once as
an interaction received, of kind "referral", in the give-and-take ledger. Moving an opportunity
to "referred" with nobody in that role and exactly one person who could refer the user makes
that person the referrer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peewee import Model

from netdesk.core.changes import Changes
from netdesk.core.followups import FollowUpService
from netdesk.core.give_take import to_utc
from netdesk.core.interactions import Give, delete_interaction, log_interaction
from netdesk.core.opportunity_rows import (
    OpportunityRow,
    Person,
    for_contact,
    for_organisation,
    load,
    matching,
    timeline,
)
from netdesk.core.templates import Sent, TemplateRow, TemplateService
from netdesk.core.vocabulary import OPPORTUNITY_ROLES, OPPORTUNITY_STAGES
from netdesk.store.models import (
    Company,
    FollowUp,
    Opportunity,
    OpportunityPerson,
    OpportunityStage,
    db,
)
from netdesk.store.rows import dicts, get_or_create

STEP_ROLES = ("interviews me", "referred me", "could refer me", "told me")
"""Whom a next step goes with when the user did not say: the first role someone has."""
_SNAPSHOT_MODELS: tuple[type[Model], ...] = (
    Opportunity,
    OpportunityPerson,
    OpportunityStage,
    FollowUp,
)


@dataclass(frozen=True)
class OpportunityDraft:
    """An opportunity as the dialog edits it: `company` by name (a Company row is made for a
    new one); `next_step_with` the contact the next step goes with (None: see STEP_ROLES)."""

    title: str = ""
    company: str = ""
    stage: str = "heard"
    url: str = ""
    source: str = ""
    heard_on: date | None = None
    notes: str = ""
    people: tuple[Person, ...] = ()
    next_step: str = ""
    next_step_on: date | None = None
    next_step_with: int | None = None

    def check(self) -> None:
        """Refuse what cannot be stored: no role and no company, an unknown stage or role."""
        if not (self.title.strip() or self.company.strip()):
            raise ValueError("Give the opportunity a role or a company.")
        if self.stage not in OPPORTUNITY_STAGES:
            raise ValueError(f"unknown stage {self.stage!r}")
        for person in self.people:
            if person.role not in OPPORTUNITY_ROLES:
                raise ValueError(f"unknown role {person.role!r}")


@dataclass
class Snapshot:
    """An opportunity's rows before a change (none before its creation), the receives the change
    logged, and what the change did in words (for the status line)."""

    opportunity_id: int
    label: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    interactions: list[int] = field(default_factory=list)
    said: str = ""


@dataclass(frozen=True)
class Asked:
    """What asking for a referral did: the message logged, the move to "asked for referral"."""

    sent: Sent
    moved: Snapshot | None


def step_stage(stage: str, steps: int) -> str | None:
    """The stage `steps` after (before, when negative) `stage` on the board, or None past the
    ends."""
    index = OPPORTUNITY_STAGES.index(stage) + steps
    return OPPORTUNITY_STAGES[index] if 0 <= index < len(OPPORTUNITY_STAGES) else None


class OpportunityService:
    """Creates, changes, moves and deletes opportunities; reads them for the views."""

    def __init__(
        self, changes: Changes, followups: FollowUpService, templates: TemplateService
    ) -> None:
        self.changes = changes
        self.followups = followups
        self.templates = templates
        self.clock = followups.clock

    # -- reading --------------------------------------------------------------------------

    @staticmethod
    def rows(search: str = "", stages: tuple[str, ...] | None = None) -> list[OpportunityRow]:
        """The opportunities with every word of `search`, in `stages` (all when None)."""
        return matching(load(), search, stages)

    for_contact = staticmethod(for_contact)
    for_organisation = staticmethod(for_organisation)
    timeline = staticmethod(timeline)

    def referrer(self, opportunity_id: int) -> int | None:
        """Whom to ask for a referral: who could refer the user, else who told them of it,
        else anyone involved."""
        row = self.get(opportunity_id)
        people = row.people if row is not None else ()
        for role in ("could refer me", "told me", None):
            found = next((p for p in people if role in (None, p.role)), None)
            if found is not None:
                return found.contact_id
        return None

    @staticmethod
    def get(opportunity_id: int) -> OpportunityRow | None:
        found = load([opportunity_id])
        return found[0] if found else None

    def load_draft(self, opportunity_id: int) -> OpportunityDraft:
        """A stored opportunity as the dialog edits it."""
        row = self.get(opportunity_id)
        if row is None:
            raise KeyError(opportunity_id)
        with_id = None
        if row.followup_id is not None:
            with_id = FollowUp.get_by_id(row.followup_id).contact_id
        return OpportunityDraft(
            row.title,
            row.company,
            row.stage,
            row.url,
            row.source,
            row.heard_on,
            row.notes,
            row.people,
            row.next_step,
            row.next_step_on,
            with_id,
        )

    # -- changing (each returns a Snapshot) ---------------------------------------------------

    def create(self, draft: OpportunityDraft) -> Snapshot:
        """Store a new opportunity, its first stage and its people."""
        draft.check()
        now = to_utc(self.clock.now())
        with db.atomic():
            opportunity = Opportunity.create(
                title=draft.title.strip(), stage=draft.stage, created_at=now, updated_at=now
            )
            snapshot = Snapshot(opportunity.id, "New opportunity")
            OpportunityStage.create(opportunity=opportunity.id, stage=draft.stage, changed_at=now)
            self._write(opportunity, draft, snapshot)
        self._publish(snapshot)
        return snapshot

    def update(self, opportunity_id: int, draft: OpportunityDraft) -> Snapshot:
        """Store the edited opportunity (a new stage joins the timeline)."""
        draft.check()
        snapshot = self._snapshot(opportunity_id, "Edit opportunity")
        with db.atomic():
            opportunity = Opportunity.get_by_id(opportunity_id)
            stage = opportunity.stage
            self._write(opportunity, draft, snapshot)
            if draft.stage != stage:
                self._stage(opportunity, draft.stage, snapshot)
                opportunity.save()
        self._publish(snapshot)
        return snapshot

    def move(self, opportunity_id: int, stage: str) -> Snapshot:
        """Move an opportunity to `stage` (a card dragged to another column)."""
        if stage not in OPPORTUNITY_STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        snapshot = self._snapshot(opportunity_id, f"Move to {stage}")
        with db.atomic():
            opportunity = Opportunity.get_by_id(opportunity_id)
            if stage != opportunity.stage:
                self._stage(opportunity, stage, snapshot)
                opportunity.save()
        self._publish(snapshot)
        return snapshot

    def delete(self, opportunity_id: int) -> Snapshot:
        """Delete an opportunity with its people, timeline and next step."""
        snapshot = self._snapshot(opportunity_id, "Delete opportunity")
        with db.atomic():
            self._remove(opportunity_id)
        self._publish(snapshot)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put an opportunity back as it was before the change `snapshot` was taken of."""
        with db.atomic():
            self._remove(snapshot.opportunity_id)
            for model in _SNAPSHOT_MODELS:
                rows = snapshot.rows.get(model.__name__, [])
                if rows:
                    model.insert_many(rows).execute()
        for interaction_id in snapshot.interactions:
            delete_interaction(self.changes, interaction_id)
        self._publish(snapshot)

    def ask_referral(
        self, opportunity_id: int, contact_id: int, template: TemplateRow, channel: str
    ) -> Asked:
        """Record a referral asked of a contact: the message (an interaction, which also does
        the next step when it is with them) and, from an earlier stage, the move to "asked for
        referral"."""
        row = self.get(opportunity_id)
        if row is None:
            raise KeyError(opportunity_id)
        followup_id = row.followup_id
        if followup_id is not None and FollowUp.get_by_id(followup_id).contact_id != contact_id:
            followup_id = None
        sent = self.templates.send(contact_id, template, channel, followup_id)
        moved = None
        asked = OPPORTUNITY_STAGES.index("asked for referral")
        if OPPORTUNITY_STAGES.index(row.stage) < asked:
            moved = self.move(opportunity_id, "asked for referral")
        return Asked(sent, moved)

    def unask(self, asked: Asked) -> None:
        """Undo `ask_referral`."""
        if asked.moved is not None:
            self.restore(asked.moved)
        self.templates.unsend(asked.sent)

    # -- helpers ------------------------------------------------------------------------------

    def _write(self, opportunity: Opportunity, draft: OpportunityDraft, snapshot: Snapshot) -> None:
        """Write the draft's fields, people and next step over a stored opportunity."""
        company = draft.company.strip()
        opportunity.title = draft.title.strip()
        opportunity.company_id = get_or_create(Company, name=company).id if company else None
        opportunity.url = draft.url.strip()
        opportunity.source = draft.source.strip()
        opportunity.heard_on = draft.heard_on
        opportunity.notes = draft.notes.rstrip()
        opportunity.next_step = draft.next_step.strip()
        opportunity.updated_at = to_utc(self.clock.now())
        self._set_people(opportunity.id, draft.people)
        self._log_referrals(opportunity, snapshot)
        self._keep_next_step(opportunity, draft.next_step_on, draft.next_step_with)
        opportunity.save()

    def _set_people(self, opportunity_id: int, people: tuple[Person, ...]) -> None:
        wanted = list(dict.fromkeys((p.contact_id, p.role) for p in people))
        query = OpportunityPerson.select().where(OpportunityPerson.opportunity == opportunity_id)
        stored = {(p.contact_id, p.role): p for p in query}
        gone = [p.id for key, p in stored.items() if key not in wanted]
        OpportunityPerson.delete().where(OpportunityPerson.id.in_(gone)).execute()
        for position, (contact_id, role) in enumerate(wanted):
            kept = stored.get((contact_id, role))
            if kept is None:
                OpportunityPerson.create(
                    opportunity=opportunity_id, contact=contact_id, role=role, position=position
                )
            elif kept.position != position:
                kept.position = position
                kept.save()

    def _log_referrals(self, opportunity: Opportunity, snapshot: Snapshot) -> list[str]:
        """Log a receive for each "referred me" not logged yet; return their names."""
        query = OpportunityPerson.select().where(
            OpportunityPerson.opportunity == opportunity.id,
            OpportunityPerson.role == "referred me",
            OpportunityPerson.interaction.is_null(),
        )
        names = []
        heading = " at ".join(p for p in (opportunity.title, self._company(opportunity)) if p)
        for person in query:
            interaction_id = log_interaction(
                self.changes,
                person.contact_id,
                occurred_at=to_utc(self.clock.now()),
                channel="message",
                summary=f"Referred me for {heading}".strip(),
                give=Give("received", "referral"),
            )
            person.interaction_id = interaction_id
            person.save()
            snapshot.interactions.append(interaction_id)
            names.append(self.followups.contact_name(person.contact_id))
        return names

    def _stage(self, opportunity: Opportunity, stage: str, snapshot: Snapshot) -> None:
        """Move to `stage`, on the timeline too; reaching "referred", the only person who could
        refer the user becomes the referrer."""
        opportunity.stage = stage
        opportunity.updated_at = to_utc(self.clock.now())
        OpportunityStage.create(
            opportunity=opportunity.id, stage=stage, changed_at=opportunity.updated_at
        )
        snapshot.said = f"Moved to {stage}."
        if stage != "referred":
            return
        people = OpportunityPerson.select().where(OpportunityPerson.opportunity == opportunity.id)
        roles = [p.role for p in people]
        candidates = [p for p in people if p.role == "could refer me"]
        if "referred me" not in roles and len(candidates) == 1:
            candidates[0].role = "referred me"
            candidates[0].save()
        names = self._log_referrals(opportunity, snapshot)
        if names:
            snapshot.said += f" Logged a referral received from {', '.join(names)}."
        elif "referred me" not in roles:
            snapshot.said += " Open it to say who referred you."

    def _keep_next_step(
        self, opportunity: Opportunity, day: date | None, with_id: int | None
    ) -> None:
        """The next step as a follow-up with a person, or waiting on the opportunity."""
        query = OpportunityPerson.select(OpportunityPerson.contact, OpportunityPerson.role).where(
            OpportunityPerson.opportunity == opportunity.id
        )
        people = list(query.order_by(OpportunityPerson.position, OpportunityPerson.id))
        ids = [p.contact_id for p in people]
        contact_id = with_id if with_id in ids else None
        for role in STEP_ROLES:
            contact_id = contact_id or next((p.contact_id for p in people if p.role == role), None)
        heading = " at ".join(p for p in (opportunity.title, self._company(opportunity)) if p)
        note = f"{heading}: {opportunity.next_step}".strip(": ")
        with_step = contact_id if day is not None else None
        self.followups.keep_next_step(opportunity.id, with_step, day, note)
        opportunity.next_step_on = day if contact_id is None else None

    @staticmethod
    def _company(opportunity: Opportunity) -> str:
        company = Company.get_or_none(Company.id == opportunity.company_id)
        return company.name if company is not None else ""

    @staticmethod
    def _snapshot(opportunity_id: int, label: str) -> Snapshot:
        rows = {}
        for model in _SNAPSHOT_MODELS:
            key = model.id if model is Opportunity else model.opportunity  # type: ignore[attr-defined]
            rows[model.__name__] = list(dicts(model.select().where(key == opportunity_id)))
        if not rows["Opportunity"]:
            raise KeyError(opportunity_id)
        return Snapshot(opportunity_id, label, rows)

    @staticmethod
    def _remove(opportunity_id: int) -> None:
        for model in reversed(_SNAPSHOT_MODELS):
            key = model.id if model is Opportunity else model.opportunity  # type: ignore[attr-defined]
            model.delete().where(key == opportunity_id).execute()

    def _publish(self, snapshot: Snapshot) -> None:
        self.changes.publish("opportunities", [snapshot.opportunity_id])
        self.changes.publish("followups", ())
