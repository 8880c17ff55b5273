"""The commands under store faults: another process writing, empty, newer, read-only, odd paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from netdesk.__main__ import main
from netdesk.cli import EXIT_BUSY, _store
from netdesk.paths import Paths
from netdesk.store import backup, migrations
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from tests.fake_time import FakeClock
from tests.fault_helpers import read_only_folder, write_lock_held
from tests.store.test_store_faults import ODD_NAMES, network_with_backup

BUSY_LINE = "NetDesk's database is busy (another NetDesk is writing); try again\n"
CARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@example.org\nEND:VCARD\n"


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> Callable[..., tuple[int, str, str]]:
    """`netdesk ARGS` on the data folder `data_dir`, on the fake clock: status, out and err."""

    def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
        try:
            code = main(["--data-dir", str(data_dir), *args], clock)
        finally:
            close_database()
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def held(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Paths]:
    """A network, and another process holding its write lock (BEGIN IMMEDIATE) meanwhile."""
    monkeypatch.setattr(_store, "WAIT_MS", 300)
    network_with_backup(paths.database)
    open_database(paths.database, daily_backup=False)
    Contact.update(cadence_days=30).execute()  # `due` has check-ins to write
    close_database()
    with write_lock_held(paths.database):
        yield paths


def test_due_while_another_process_writes_is_one_line_and_its_own_code(cli, held) -> None:
    code, out, err = cli(held.data_dir, "due")
    assert (code, out, err) == (EXIT_BUSY, "", BUSY_LINE)


def test_import_while_another_process_writes_changes_nothing(cli, held, tmp_path) -> None:
    card = tmp_path / "ann.vcf"
    card.write_text(CARD)
    code, _out, err = cli(held.data_dir, "import", str(card))
    assert (code, err) == (EXIT_BUSY, BUSY_LINE)
    open_database(held.database, daily_backup=False)
    try:
        assert Contact.select().count() == 3
    finally:
        close_database()


def test_check_calls_an_empty_file_with_backups_damaged(cli, paths) -> None:
    network_with_backup(paths.database)
    paths.database.write_bytes(b"")
    code, _out, err = cli(paths.data_dir, "check")
    assert code == 1
    assert "the file is empty, but the backups hold your network" in err
    assert "netdesk restore" in err
    code, _out, err = cli(paths.data_dir, "import", "--dry-run", __file__)
    assert code == 1 and "empty" in err and paths.database.read_bytes() == b""


def test_commands_refuse_a_newer_netdesk_database(cli, paths, tmp_path) -> None:
    from tests.store.test_store_faults import _set_version

    network_with_backup(paths.database)
    newer = migrations.latest_version() + 1  # whatever the current schema is
    _set_version(paths.database, newer)
    card = tmp_path / "ann.vcf"
    card.write_text(CARD)
    before = paths.database.read_bytes()
    code, _out, err = cli(paths.data_dir, "import", str(card))
    assert code == 1 and f"comes from a newer NetDesk (schema version {newer}" in err
    assert cli(paths.data_dir, "due")[0] == 1
    assert paths.database.read_bytes() == before


@pytest.mark.parametrize("name", ODD_NAMES)
def test_check_and_import_in_odd_folders(cli, tmp_path: Path, name: str) -> None:
    data_dir = tmp_path / name / "data"
    card = tmp_path / "ann.vcf"
    card.write_text(CARD)
    code, out, _err = cli(data_dir, "import", str(card))
    assert (code, out.splitlines()[0]) == (0, "created: 1")
    assert cli(data_dir, "check") == (0, f"{data_dir / 'netdesk.db'}: ok\n", "")
    (data_dir / "netdesk.db").write_bytes(b"junk " * 1000)
    code, _out, err = cli(data_dir, "check")
    assert code == 1 and "damaged" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ann.vcf", name])


def test_a_read_only_folder_is_read_only_not_damaged(cli, paths, tmp_path) -> None:
    network_with_backup(paths.database)
    card = tmp_path / "ann.vcf"
    card.write_text(CARD)
    with read_only_folder(paths.data_dir):
        assert cli(paths.data_dir, "check") == (0, f"{paths.database}: ok\n", "")
        assert cli(paths.data_dir, "due") == (0, "Nothing due.\n", "")
        code, out, _err = cli(paths.data_dir, "export", "--format", "csv")
        assert code == 0 and "Person 2" in out
        code, _out, err = cli(paths.data_dir, "import", str(card))
        assert (code, err) == (
            1,
            f"netdesk import: the folder {paths.data_dir} cannot be written\n",
        )
        code, _out, err = cli(paths.data_dir, "restore")
        assert (code, err) == (
            1,
            f"netdesk restore: the folder {paths.data_dir} cannot be written\n",
        )
    assert len(backup.generations(paths.database)) == 1
