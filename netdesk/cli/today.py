"""`netdesk today [--limit N] [--json]`: the Today view's plan — who to reach out to and why,
the follow-ups due today and the overdue ones, then upcoming and recent events."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from netdesk.cli._today_events import events_json, events_lines
from netdesk.cli.due import followup_json, followup_line
from netdesk.core.clock import Clock
from netdesk.core.reach_out import DEFAULT_LIMIT
from netdesk.paths import Paths

if TYPE_CHECKING:
    from netdesk.core.today_events import RecentEvent, UpcomingEvent


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"how many people to suggest (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    if args.limit < 1:
        print("netdesk today: --limit must be 1 or more", file=sys.stderr)
        return 2
    plan = None
    upcoming: list[UpcomingEvent] = []
    recent: list[RecentEvent] = []
    if paths.database.exists():
        from netdesk.core.changes import Changes
        from netdesk.core.dashboard import today_plan
        from netdesk.core.followups import FollowUpService
        from netdesk.core.reach_out import ReachOutService
        from netdesk.core.today_events import TodayEvents
        from netdesk.store.db import close_database, open_database

        open_database(paths.database, daily_backup=False, now=clock.now())
        try:
            followups = FollowUpService(Changes(), clock)
            followups.sync_generated()
            plan = today_plan(followups, ReachOutService(clock), args.limit)
            events = TodayEvents(clock)
            upcoming, recent = events.upcoming(), events.recent()
        finally:
            close_database()
    reach = plan.reach_out if plan else []
    groups = {"due_today": plan.due_today if plan else [], "overdue": plan.overdue if plan else []}
    if args.json:
        out = {
            "reach_out": [
                {
                    "contact_id": s.contact_id,
                    "contact": s.name,
                    "score": s.score,
                    "reason": s.reason,
                }
                for s in reach
            ],
            **{key: [followup_json(row) for row in rows] for key, rows in groups.items()},
            **events_json(upcoming, recent),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print("Reach out today:" if reach else "Reach out today: nobody is waiting on you.")
    for suggestion in reach:
        print(f"  {suggestion.name}: {suggestion.reason}")
    for key, title in (("due_today", "Due today"), ("overdue", "Overdue")):
        rows = groups[key]
        print(f"{title} ({len(rows)}):")
        for row in rows:
            print(f"  {followup_line(row)}")
    for line in events_lines(upcoming, recent):
        print(line)
    return 0
