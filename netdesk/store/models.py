"""Peewee models for the whole data model (see DESIGN.md).

All models bind to `db`, a proxy initialised by `netdesk.store.db.open_database`. Timestamps are
naive UTC datetimes except where a field says local; dates are plain dates.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import ClassVar

import peewee
from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

db = DatabaseProxy()


def utcnow() -> datetime:
    """The current time as a naive UTC datetime (how the store keeps times)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uid() -> str:
    """A UID for a contact that has none: exports always write one, so importing an export
    again (here or into an empty database) finds the same person instead of guessing."""
    return str(uuid.uuid4())


class BaseModel(Model):
    """The models' common database. Each model declares, as bare annotations, the columns Peewee
    adds at run time (`id`, a foreign key's `<name>_id`), so the type checker knows them: at class
    level they are the fields for queries, on a row their values."""

    DoesNotExist: ClassVar[type[peewee.DoesNotExist]]

    class Meta:
        database = db
        legacy_table_names = False


class Company(BaseModel):
    """An organisation people work at. Who works there is `Contact.company`, which every write
    of a contact sets from its `organisation` text (matched ignoring case, created when new);
    the row keeps what belongs to the organisation itself, such as whether it is a target."""

    id: AutoField[int]

    name = TextField(unique=True, collation="NOCASE")
    website = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    target = BooleanField(default=False)


class Pitch(BaseModel):
    id: AutoField[int]

    title = TextField()
    audience = TextField(default="")
    text = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Event(BaseModel):
    id: AutoField[int]
    pitch_id: ForeignKeyField[int | None]

    name = TextField()
    kind = TextField(default="meetup", index=True)
    status = TextField(default="considering", index=True)
    starts_at = DateTimeField(index=True)
    ends_at = DateTimeField(null=True)
    timezone = TextField(default="")
    place = TextField(default="")
    online_link = TextField(default="")
    organiser = TextField(default="")
    url = TextField(default="")
    cost = TextField(default="")
    notes = TextField(default="")
    goals = TextField(default="")
    goal_target = IntegerField(null=True)
    goal_target_text = TextField(default="")
    prep_notes = TextField(default="")
    conversation_starters = TextField(default="")
    pitch = ForeignKeyField(Pitch, null=True, on_delete="SET NULL")
    pitch_text = TextField(default="")
    checklist = TextField(default="{}")
    prep_reminder_days = IntegerField(default=2)
    prep_notified_at = DateTimeField(null=True)
    uid = TextField(null=True, unique=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class ImportBatch(BaseModel):
    id: AutoField[int]

    created_at = DateTimeField(default=utcnow, index=True)
    files = TextField(default="[]")
    created_count = IntegerField(default=0)
    merged_count = IntegerField(default=0)
    skipped_count = IntegerField(default=0)
    failed_count = IntegerField(default=0)
    errors = TextField(default="[]")
    undone_at = DateTimeField(null=True)
    unchanged_count = IntegerField(default=0)
    combined_count = IntegerField(default=0)
    possible_count = IntegerField(default=0)
    warning_count = IntegerField(default=0)
    kept_aside_count = IntegerField(default=0)


class Contact(BaseModel):
    id: AutoField[int]
    company_id: ForeignKeyField[int | None]
    met_at_id: ForeignKeyField[int | None]
    import_batch_id: ForeignKeyField[int | None]

    given_name = TextField(default="")
    family_name = TextField(default="")
    additional_names = TextField(default="")
    prefix = TextField(default="")
    suffix = TextField(default="")
    display_name = TextField(default="", index=True, collation="NOCASE")
    nickname = TextField(default="")
    organisation = TextField(default="", index=True, collation="NOCASE")
    department = TextField(default="")
    company = ForeignKeyField(Company, null=True, backref="contacts", on_delete="SET NULL")
    title = TextField(default="", index=True, collation="NOCASE")
    birthday = DateField(null=True)
    photo = BlobField(null=True)
    photo_thumb = BlobField(null=True)
    photo_url = TextField(default="")
    notes = TextField(default="")
    how_met = TextField(default="")
    met_at = ForeignKeyField(Event, null=True, backref="met_contacts", on_delete="SET NULL")
    circle = TextField(default="", index=True)
    cadence_days = IntegerField(null=True)
    source = TextField(default="manual")
    vcard_uid = TextField(default=new_uid, index=True)
    revision = TextField(default="")
    is_group = BooleanField(default=False)
    last_contacted_at = DateTimeField(null=True, index=True)
    archived = BooleanField(default=False, index=True)
    deleted_at = DateTimeField(null=True, index=True)
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


LIVE_COMPANY_INDEX = "contact_live_company"
"""The companies' people counts and last contacts read this index alone (`core.companies`):
it holds the columns of its condition too, else SQLite reads each row to check them (59 against
42 ms at 100,000 contacts)."""
Contact.add_index(
    Contact.index(
        Contact.company,
        Contact.last_contacted_at,
        Contact.deleted_at,
        Contact.archived,
        name=LIVE_COMPANY_INDEX,
    ).where(
        Contact.deleted_at.is_null(True) & (Contact.archived == False)  # noqa: E712
    )
)


ADDED_INDEX = "contact_added"
"""When each person was added, and whether by hand (no import batch): Today's "new people met"
finds those added by hand in its weeks from this index alone (`core.goal_progress`), with the
columns of its condition, instead of every contact's row (~1 s at 100,000 contacts)."""
Contact.add_index(
    Contact.index(
        Contact.import_batch,
        Contact.created_at,
        Contact.deleted_at,
        Contact.is_group,
        name=ADDED_INDEX,
    )
)


class ContactMethod(BaseModel):
    """An email, phone, postal address, URL or social profile of a contact."""

    id: AutoField[int]
    contact_id: ForeignKeyField[int]

    contact = ForeignKeyField(Contact, backref="methods", on_delete="CASCADE")
    kind = TextField()
    label = TextField(default="")
    value = TextField()
    normalized = TextField(default="", index=True)
    service = TextField(default="")
    preferred = BooleanField(default=False)
    parts = TextField(default="")
    position = IntegerField(default=0)


class Tag(BaseModel):
    id: AutoField[int]

    name = TextField(unique=True, collation="NOCASE")


class ContactTag(BaseModel):
    contact_id: ForeignKeyField[int]
    tag_id: ForeignKeyField[int]

    contact = ForeignKeyField(Contact, backref="contact_tags", on_delete="CASCADE", index=False)
    tag = ForeignKeyField(Tag, backref="contact_tags", on_delete="CASCADE", index=False)

    class Meta:
        primary_key = CompositeKey("contact", "tag")
        indexes = ((("tag", "contact"), False),)


class EventPerson(BaseModel):
    id: AutoField[int]
    event_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int]

    event = ForeignKeyField(Event, backref="people", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="event_roles", on_delete="CASCADE")
    role = TextField(default="attendee")
    want_to_meet = BooleanField(default=False)
    met = BooleanField(default=False)
    research_notes = TextField(default="")

    class Meta:
        indexes = ((("event", "contact"), True),)


