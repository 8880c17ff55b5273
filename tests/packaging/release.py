"""What the packaging tests share: where build.sh puts the release, and how to read a .deb."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.netdesk.netdesk"

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
    reason="the Linux release builds on Debian/Ubuntu (dpkg-deb)",
)


@dataclass(frozen=True)
class Release:
    bundle: Path
    tarball: Path
    deb: Path

    @property
    def executable(self) -> Path:
        return self.bundle / "netdesk"

    @property
    def internal(self) -> Path:
        return self.bundle / "_internal"


def deb_field(deb: Path, field: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True, check=True
    ).stdout.strip()


def elf_files(folder: Path) -> list[Path]:
    """The bundle's executables and shared libraries (by their ELF magic, not their names)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found
