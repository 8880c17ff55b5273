"""Writes THIRD-PARTY-NOTICES.txt: every component a bundle carries, with its licence text.

Run by packaging/build.sh with the build venv's Python after PyInstaller, so the list comes from
what is installed and bundled at that moment and cannot go stale:

- the Python distributions NetDesk requires (pyproject.toml, followed through their own
  requirements) with the licence files from their metadata;
- Qt (PySide6's wheels carry no licence file: LGPL-3.0 with the GPL-3.0 it builds on, where to get
  the sources and how to relink) and the ICU it bundles;
- the Python runtime (PSF) and PyInstaller's bootloader;
- on Debian/Ubuntu, each system library PyInstaller copied, with its package's copyright file.

A component whose licence text cannot be found stops the build.

Usage: notices.py BUNDLE_INTERNAL_DIR OUTPUT
"""

from __future__ import annotations

import re
import sys
import sysconfig
import tomllib
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEXTS = HERE / "licenses"
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)
RULE = "=" * 78

QT_NOTE = """\
Qt {version} is used under the GNU Lesser General Public License version 3 (below, with the GNU
GPL version 3 it adds permissions to). NetDesk does not modify Qt.

Sources: Qt {version} at https://download.qt.io/official_releases/qt/{minor}/{version}/single/
and Qt for Python (PySide6, Shiboken6) {pyside} at
https://download.qt.io/official_releases/QtForPython/pyside6/ (or the same versions from
https://code.qt.io). The Qt libraries stay separate shared libraries in the bundle's
_internal/PySide6/Qt/lib (e.g. /opt/netdesk/_internal/PySide6/Qt/lib for the .deb).

Relinking: build Qt {version} (or a binary-compatible Qt {major}.x) from those sources and copy your
libQt6*.so.6 over the files of the same name in that folder; NetDesk's PySide6 modules load them
by soname through their RPATH, so no other file needs to change. The same holds for the
PySide6/Shiboken6 libraries beside them (_internal/PySide6, _internal/shiboken6).
"""


def section(title: str, body: str) -> str:
    return f"{RULE}\n{title}\n{RULE}\n\n{body.strip()}\n\n"


def required_distributions() -> list[metadata.Distribution]:
    """NetDesk's runtime requirements and theirs, each once, by name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = default_environment()
    todo = [Requirement(r) for r in project["dependencies"]]
    found: dict[str, metadata.Distribution] = {}
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
            continue
        name = canonicalize_name(req.name)
        if name in found:
            continue
        found[name] = metadata.distribution(req.name)
        todo += [Requirement(r) for r in found[name].requires or ()]
    return [found[name] for name in sorted(found)]


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or meta.get("License") or ""
    if expression and len(expression) < 120:
        return expression
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or ()]
    return "; ".join(c for c in classifiers if "License" in c or "GPL" in c) or expression


def homepage(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or () if ", " in u)
    for key in ("Homepage", "homepage", "Home", "Source", "Repository", "Source Code"):
        if key in urls:
            return urls[key]
    return meta.get("Home-page") or ""


def licence_texts(dist: metadata.Distribution) -> list[str]:
    files = [f for f in dist.files or () if ".dist-info/" in str(f) and LICENCE_FILE.search(str(f))]
    return [f"--- {Path(str(f)).name} ---\n{f.read_text(encoding='utf-8').strip()}" for f in files]


def distribution_section(dist: metadata.Distribution) -> str:
    name, version = dist.metadata["Name"], dist.version
    texts = licence_texts(dist)
    if canonicalize_name(name) in {"pyside6-essentials", "shiboken6"}:
        texts = [qt_texts(version)]
    if not texts:
        sys.exit(f"notices: {name} {version} has no licence file in its metadata")
    head = f"Licence: {licence_of(dist)}\nHome page: {homepage(dist)}\n\n"
    return section(f"{name} {version} (Python package)", head + "\n\n".join(texts))


def qt_texts(pyside: str) -> str:
    version = pyside  # the wheels carry the Qt release of the same number
    major, minor = version.split(".")[0], ".".join(version.split(".")[:2])
    note = QT_NOTE.format(version=version, minor=minor, major=major, pyside=pyside)
    gnu = [(TEXTS / n).read_text() for n in ("LGPL-3.0.txt", "GPL-3.0.txt")]
    return "\n\n".join([note, *gnu])


def python_section() -> str:
    stdlib = Path(sysconfig.get_path("stdlib"))
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            title = f"Python {sys.version.split()[0]} (interpreter and standard library)"
            return section(title, "Licence: PSF-2.0\n\n" + candidate.read_text())
    sys.exit("notices: the Python licence (LICENSE.txt) is not installed")


def pyinstaller_section() -> str:
    dist = metadata.distribution("pyinstaller")
    body = "The bundle's start-up program is PyInstaller's bootloader.\n\n"
    return section(f"PyInstaller {dist.version} bootloader", body + "\n".join(licence_texts(dist)))


def icu_section(internal: Path) -> str:
    found = sorted(p.name for p in internal.rglob("libicu*"))
    body = f"Bundled with Qt: {', '.join(found) or 'ICU'}\n\n" + (TEXTS / "ICU.txt").read_text()
    return section("ICU (International Components for Unicode)", body)


def debian_owners() -> dict[str, str]:
    """Installed shared library file name → Debian package (nothing off Debian/Ubuntu)."""
    owners: dict[str, str] = {}
    for listing in sorted(Path("/var/lib/dpkg/info").glob("*.list")):
        for line in listing.read_text(errors="replace").splitlines():
            if ".so" in line and "/lib" in line:
                owners.setdefault(Path(line).name, listing.stem.split(":")[0])
    return owners


def is_python_extension(name: str) -> bool:
    """A Python extension module (`_cffi_backend.cpython-311-x86_64-linux-gnu.so`), no library."""
    return any(name.endswith(suffix) for suffix in EXTENSION_SUFFIXES if suffix != ".so")


def system_library_sections(internal: Path) -> list[str]:
    """Libraries PyInstaller copied from the build system, one section per Debian package."""
    owners = debian_owners()
    if not owners:
        return []
    packages: dict[str, list[str]] = {}
    for lib in sorted(p.name for p in internal.glob("*.so*") if not p.is_symlink()):
        if is_python_extension(lib):  # a wheel's (cffi's _cffi_backend): in its package's section
            continue
        if lib not in owners:
            sys.exit(f"notices: no Debian package owns {lib}; its licence is unknown")
        packages.setdefault(owners[lib], []).append(lib)
    sections = []
    for package, libs in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if not copyright_file.is_file():
            sys.exit(f"notices: {copyright_file} is missing")
        body = f"Files: {', '.join(libs)}\n\n{copyright_file.read_text(errors='replace')}"
        sections.append(section(f"{package} (system library, Debian copyright file)", body))
    return sections


def notices(internal: Path) -> str:
    version = re.search(r'__version__ = "([^"]+)"', (ROOT / "netdesk/__init__.py").read_text())
    intro = (
        f"NetDesk {version.group(1)} is MIT-licensed (LICENSE beside this file). It carries the "
        "components below, each under its own licence, whose full texts follow.\n"
    )
    parts = [intro, "\n", python_section(), pyinstaller_section()]
    parts += [distribution_section(d) for d in required_distributions()]
    parts.append(icu_section(internal))
    parts += system_library_sections(internal)
    return "".join(parts)


def main() -> None:
    internal, output = Path(sys.argv[1]), Path(sys.argv[2])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(notices(internal), encoding="utf-8")


if __name__ == "__main__":
    main()
