"""Running a command in a fresh interpreter to show it never loads Qt."""

from __future__ import annotations

import subprocess
import sys


def assert_runs_without_qt(*args: str) -> None:
    """`netdesk ARGS` exits 0 and leaves no PySide6 module loaded."""
    code = (
        "import sys\nfrom netdesk.__main__ import main\n"
        f"assert main({list(args)!r}) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
