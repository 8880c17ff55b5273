"""`netdesk import FILE...`: import vCard / CSV files (or folders of them) without the GUI;
.ics files go to the events (see `_ics_import`).

Exit status: 0 when every card imported, 1 when some cards failed (the rest were imported), 2 for
a usage error or a file that cannot be read (then nothing is imported). `--json` prints one object:
see README "Command line".
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from netdesk.cli._ics_import import import_calendars
from netdesk.cli._store import open_or_report
from netdesk.core.importing import CHOICES, ImportPlan, ProgressFn, no_progress
from netdesk.formats.sources import kind_of
from netdesk.paths import Paths


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".vcf/.csv/.ics files or folders")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen only")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--on-duplicate",
        choices=CHOICES,
        default="merge",
        help="what to do with cards matching a stored contact (default: merge)",
    )
    parser.add_argument("--progress", action="store_true", help="report progress on stderr")


def run(args: argparse.Namespace, paths: Paths) -> int:
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.core.importing import ImportService

    if not open_or_report(paths, "import"):
        return 1
    calendars = [f for f in args.files if kind_of(f) == "calendar"]
    events_status = import_calendars(calendars, paths, args.dry_run, args.json)
    args.files = [f for f in args.files if f not in calendars]
    if not args.files or events_status == 2:
        return events_status
    changes = Changes()
    service = ImportService(ContactService(changes), changes)
    plan = service.plan(args.files, _progress("reading") if args.progress else no_progress)
    if plan.unreadable:
        for error in plan.errors:
            if error.file in plan.unreadable:
                print(f"netdesk import: {error}", file=sys.stderr)
        return 2
    plan.choose_for_all(args.on_duplicate)
    summary = _summary(plan)
    if not args.dry_run:
        report = service.apply(plan, _progress("writing") if args.progress else no_progress)
        summary.update(
            dry_run=False,
            batch_id=report.batch_id,
            created=report.created,
            merged=report.merged,
            unchanged=report.unchanged,
            skipped=report.skipped,
        )
    _print(summary, args.json)
    return max(events_status, 1 if plan.errors else 0)


def _summary(plan: ImportPlan) -> dict[str, object]:
    """What the plan would do (apply replaces the counts with what it did)."""
    choices = [card.choice for card in plan.matches]
    return {
        "dry_run": True,
        "batch_id": None,
        "files": plan.files,
        "created": len(plan.new) + choices.count("new"),
        "merged": choices.count("merge"),
        "unchanged": 0,
        "skipped": choices.count("skip"),
        "combined": plan.combined,
        "failed": len(plan.errors),
        "errors": [asdict(error) for error in plan.errors],
        "warnings": [asdict(warning) for warning in plan.warnings],
    }


def _print(summary: dict[str, object], as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    dry_run = summary["dry_run"]
    prefix = "would be " if dry_run else ""
    keys = ("created", "merged") + (() if dry_run else ("unchanged",)) + ("skipped", "failed")
    for key in keys:
        print(f"{prefix}{key}: {summary[key]}")
    for kind in ("error", "warning"):
        for problem in summary[f"{kind}s"]:  # type: ignore[attr-defined]
            print(f"{kind}: {problem['file']}, card {problem['card']}: {problem['reason']}")


def _progress(stage: str) -> ProgressFn:
    def report(done: int, total: int, text: str = "") -> None:
        print(f"{stage} {done}/{total} {text}".rstrip(), file=sys.stderr, flush=True)

    return report