class Interaction(BaseModel):
    id: AutoField[int]
    contact_id: ForeignKeyField[int]
    event_id: ForeignKeyField[int | None]
    import_batch_id: ForeignKeyField[int | None]
    introduced_a_id: ForeignKeyField[int | None]
    introduced_b_id: ForeignKeyField[int | None]

    contact = ForeignKeyField(Contact, backref="interactions", on_delete="CASCADE")
    occurred_at = DateTimeField(default=utcnow)
    channel = TextField(default="in person")
    summary = TextField(default="")
    direction = TextField(default="neutral")
    event = ForeignKeyField(Event, null=True, backref="interactions", on_delete="SET NULL")
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    give_kind = TextField(default="")
    introduced_a = ForeignKeyField(Contact, null=True, backref="+", on_delete="SET NULL")
    introduced_b = ForeignKeyField(Contact, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("contact", "occurred_at"), False),
            (("direction", "occurred_at"), False),
            (("occurred_at",), False),
        )


class Opportunity(BaseModel):
    """An opening or a lead: `title` is the role, `stage` one of the vocabulary's
    OPPORTUNITY_STAGES, `source` where the user heard of it and `heard_on` when. The people
    behind it are `OpportunityPerson` rows, its stage changes `OpportunityStage` rows. Its next
    step is a pending `FollowUp` of the opportunity (with one of its people); `next_step` holds
    the step's words and `next_step_on` its date only while nobody is involved yet (see
    `core.opportunities`)."""

    id: AutoField[int]
    company_id: ForeignKeyField[int | None]

    title = TextField()
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL")
    stage = TextField(default="heard")
    url = TextField(default="")
    notes = TextField(default="")
    source = TextField(default="")
    heard_on = DateField(null=True)
    next_step = TextField(default="")
    next_step_on = DateField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class OpportunityPerson(BaseModel):
    """A contact behind an opportunity, in a role (OPPORTUNITY_ROLES: told me, could refer me,
    referred me, interviews me); `interaction` is the referral received logged for a "referred
    me" (in the give-and-take ledger)."""

    id: AutoField[int]
    opportunity_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int]
    interaction_id: ForeignKeyField[int | None]

    opportunity = ForeignKeyField(Opportunity, backref="people", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="opportunity_roles", on_delete="CASCADE")
    role = TextField(default="told me")
    interaction = ForeignKeyField(Interaction, null=True, backref="+", on_delete="SET NULL")
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("opportunity", "contact", "role"), True),)


