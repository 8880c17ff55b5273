"""`netdesk import FILE.json`: NetDesk's own export read back (see core.json_import).

Exit status: 0 when imported, 1 when refused (nothing written: the message says why and what
to do), 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from netdesk.paths import Paths


def import_json(path: Path, paths: Paths, *, replace: bool, as_json: bool, progress: bool) -> int:
    """Import the export at `path` into the database of `paths`."""
    from netdesk.cli._store import open_or_report
    from netdesk.core.changes import Changes
    from netdesk.core.json_import import ImportRefused, JsonImporter

    if not open_or_report(paths, "import"):
        return 1
    importer = JsonImporter(paths.database, Changes())
    try:
        result = importer.import_file(
            path, replace=replace, progress=_report if progress else _quiet
        )
    except ImportRefused as refused:
        print(f"netdesk import: {refused}", file=sys.stderr)
        return 1
    if as_json:
        summary = {
            "file": str(path),
            "schema_version": result.schema_version,
            "rows": result.rows,
            "backup": None if result.backup is None else str(result.backup),
        }
        print(json.dumps(summary, indent=2))
        return 0
    tables = sum(1 for count in result.rows.values() if count)
    print(f"imported {result.total} rows of {tables} tables from {path}")
    if result.backup is not None:
        print(f"the database as it was is kept in {result.backup}")
    return 0


def _report(done: int, total: int, text: str = "") -> None:
    print(f"reading {done}/{total} {text}".rstrip(), file=sys.stderr, flush=True)


def _quiet(done: int, total: int, text: str = "") -> None:
    """No progress reports."""
