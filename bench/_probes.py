"""Run a bench probe module in its own process (a fresh interpreter, as the app starts) and
return the lines it printed."""

from __future__ import annotations

import os
import subprocess
import sys


def run_probe(module: str, *args: str, timeout: float) -> list[str]:
    """`python -m module args…` with Qt offscreen unless told otherwise; its non-empty lines."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed:\n{result.stderr[-2000:]}")
    return [line for line in result.stdout.splitlines() if line.strip()]
