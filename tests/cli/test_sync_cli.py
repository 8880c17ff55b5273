"""`netdesk sync` before an account exists, and without a password: what to do, in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.__main__ import main


def _run(tmp_path: Path, capsys, *args: str) -> tuple[int, str]:
    status = main(["--data-dir", str(tmp_path / "data"), "sync", *args])
    return status, capsys.readouterr().err


def test_server_and_user_go_together(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path, capsys, "--server", "https://dav.example.org/") == (
        2,
        "netdesk sync: --server and --user go together\n",
    )


def test_sync_before_an_account_says_how_to_set_one_up(tmp_path: Path, capsys) -> None:
    status, err = _run(tmp_path, capsys)
    assert status == 1
    assert "no sync account yet: set one up with netdesk sync --server URL --user NAME" in err


def test_no_password_says_where_it_is_looked_for(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETDESK_SYNC_PASSWORD", raising=False)
    monkeypatch.setattr("netdesk.core.sync_accounts.password", lambda url, user: None)
    status, err = _run(tmp_path, capsys, "--server", "https://dav.example.org/", "--user", "ann")
    assert status == 1
    assert "no password for ann at https://dav.example.org/: set NETDESK_SYNC_PASSWORD" in err


def test_conflicts_lists_none_before_any_sync(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "sync", "--conflicts"]) == 0
    assert capsys.readouterr().out == "No conflicts.\n"