class OpportunityStage(BaseModel):
    """One step of an opportunity's timeline: it reached `stage` at `changed_at` (naive UTC)."""

    id: AutoField[int]
    opportunity_id: ForeignKeyField[int]

    opportunity = ForeignKeyField(Opportunity, backref="stages", on_delete="CASCADE")
    stage = TextField()
    changed_at = DateTimeField(default=utcnow)


class FollowUp(BaseModel):
    id: AutoField[int]
    contact_id: ForeignKeyField[int]
    interaction_id: ForeignKeyField[int | None]
    event_id: ForeignKeyField[int | None]
    opportunity_id: ForeignKeyField[int | None]

    contact = ForeignKeyField(Contact, backref="followups", on_delete="CASCADE")
    due_at = DateTimeField(index=True)
    has_time = BooleanField(default=False)
    reason = TextField(default="check-in")
    note = TextField(default="")
    status = TextField(default="open", index=True)
    origin = TextField(default="manual")
    notified_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    event = ForeignKeyField(Event, null=True, backref="followups", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    opportunity = ForeignKeyField(Opportunity, null=True, backref="followups", on_delete="CASCADE")

    class Meta:
        indexes = ((("status", "due_at"), False),)


class Goal(BaseModel):
    id: AutoField[int]
    event_id: ForeignKeyField[int | None]
    company_id: ForeignKeyField[int | None]

    title = TextField()
    description = TextField(default="")
    target_count = IntegerField(null=True)
    due_date = DateField(null=True)
    status = TextField(default="open")
    event = ForeignKeyField(Event, null=True, backref="goal_items", on_delete="CASCADE")
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)


class ImportChange(BaseModel):
    """A contact one import batch merged into, so the batch can be undone later: `before` holds
    a JSON snapshot of the contact as it was before the merge. (The contacts a batch created are
    the ones whose `import_batch` it is; undo deletes them. Imports before 2026-11-29 also wrote
    a row with action "created" for each.)
    """

    id: AutoField[int]
    batch_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int | None]

    batch = ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE")
    action = TextField()
    before = TextField(default="")


class ReachOutSkip(BaseModel):
    """A person the user said "not now" to on Today: left out of Reach out until `until` (local
    date), so the same names do not come back every morning."""

    contact_id: ForeignKeyField[int]

    contact = ForeignKeyField(Contact, primary_key=True, on_delete="CASCADE")
    until = DateField(index=True)


class MessageTemplate(BaseModel):
    """A message the Write dialog offers: `reason` is the follow-up reason it answers (it is
    preselected for it), `give_kind` what sending it gives ("" for nothing)."""

    id: AutoField[int]

    name = TextField(unique=True, collation="NOCASE")
    reason = TextField(default="")
    subject = TextField(default="")
    body = TextField(default="")
    give_kind = TextField(default="")
    position = IntegerField(default=0)
    updated_at = DateTimeField(default=utcnow)


class CircleCadence(BaseModel):
    """A circle's keep-in-touch interval: past `ideal_days` since the last interaction a person
    of that circle is due (amber), past `max_days` drifting (red). A contact's own
    `cadence_days` overrides it."""

    circle = TextField(primary_key=True)
    ideal_days = IntegerField()
    max_days = IntegerField()


class TrackedGoal(BaseModel):
    """A networking goal whose progress is counted from the data (`core.goal_progress`).

    `kind` says what is counted; `channel`, `give_kind`, `circle`, `tag` and `company` narrow it
    ("" for any); `period` is week, month, quarter or custom (`starts_on`..`ends_on`); each
    period from `starts_on` on is met or missed against `target`. A "targets" goal counts its
    `GoalTarget` rows instead. (The older `Goal` holds an event's goal items.)
    """

    id: AutoField[int]

    title = TextField()
    kind = TextField()
    channel = TextField(default="")
    give_kind = TextField(default="")
    circle = TextField(default="")
    tag = TextField(default="")
    company = TextField(default="")
    period = TextField(default="month")
    starts_on = DateField()
    ends_on = DateField(null=True)
    target = IntegerField(default=1)
    position = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)


