"""Owner-only files and folders: a network's names and notes are nobody else's business.

The database and its backups are made 0600 by the store; the log, the UI settings and the files
`netdesk export -o` writes go through here (0600), and the data and log folders are 0700.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) if needed and make it owner-only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Someone else's folder cannot be changed: a read-only data folder is the store's to report.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if it is missing, and make it owner-only (0600), before it is written."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    return path


def write_private(path: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) to an owner-only file."""
    private_file(path).write_text(text, encoding="utf-8", newline="")
