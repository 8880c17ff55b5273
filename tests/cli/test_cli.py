"""The command line: exit codes, one-line usage errors, no Qt on the command paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk import __version__
from netdesk.__main__ import main
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact


def _run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_dir is not None:
        env["NETDESK_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "netdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_version_does_not_import_qt() -> None:
    code = (
        "import sys\nfrom netdesk.__main__ import main\n"
        "assert main(['--version']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"NetDesk {__version__}"


@pytest.mark.parametrize("command", ["check", "backup", "restore"])
def test_commands_do_not_import_qt(command: str, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom netdesk.__main__ import main\n"
        f"assert main(['--data-dir', {str(tmp_path)!r}, {command!r}, '--help']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in result.stderr


def test_usage_error_is_one_line_and_exits_2(tmp_path: Path) -> None:
    result = _run("check", "--bogus", data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "unrecognized arguments: --bogus" in result.stderr


def test_missing_file_for_gui_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), str(tmp_path / "nope.vcf")]) == 2


def test_check_reports_healthy_and_damaged(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    open_database(tmp_path / "netdesk.db")
    for index in range(300):
        Contact.create(display_name=f"P{index}", notes="n" * 300)
    Contact._meta.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    data = bytearray((tmp_path / "netdesk.db").read_bytes())
    data[4096:12288] = b"\x00\xff" * 4096
    (tmp_path / "netdesk.db").write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "check"]) == 1
    assert "damaged" in capsys.readouterr().err


def test_backup_and_restore_commands(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "backup"]) == 2
    open_database(data_dir / "netdesk.db")
    Contact.create(display_name="Saved")
    close_database()
    dest = tmp_path / "copy.db"
    assert main(["--data-dir", str(data_dir), "backup", str(dest)]) == 0
    assert dest.exists()
    assert main(["--data-dir", str(data_dir), "backup"]) == 0
    open_database(data_dir / "netdesk.db")
    Contact.delete().execute()
    close_database()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "restore", str(dest)]) == 0
    assert "kept as" in capsys.readouterr().out
    open_database(data_dir / "netdesk.db")
    try:
        assert [c.display_name for c in Contact.select()] == ["Saved"]
    finally:
        close_database()
    assert main(["--data-dir", str(data_dir), "restore", str(tmp_path / "missing.db")]) == 2


def test_backup_and_restore_name_their_files_by_the_commands_clock(tmp_path: Path, clock) -> None:
    """`netdesk backup` at the clock's 14:30: the day's backup (taken as it opens) and the
    manual one are named by that clock; `restore` keeps the file it replaces by it too."""
    data_dir = tmp_path / "data"
    open_database(data_dir / "netdesk.db")
    close_database()
    assert main(["--data-dir", str(data_dir), "backup"], clock) == 0
    names = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert names == ["netdesk-20260311-143000-daily.db", "netdesk-20260311-143000-manual.db"]
    clock.advance(60)
    restored = ["--data-dir", str(data_dir), "restore", str(data_dir / "backups" / names[1])]
    assert main(restored, clock) == 0
    assert (data_dir / "netdesk.db.damaged-20260311-143100").exists()