class GoalTarget(BaseModel):
    """A person or an organisation a "targets" goal wants to connect with; how far it got
    ("to reach" ... "met") is read from the interactions."""

    id: AutoField[int]
    goal_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int | None]

    goal = ForeignKeyField(TrackedGoal, backref="targets", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, backref="+", on_delete="CASCADE")
    organisation = TextField(default="")
    position = IntegerField(default=0)


class Employment(BaseModel):
    """One job in a contact's employment history. The current job has no `ended_on` and mirrors
    the contact's `organisation` and `title`; a job change ends it and records the new one.
    `source` says where it came from (manual, linkedin, vcard, google...), `import_batch` the
    import that recorded it (undoing the import removes it and reopens the job it ended)."""

    id: AutoField[int]
    contact_id: ForeignKeyField[int]
    import_batch_id: ForeignKeyField[int | None]

    contact = ForeignKeyField(Contact, backref="employments", on_delete="CASCADE")
    organisation = TextField(default="", index=True, collation="NOCASE")
    title = TextField(default="")
    started_on = DateField(null=True)
    ended_on = DateField(null=True)
    source = TextField(default="manual")
    recorded_at = DateTimeField(default=utcnow, index=True)
    import_batch = ForeignKeyField(ImportBatch, null=True, backref="+", on_delete="SET NULL")


class OwnProfile(BaseModel):
    """One of the user's own online profiles (the Me page): its link, when each checklist item
    was last ticked (`ticks`, JSON {item: ISO date}), how many months a tick stays fresh, and
    the day its refresh reminder was last announced."""

    service = TextField(primary_key=True)
    url = TextField(default="")
    ticks = TextField(default="{}")
    refresh_months = IntegerField(default=6)
    notified_on = DateField(null=True)


BY_ACCOUNT_AND_HREF = ((("account", "href"), True),)
"""The unique index of a synced item's table: one row per account and server URL."""


def _synced_item_columns() -> tuple[
    TextField, TextField, TextField, BooleanField, BooleanField, DateTimeField
]:
    """href, etag, ical, dirty, foreign, synced_at: the columns of an iCalendar item as last
    synced (SyncTask, SyncEvent, SyncJournal), made here in their table order (a field factory,
    not a base class: a base class's fields would come first in new tables, before the item's
    own foreign keys, unlike the tables that exist)."""
    return (
        TextField(),
        TextField(default=""),
        TextField(default=""),
        BooleanField(default=False),
        BooleanField(default=False),
        DateTimeField(default=utcnow),
    )


def _conflict_columns() -> tuple[
    TextField, TextField, TextField, TextField, DateTimeField, DateTimeField
]:
    """field, base, local, remote, created_at, resolved_at: the columns of a sync conflict
    (SyncConflict, SyncItemConflict), in their table order (see `_synced_item_columns`)."""
    return (
        TextField(),
        TextField(default=""),
        TextField(default=""),
        TextField(default=""),
        DateTimeField(default=utcnow),
        DateTimeField(null=True),
    )


class SyncAccount(BaseModel):
    """A CardDAV account contacts sync with: the server URL as given, the user (the password
        lives in the system keyring, never here), a CA file for a server with its own certificate,
        the address book's URL, and where the last sync left off (RFC 6578 sync token, else the
        collection's ctag). Follow-ups sync with `task_list` (a CalDAV calendar's URL, "" for
        none), with their own token and ctag; events with `calendar` and interactions with `journal`
    likewise."""

    id: AutoField[int]

    url = TextField()
    user = TextField()
    ca_file = TextField(default="")
    address_book = TextField(default="")
    sync_token = TextField(default="")
    ctag = TextField(default="")
    task_list = TextField(default="")
    task_token = TextField(default="")
    task_ctag = TextField(default="")
    calendar = TextField(default="")
    calendar_token = TextField(default="")
    calendar_ctag = TextField(default="")
    journal = TextField(default="")
    journal_token = TextField(default="")
    journal_ctag = TextField(default="")
    last_sync_at = DateTimeField(null=True)
    last_error = TextField(default="")
    created_at = DateTimeField(default=utcnow)


