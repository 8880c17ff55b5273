"""Store faults for tests: a truly read-only folder (also as root, who ignores mode bits) and
another process holding the database's write lock."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
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


_HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


@contextlib.contextmanager
def write_lock_held(db_path: Path) -> Iterator[None]:
    """Another process holds `db_path`'s write lock (BEGIN IMMEDIATE) while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        yield
    finally:
        holder.communicate("", timeout=10)


def kill_mid_way(args: list[str], data_dir: Path, started: Callable[[str], bool]) -> None:
    """Run `netdesk ARGS` on `data_dir`, SIGKILL it at the first stderr line `started` accepts,
    then check that `netdesk check` finds the database sound."""
    env = dict(os.environ, NETDESK_DATA_DIR=str(data_dir))
    process = subprocess.Popen(
        [sys.executable, "-m", "netdesk", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if started(line):
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    check = subprocess.run(
        [sys.executable, "-m", "netdesk", "check"], env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
