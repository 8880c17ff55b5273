"""`scripts/system-deps.sh runtime` installs what every Qt platform plugin NetDesk ships links.

A plugin whose library is missing is skipped by Qt without a word (a Wayland-only desktop then
falls back to XWayland, or fails): this reads each plugin's `DT_NEEDED` entries, follows them
through the Qt libraries of the wheel, and asks dpkg which package owns each system library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT = Path(__import__("PySide6").__file__).parent / "Qt"

# The platform plugins the bundle keeps (packaging/netdesk.spec drops EGLFS, LinuxFB, VNC, …) and
# the plugins they load: Wayland shells and decorations, the xcb GL integrations.
PLATFORM_PLUGINS = ("libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so")
LOADED_BY_THEM = ("wayland-shell-integration", "wayland-decoration-client", "xcbglintegrations")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not all(shutil.which(t) for t in ("objdump", "dpkg", "ldconfig", "ldd")),
    reason="Debian/Ubuntu with binutils",
)


def shipped_plugins() -> list[Path]:
    plugins = QT / "plugins"
    found = [plugins / "platforms" / name for name in PLATFORM_PLUGINS]
    for folder in LOADED_BY_THEM:
        found += sorted((plugins / folder).glob("*.so"))
    return found


@cache
def needed(elf: Path) -> list[str]:
    dump = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True, check=True)
    return re.findall(r"^\s+NEEDED\s+(\S+)$", dump.stdout, re.M)


@cache
def linker_cache() -> str:
    return subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout


@cache
def dpkg_owners() -> dict[str, str]:
    """Every shared library dpkg installed, by path (its file lists: `dpkg-query -S` per library
    takes a second on a loaded machine)."""
    owners = {}
    for listing in Path("/var/lib/dpkg/info").glob("*.list"):
        package = listing.stem.split(":")[0]
        for line in listing.read_text(errors="replace").splitlines():
            if ".so" in line:
                owners[line] = package
    return owners


def owner(library: str) -> str:
    """The Debian package that owns `library` as the linker finds it."""
    pattern = rf"^\s+{re.escape(library)} \(libc6,x86-64\) => (\S+)$"
    match = re.search(pattern, linker_cache(), re.M)
    assert match, f"{library} is not installed"
    path = Path(match.group(1))
    for candidate in (path, path.resolve(), Path("/usr") / path.relative_to("/")):
        if str(candidate) in dpkg_owners():
            return dpkg_owners()[str(candidate)]
    raise AssertionError(f"no package owns {path}")


def system_libraries(elf: Path) -> set[str]:
    """What `elf` links outside the wheel, following the wheel's own Qt and ICU libraries."""
    found: set[str] = set()
    todo, seen = [elf], set()
    while todo:
        for name in needed(todo.pop()):
            if name in seen:
                continue
            seen.add(name)
            ours = QT / "lib" / name
            if ours.exists():
                todo.append(ours)
            else:
                found.add(name)
    return found


def runtime_packages() -> set[str]:
    script = (ROOT / "scripts" / "system-deps.sh").read_text()
    return set(re.search(r"^runtime=\(([^)]*)\)", script, re.M).group(1).split())


@pytest.mark.parametrize("plugin", shipped_plugins(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_system_deps_runtime_installs_what_the_plugin_links(plugin: Path) -> None:
    packages = {owner(lib) for lib in system_libraries(plugin)} - {"libc6", "libgcc-s1"}
    assert packages <= runtime_packages(), packages - runtime_packages()


@pytest.mark.parametrize("name", PLATFORM_PLUGINS)
def test_every_library_the_platform_plugin_links_is_found(name: str) -> None:
    plugin = QT / "plugins" / "platforms" / name
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    assert "not found" not in done.stdout, done.stdout


def test_the_wayland_plugin_needs_the_cursor_library() -> None:
    """The one system-deps.sh used to leave out."""
    assert "libwayland-cursor.so.0" in system_libraries(QT / "plugins/platforms/libqwayland.so")
    assert "libwayland-cursor0" in runtime_packages()
