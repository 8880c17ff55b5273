"""Whether the GUI will find a display, asked before Qt starts.

Without one, Qt aborts the whole process with its own advice (reinstall, install xcb-cursor0),
which misleads when the libraries are there and only the display is missing. No Qt here.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping

NO_DISPLAY = (
    "NetDesk: no display found (DISPLAY and WAYLAND_DISPLAY reach no server): start it in a "
    "desktop session or under xvfb-run; the commands (netdesk --help) need no display."
)
_SESSION_PLATFORMS = ("xcb", "wayland", "wayland-egl")


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """One line saying no display can be reached, or "" when Qt will find one (or needs none)."""
    if not platform.startswith("linux"):
        return ""
    wanted = [name for name in environ.get("QT_QPA_PLATFORM", "").split(";") if name]
    if any(name.split(":")[0] not in _SESSION_PLATFORMS for name in wanted):
        return ""  # offscreen, vnc, eglfs...: Qt draws without a display server
    wanted = wanted or list(_SESSION_PLATFORMS)
    x11 = "xcb" in wanted and _x11_reachable(environ.get("DISPLAY", ""))
    wayland = any(name.startswith("wayland") for name in wanted) and _wayland_reachable(environ)
    return "" if x11 or wayland else NO_DISPLAY


def _x11_reachable(display: str) -> bool:
    """Whether an X server answers at `display` ("[host]:N[.screen]")."""
    host, _, number = display.rpartition(":")
    number = number.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return _connects(socket.AF_UNIX, path) or _connects(socket.AF_UNIX, "\0" + path)
    return _connects(socket.AF_INET, (host, 6000 + int(number)))


def _wayland_reachable(environ: Mapping[str, str]) -> bool:
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = name if name.startswith("/") else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), name)
    return _connects(socket.AF_UNIX, path)


def _connects(family: int, address: str | tuple[str, int]) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(address)
        return True
    except (OSError, ValueError):
        return False