class SyncCard(BaseModel):
    """A contact as last synced with an account: its card's href and ETag on the server, the
    vCard text both sides agreed on (the base of three-way merges) and whether the contact
    changed since (`dirty`, set by triggers: `store.sync_triggers`). A card whose contact was
    deleted for good (the Trash emptied) keeps its row, contact NULL, until the server's copy
    is deleted."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int | None]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    href = TextField()
    etag = TextField(default="")
    vcard = TextField(default="")
    dirty = BooleanField(default=False)
    synced_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = BY_ACCOUNT_AND_HREF


class SyncTask(BaseModel):
    """A follow-up as last synced with an account's task list: the task's href, ETag and the
    iCalendar text both sides agreed on (the base of merges), `dirty` when the follow-up changed
    since (a trigger sets it). Follow-up NULL: deleted here, so deleted on the server next; a
    task about nobody NetDesk knows (a phone's own) is `foreign` and left alone."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    followup_id: ForeignKeyField[int | None]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    followup = ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
    href, etag, ical, dirty, foreign, synced_at = _synced_item_columns()

    class Meta:
        indexes = BY_ACCOUNT_AND_HREF


class SyncEvent(BaseModel):
    """An event as last synced with an account's calendar: the VEVENT's href, ETag and the
    iCalendar text both sides agreed on (the base of merges), `dirty` when the event changed
    since (triggers set it: the event or its people changed). Event NULL: deleted here, so
    deleted on the server next; a repeating event of another client's is `foreign` and left
    alone. `waiting`: the vCard UIDs (a JSON list) of people the VEVENT names whose contacts
    this NetDesk did not have yet, put on the event's list when they arrive."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    event_id: ForeignKeyField[int | None]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    href, etag, ical, dirty, foreign, synced_at = _synced_item_columns()
    waiting = TextField(default="")

    class Meta:
        indexes = BY_ACCOUNT_AND_HREF


class SyncJournal(BaseModel):
    """An interaction as last synced with an account's journal: the VJOURNAL's href, ETag and
    the iCalendar text both sides agreed on, `dirty` when the interaction changed since (a
    trigger sets it). Interaction NULL: deleted here, so deleted on the server next; a VJOURNAL
    about nobody NetDesk knows is `foreign` and left alone."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    interaction_id: ForeignKeyField[int | None]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    href, etag, ical, dirty, foreign, synced_at = _synced_item_columns()

    class Meta:
        indexes = BY_ACCOUNT_AND_HREF


class SyncConflict(BaseModel):
    """A field both NetDesk and the server changed since the last sync: the contact keeps the
    local value and the server's is kept here (JSON texts) until the user chooses."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    contact_id: ForeignKeyField[int]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    field, base, local, remote, created_at, resolved_at = _conflict_columns()


class SyncItemConflict(BaseModel):
    """A group of fields of a follow-up, an event or an interaction (the one column set) that
    NetDesk and the server both changed since the last sync: the item keeps the local values and
    the server's are kept here (JSON lists, `field` the group's first field) until the user
    chooses."""

    id: AutoField[int]
    account_id: ForeignKeyField[int]
    followup_id: ForeignKeyField[int | None]
    event_id: ForeignKeyField[int | None]
    interaction_id: ForeignKeyField[int | None]

    account = ForeignKeyField(SyncAccount, on_delete="CASCADE")
    followup = ForeignKeyField(FollowUp, null=True, on_delete="CASCADE")
    event = ForeignKeyField(Event, null=True, on_delete="CASCADE")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="CASCADE")
    field, base, local, remote, created_at, resolved_at = _conflict_columns()


class Meta(BaseModel):
    """Store-wide key/value facts: the schema version, the last daily backup."""

    key = TextField(primary_key=True)
    value = TextField(default="")


MODELS: list[type[BaseModel]] = [
    Meta,
    Company,
    Pitch,
    Event,
    ImportBatch,
    Contact,
    ContactMethod,
    Tag,
    ContactTag,
    EventPerson,
    Interaction,
    FollowUp,
    Goal,
    Opportunity,
    OpportunityPerson,
    OpportunityStage,
    ImportChange,
    ReachOutSkip,
    MessageTemplate,
    CircleCadence,
    TrackedGoal,
    GoalTarget,
    Employment,
    OwnProfile,
    SyncAccount,
    SyncCard,
    SyncConflict,
    SyncTask,
    SyncEvent,
    SyncJournal,
    SyncItemConflict,
]
