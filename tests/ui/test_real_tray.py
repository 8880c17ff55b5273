"""Real tray and notification hosts: Xvfb + trayer (balloon), dbus-run-session + dunst (Notify,
then `dunstctl action` clicks it and the follow-up opens).

These need the Debian packages `scripts/system-deps.sh test` installs; they skip, saying which
program is missing, only where those are not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("tray_probe.py")

pytestmark = pytest.mark.display


def _need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (scripts/system-deps.sh test)")


@contextmanager
def _xvfb() -> Iterator[str]:
    """A private X server; yields its DISPLAY."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _env(display: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    env["NETDESK_DATA_DIR"] = str(data_dir)
    return env


def _report(stdout: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    assert lines, f"probe printed no report:\n{stdout}"
    return json.loads(lines[-1])


def test_trayer_hosts_the_icon_and_a_reminder_shows_a_balloon(tmp_path: Path) -> None:
    _need("Xvfb", "trayer")
    with _xvfb() as display:
        env = _env(display, tmp_path)
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--height", "24"],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.5)
            probe = subprocess.run(
                [sys.executable, str(PROBE), "balloon", str(tmp_path)],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            trayer.terminate()
            trayer.wait(10)
    report = _report(probe.stdout + probe.stderr)
    assert report["tray_available"] and report["tray_shown"]
    assert report["route"] == "tray"
    assert report["balloon"]


SESSION_SCRIPT = """
set -u
status-notifier-watcher &
watcher=$!
dunst &
dunst_pid=$!
dbus-monitor "interface='org.freedesktop.Notifications',member='Notify'" > "$LOG" 2>&1 &
monitor=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null \
    | grep -q true && break
  sleep 0.1
done
"$PYTHON" "$PROBE" desktop "$DATA" > "$OUT" 2>&1 &
probe=$!
for _ in $(seq 150); do grep -q READY "$OUT" && break; sleep 0.1; done
dunstctl action 0
wait $probe
cat "$OUT"
sleep 0.5
kill $monitor $dunst_pid $watcher 2>/dev/null
wait 2>/dev/null
exit 0
"""


def test_notify_reaches_the_session_notification_service(tmp_path: Path) -> None:
    _need("Xvfb", "dbus-run-session", "dbus-monitor", "dbus-send", "dunst")
    _need("status-notifier-watcher")
    log = tmp_path / "monitor.log"
    with _xvfb() as display:
        env = _env(display, tmp_path)
        env.update(LOG=str(log), PYTHON=sys.executable, PROBE=str(PROBE), DATA=str(tmp_path))
        env["OUT"] = str(tmp_path / "probe.out")
        session = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", SESSION_SCRIPT],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
    report = _report(session.stdout + session.stderr)
    assert report["route"] == "desktop"
    assert "actions" in report["capabilities"]
    monitored = log.read_text()
    assert "member=Notify" in monitored
    assert "Follow up with Maria Chen" in monitored
    assert report["opened"], "clicking the notification did not open the follow-up"
