"""Faults of the store found before anything writes: an empty or missing file where backups hold
the network, a newer NetDesk's file, odd folder names, backups rotating the last good one out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.formats.draft import ContactDraft
from netdesk.store import backup, migrations
from netdesk.store.access import MAX_FOLDER_BYTES
from netdesk.store.db import close_database, open_database
from netdesk.store.errors import (
    DamagedDatabaseError,
    EmptyDatabaseError,
    NewerDatabaseError,
    PathTooLongError,
)
from netdesk.store.integrity import quick_check
from netdesk.store.models import Contact


def network_with_backup(db_path: Path, people: int = 3) -> Path:
    """A database of `people` contacts and one backup of it; returns the backup."""
    database = open_database(db_path, daily_backup=False)
    contacts = ContactService(Changes())
    for index in range(people):
        contacts.create(ContactDraft(given_name="Person", family_name=str(index)))
    taken = backup.take(database, db_path, reason="manual")
    close_database()
    return taken


def test_an_empty_file_where_a_backup_exists_is_treated_as_damaged(paths) -> None:
    taken = network_with_backup(paths.database)
    paths.database.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError) as caught:
        open_database(paths.database)
    assert isinstance(caught.value, DamagedDatabaseError)
    assert caught.value.newest == taken
    assert caught.value.problems == ["the file is empty, but the backups hold your network"]
    assert paths.database.read_bytes() == b""
    assert backup.generations(paths.database) == [taken]


def test_a_missing_file_where_a_backup_exists_is_not_recreated(paths) -> None:
    network_with_backup(paths.database)
    paths.database.unlink()
    with pytest.raises(EmptyDatabaseError, match="missing"):
        open_database(paths.database)
    assert not paths.database.exists()


def test_an_empty_file_without_backups_is_a_new_database(paths) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"")
    database = open_database(paths.database)
    try:
        assert migrations.current_version(database) == migrations.latest_version()
    finally:
        close_database()


def _generation(db_path: Path, stamp: str, people: int) -> Path:
    dest = backup.backup_dir(db_path) / f"netdesk-{stamp}-daily.db"
    dest.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(dest)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO contact DEFAULT VALUES", [()] * people)
    conn.commit()
    conn.close()
    return dest


def test_rotation_keeps_the_last_backup_holding_more_than_the_file(paths) -> None:
    big = _generation(paths.database, "20260101-090000", 500)
    older_big = _generation(paths.database, "20251231-090000", 400)
    emptied = [_generation(paths.database, f"202601{day:02d}-090000", 0) for day in range(2, 11)]
    backup.prune(paths.database)
    kept = backup.generations(paths.database)
    assert kept == [*reversed(emptied[-backup.KEEP_GENERATIONS :]), big]
    assert not older_big.exists()


def test_rotation_drops_old_backups_when_a_kept_one_holds_more(paths) -> None:
    old = _generation(paths.database, "20260101-090000", 500)
    newer = [
        _generation(paths.database, f"202601{day:02d}-090000", 100 - day) for day in range(2, 10)
    ]
    backup.prune(paths.database)
    assert backup.generations(paths.database) == list(reversed(newer[-backup.KEEP_GENERATIONS :]))
    assert not old.exists()


def _set_version(db_path: Path, version: int) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_a_newer_netdesk_database_is_refused_before_anything_writes(paths) -> None:
    network_with_backup(paths.database)
    newer = migrations.latest_version() + 1  # whatever the current schema is
    _set_version(paths.database, newer)
    before = paths.database.read_bytes()
    generations = backup.generations(paths.database)
    with pytest.raises(NewerDatabaseError, match=f"schema version {newer}"):
        open_database(paths.database)
    assert paths.database.read_bytes() == before
    assert backup.generations(paths.database) == generations
    wal = Path(f"{paths.database}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


ODD_NAMES = ["with space", "a#b", "what?", "%41", "Zoë 日本", "x" * 200]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_folder_names_open_check_and_keep_their_files(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "nest" / name / "data"
    db_path = folder / "netdesk.db"
    open_database(db_path)
    Contact.create(display_name="Ann Lee")
    close_database()
    assert quick_check(db_path) == []
    open_database(db_path)
    try:
        assert [c.display_name for c in Contact.select()] == ["Ann Lee"]
    finally:
        close_database()
    junk = folder / "junk.db"
    junk.write_bytes(b"not a database at all " * 300)
    assert quick_check(junk)
    assert sorted(p.name for p in (tmp_path / "nest").iterdir()) == [name]


def test_a_junk_file_in_an_odd_folder_is_damaged_not_new(tmp_path: Path) -> None:
    db_path = tmp_path / "%41#?" / "netdesk.db"
    db_path.parent.mkdir()
    db_path.write_bytes(b"junk " * 1000)
    with pytest.raises(DamagedDatabaseError):
        open_database(db_path)
    assert db_path.read_bytes() == b"junk " * 1000


def test_a_folder_too_long_for_sqlite_is_named_not_damaged(tmp_path: Path) -> None:
    depth = MAX_FOLDER_BYTES - len(str(tmp_path))
    parts = ["ö" * 60] * (depth // 121 + 1)  # two bytes a letter
    folder = tmp_path.joinpath(*parts)
    with pytest.raises(PathTooLongError, match="too long for SQLite"):
        open_database(folder / "netdesk.db")
    fits = tmp_path.joinpath(*["l" * 100] * ((MAX_FOLDER_BYTES - len(str(tmp_path))) // 101))
    open_database(fits / "netdesk.db")
    try:
        database = Contact._meta.database.obj
        backup.take(database, fits / "netdesk.db", reason="pre-migration")
    finally:
        close_database()
    assert quick_check(fits / "netdesk.db") == []
