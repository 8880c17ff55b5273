"""The Linux release from packaging/build.sh: bundle, tarball and .deb.

The build is slow the first time (a venv, PyInstaller, xz); build.sh reuses build/package when its
inputs are unchanged, so later runs only check.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from netdesk import __version__
from tests.packaging.release import APP_ID, LINUX, Release, deb_field, linux_only

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def bundled_env(tmp_path: Path) -> dict[str, str]:
    """An environment for the bundled app: offscreen Qt, every XDG folder under tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NETDESK_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return env


def run_bundled(
    release: Release, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """The bundled netdesk with `args`, in bundled_env(tmp_path) with `env` added."""
    return subprocess.run(
        [str(release.executable), *args],
        env={**bundled_env(tmp_path), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_file_validates() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / "netdesk.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="no appstream")
def test_metainfo_validates() -> None:
    done = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--pedantic",
            "--no-net",
            str(LINUX / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation was successful." in done.stdout and ":" not in done.stdout, done.stdout


@pytest.mark.slow
@linux_only
def test_bundled_version(release: Release, tmp_path: Path) -> None:
    done = run_bundled(release, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"NetDesk {__version__}"


VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:Zoë Ångström
N:Ångström;Zoë;;;
ORG:Nordlys AS
EMAIL;TYPE=work:zoe@nordlys.example
TEL;TYPE=cell:+47 912 34 567
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Kofi Mensah
EMAIL:kofi@example.org
URL:https://www.linkedin.com/in/kofi-mensah
END:VCARD
"""


@pytest.mark.slow
@linux_only
def test_bundled_import_of_a_vcard(release: Release, tmp_path: Path) -> None:
    """The bundled command line imports a .vcf headless, and the store it wrote checks ok."""
    cards = tmp_path / "contacts.vcf"
    cards.write_text(VCARDS, encoding="utf-8")
    data = str(tmp_path / "data")

    done = run_bundled(release, tmp_path, "--data-dir", data, "import", "--json", str(cards))
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)
    assert (summary["created"], summary["failed"]) == (2, 0)

    done = run_bundled(release, tmp_path, "--data-dir", data, "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(": ok")


@pytest.mark.slow
@linux_only
def test_bundled_gui_starts_offscreen(release: Release, tmp_path: Path) -> None:
    """The bundled GUI paints and opens its store, and is still running a second later."""
    data = tmp_path / "data"
    app = subprocess.Popen(
        [str(release.executable), "--data-dir", str(data)],
        env=bundled_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (data / "netdesk.db").exists() and app.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)  # the views attach after the store opens
    alive = app.poll() is None
    app.send_signal(signal.SIGTERM)
    output = app.communicate(timeout=30)[0]
    assert alive and (data / "netdesk.db").exists(), output
    assert "Traceback" not in output, output


@pytest.mark.slow
@linux_only
def test_bundle_finds_its_resources(release: Release, monkeypatch: pytest.MonkeyPatch) -> None:
    from netdesk import paths

    monkeypatch.setattr(sys, "_MEIPASS", str(release.bundle / "_internal"), raising=False)
    assert paths.resource("icons", "netdesk.svg").is_file()


@pytest.mark.slow
@linux_only
def test_bundle_carries_essentials_only(release: Release) -> None:
    names = {p.name for p in release.bundle.rglob("*")}
    wanted = {"libQt6Widgets.so.6", "libqxcb.so", "libqwayland.so", "libqsvg.so"}
    assert wanted | {"libcupsprintersupport.so"} <= names
    # Sync: Python's ssl (https), and the keyring with its Secret Service backend, which needs
    # cryptography's bindings and keyring's entry points (how it finds its backends).
    assert any(name.startswith("_ssl.") for name in names)
    assert "_rust.abi3.so" in names
    assert list(release.internal.glob("keyring-*.dist-info/entry_points.txt"))
    unwanted = {"libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "libqgtk3.so"}
    assert not names & (unwanted | {"libcups.so.2", "libgnutls.so.30"})


@pytest.mark.slow
@linux_only
def test_tarball_holds_bundle_and_desktop_integration(release: Release) -> None:
    top = f"netdesk-{__version__}"
    with tarfile.open(release.tarball) as tar:
        names = set(tar.getnames())
    assert f"{top}/netdesk" in names
    assert f"{top}/share/applications/netdesk.desktop" in names
    assert f"{top}/share/icons/hicolor/scalable/apps/netdesk.svg" in names
    assert {f"{top}/install.sh", f"{top}/uninstall.sh", f"{top}/README.txt"} <= names
    assert f"{top}/_internal/licenses/THIRD-PARTY-NOTICES.txt" in names


@pytest.mark.slow
@linux_only
def test_deb_unpacks_to_the_layout(release: Release, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(release.deb), str(tmp_path)], check=True)
    assert os.access(tmp_path / "usr/lib/netdesk/netdesk", os.X_OK)
    assert os.readlink(tmp_path / "usr/bin/netdesk") == "../lib/netdesk/netdesk"
    assert (tmp_path / "usr/bin/netdesk").resolve() == tmp_path / "usr/lib/netdesk/netdesk"
    share = tmp_path / "usr/share"
    desktop = (share / "applications/netdesk.desktop").read_text()
    assert "MimeType=text/vcard;text/x-vcard;" in desktop and "Exec=netdesk %F" in desktop
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps/netdesk.svg").is_file()
    for size in ICON_SIZES:
        png = share / f"icons/hicolor/{size}x{size}/apps/netdesk.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@linux_only
def test_deb_control(release: Release) -> None:
    assert deb_field(release.deb, "Package") == "netdesk"
    assert deb_field(release.deb, "Version") == __version__
    depends = deb_field(release.deb, "Depends").split(", ")
    assert depends[0].startswith("libc6 (>= 2.")
    packages = {d.split(" ")[0] for d in depends}
    assert {"libgl1", "libegl1", "libxcb1", "libcups2", "libssl3"} <= packages
