"""The .ics part of `netdesk import`: calendar files become events (matched by UID on re-import).

Prints "events created: N" / "events updated: N" (prefixed "would be" for a dry run) and one
"error:" line per unreadable event, or one JSON object per file with `--json`. Returns the exit
status: 0, 1 when some events failed, 2 when a file cannot be read (nothing is imported then).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from netdesk.paths import Paths


def import_calendars(files: list[str], paths: Paths, dry_run: bool, as_json: bool) -> int:
    """Import (or with `dry_run`, only try) the events of `files`; the exit status."""
    if not files:
        return 0
    from netdesk.core.services import Services
    from netdesk.store.models import db

    try:
        sources = [(file, Path(file).read_bytes()) for file in files]
    except OSError as error:
        print(f"netdesk import: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    events = Services(paths=paths).events
    status = 0
    for file, data in sources:
        with db.atomic() as transaction:
            summary = events.import_ics(data, file)
            if dry_run:
                transaction.rollback()
        status = max(status, 1 if summary.errors else 0)
        if as_json:
            print(json.dumps({"dry_run": dry_run, **asdict(summary)}, ensure_ascii=False))
            continue
        prefix = "would be " if dry_run else ""
        print(f"events {prefix}created: {len(summary.created)}")
        print(f"events {prefix}updated: {len(summary.updated)}")
        for error in summary.errors:
            print(f"error: {error}")
    return status
