"""What the board, the list, a contact and a company read of opportunities.

Opportunities are few (tens, a few hundred for the busiest job search), so `load` reads them all
with their people and next steps in three statements and the views filter in Python (`matching`).
A next step's date is its pending follow-up's day, else the day it waits for a person on
(see `core.opportunities`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from netdesk.core.followup_queries import PENDING
from netdesk.core.vocabulary import OPPORTUNITY_ROLES, OPPORTUNITY_STAGES
from netdesk.store.models import (
    Company,
    Contact,
    FollowUp,
    Opportunity,
    OpportunityPerson,
    OpportunityStage,
)
from netdesk.store.rows import tuples

ACTIVE_STAGES = OPPORTUNITY_STAGES[:-3]
"""Stages of an opportunity still open (the last three end it)."""


@dataclass(frozen=True)
class Person:
    """A contact behind an opportunity, in a role (one of OPPORTUNITY_ROLES)."""

    contact_id: int
    role: str
    name: str = ""


@dataclass(frozen=True)
class OpportunityRow:
    """One opportunity as the board, the list and the CSV show it; `next_step_with` names the
    person its follow-up is with ("" while it waits for one)."""

    id: int
    title: str
    company: str
    stage: str
    url: str
    source: str
    heard_on: date | None
    notes: str
    people: tuple[Person, ...]
    next_step: str
    next_step_on: date | None
    next_step_with: str
    followup_id: int | None
    created_at: datetime
    updated_at: datetime

    def names(self, role: str) -> list[str]:
        """The people in `role`."""
        return [p.name for p in self.people if p.role == role]

    def heading(self) -> str:
        """ "Staff engineer at Acme" (either alone when the other is not known)."""
        return " at ".join(part for part in (self.title, self.company) if part)

    def text(self) -> str:
        """Everything a search looks in, folded to lower case."""
        parts = (self.title, self.company, self.source, self.notes, self.next_step, self.url)
        return " ".join((*parts, *(p.name for p in self.people))).casefold()


@dataclass(frozen=True)
class StageChange:
    """A step of an opportunity's timeline: it reached `stage` at `changed_at` (naive UTC)."""

    stage: str
    changed_at: datetime


def load(ids: Iterable[int] | None = None) -> list[OpportunityRow]:
    """Every opportunity (or those of `ids`), the latest changed first."""
    query = (
        Opportunity.select(
            Opportunity.id,
            Opportunity.title,
            Company.name,
            Opportunity.stage,
            Opportunity.url,
            Opportunity.source,
            Opportunity.heard_on,
            Opportunity.notes,
            Opportunity.next_step,
            Opportunity.next_step_on,
            Opportunity.created_at,
            Opportunity.updated_at,
        )
        .join(Company, on=Opportunity.company == Company.id, join_type=JOIN.LEFT_OUTER)
        .order_by(Opportunity.updated_at.desc(), Opportunity.id.desc())
    )
    wanted = None if ids is None else list(ids)
    if wanted is not None:
        query = query.where(Opportunity.id.in_(wanted))
    people = _people(wanted)
    steps = _steps(wanted)
    rows = []
    for values in tuples(query):
        (oid, title, company, stage, url, source, heard_on, notes, step, step_on, *times) = values
        followup = steps.get(oid)
        rows.append(
            OpportunityRow(
                id=oid,
                title=title,
                company=company or "",
                stage=stage,
                url=url,
                source=source,
                heard_on=heard_on,
                notes=notes,
                people=tuple(people.get(oid, ())),
                next_step=step if followup or step_on else "",
                next_step_on=followup[1] if followup else step_on,
                next_step_with=followup[2] if followup else "",
                followup_id=followup[0] if followup else None,
                created_at=times[0],
                updated_at=times[1],
            )
        )
    return rows


def _name(display: str, given: str, family: str) -> str:
    return display or f"{given} {family}".strip() or "(no name)"


