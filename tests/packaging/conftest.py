"""The release fixture: packaging/build.sh's output, built once for every packaging test."""

from __future__ import annotations

import os
import subprocess

import pytest

from netdesk import __version__
from tests.packaging.release import ROOT, Release


@pytest.fixture(scope="session")
def release() -> Release:
    """packaging/build.sh's output, compressed fast (built now, or reused from build/package)."""
    done = subprocess.run(
        ["bash", "packaging/build.sh"],
        cwd=ROOT,
        env={**os.environ, "NETDESK_PACKAGE_QUICK": "1"},
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return Release(
        bundle=ROOT / "build" / "package" / "bundle" / "netdesk",
        tarball=ROOT / "dist" / f"netdesk-{__version__}-linux-x86_64.tar.gz",
        deb=ROOT / "dist" / f"netdesk_{__version__}_amd64.deb",
    )
