"""`netdesk import FILE...`: import vCard / CSV files (or folders of them) without the GUI;
.ics files go to the events (see `_ics_import`), a NetDesk JSON export replaces the database's
contents (see `_json_import`).

Exit status: 0 when every card imported, 1 when some cards failed (the rest were imported), 2 for
a usage error or a file that cannot be read (then nothing is imported). `--json` prints one object:
see README "Command line".
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from netdesk.cli._ics_import import import_calendars, read_calendars
from netdesk.cli._json_import import import_json
from netdesk.cli._store import open_or_report
from netdesk.core.clock import Clock
from netdesk.core.import_conflicts import Conflict, shown
from netdesk.core.import_jobs import planned
from netdesk.core.import_plan import PlannedCard, resolve_all
from netdesk.core.importing import CHOICES, ImportPlan, ProgressFn, no_progress
from netdesk.formats.draft import CardError
from netdesk.formats.sources import kind_of
from netdesk.formats.text import ENCODINGS
from netdesk.paths import Paths

Summary = dict[str, Any]
"""What an import did or would do, as JSON-ready values (what --json prints)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".vcf/.csv/.ics files or folders")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen only")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--on-duplicate",
        choices=CHOICES,
        default="merge",
        help="what to do with cards sharing an email, phone, profile or UID with a stored "
        "contact (default: merge); possible duplicates (same name only) are always imported apart",
    )
    parser.add_argument(
        "--on-conflict",
        choices=("keep", "replace"),
        default="keep",
        help="a matched card's other value for a filled field (title, organisation, note, "
        "birthday…): keep the one there and list the new one as kept aside (default), or "
        "replace it; another organisation or title always replaces (a job change: the old "
        "job stays in the contact's employment history)",
    )
    parser.add_argument(
        "--no-congratulate",
        action="store_true",
        help='add no "congratulate on the new role" follow-up for each job change',
    )
    parser.add_argument("--progress", action="store_true", help="report progress on stderr")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="a NetDesk JSON export into a database that holds data: replace everything in it "
        "(a backup is taken first)",
    )


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from netdesk.core.services import Services
    from netdesk.store.models import db

    exports = [f for f in args.files if Path(f).suffix.lower() == ".json"]
    if exports:
        if len(args.files) > 1 or args.dry_run:
            print(
                "netdesk import: a NetDesk JSON export is imported on its own, without --dry-run",
                file=sys.stderr,
            )
            return 2
        return import_json(
            Path(exports[0]), paths, replace=args.replace, as_json=args.json, progress=args.progress
        )
    if not open_or_report(paths, "import", clock=clock):
        return 1
    calendars = [f for f in args.files if kind_of(f) == "calendar"]
    files = [f for f in args.files if f not in calendars]
    sources = read_calendars(calendars)
    if sources is None:
        return 2
    services = Services(paths=paths, clock=clock)
    service = services.importing
    reading = _progress("reading") if args.progress else no_progress
    plan = service.plan(files, reading) if files else ImportPlan(files=[])
    if plan.unreadable:
        for error in plan.errors:
            if error.file in plan.unreadable:
                print(f"netdesk import: {error}", file=sys.stderr)
        return 2
    plan.choose_for_all(args.on_duplicate)
    resolve_all(plan, args.on_conflict)
    plan.congratulate = not args.no_congratulate
    summary = _summary(plan)
    with db.atomic() as transaction:  # events and contacts: all of the command or nothing
        events_status = import_calendars(services.event_import, sources, args.dry_run, args.json)
        if args.dry_run:
            transaction.rollback()
        elif files:
            report = service.apply(plan, _progress("writing") if args.progress else no_progress)
            summary.update(
                dry_run=False,
                batch_id=report.batch_id,
                created=report.created,
                merged=report.merged,
                unchanged=report.unchanged,
                skipped=report.skipped,
                **_conflicts(report.conflicts),
            )
    if not files:
        return events_status
    _print(summary, args.json)
    return max(events_status, 1 if plan.errors else 0)


