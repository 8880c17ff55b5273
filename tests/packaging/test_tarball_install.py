"""The tarball's install.sh / uninstall.sh, run as a new user would, with a fresh HOME.

The folder is laid out as packaging/build.sh packs it (share/ beside the program) under a path
with a space; the program is a stand-in that records what it was asked to open, so these run
without building the bundle (test_package.py checks the real tarball carries both scripts).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
TOOLS = ("gio", "xdg-mime", "update-desktop-database", "desktop-file-validate")

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in TOOLS),
    reason="needs glib's gio, xdg-utils, desktop-file-utils",
)


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    top = tmp_path / "my apps" / "netdesk-0.1.0"
    share = top / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "netdesk.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy(next(LINUX.glob("*.metainfo.xml")), share / "metainfo")
    icons = share / "icons/hicolor/scalable/apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources/icons/netdesk.svg", icons)
    program = top / "netdesk"
    program.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$HOME/opened"\n')
    program.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, top)
    return top


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def run(home: Path, *command: str, stdin: str = "") -> str:
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run(
        command, env=env, input=stdin, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def test_install_yes_makes_netdesk_the_vcard_default(unpacked: Path, home: Path) -> None:
    run(home, "sh", str(unpacked / "install.sh"), "--yes")

    assert "Default application for “text/vcard”: netdesk.desktop" in run(
        home, "gio", "mime", "text/vcard"
    )
    assert run(home, "xdg-mime", "query", "default", "text/vcard").strip() == "netdesk.desktop"
    assert run(home, "xdg-mime", "query", "default", "text/x-vcard").strip() == "netdesk.desktop"
    mimeapps = (home / ".config/mimeapps.list").read_text()
    assert "text/vcard=netdesk.desktop" in mimeapps.splitlines()


def test_the_menu_entry_runs_the_program_by_its_absolute_path(unpacked: Path, home: Path) -> None:
    run(home, "sh", str(unpacked / "install.sh"), "--yes")
    data = home / ".local/share"
    entry = data / "applications/netdesk.desktop"
    text = entry.read_text()
    assert f'Exec="{unpacked}/netdesk" %F' in text
    assert f"TryExec={unpacked}/netdesk\n" in text
    assert (
        subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    )
    assert "netdesk.desktop" in (data / "applications/mimeinfo.cache").read_text()
    assert (data / "icons/hicolor/scalable/apps/netdesk.svg").is_file()
    assert (data / "metainfo/io.github.netdesk.netdesk.metainfo.xml").is_file()
    assert (home / ".local/bin/netdesk").resolve() == unpacked / "netdesk"

    card = home / "a card.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n")
    run(home, "gio", "open", str(card))
    opened = home / "opened"
    for _ in range(100):  # gio launches it and returns at once
        if opened.exists():
            break
        time.sleep(0.05)
    assert opened.read_text() == f"{card}\n"


def test_without_consent_the_default_is_left_alone(unpacked: Path, home: Path) -> None:
    out = run(home, "sh", str(unpacked / "install.sh"), stdin="")
    assert "--yes" in out  # says how to agree later
    mimeapps = home / ".config/mimeapps.list"
    assert not mimeapps.exists() or "netdesk" not in mimeapps.read_text()
    assert (home / ".local/share/applications/netdesk.desktop").is_file()


def test_uninstall_removes_the_entry_and_the_default(unpacked: Path, home: Path) -> None:
    run(home, "sh", str(unpacked / "install.sh"), "--yes")
    data_file = home / ".local/share/NetDesk/netdesk.db"
    data_file.parent.mkdir(parents=True)
    data_file.write_bytes(b"contacts")

    run(home, "sh", str(unpacked / "uninstall.sh"))

    data = home / ".local/share"
    assert not (data / "applications/netdesk.desktop").exists()
    assert not (data / "icons/hicolor/scalable/apps/netdesk.svg").exists()
    assert not list((data / "metainfo").iterdir())
    assert not (home / ".local/bin/netdesk").is_symlink()
    assert "netdesk" not in (home / ".config/mimeapps.list").read_text()
    assert "netdesk" not in run(home, "gio", "mime", "text/vcard")
    assert data_file.read_bytes() == b"contacts"
    assert (unpacked / "netdesk").is_file()
