"""Recognising the same person twice, and merging several contacts into one.

A merge keeps one contact, gives it the field values the user picked, every email, phone,
profile and tag of the others, and moves their interactions, follow-ups, event and opportunity
roles and past jobs over; the others go to the Trash. `MergeRecord` holds what `undo_merge`
needs to put everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from netdesk.core.contacts import ContactService, normalized_value
from netdesk.core.interactions import refresh_last_contacted
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import (
    Contact,
    ContactMethod,
    Employment,
    EventPerson,
    FollowUp,
    Interaction,
    OpportunityPerson,
    db,
    utcnow,
)

MERGE_FIELDS = (
    "given_name",
    "family_name",
    "nickname",
    "organisation",
    "title",
    "circle",
    "birthday",
    "how_met",
    "cadence_days",
    "met_at",
    "notes",
    "photo",
)
_MOVED_MODELS = (Interaction, FollowUp, EventPerson, OpportunityPerson, Employment)


@dataclass(frozen=True)
class Duplicate:
    """A stored contact that looks like the same person, and why."""

    contact_id: int
    name: str
    reason: str


@dataclass
class MergeRecord:
    """What a merge changed, so it can be undone."""

    keeper_id: int
    other_ids: list[int]
    keeper_before: ContactDraft
    moved: dict[str, dict[int, int]] = field(default_factory=dict)


def find_duplicates(draft: ContactDraft, exclude_id: int | None = None) -> list[Duplicate]:
    """Live contacts that share a UID, email, phone or profile with `draft`, or its name + org."""
    found: dict[int, Duplicate] = {}
    live = Contact.deleted_at.is_null()
    if exclude_id is not None:
        live &= Contact.id != exclude_id

    def add(query: Any, reason: str) -> None:
        for contact in query:
            found.setdefault(contact.id, Duplicate(contact.id, contact.display_name, reason))

    if draft.uid:
        add(Contact.select().where(live, Contact.vcard_uid == draft.uid), "the same card UID")
    for method in draft.methods:
        key = normalized_value(method.kind, method.value)
        if not key or method.kind not in ("email", "phone", "profile"):
            continue
        query = (
            Contact.select()
            .join(ContactMethod)
            .where(live, ContactMethod.kind == method.kind, ContactMethod.normalized == key)
        )
        add(query, f"this {'profile' if method.kind == 'profile' else method.kind}")
    name = draft.full_name()
    if name and draft.organisation.strip():
        query = Contact.select().where(
            live,
            Contact.display_name == name,
            Contact.organisation == draft.organisation.strip(),
        )
        add(query, "this name and organisation")
    return list(found.values())


def merged_draft(drafts: list[ContactDraft], chosen: dict[str, Any]) -> ContactDraft:
    """The first draft with the chosen field values and everyone's methods and tags.

    A field nobody chose keeps the first draft's value, or the first value another draft has.
    """
    filled = {
        name: next((v for d in drafts if (v := getattr(d, name)) not in (None, "", b"")), None)
        for name in MERGE_FIELDS
        if getattr(drafts[0], name) in (None, "", b"")
    }
    values = {k: v for k, v in filled.items() if v is not None} | chosen
    result = replace(drafts[0], **values)
    seen: set[tuple[str, str]] = set()
    methods: list[MethodDraft] = []
    for draft in drafts:
        for method in draft.methods:
            key = (method.kind, normalized_value(method.kind, method.value) or method.value.lower())
            if key not in seen:
                seen.add(key)
                methods.append(method)
    result.methods = methods
    result.tags = list(dict.fromkeys(t for d in drafts for t in d.tags))
    result.display_name = ""
    return result


def merge(
    contacts: ContactService, keeper_id: int, other_ids: list[int], chosen: dict[str, Any]
) -> MergeRecord:
    """Merge `other_ids` into `keeper_id` with the field values in `chosen`."""
    with db.atomic():
        before = contacts.load(keeper_id)
        drafts = [before, *(contacts.load(i) for i in other_ids)]
        record = MergeRecord(keeper_id, list(other_ids), before)
        for model in _MOVED_MODELS:
            rows = model.select(model.id, model.contact).where(model.contact.in_(other_ids))
            moved = {row.id: row.contact_id for row in rows if row.contact_id is not None}
            if model is EventPerson:
                taken = {
                    p.event_id for p in EventPerson.select().where(EventPerson.contact == keeper_id)
                }
                moved = {
                    i: c for i, c in moved.items() if EventPerson.get_by_id(i).event_id not in taken
                }
            elif model is OpportunityPerson:
                moved = _free_roles(keeper_id, moved)
            elif model is Employment:
                moved = _past_jobs(moved)
            model.update(contact=keeper_id).where(model.id.in_(list(moved))).execute()
            record.moved[model.__name__] = moved
        Contact.update(deleted_at=utcnow()).where(Contact.id.in_(other_ids)).execute()
        contacts.update(keeper_id, merged_draft(drafts, chosen))
        refresh_last_contacted(keeper_id)
    contacts.changes.publish("contacts", [keeper_id, *other_ids])
    contacts.changes.publish("interactions", [keeper_id])
    return record


def _free_roles(keeper_id: int, moved: dict[int, int]) -> dict[int, int]:
    """The opportunity roles of merged contacts the keeper does not have yet (one of the same
    opportunity and role stays with its merged-away contact)."""
    query = OpportunityPerson.select().where(OpportunityPerson.contact == keeper_id)
    taken = {(p.opportunity_id, p.role) for p in query}
    free = {}
    for row_id, contact_id in moved.items():
        person = OpportunityPerson.get_by_id(row_id)
        if (person.opportunity_id, person.role) not in taken:
            taken.add((person.opportunity_id, person.role))
            free[row_id] = contact_id
    return free


def _past_jobs(moved: dict[int, int]) -> dict[int, int]:
    """The merged contacts' past jobs: they join the keeper's history. Their current jobs stay
    with them in the Trash, since the keeper's current job is the organisation and title the
    merge chose."""
    past = Employment.select(Employment.id).where(
        Employment.id.in_(list(moved)), Employment.ended_on.is_null(False)
    )
    return {row.id: moved[row.id] for row in past}


def undo_merge(contacts: ContactService, record: MergeRecord) -> None:
    """Put the keeper and the merged contacts back as they were before `merge`."""
    with db.atomic():
        models = {model.__name__: model for model in _MOVED_MODELS}
        for name, moved in record.moved.items():
            for row_id, contact_id in moved.items():
                models[name].update(contact=contact_id).where(models[name].id == row_id).execute()
        Contact.update(deleted_at=None).where(Contact.id.in_(record.other_ids)).execute()
        contacts.update(record.keeper_id, record.keeper_before)
        for contact_id in (record.keeper_id, *record.other_ids):
            refresh_last_contacted(contact_id)
    contacts.changes.publish("contacts", [record.keeper_id, *record.other_ids])
    contacts.changes.publish("interactions", [record.keeper_id, *record.other_ids])
