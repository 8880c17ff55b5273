"""What NetDesk writes beside the database is owner-only: the log, the UI settings, exports."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from netdesk.__main__ import main
from netdesk.private_files import private_dir
from netdesk.store.db import close_database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """Most desktops run with umask 022: files would be readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_export_to_a_file_is_owner_only(tmp_path: Path, capsys) -> None:
    card = tmp_path / "ann.vcf"
    card.write_text("BEGIN:VCARD\nFN:Ann Lee\nNOTE:met at the fair\nEND:VCARD\n")
    data, target = tmp_path / "data", tmp_path / "out.vcf"
    target.write_text("")  # an older export, readable by all
    try:
        assert main(["--data-dir", str(data), "import", str(card)]) == 0
        assert main(["--data-dir", str(data), "export", "-o", str(target)]) == 0
    finally:
        close_database()
    assert "Ann Lee" in target.read_text() and _mode(target) == 0o600


def test_log_and_its_rotations_are_owner_only(tmp_path: Path) -> None:
    from netdesk.ui.crash import setup_logging

    log_file = tmp_path / "state" / "logs" / "netdesk.log"
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(log_file)
    handler = next(h for h in root.handlers if h not in before)
    try:
        logging.getLogger("netdesk.test").warning("first")
        handler.doRollover()
        logging.getLogger("netdesk.test").warning("second")
    finally:
        root.removeHandler(handler)
        handler.close()
    assert _mode(log_file.parent) == 0o700
    assert [_mode(p) for p in sorted(log_file.parent.iterdir())] == [0o600, 0o600]


def test_ui_settings_and_the_data_folder_are_owner_only(qapp, tmp_path: Path) -> None:
    from netdesk import paths as netdesk_paths
    from netdesk.ui.app import settings_for

    paths = netdesk_paths.resolve(tmp_path / "data")
    paths.data_dir.mkdir(mode=0o755)
    private_dir(paths.data_dir)
    settings = settings_for(paths)
    settings.setValue("window/view", "contacts")
    settings.sync()
    assert _mode(paths.data_dir) == 0o700
    assert _mode(paths.data_dir / "ui-settings.ini") == 0o600