def _people(ids: list[int] | None) -> dict[int, list[Person]]:
    """Each opportunity's people. A CROSS JOIN keeps SQLite to that order: the opportunities'
    few rows drive (`_steps` too), never a walk over every living contact (or pending follow-up):
    15 ms and 19 ms at 100,000 contacts with no opportunity at all, on the GUI thread."""
    query = (
        OpportunityPerson.select(
            OpportunityPerson.opportunity,
            OpportunityPerson.contact,
            OpportunityPerson.role,
            Contact.display_name,
            Contact.given_name,
            Contact.family_name,
        )
        .join(Contact, JOIN.CROSS)
        .where(OpportunityPerson.contact == Contact.id, Contact.deleted_at.is_null())
        .order_by(OpportunityPerson.position, OpportunityPerson.id)
    )
    if ids is not None:
        query = query.where(OpportunityPerson.opportunity.in_(ids))
    found: dict[int, list[Person]] = {}
    for oid, cid, role, *name in tuples(query):
        found.setdefault(oid, []).append(Person(cid, role, _name(*name)))
    return found


def _steps(ids: list[int] | None) -> dict[int, tuple[int, date, str]]:
    """Each opportunity's earliest pending follow-up: (id, day, with whom)."""
    query = (
        Opportunity.select(
            FollowUp.opportunity,
            FollowUp.id,
            FollowUp.due_at,
            Contact.display_name,
            Contact.given_name,
            Contact.family_name,
        )
        .join(FollowUp, JOIN.CROSS)
        .join(Contact, on=FollowUp.contact == Contact.id)
        .where(FollowUp.opportunity == Opportunity.id, FollowUp.status.in_(PENDING))
        .order_by(FollowUp.due_at.desc(), FollowUp.id.desc())
    )
    if ids is not None:
        query = query.where(Opportunity.id.in_(ids))
    found: dict[int, tuple[int, date, str]] = {}
    for oid, fid, due_at, *name in tuples(query):
        found[oid] = (fid, due_at.date(), _name(*name))  # the earliest is read last
    return found


def matching(
    rows: list[OpportunityRow], search: str = "", stages: Iterable[str] | None = None
) -> list[OpportunityRow]:
    """The rows in `stages` (all when None) with every word of `search` in their text."""
    words = search.casefold().split()
    allowed = None if stages is None else set(stages)
    return [
        row
        for row in rows
        if (allowed is None or row.stage in allowed) and all(w in row.text() for w in words)
    ]


def for_contact(contact_id: int) -> list[tuple[OpportunityRow, list[str]]]:
    """The opportunities a contact is involved in, each with the contact's roles in it."""
    query = OpportunityPerson.select(OpportunityPerson.opportunity, OpportunityPerson.role).where(
        OpportunityPerson.contact == contact_id
    )
    roles: dict[int, list[str]] = {}
    for oid, role in tuples(query):
        roles.setdefault(oid, []).append(role)
    if not roles:  # most people: the three queries of `load` would find nothing
        return []
    order = {role: i for i, role in enumerate(OPPORTUNITY_ROLES)}
    return [
        (row, sorted(roles[row.id], key=lambda r: order.get(r, len(order)))) for row in load(roles)
    ]


def for_organisation(name: str) -> list[OpportunityRow]:
    """The opportunities at an organisation, by its name (any case): the Companies view's way
    to a company's openings. Only theirs are loaded (a company has none most often): `load` of
    all read every living contact and pending follow-up, 50-140 ms at 100,000 contacts on each
    company selected."""
    wanted = name.strip().casefold()
    query = Opportunity.select(Opportunity.id, Company.name).join(
        Company, on=Opportunity.company == Company.id, join_type=JOIN.LEFT_OUTER
    )
    ids = [oid for oid, company in tuples(query) if wanted and (company or "").casefold() == wanted]
    return load(ids) if ids else []


def timeline(opportunity_id: int) -> list[StageChange]:
    """An opportunity's stage changes, oldest first."""
    query = (
        OpportunityStage.select(OpportunityStage.stage, OpportunityStage.changed_at)
        .where(OpportunityStage.opportunity == opportunity_id)
        .order_by(OpportunityStage.changed_at, OpportunityStage.id)
    )
    return [StageChange(stage, changed_at) for stage, changed_at in tuples(query)]
