"""The .ics part of `netdesk import`: calendar files become events (matched by UID on re-import).

`read_calendars` reads every file before anything is written (a file that cannot be read is
exit status 2 with nothing imported); `import_calendars` writes them as one batch of Import
history, inside the command's transaction. Prints "events created: N" / "events updated: N"
(prefixed "would be" for a dry run), one "error:" / "warning:" line per event that could not be
read whole, or one JSON object per file with `--json`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

from netdesk.core.event_import import CalendarSource, EventImporter, read_calendar


def read_calendars(files: list[str]) -> list[CalendarSource] | None:
    """Each file's bytes (or why it is skipped unread: a device, FIFO, socket or a file over
    the size limit); None (after saying why on stderr) when one cannot be read."""
    try:
        return [read_calendar(file) for file in files]
    except OSError as error:
        print(f"netdesk import: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return None


def import_calendars(
    importer: EventImporter, sources: list[CalendarSource], dry_run: bool, as_json: bool
) -> int:
    """Import the events of `sources` and report them; the exit status (0, or 1 when some
    events failed). The caller's transaction makes a dry run leave nothing behind."""
    if not sources:
        return 0
    status = 0
    for summary in importer.import_data(sources):
        status = max(status, 1 if summary.errors else 0)
        if as_json:
            record = {**asdict(summary), "batch_id": None if dry_run else summary.batch_id}
            print(json.dumps({"dry_run": dry_run, **record}, ensure_ascii=False))
            continue
        prefix = "would be " if dry_run else ""
        print(f"events {prefix}created: {len(summary.created)}")
        print(f"events {prefix}updated: {len(summary.updated)}")
        for kind in ("error", "warning"):
            for problem in getattr(summary, f"{kind}s"):
                print(f"{kind}: {problem}")
    return status
