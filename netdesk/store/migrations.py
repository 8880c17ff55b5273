"""Ordered schema migrations with playhouse.migrate.

A new database gets the current schema in one go. An older one runs each missing step in its own
transaction (`migration_context`: foreign keys off during the step), and the schema version is
written in the same transaction, so a step either happens whole or not at all. Steps check what
exists before they change it, so a step rerun after a crash is harmless.

To change the schema: change the models, append a step to STEPS, bump nothing else, and commit a
fixture database of the previous schema under tests/store/fixtures/ (see tests/store/README).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from peewee import BooleanField, Database, IntegerField, OperationalError

from netdesk.store import (
    cadence_defaults,
    fts,
    reach_out_indexes,
    sync_triggers,
    template_defaults,
)
from netdesk.store.models import (
    ADDED_INDEX,
    LIVE_COMPANY_INDEX,
    MODELS,
    BaseModel,
    CircleCadence,
    Employment,
    FollowUp,
    GoalTarget,
    Interaction,
    MessageTemplate,
    Meta,
    Opportunity,
    OpportunityPerson,
    OpportunityStage,
    OwnProfile,
    ReachOutSkip,
    SyncAccount,
    SyncCard,
    SyncConflict,
    SyncEvent,
    SyncItemConflict,
    SyncJournal,
    SyncTask,
    TrackedGoal,
    new_uid,
)

if TYPE_CHECKING:  # playhouse.migrate (~8 ms) loads when a step runs, not at every start
    from playhouse.migrate import SqliteMigrator

Step = Callable[[Database, "SqliteMigrator"], None]
Report = Callable[[int, int, str], None]  # (steps done, steps to run, title of the next step)


def _initial_schema(database: Database, migrator: SqliteMigrator) -> None:
    """Create the tables and the search index."""
    database.create_tables(MODELS, safe=True)
    fts.create(database)


def _leaner_writes(database: Database, migrator: SqliteMigrator) -> None:
    """Rebuild the search index for faster imports.

    v2: cheaper writes for imports. The search index keeps which columns hold a word but not where
    (`detail = column`: NetDesk searches words by prefix, never phrases) and each contact method
    once; indexes no query uses (contact_tag's two single-column ones, which its key and (tag,
    contact) cover, and contact_method.kind) go, and so does contact.next_followup_at, which nothing
    ever wrote.
    """
    for index in (
        "contact_tag_contact_id",
        "contact_tag_tag_id",
        "contact_method_kind",
        "contact_next_followup_at",
    ):
        database.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
    if "next_followup_at" in {column.name for column in database.get_columns("contact")}:
        migrator.drop_column("contact", "next_followup_at").run()
    database.execute_sql("DROP TABLE IF EXISTS contact_fts")
    fts.create(database)
    fts.rebuild_all(database)


def _uid_for_every_contact(database: Database, migrator: SqliteMigrator) -> None:
    """Give every contact a UID.

    v3: exports write each contact's UID, so an export imported again (into this database or an
    empty one) matches its people by UID instead of by guess. Contacts created before v3 kept
    only the UID their card came with (often none).
    """
    rows = database.execute_sql(
        "SELECT id FROM contact WHERE vcard_uid IS NULL OR trim(vcard_uid) = ''"
    ).fetchall()
    database.cursor().executemany(
        "UPDATE contact SET vcard_uid = ? WHERE id = ?", [(new_uid(), id_) for (id_,) in rows]
    )


def _import_counts(database: Database, migrator: SqliteMigrator) -> None:
    """Keep every count of an import in its history.

    v4: Import history shows, beside created / merged / skipped / failed, the cards already up
    to date, those combined with another card of the same files, the possible duplicates, the
    warnings and the values kept aside (0 for imports made before).
    """
    have = {column.name for column in database.get_columns("import_batch")}
    for name in (
        "unchanged_count",
        "combined_count",
        "possible_count",
        "warning_count",
        "kept_aside_count",
    ):
        if name not in have:
            migrator.add_column("import_batch", name, IntegerField(default=0)).run()


def _reach_out_skips(database: Database, migrator: SqliteMigrator) -> None:
    """Remember who was skipped on Today.

    v5: "Not now" on a person in Today's Reach out list leaves them out for a week; the table
    keeps each skipped contact with the date they may come back.
    """
    database.create_tables([ReachOutSkip], safe=True)


def _give_and_take_and_templates(database: Database, migrator: SqliteMigrator) -> None:
    """Add give-and-take to interactions and message templates.

    v6: an interaction can be something the user gave or received, of a kind, and for an
    introduction name the two people introduced; the (direction, time) index serves the
    balance, the weekly picture and Reach out's "you have not given back". The Write dialog's
    templates live in `message_template`, seeded with the defaults.
    """
    have = {column.name for column in database.get_columns("interaction")}
    for name in ("give_kind", "introduced_a_id", "introduced_b_id"):
        if name not in have:
            field = getattr(Interaction, name.removesuffix("_id"))
            migrator.add_column("interaction", name, field).run()
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "interaction_direction_occurred_at" '
        'ON "interaction" ("direction", "occurred_at")'
    )
    database.create_tables([MessageTemplate], safe=True)
    template_defaults.seed(database)


def _goals_and_circle_cadence(database: Database, migrator: SqliteMigrator) -> None:
    """Add measured goals and keep-in-touch intervals by circle.

    v7: goals whose progress is counted from the data (`tracked_goal`, with the people and
    organisations of a target list in `goal_target`), each circle's ideal and maximum
    keep-in-touch interval (`circle_cadence`, seeded with the defaults), and an index on
    interaction times for the weekly counts of Today's charts and the goals.
    """
    database.create_tables([CircleCadence, TrackedGoal, GoalTarget], safe=True)
    cadence_defaults.seed(database)
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "interaction_occurred_at" ON "interaction" ("occurred_at")'
    )


def _employment_history(database: Database, migrator: SqliteMigrator) -> None:
    """Keep each contact's employment history.

    v8: an import that brings another employer or title for a known person ends the old job
    and records the new one in `employment` (organisation, title, from, to, where it came
    from). Every contact with an organisation or a title gets its current job as the first
    entry, recorded when the contact was added.
    """
    database.create_tables([Employment], safe=True)
    backfill_employment(database)


def backfill_employment(database: Database) -> None:
    """Give every contact with an organisation or a title and no job history its current job,
    recorded when the contact was added (one statement)."""
    database.execute_sql(
        "INSERT INTO employment (contact_id, organisation, title, source, recorded_at) "
        "SELECT c.id, c.organisation, c.title, c.source, c.created_at FROM contact c "
        "WHERE (c.organisation != '' OR c.title != '') AND NOT c.is_group "
        "AND NOT EXISTS (SELECT 1 FROM employment e WHERE e.contact_id = c.id)"
    )


def _own_profiles(database: Database, migrator: SqliteMigrator) -> None:
    """Add your own profiles (the Me page).

    v9: your own LinkedIn, GitHub, X, Stack Overflow, Mastodon and personal site, each with
    when its checklist items (photo, headline, about, recent activity) were last ticked and how
    many months they stay fresh (`own_profile`).
    """
    database.create_tables([OwnProfile], safe=True)


def _target_companies(database: Database, migrator: SqliteMigrator) -> None:
    """Add the Companies view and target companies.

    v10: a company can be marked a target (`company.target`); the Companies view counts each
    company's people and their last contact off one partial index of the living contacts. Every
    contact with an organisation is linked to its company (and one without to none), as every
    write has done since v1, so the view lists every organisation someone works at.
    """
    if "target" not in {column.name for column in database.get_columns("company")}:
        migrator.add_column("company", "target", BooleanField(default=False)).run()
    database.execute_sql(
        f'CREATE INDEX IF NOT EXISTS "{LIVE_COMPANY_INDEX}" ON "contact" '
        '("company_id", "last_contacted_at", "deleted_at", "archived") '
        'WHERE "deleted_at" IS NULL AND "archived" = 0'
    )
    database.execute_sql(
        "INSERT OR IGNORE INTO company (name, website, notes, created_at, target) "
        "SELECT trim(organisation), '', '', datetime('now'), 0 FROM contact "
        "WHERE company_id IS NULL AND trim(organisation) <> '' ORDER BY id"
    )
    database.execute_sql(
        "UPDATE contact SET company_id = CASE WHEN trim(organisation) = '' THEN NULL ELSE "
        "(SELECT id FROM company WHERE name = trim(contact.organisation)) END "
        "WHERE (company_id IS NULL) <> (trim(organisation) = '')"
    )


def _reach_out_indexes(database: Database, migrator: SqliteMigrator) -> None:
    """Index check-ins and birthdays for Today's Reach out.

    v11: partial indexes on expressions (`store.reach_out_indexes`) let Reach out read the few
    people most overdue for a check-in, and the birthdays of the next days, from the head of an
    index instead of every contact.
    """
    reach_out_indexes.create(database)


_OLD_STATUSES = {
    "lead": "heard",
    "interview": "interviewing",
    "won": "accepted",
    "lost": "closed",
    "rejected": "closed",
}
"""The old free-form `opportunity.status` values a stage can be read from (others become
"heard", the old word kept in the notes)."""


def _opportunities(database: Database, migrator: SqliteMigrator) -> None:
    """Add opportunities with their people, stages and next step.

    v12: an opportunity (the old, unused `opportunity` table, whose rows are kept) gets a stage
    (its old status: "lead" becomes "heard"; a word that is no stage becomes "heard" and stays
    in the notes), where and when the user heard of it, its next step and an update time; its
    one contact becomes a person of it in the role "told me" (`opportunity_person`, each contact
    with a role); `opportunity_stage` keeps the timeline of stage changes (the old rows start
    with their stage at their creation time); a follow-up may be an opportunity's next step.
    """
    have = {column.name for column in database.get_columns("opportunity")}
    if "stage" not in have:
        migrator.rename_column("opportunity", "status", "stage").run()
        stages = (
            "heard", "researching", "asked for referral", "referred", "applied", "interviewing",
            "offer", "accepted", "declined", "closed",
        )  # fmt: skip
        for old, stage in _OLD_STATUSES.items():
            database.execute_sql("UPDATE opportunity SET stage = ? WHERE stage = ?", (stage, old))
        marks = ", ".join("?" * len(stages))
        database.execute_sql(
            "UPDATE opportunity SET notes = trim(notes || char(10) || 'Status before the "
            f"upgrade: ' || stage, char(10)), stage = 'heard' WHERE stage NOT IN ({marks})",
            stages,
        )
    for name in ("source", "heard_on", "next_step", "next_step_on", "updated_at"):
        if name not in have:
            migrator.add_column("opportunity", name, getattr(Opportunity, name)).run()
    if "updated_at" not in have:
        database.execute_sql("UPDATE opportunity SET updated_at = created_at")
    database.create_tables([OpportunityPerson, OpportunityStage], safe=True)
    if "contact_id" in have:
        database.execute_sql(
            "INSERT OR IGNORE INTO opportunity_person (opportunity_id, contact_id, role, position) "
            "SELECT id, contact_id, 'told me', 0 FROM opportunity WHERE contact_id IS NOT NULL"
        )
        database.execute_sql('DROP INDEX IF EXISTS "opportunity_contact_id"')
        migrator.drop_column("opportunity", "contact_id", legacy=True).run()
    database.execute_sql(
        "INSERT INTO opportunity_stage (opportunity_id, stage, changed_at) "
        "SELECT o.id, o.stage, o.created_at FROM opportunity o WHERE NOT EXISTS "
        "(SELECT 1 FROM opportunity_stage s WHERE s.opportunity_id = o.id)"
    )
    if "opportunity_id" not in {column.name for column in database.get_columns("follow_up")}:
        migrator.add_column("follow_up", "opportunity_id", FollowUp.opportunity).run()
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "follow_up_opportunity_id" ON "follow_up" ("opportunity_id")'
    )


def _sync_state(database: Database, migrator: SqliteMigrator) -> None:
    """Add contact sync with CardDAV servers.

    v13: sync accounts (`sync_account`: server, user, address book, where the last sync left
    off), each synced contact's href, ETag and last synced card (`sync_card`), fields changed
    on both sides (`sync_conflict`), and the triggers that mark a synced contact changed.
    """
    database.create_tables([SyncAccount, SyncCard, SyncConflict], safe=True)
    sync_triggers.create(database)


def _task_sync_state(database: Database, migrator: SqliteMigrator) -> None:
    """Add follow-up sync with CalDAV task lists.

    v14: the account's task list and where its last sync left off (`sync_account.task_list`,
    `task_token`, `task_ctag`), each synced follow-up's task (`sync_task`: href, ETag, last
    synced iCalendar text), and the triggers that mark a synced follow-up changed.
    """
    present = {column.name for column in database.get_columns("sync_account")}
    for name in ("task_list", "task_token", "task_ctag"):
        if name not in present:
            migrator.add_column("sync_account", name, getattr(SyncAccount, name)).run()
    database.create_tables([SyncTask], safe=True)
    sync_triggers.create_task_triggers(database)


def _added_index(database: Database, migrator: SqliteMigrator) -> None:
    """Index when each contact was added, for Today's new people met.

    v15: `contact_added` (import batch, added, deleted, group) lets "new people met" find the
    people added by hand in a span of weeks without reading every contact.
    """
    database.execute_sql(
        f'CREATE INDEX IF NOT EXISTS "{ADDED_INDEX}" ON "contact" '
        '("import_batch_id", "created_at", "deleted_at", "is_group")'
    )


def _event_sync_state(database: Database, migrator: SqliteMigrator) -> None:
    """Add event sync with CalDAV calendars.

    v16: the account's calendar and where its last sync left off (`sync_account.calendar`,
    `calendar_token`, `calendar_ctag`), each synced event's VEVENT (`sync_event`: href, ETag,
    last synced iCalendar text), and the trigger that marks a synced event changed.
    """
    _collection_sync_state(database, migrator, "calendar", SyncEvent)
    sync_triggers.create_event_triggers(database)


def _journal_sync_state(database: Database, migrator: SqliteMigrator) -> None:
    """Add interaction sync with CalDAV journals.

    v17: the account's journal and where its last sync left off (`sync_account.journal`,
    `journal_token`, `journal_ctag`), each synced interaction's VJOURNAL (`sync_journal`), and
    the trigger that marks a synced interaction changed.
    """
    _collection_sync_state(database, migrator, "journal", SyncJournal)
    sync_triggers.create_journal_triggers(database)


def _last_contacted_off_the_card(database: Database, migrator: SqliteMigrator) -> None:
    """Count a contact as changed for sync only when its card changes.

    v18: the trigger that marks a synced contact changed fires on an update of any column but
    `last_contacted_at` (logging an interaction sets that one alone; no card carries it).
    """
    sync_triggers.narrow_contact_trigger(database)


def _item_conflicts(database: Database, migrator: SqliteMigrator) -> None:
    """Keep follow-up, event and interaction conflicts until the user chooses.

    v19: `sync_item_conflict`, a group of fields changed both here and on the server with the
    server's values, as `sync_conflict` keeps a contact's.
    """
    database.create_tables([SyncItemConflict], safe=True)


def _event_people_sync(database: Database, migrator: SqliteMigrator) -> None:
    """Sync an event's people and prep with it.

    v20: `sync_event.waiting` (the people a VEVENT names whose contacts have not arrived yet)
    and the triggers that mark a synced event changed when its people list changes.
    """
    if "waiting" not in {column.name for column in database.get_columns("sync_event")}:
        # the column is made NOT NULL by copying the table, which the event's trigger naming it
        # would refuse: made again after
        database.execute_sql('DROP TRIGGER IF EXISTS "sync_dirty_event"')
        migrator.add_column("sync_event", "waiting", SyncEvent.waiting).run()
        sync_triggers.create_event_triggers(database)
    sync_triggers.create_event_people_triggers(database)


def _collection_sync_state(
    database: Database, migrator: SqliteMigrator, collection: str, rows: type[BaseModel]
) -> None:
    """The account's `collection` column with its token and ctag, and the table `rows`."""
    present = {column.name for column in database.get_columns("sync_account")}
    for name in (collection, f"{collection}_token", f"{collection}_ctag"):
        if name not in present:
            migrator.add_column("sync_account", name, getattr(SyncAccount, name)).run()
    database.create_tables([rows], safe=True)


