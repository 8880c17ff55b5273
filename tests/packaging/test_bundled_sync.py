"""`netdesk sync` from the bundle, against Radicale (http) and Xandikos (https) started here.

The bundled app carries Python's ssl and the keyring (packaging/netdesk.spec). Its D-Bus session
address points nowhere, or to a private bus with a Secret Service of the test's own
(tests/packaging/secret_service.py): no test reaches the keyring of the machine running it.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import subprocess
import termios
from pathlib import Path

import pytest

from tests.dav_servers import DavServer
from tests.packaging.release import Release, linux_only
from tests.packaging.secret_service import DH, SecretService
from tests.packaging.test_package import VCARDS, bundled_env, run_bundled

pytestmark = [pytest.mark.slow, linux_only]


@pytest.fixture
def data(release: Release, tmp_path: Path) -> str:
    """A data folder holding two contacts, imported by the bundled app."""
    cards = tmp_path / "contacts.vcf"
    cards.write_text(VCARDS, encoding="utf-8")
    folder = str(tmp_path / "data")
    done = run_bundled(release, tmp_path, "--data-dir", folder, "import", str(cards))
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def no_keyring(tmp_path: Path) -> dict[str, str]:
    """A session bus that is not there: keyring finds no Secret Service."""
    return {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}


def sync_args(data: str, server: DavServer) -> list[str]:
    ca_file = ["--ca-file", server.ca_file] if server.ca_file else []
    return ["--data-dir", data, "sync", "--server", server.url, "--user", server.user, *ca_file]


def test_bundled_dry_run_lists_what_it_would_send(
    release: Release, tmp_path: Path, data: str, server: DavServer
) -> None:
    password = {"NETDESK_SYNC_PASSWORD": server.password, **no_keyring(tmp_path)}
    args = [*sync_args(data, server), "--dry-run", "--json"]
    done = run_bundled(release, tmp_path, *args, env=password)
    assert done.returncode == 0, done.stdout + done.stderr + server.log()
    report = json.loads(done.stdout)
    assert report["dry_run"] and report["sent_new"] == 2
    assert sorted(name for _, name in report["listed"]) == ["Kofi Mensah", "Zoë Ångström"]


@pytest.mark.parametrize("server", ["xandikos"], indirect=True)
def test_bundled_sync_checks_the_certificate(
    release: Release, tmp_path: Path, data: str, server: DavServer
) -> None:
    args = ["--data-dir", data, "sync", "--server", server.url, "--user", server.user]
    password = {"NETDESK_SYNC_PASSWORD": server.password, **no_keyring(tmp_path)}
    done = run_bundled(release, tmp_path, *args, "--dry-run", env=password)
    assert done.returncode == 1
    assert "the server's certificate is not trusted" in done.stderr, done.stderr


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_bundled_sync_without_a_keyring_asks_each_time(
    release: Release, tmp_path: Path, data: str, server: DavServer
) -> None:
    """No keyring: the terminal is asked, and a run without one says how to give the password."""
    args = [str(release.executable), *sync_args(data, server)]
    env = {**bundled_env(tmp_path), **no_keyring(tmp_path)}
    code, output = run_on_a_terminal(args, env, typed=server.password)
    assert code == 0, output + server.log()
    assert "Password for alice at" in output and "sent: 2 new" in output, output

    done = run_bundled(release, tmp_path, "--data-dir", data, "sync", env=no_keyring(tmp_path))
    assert done.returncode == 1
    assert "no password for alice" in done.stderr and "NETDESK_SYNC_PASSWORD" in done.stderr


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon")
@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_bundled_sync_keeps_the_password_in_the_keyring(
    release: Release, tmp_path: Path, data: str, server: DavServer, bus
) -> None:
    """Typed once, kept by keyring's Secret Service backend (over an encrypted session), then
    found there by the next run."""
    keyring = SecretService(bus.address)
    session_bus = {"DBUS_SESSION_BUS_ADDRESS": bus.address}
    args = [str(release.executable), *sync_args(data, server)]
    env = {**bundled_env(tmp_path), **session_bus}
    code, output = run_on_a_terminal(args, env, typed=server.password)
    assert code == 0, output + server.log()
    assert keyring.secrets() == [server.password.encode()]

    done = run_bundled(release, tmp_path, "--data-dir", data, "sync", env=session_bus)
    assert done.returncode == 0, done.stdout + done.stderr
    assert keyring.algorithms == [DH, DH]  # kept, then read: each through the bundled AES


def run_on_a_terminal(command: list[str], env: dict[str, str], typed: str) -> tuple[int, str]:
    """Run `command` with a pseudo-terminal as its controlling terminal, type `typed` at the
    password prompt; its exit code and everything it wrote."""
    leader, follower = pty.openpty()

    def take_the_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        command,
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        preexec_fn=take_the_terminal,
    )
    os.close(follower)
    output, asked = b"", False
    try:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if not asked and output.rstrip().endswith(b":") and b"Password for" in output:
                os.write(leader, typed.encode() + b"\n")
                asked = True
        return process.wait(timeout=120), output.decode(errors="replace")
    finally:
        os.close(leader)
