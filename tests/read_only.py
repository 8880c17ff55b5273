"""Making a folder truly read-only for a test, also as root (who ignores mode bits)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder` read-only while the block runs: mode 0555, or for root the immutable flag."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("running as root where the immutable flag cannot be set")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)
