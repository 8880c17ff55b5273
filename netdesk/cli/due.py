"""`netdesk due [--days N] [--json]`: the follow-ups due by the end of day N (0: today)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time, timedelta

from netdesk.core.clock import Clock
from netdesk.core.followup_queries import FollowUpRow
from netdesk.paths import Paths


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--days",
        type=int,
        default=0,
        metavar="N",
        help="also list what is due in the next N days (default 0: overdue and today)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    if args.days < 0:
        print("netdesk due: --days must be 0 or more", file=sys.stderr)
        return 2
    rows = []
    from netdesk.store.backup import generations

    if paths.database.exists() or generations(paths.database):
        from netdesk.cli._store import open_or_report
        from netdesk.core.changes import Changes
        from netdesk.core.followups import FollowUpService
        from netdesk.store.db import opened_read_only

        if not open_or_report(paths, "due", write=False, clock=clock):
            return 1
        service = FollowUpService(Changes(), clock)
        if not opened_read_only():
            service.sync_generated()
        until = clock.today() + timedelta(days=args.days + 1)
        rows = service.due(datetime.combine(until, time.min))
    if args.json:
        print(json.dumps([followup_json(row) for row in rows], indent=2, ensure_ascii=False))
    elif not rows:
        print("Nothing due.")
    for row in rows if not args.json else []:
        print(followup_line(row))
    return 0


def followup_line(row: FollowUpRow) -> str:
    """A follow-up as one line of text: due date (and time), who, why, the note's first line."""
    when = row.due_at.strftime("%Y-%m-%d %H:%M" if row.has_time else "%Y-%m-%d      ")
    note = f"  ({row.note.splitlines()[0]})" if row.note else ""
    return f"{when}  {row.contact_name}  {row.reason}{note}"


def followup_json(row: FollowUpRow) -> dict[str, object]:
    """A follow-up as `netdesk due --json` and `netdesk today --json` print it."""
    return {
        "id": row.id,
        "contact_id": row.contact_id,
        "contact": row.contact_name,
        "due": row.due_at.isoformat() if row.has_time else row.due_at.date().isoformat(),
        "has_time": row.has_time,
        "reason": row.reason,
        "note": row.note,
        "status": row.status,
    }