def _summary(plan: ImportPlan) -> Summary:
    """What the plan would do (apply replaces the counts with what it did)."""
    choices = [card.choice for card in plan.matches + plan.possible]
    return {
        "dry_run": True,
        "batch_id": None,
        "files": plan.files,
        "created": plan.created(),
        "merged": choices.count("merge"),
        "unchanged": 0,
        "skipped": choices.count("skip"),
        "combined": plan.combined,
        "possible_duplicates": len(plan.possible),
        "failed": len(plan.errors),
        "warned": len(plan.warnings),
        "csv": [
            {"file": file, "encoding": codec, "delimiter": plan.delimiters.get(file, "")}
            for file, codec in plan.encodings.items()
        ],
        "possible": [
            {
                "file": card.file,
                "card": card.card,
                "name": card.draft.full_name(),
                "looks_like": card.match_name,
                "reason": card.reason,
            }
            for card in plan.possible
        ],
        "job_changes": [
            {"name": c.name, "from": c.before.words(), "to": c.after.words()} for c in planned(plan)
        ],
        "errors": [asdict(error) for error in plan.errors],
        "warnings": [asdict(warning) for warning in plan.warnings],
    } | _conflicts(plan.written_conflicts())


def _conflicts(pairs: list[tuple[PlannedCard, Conflict]]) -> Summary:
    """The conflicts met, and how many kept the value there (the new one set aside)."""
    return {
        "kept_aside": sum(conflict.choice == "keep" for _, conflict in pairs),
        "conflicts": [
            {
                "file": card.file,
                "card": card.card,
                "name": card.draft.full_name(),
                "field": conflict.field,
                "there": _json_value(conflict.kept),
                "in_file": _json_value(conflict.incoming),
                "choice": conflict.choice,
            }
            for card, conflict in pairs
        ],
    }


def _print(summary: Summary, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    for csv in summary["csv"]:
        encoding = ENCODINGS.get(csv["encoding"], csv["encoding"])
        split = _SPLIT_BY.get(csv["delimiter"], "")
        split = f", columns split by {split}" if split else ""
        print(f"read {csv['file']} as {encoding}{split}")
    dry_run = summary["dry_run"]
    prefix = "would be " if dry_run else ""
    keys = ("created", "merged") + (() if dry_run else ("unchanged",)) + ("skipped",)
    for key in (*keys, "combined", "possible_duplicates", "failed", "warned", "kept_aside"):
        print(f"{prefix}{key.replace('_', ' ')}: {summary[key]}")
    for item in summary["conflicts"]:
        field = item["field"].replace("_", " ")
        there, new = _quoted(item["there"]), _quoted(item["in_file"])
        print(
            f"{_DONE[item['choice']]}: {item['file']}, card {item['card']} ({item['name']}): "
            + (
                f"{field} {new}, kept {there}"
                if item["choice"] == "keep"
                else f"{field} {there} → {new}"
            )
        )
    for change in summary["job_changes"]:
        print(f"job change: {change['name']}: {change['from']} → {change['to']}")
    for card in summary["possible"]:
        print(
            f"possible duplicate: {card['file']}, card {card['card']}: {card['name']} looks like "
            f"{card['looks_like']} ({card['reason']}); kept apart"
        )
    for kind in ("error", "warning"):
        for problem in summary[f"{kind}s"]:
            print(f"{kind}: {CardError(**problem)}")


_DONE = {"keep": "kept aside", "replace": "replaced", "append": "appended"}
_SPLIT_BY = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _json_value(value: object) -> object:
    return shown(value) if isinstance(value, date | bytes) else value


def _quoted(value: object) -> str:
    """A value on one line, quoted (a multi-line note shows its line breaks as ⏎)."""
    return json.dumps(str(value).replace("\n", " ⏎ "), ensure_ascii=False)


def _progress(stage: str) -> ProgressFn:
    def report(done: int, total: int, text: str = "") -> None:
        print(f"{stage} {done}/{total} {text}".rstrip(), file=sys.stderr, flush=True)

    return report
