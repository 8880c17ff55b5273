"""Triggers that mark a synced contact changed (`sync_card.dirty`), a synced follow-up
(`sync_task.dirty`), a synced event or its people (`sync_event.dirty`) and a synced interaction
(`sync_journal.dirty`), whoever writes it.

Every writer of a contact (the editor, bulk tagging, merges, renaming a tag) then counts for the
next sync without knowing about it, and a sync with nothing to send reads only the dirty rows
instead of comparing every contact with its last synced card. A false alarm (a write that did
not change what a card holds, such as a new photo thumbnail) costs one comparison; a new
last-contacted time alone (logging an interaction sets it) marks nothing, so the status bar
does not count a contact waiting that the sync will find unchanged.
"""

from __future__ import annotations

from peewee import Database

_MARK = "UPDATE sync_card SET dirty = 1 WHERE contact_id = {}.contact_id AND dirty = 0"


def _marking(event: str, row: str) -> str:
    return f"AFTER {event} BEGIN {_MARK.format(row)}; END"


NOT_ON_CARD = ("id", "last_contacted_at")
"""The contact's columns whose change alone leaves its card as it was: the latest interaction's
time is read from the timeline, never written on the card."""
CONTACT_COLUMNS = (
    "given_name",
    "family_name",
    "additional_names",
    "prefix",
    "suffix",
    "display_name",
    "nickname",
    "organisation",
    "department",
    "company_id",
    "title",
    "birthday",
    "photo",
    "photo_thumb",
    "photo_url",
    "notes",
    "how_met",
    "met_at_id",
    "circle",
    "cadence_days",
    "source",
    "vcard_uid",
    "revision",
    "is_group",
    "archived",
    "deleted_at",
    "import_batch_id",
    "created_at",
    "updated_at",
)
"""Every other column of `contact` (a test checks none is missing): an update setting any of
them marks the contact's card (an editor's save sets them all)."""

DEFINITIONS = {
    "sync_dirty_contact": f"AFTER UPDATE OF {', '.join(CONTACT_COLUMNS)} ON contact BEGIN "
    "UPDATE sync_card SET dirty = 1 WHERE contact_id = NEW.id AND dirty = 0; END",
    "sync_dirty_method_added": _marking("INSERT ON contact_method", "NEW"),
    "sync_dirty_method_changed": _marking("UPDATE ON contact_method", "NEW"),
    "sync_dirty_method_removed": _marking("DELETE ON contact_method", "OLD"),
    "sync_dirty_tag_added": _marking("INSERT ON contact_tag", "NEW"),
    "sync_dirty_tag_removed": _marking("DELETE ON contact_tag", "OLD"),
    "sync_dirty_tag_renamed": "AFTER UPDATE OF name ON tag BEGIN "
    "UPDATE sync_card SET dirty = 1 WHERE dirty = 0 AND contact_id IN "
    "(SELECT contact_id FROM contact_tag WHERE tag_id = NEW.id); END",
}


TASK_DEFINITIONS = {
    "sync_dirty_followup": "AFTER UPDATE ON follow_up BEGIN "
    "UPDATE sync_task SET dirty = 1 WHERE followup_id = NEW.id AND dirty = 0; END",
    "sync_dirty_followup_contact": "AFTER UPDATE OF display_name ON contact BEGIN "
    "UPDATE sync_task SET dirty = 1 WHERE dirty = 0 AND followup_id IN "
    "(SELECT id FROM follow_up WHERE contact_id = NEW.id); END",
}
"""The follow-ups' triggers (a task's summary carries the contact's name)."""


EVENT_DEFINITIONS = {
    "sync_dirty_event": "AFTER UPDATE ON event BEGIN "
    "UPDATE sync_event SET dirty = 1 WHERE event_id = NEW.id AND dirty = 0; END",
}
"""The events' trigger."""

_MARK_EVENT = "UPDATE sync_event SET dirty = 1 WHERE event_id = {}.event_id AND dirty = 0"
EVENT_PEOPLE_DEFINITIONS = {
    f"sync_dirty_event_person_{name}": f"AFTER {name.upper()} ON event_person BEGIN "
    f"{_MARK_EVENT.format(row)}; END"
    for name, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD"))
}
"""The triggers of an event's people list (its VEVENT carries them)."""


JOURNAL_DEFINITIONS = {
    "sync_dirty_interaction": "AFTER UPDATE ON interaction BEGIN "
    "UPDATE sync_journal SET dirty = 1 WHERE interaction_id = NEW.id AND dirty = 0; END",
}
"""The interactions' trigger (an interaction moved to another contact by a merge, too)."""


def create(database: Database) -> None:
    """Create the contacts' triggers that do not exist yet."""
    _create(database, DEFINITIONS)


def narrow_contact_trigger(database: Database) -> None:
    """Make the contact's trigger again as DEFINITIONS has it now (an older one marked the
    card on every update, a new last-contacted time too)."""
    database.execute_sql('DROP TRIGGER IF EXISTS "sync_dirty_contact"')
    _create(database, {"sync_dirty_contact": DEFINITIONS["sync_dirty_contact"]})


def create_task_triggers(database: Database) -> None:
    """Create the follow-ups' triggers that do not exist yet (sync_task must exist)."""
    _create(database, TASK_DEFINITIONS)


def create_event_triggers(database: Database) -> None:
    """Create the events' trigger if it does not exist yet (sync_event must exist)."""
    _create(database, EVENT_DEFINITIONS)


def create_event_people_triggers(database: Database) -> None:
    """Create the triggers of events' people lists that do not exist yet."""
    _create(database, EVENT_PEOPLE_DEFINITIONS)


def create_journal_triggers(database: Database) -> None:
    """Create the interactions' trigger if it does not exist yet (sync_journal must exist)."""
    _create(database, JOURNAL_DEFINITIONS)


def _create(database: Database, definitions: dict[str, str]) -> None:
    for name, body in definitions.items():
        database.execute_sql(f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}')
