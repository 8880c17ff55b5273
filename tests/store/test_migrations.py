"""Migrations: each released schema fixture upgrades with no row lost; a failed step undoes."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from peewee import IntegerField
from playhouse.migrate import SqliteMigrator

from netdesk.store import backup, migrations
from netdesk.store.db import (
    UpgradeError,
    close_database,
    connect,
    open_database,
    upgrade_database,
)
from netdesk.store.integrity import quick_check
from netdesk.store.models import db

FIXTURES = sorted(
    (Path(__file__).parent / "fixtures").glob("schema_v*.db"),
    key=lambda path: int(path.stem.removeprefix("schema_v")),
)


def _row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'contact_fts%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def fixture_copy(tmp_path: Path):
    def copy(source: Path) -> Path:
        target = tmp_path / "data" / "netdesk.db"
        target.parent.mkdir(parents=True)
        shutil.copyfile(source, target)
        return target

    yield copy
    close_database()


def test_there_is_a_fixture_for_every_released_schema() -> None:
    versions = {int(p.stem.removeprefix("schema_v")) for p in FIXTURES}
    assert versions == set(range(1, migrations.latest_version() + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_upgrades_without_losing_rows(fixture: Path, fixture_copy) -> None:
    path = fixture_copy(fixture)
    before = _row_counts(path)
    database = open_database(path)
    assert migrations.current_version(database) == migrations.latest_version()
    after = _row_counts(path)
    assert {t: after[t] for t in before} == before
    names = {row[0] for row in database.execute_sql("SELECT display_name FROM contact")}
    assert {"Maria Chen", "Jürgen Müller"} <= names
    found = "SELECT c.display_name FROM contact_fts JOIN contact c ON c.id = contact_fts.rowid "
    assert database.execute_sql(found + "WHERE contact_fts MATCH ?", ['"jurg"*']).fetchall() == [
        ("Jürgen Müller",)
    ]
    by_name = database.execute_sql(found + "WHERE contact_fts MATCH ?", ['name : "chen"*'])
    assert by_name.fetchall() == [("Maria Chen",)]
    uids = [uid for (uid,) in database.execute_sql("SELECT vcard_uid FROM contact")]
    assert len(set(uids)) == len(uids) == 2 and all(len(uid) == 36 for uid in uids)


def test_the_uid_step_keeps_a_card_uid_and_fills_the_others(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[1])
    database = connect(path)
    db.initialize(database)
    database.execute_sql("UPDATE contact SET vcard_uid = 'urn:uuid:kept' WHERE id = 1")
    database.execute_sql("UPDATE contact SET vcard_uid = ' ' WHERE id = 2")
    assert migrations.upgrade(database) == list(range(3, migrations.latest_version() + 1))
    rows = dict(database.execute_sql("SELECT id, vcard_uid FROM contact").fetchall())
    assert rows[1] == "urn:uuid:kept"
    assert str(uuid.UUID(rows[2])) == rows[2]
    database.close()


def _add_column_step(database, migrator: SqliteMigrator) -> None:
    if "score" not in {c.name for c in database.get_columns("contact")}:
        migrator.migrate(migrator.add_column("contact", "score", IntegerField(default=0)))


def _broken_step(database, migrator: SqliteMigrator) -> None:
    migrator.migrate(migrator.add_column("contact", "half", IntegerField(default=0)))
    raise RuntimeError("power cut in the middle of a step")


def test_a_new_step_runs_once_in_order(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[-1])
    database = connect(path)
    db.initialize(database)
    steps = [*migrations.STEPS, _add_column_step]
    assert migrations.upgrade(database, steps) == [len(steps)]
    assert migrations.upgrade(database, steps) == []
    assert migrations.current_version(database) == len(steps)
    assert database.execute_sql("SELECT count(*) FROM contact WHERE score = 0").fetchone()[0] == 2


def test_a_failing_step_leaves_the_file_as_it_was(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[-1])
    before = _row_counts(path)
    database = connect(path)
    db.initialize(database)
    with pytest.raises(RuntimeError, match="power cut"):
        migrations.upgrade(database, [*migrations.STEPS, _broken_step])
    assert migrations.current_version(database) == len(migrations.STEPS)
    assert "half" not in {c.name for c in database.get_columns("contact")}
    database.close()
    assert quick_check(path) == []
    assert _row_counts(path) == before


def test_a_newer_database_is_refused(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[-1])
    database = connect(path)
    db.initialize(database)
    with pytest.raises(RuntimeError, match="newer than this NetDesk"):
        migrations.upgrade(database, [])


def test_upgrade_reports_each_step_before_it_runs(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[0])
    database = connect(path)
    db.initialize(database)
    heard: list[tuple[int, int, str]] = []
    steps = [*migrations.STEPS, _add_column_step]
    migrations.upgrade(database, steps, report=lambda *step: heard.append(step))
    assert heard == [
        (0, 20, "Rebuild the search index for faster imports."),
        (1, 20, "Give every contact a UID."),
        (2, 20, "Keep every count of an import in its history."),
        (3, 20, "Remember who was skipped on Today."),
        (4, 20, "Add give-and-take to interactions and message templates."),
        (5, 20, "Add measured goals and keep-in-touch intervals by circle."),
        (6, 20, "Keep each contact's employment history."),
        (7, 20, "Add your own profiles (the Me page)."),
        (8, 20, "Add the Companies view and target companies."),
        (9, 20, "Index check-ins and birthdays for Today's Reach out."),
        (10, 20, "Add opportunities with their people, stages and next step."),
        (11, 20, "Add contact sync with CardDAV servers."),
        (12, 20, "Add follow-up sync with CalDAV task lists."),
        (13, 20, "Index when each contact was added, for Today's new people met."),
        (14, 20, "Add event sync with CalDAV calendars."),
        (15, 20, "Add interaction sync with CalDAV journals."),
        (16, 20, "Count a contact as changed for sync only when its card changes."),
        (17, 20, "Keep follow-up, event and interaction conflicts until the user chooses."),
        (18, 20, "Sync an event's people and prep with it."),
        (19, 20, "_add_column_step"),
    ]


def test_a_deferred_upgrade_waits_for_upgrade_database(fixture_copy) -> None:
    path = fixture_copy(FIXTURES[0])
    database = open_database(path, defer_upgrade=True)
    assert migrations.current_version(database) == 1
    assert backup.generations(path) == []
    copy = upgrade_database(database, path)
    assert copy.name.endswith("-pre-migration.db") and copy.exists()
    assert migrations.current_version(database) == migrations.latest_version()


def test_a_failed_upgrade_names_the_backup(fixture_copy, monkeypatch) -> None:
    path = fixture_copy(FIXTURES[-1])
    database = open_database(path, daily_backup=False)
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, _broken_step])
    with pytest.raises(UpgradeError, match="power cut") as raised:
        upgrade_database(database, path)
    assert raised.value.backup == backup.generations(path)[0]
    assert str(raised.value.backup) in str(raised.value)
    assert migrations.current_version(database) == len(migrations.STEPS) - 1


def test_a_file_without_netdesk_tables_is_version_0(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (text)")
    other.close()
    database = connect(path)
    try:
        assert migrations.current_version(database) == 0
        assert migrations.pending(database)
    finally:
        database.close()


def test_the_skip_step_adds_the_reach_out_table(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v4.db")
    database = open_database(path)
    assert "reach_out_skip" in database.get_tables()
    columns = {column.name for column in database.get_columns("reach_out_skip")}
    assert columns == {"contact_id", "until"}


def test_the_give_step_keeps_interactions_neutral_and_seeds_the_templates(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v5.db")
    before = sqlite3.connect(path)
    old = before.execute("SELECT id, contact_id, summary, direction FROM interaction").fetchall()
    before.close()
    database = open_database(path)
    rows = database.execute_sql(
        "SELECT id, contact_id, summary, direction, give_kind, introduced_a_id, introduced_b_id "
        "FROM interaction"
    ).fetchall()
    assert rows == [(*row, "", None, None) for row in old] and len(rows) == 1
    names = [
        n for (n,) in database.execute_sql("SELECT name FROM message_template ORDER BY position")
    ]
    assert names == [
        "Follow-up after meeting",
        "Check-in",
        "Congratulate",
        "Thank you",
        "Share an article",
        "Ask for an informational interview",
        "Ask for a referral",
        "Introduce two people (double opt-in)",
    ]
    indexes = {row[1] for row in database.execute_sql("PRAGMA index_list(interaction)")}
    assert "interaction_direction_occurred_at" in indexes


def test_a_new_database_gets_the_same_templates_as_an_upgraded_one(tmp_path: Path) -> None:
    database = open_database(tmp_path / "new.db")
    try:
        count = database.execute_sql("SELECT count(*) FROM message_template").fetchone()[0]
        assert count == 8
    finally:
        close_database()


def test_the_goals_step_adds_goal_tables_and_seeds_circle_cadences(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v6.db")
    before = _row_counts(path)
    database = open_database(path)
    assert {"tracked_goal", "goal_target", "circle_cadence"} <= set(database.get_tables())
    assert database.execute_sql(
        "SELECT ideal_days, max_days FROM circle_cadence WHERE circle = 'mentor'"
    ).fetchone() == (60, 90)
    assert database.execute_sql("SELECT count(*) FROM circle_cadence").fetchone() == (10,)
    indexes = {index.name for index in database.get_indexes("interaction")}
    assert "interaction_occurred_at" in indexes
    close_database()
    after = _row_counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert after["tracked_goal"] == after["goal_target"] == 0


def test_a_new_database_has_the_circle_cadences(database) -> None:
    assert database.execute_sql("SELECT count(*) FROM circle_cadence").fetchone() == (10,)


def test_the_employment_step_records_each_current_job(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v7.db")
    database = connect(path)
    db.initialize(database)
    database.execute_sql("UPDATE contact SET organisation = '', title = '' WHERE id = 2")
    migrations.upgrade(database)
    rows = database.execute_sql(
        "SELECT e.contact_id, e.organisation, e.title, e.started_on, e.ended_on, e.source, "
        "e.recorded_at = c.created_at FROM employment e JOIN contact c ON c.id = e.contact_id"
    ).fetchall()
    assert rows == [(1, "Northwind", "Data Engineer", None, None, "manual", 1)]
    indexes = {index.name for index in database.get_indexes("employment")}
    assert {"employment_organisation", "employment_contact_id"} <= indexes
    database.close()


def test_the_employment_step_run_again_adds_nothing(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v7.db")
    database = connect(path)
    db.initialize(database)
    migrations.upgrade(database)
    migrations._employment_history(database, SqliteMigrator(database))
    assert database.execute_sql("SELECT count(*) FROM employment").fetchone() == (2,)
    database.close()


def test_the_own_profiles_step_adds_an_empty_profile_table(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v8.db")
    before = _row_counts(path)
    database = open_database(path)
    columns = {column.name for column in database.get_columns("own_profile")}
    assert columns == {"service", "url", "ticks", "refresh_months", "notified_on"}
    migrations._own_profiles(database, SqliteMigrator(database))  # run again: harmless
    close_database()
    after = _row_counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert after["own_profile"] == 0


def test_the_v9_fixture_keeps_its_profile(fixture_copy) -> None:
    from netdesk.core.own_profiles import stored

    open_database(fixture_copy(Path(__file__).parent / "fixtures" / "schema_v9.db"))
    try:
        (row,) = stored()
        assert (row.service, row.url) == ("linkedin", "https://www.linkedin.com/in/jordan-reyes")
        assert row.left(date(2026, 12, 2)) == ["headline", "about", "activity"]
    finally:
        close_database()


def test_the_companies_step_adds_targets_and_links_every_organisation(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v9.db")
    conn = sqlite3.connect(path)  # a contact whose company link was lost, one left with a stale one
    conn.execute("UPDATE contact SET company_id = NULL, organisation = ' Globex ' WHERE id = 1")
    conn.execute("UPDATE contact SET organisation = '' WHERE id = 2")
    conn.commit()
    conn.close()
    before = _row_counts(path)
    database = open_database(path)
    links = "SELECT c.id, co.name FROM contact c LEFT JOIN company co ON co.id = c.company_id"
    assert database.execute_sql(links + " ORDER BY c.id").fetchall() == [(1, "Globex"), (2, None)]
    assert database.execute_sql("SELECT DISTINCT target FROM company").fetchall() == [(0,)]
    assert "contact_live_company" in {index.name for index in database.get_indexes("contact")}
    close_database()
    after = _row_counts(path)
    assert after["company"] == before["company"] + 1
    assert {t: n for t, n in after.items() if t in before and t != "company"} == {
        t: n for t, n in before.items() if t != "company"
    }


def test_a_new_database_has_the_same_companies_schema_as_an_upgraded_one(
    fixture_copy, tmp_path: Path
) -> None:
    def schema(database) -> list[str]:
        sql = (
            "SELECT sql FROM sqlite_master WHERE name IN ('company', 'contact_live_company') "
            "ORDER BY name"
        )
        rows = database.execute_sql(sql).fetchall()
        close_database()
        return ["".join(c for c in text if c not in '"() ') for (text,) in rows]

    upgraded = schema(
        open_database(fixture_copy(Path(__file__).parent / "fixtures" / "schema_v9.db"))
    )
    fresh = schema(open_database(tmp_path / "new.db"))
    assert upgraded[1] == fresh[1]
    assert "targetINTEGERNOTNULL" in upgraded[0] and "targetINTEGERNOTNULL" in fresh[0]


def _schema(database, table: str) -> set[tuple[str, str, bool]]:
    return {(c.name, c.data_type.upper(), c.null) for c in database.get_columns(table)}


def test_the_opportunity_step_keeps_the_old_opportunity_with_its_contact(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v11.db")
    before = sqlite3.connect(path)
    old = before.execute("SELECT id, title, company_id, contact_id, created_at FROM opportunity")
    (opportunity_id, title, company_id, contact_id, created_at) = old.fetchone()
    before.close()
    database = open_database(path)
    row = database.execute_sql(
        "SELECT id, title, company_id, stage, notes, source, heard_on, next_step, next_step_on, "
        "updated_at FROM opportunity"
    ).fetchall()
    assert row == [(opportunity_id, title, company_id, "heard", "", "", None, "", None, created_at)]
    people = database.execute_sql(
        "SELECT opportunity_id, contact_id, role, interaction_id FROM opportunity_person"
    ).fetchall()
    assert people == [(opportunity_id, contact_id, "told me", None)]
    stages = database.execute_sql("SELECT opportunity_id, stage, changed_at FROM opportunity_stage")
    assert stages.fetchall() == [(opportunity_id, "heard", created_at)]
    assert "opportunity_id" in {c.name for c in database.get_columns("follow_up")}
    close_database()


def test_an_old_status_that_is_no_stage_stays_in_the_notes(fixture_copy) -> None:
    path = fixture_copy(Path(__file__).parent / "fixtures" / "schema_v11.db")
    with sqlite3.connect(path) as old:
        old.execute("UPDATE opportunity SET status = 'on hold', notes = 'Met at PyCon'")
        old.execute(
            "INSERT INTO opportunity (title, status, url, notes, created_at) "
            "VALUES ('Data lead', 'interview', '', '', '2026-11-01 10:00:00')"
        )
    old.close()
    database = open_database(path)
    rows = database.execute_sql("SELECT title, stage, notes FROM opportunity ORDER BY id")
    assert rows.fetchall() == [
        ("Staff engineer", "heard", "Met at PyCon\nStatus before the upgrade: on hold"),
        ("Data lead", "interviewing", ""),
    ]
    close_database()


def test_an_upgraded_database_has_the_opportunity_schema_of_a_new_one(
    fixture_copy, tmp_path: Path
) -> None:
    fresh = open_database(tmp_path / "new.db")
    tables = ("opportunity", "opportunity_person", "opportunity_stage", "follow_up")
    expected = {table: _schema(fresh, table) for table in tables}
    expected_indexes = {t: {i.name for i in fresh.get_indexes(t)} for t in tables}
    close_database()
    database = open_database(fixture_copy(Path(__file__).parent / "fixtures" / "schema_v11.db"))
    assert {table: _schema(database, table) for table in tables} == expected
    assert {t: {i.name for i in database.get_indexes(t)} for t in tables} == expected_indexes
    close_database()


def test_the_event_people_step_marks_a_synced_event_when_its_people_change(
    fixture_copy, tmp_path: Path
) -> None:
    fresh = open_database(tmp_path / "new.db")
    expected = _schema(fresh, "sync_event")
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    expected_triggers = fresh.execute_sql(triggers).fetchall()
    close_database()
    database = open_database(fixture_copy(Path(__file__).parent / "fixtures" / "schema_v19.db"))
    assert _schema(database, "sync_event") == expected
    assert database.execute_sql(triggers).fetchall() == expected_triggers
    ((event_id,),) = database.execute_sql("SELECT event_id FROM event_person").fetchall()
    database.execute_sql(
        "INSERT INTO sync_account (url, user, ca_file, address_book, sync_token, ctag, task_list, "
        "task_token, task_ctag, calendar, calendar_token, calendar_ctag, journal, journal_token, "
        "journal_ctag, last_error, created_at) "
        "VALUES ('u', 'a', '', '', '', '', '', '', '', '/c/', '', '', '', '', '', '', '2026-12-03')"
    )
    database.execute_sql(
        'INSERT INTO sync_event (account_id, event_id, href, etag, ical, dirty, "foreign", '
        "synced_at, waiting) VALUES (1, ?, '/c/e.ics', '', '', 0, 0, '2026-12-03', '')",
        [event_id],
    )
    database.execute_sql("UPDATE event_person SET met = 1")
    assert database.execute_sql("SELECT dirty FROM sync_event").fetchone() == (1,)
    close_database()
