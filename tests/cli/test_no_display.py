"""Starting the GUI where no display is reachable: one line and exit 1, before Qt can abort."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from netdesk.display import NO_DISPLAY, display_problem


def test_no_display_is_one_line_and_exit_1(tmp_path: Path) -> None:
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {key: value for key, value in os.environ.items() if key not in hidden}
    env["NETDESK_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "netdesk"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, NO_DISPLAY + "\n")  # Qt aborts: -6, its text
    assert not (tmp_path / "data").exists()


def test_what_counts_as_a_display(tmp_path: Path) -> None:
    assert display_problem({}) == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert display_problem({}, platform="darwin") == ""
    with socket.socket() as x_server:
        x_server.bind(("127.0.0.1", 0))
        x_server.listen()
        number = x_server.getsockname()[1] - 6000
        assert display_problem({"DISPLAY": f"127.0.0.1:{number}.0"}) == ""
        assert display_problem({"DISPLAY": f"127.0.0.1:{number}", "QT_QPA_PLATFORM": "wayland"})
    assert display_problem({"DISPLAY": f"127.0.0.1:{number}"}) == NO_DISPLAY  # closed now
    assert display_problem({"DISPLAY": "garbage"}) == NO_DISPLAY
    path = tmp_path / "wayland-9"
    with socket.socket(socket.AF_UNIX) as compositor:
        compositor.bind(str(path))
        compositor.listen()
        assert display_problem({"WAYLAND_DISPLAY": str(path)}) == ""
        env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
        assert display_problem(env) == ""
        assert display_problem({**env, "QT_QPA_PLATFORM": "xcb"}) == NO_DISPLAY
