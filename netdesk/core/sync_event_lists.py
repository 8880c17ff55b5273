"""An event's lists as its VEVENT carries them (`formats.vevent`), merged item by item: the
checklist's ticked items, and the people, each contact named by its vCard UID.

A person whose contact this NetDesk does not have (its card not synced yet, or deleted here) is
no person here, yet nothing of them is lost: NetDesk's own version of the event counts them as
the server has them (`kept`), so a change here sends them back as they were, and their vCard
UIDs wait with the synced VEVENT (`sync_event.waiting`) until the contact arrives, when they go
on the event's list (`link_waiting`, before each event sync receives).
"""

from __future__ import annotations

import json
from dataclasses import replace

from netdesk.core.changes import Changes
from netdesk.core.event_draft import CHECKLIST
from netdesk.formats.vevent import EventFields, PersonFields, parse_event
from netdesk.store.models import Contact, EventPerson, SyncEvent
from netdesk.store.rows import get_or_create, tuples

People = tuple[PersonFields, ...]


def ticked(checklist: dict[str, bool]) -> str:
    """A checklist's ticked items as a VEVENT says them: keys joined by commas, in order."""
    return ",".join(key for key in CHECKLIST if checklist.get(key))


def ticks(text: str) -> dict[str, bool]:
    """`ticked` read back: every item of the checklist (an unknown key is left out)."""
    said = set(text.split(","))
    return {key: key in said for key in CHECKLIST}


def merge_ticks(base: str, local: str, remote: str) -> str:
    """The checklists merged item by item: an item one side ticked or unticked since `base`
    takes that side's tick (both sides changing an item change it the same way)."""
    was, mine, theirs = ticks(base), ticks(local), ticks(remote)
    return ticked({key: theirs[key] if mine[key] == was[key] else mine[key] for key in CHECKLIST})


def people_of(event_id: int) -> People:
    """The event's people (their contacts in the Trash too, whose cards stay on the server)."""
    query = (
        EventPerson.select(
            Contact.vcard_uid,
            EventPerson.role,
            EventPerson.want_to_meet,
            EventPerson.met,
            EventPerson.research_notes,
        )
        .join(Contact)
        .where(EventPerson.event == event_id)
    )
    return tuple(PersonFields(*row) for row in tuples(query))


def kept(local: EventFields, server: EventFields) -> EventFields:
    """`local` with the people of the server's version whose contacts NetDesk does not have."""
    known = _contact_ids([person.contact for person in server.people])
    missing = [person for person in server.people if person.contact not in known]
    return replace(local, people=local.people + tuple(missing)) if missing else local


def merge_people(base: People, local: People, remote: People) -> tuple[People, People]:
    """The people merged person by person against `base`: a person one side added, removed
    or changed takes that side's version. A person both sides changed differently has NetDesk's
    version in the first list and the server's in the second (the lists are equal otherwise)."""
    was, mine, theirs = (_by_contact(people) for people in (base, local, remote))
    ours: list[PersonFields] = []
    other: list[PersonFields] = []
    for uid in dict.fromkeys([*mine, *theirs, *was]):
        here, there = mine.get(uid), theirs.get(uid)
        if here == there or there == was.get(uid):
            there = here
        elif here == was.get(uid):
            here = there
        ours += [here] if here else []
        other += [there] if there else []
    return tuple(ours), tuple(other)


def write_people(changes: Changes, event_id: int, local: People, merged: People) -> str:
    """Make the event's list `merged` where it differs from `local` (a person whose contact
    NetDesk does not have stays off the list); the vCard UIDs left waiting, as
    `sync_event.waiting` keeps them."""
    ids = _contact_ids([person.contact for person in (*local, *merged)])
    mine = {uid: person for uid, person in _by_contact(local).items() if uid in ids}
    wanted = _by_contact(merged)
    gone = [ids[uid] for uid in mine if uid not in wanted]
    changed = [person for uid, person in wanted.items() if uid in ids and mine.get(uid) != person]
    if gone:
        EventPerson.delete().where(
            EventPerson.event == event_id, EventPerson.contact.in_(gone)
        ).execute()
    for person in changed:
        _put(event_id, ids[person.contact], person)
    if gone or changed:
        changes.publish("events", [event_id])
    return _waiting([uid for uid in wanted if uid not in ids])


def link_waiting(changes: Changes, account_id: int) -> None:
    """Put on their events' lists the waiting people whose contacts have arrived since."""
    query = SyncEvent.select(SyncEvent.id, SyncEvent.event, SyncEvent.ical, SyncEvent.waiting)
    query = query.where(
        SyncEvent.account == account_id, SyncEvent.waiting != "", SyncEvent.event.is_null(False)
    )
    for row_id, event_id, text, waiting in tuples(query):
        uids = json.loads(waiting)
        ids = _contact_ids(uids)
        if not ids:
            continue
        on_list = EventPerson.select(EventPerson.contact).where(EventPerson.event == event_id)
        listed = {contact for (contact,) in tuples(on_list)}
        for person in parse_event(text).fields.people:
            if person.contact in ids and ids[person.contact] not in listed:
                _put(event_id, ids[person.contact], person)
        still = _waiting([uid for uid in uids if uid not in ids])
        SyncEvent.update(waiting=still).where(SyncEvent.id == row_id).execute()
        changes.publish("events", [event_id])


def _put(event_id: int, contact_id: int, person: PersonFields) -> None:
    entry = get_or_create(EventPerson, event=event_id, contact=contact_id)
    entry.role, entry.want_to_meet, entry.met = person.role, person.want_to_meet, person.met
    entry.research_notes = person.research_notes
    entry.save()


def _waiting(uids: list[str]) -> str:
    return json.dumps(sorted(set(uids)), ensure_ascii=False) if uids else ""


def _by_contact(people: People) -> dict[str, PersonFields]:
    return {person.contact: person for person in people}


def _contact_ids(uids: list[str]) -> dict[str, int]:
    """The contacts (Trash included) of the vCard UIDs NetDesk has."""
    wanted = list(dict.fromkeys(uid for uid in uids if uid))
    if not wanted:
        return {}
    query = Contact.select(Contact.vcard_uid, Contact.id).where(Contact.vcard_uid.in_(wanted))
    return dict(tuples(query))