STEPS: list[Step] = [
    _initial_schema,
    _leaner_writes,
    _uid_for_every_contact,
    _import_counts,
    _reach_out_skips,
    _give_and_take_and_templates,
    _goals_and_circle_cadence,
    _employment_history,
    _own_profiles,
    _target_companies,
    _reach_out_indexes,
    _opportunities,
    _sync_state,
    _task_sync_state,
    _added_index,
    _event_sync_state,
    _journal_sync_state,
    _last_contacted_off_the_card,
    _item_conflicts,
    _event_people_sync,
]


def title(step: Step) -> str:
    """What a step does, as the user is told while it runs: its docstring's first line."""
    return (step.__doc__ or step.__name__).strip().splitlines()[0]


def latest_version(steps: list[Step] | None = None) -> int:
    """The schema version the code expects."""
    return len(STEPS if steps is None else steps)


def current_version(database: Database) -> int:
    """The schema version stored in the file (0 for an empty file).

    Plain SQL: every start asks, and the ORM query with a table listing cost many times more.
    """
    try:
        row = database.execute_sql("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except OperationalError:  # no meta table: not a NetDesk schema yet
        return 0
    return int(row[0]) if row else 0


def pending(database: Database, steps: list[Step] | None = None) -> bool:
    """True when the file's schema is older than the code's."""
    return current_version(database) < latest_version(steps)


def _set_version(version: int) -> None:
    Meta.insert(key="schema_version", value=str(version)).on_conflict_replace().execute()


# What a new database starts with besides its tables: rows the user may edit later. Each seed
# writes through `execute_sql`/`cursor` only (`core.json_import` runs them on a scratch copy to
# tell an untouched database from one the user filled).
SEEDS: tuple[Callable[[Database], None], ...] = (template_defaults.seed, cadence_defaults.seed)


def create_current(database: Database) -> None:
    """Give an empty file the current schema and version."""
    with database.atomic():
        database.create_tables(MODELS, safe=True)
        fts.create(database)
        reach_out_indexes.create(database)
        sync_triggers.create(database)
        sync_triggers.create_task_triggers(database)
        sync_triggers.create_event_triggers(database)
        sync_triggers.create_event_people_triggers(database)
        sync_triggers.create_journal_triggers(database)
        for seed in SEEDS:
            seed(database)
        _set_version(latest_version())


def rerun_after(database: Database, version: int) -> None:
    """Run the steps after `version` again over the current schema, in the caller's transaction:
    data loaded from an older export gets what those steps do to data (each step checks what
    exists, so the schema is left as it is)."""
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(database)
    for step in STEPS[version:]:
        step(database, migrator)


def upgrade(
    database: Database, steps: list[Step] | None = None, report: Report | None = None
) -> list[int]:
    """Run every missing step in order, each in its own transaction; return the versions applied.

    `report`, when given, hears of each step before it runs.
    """
    steps = STEPS if steps is None else steps
    newer = current_version(database)
    if newer > len(steps):
        raise RuntimeError(
            f"This database has schema version {newer}, newer than this NetDesk "
            f"understands ({len(steps)}). Please update NetDesk."
        )
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(database)
    applied: list[int] = []
    versions = range(newer + 1, len(steps) + 1)
    for version in versions:
        step = steps[version - 1]
        if report is not None:
            report(len(applied), len(versions), title(step))
        with migrator.migration_context():
            step(database, migrator)
            if "meta" not in database.get_tables():
                database.create_tables([Meta])
            _set_version(version)
        applied.append(version)
    return applied
