"""`netdesk export`: every contact (or a search) as vCard 4.0, vCard 3.0 or Google CSV;
`--format ics`: follow-ups and events as iCalendar; `--format opportunities-csv`: every
opportunity (or those a search finds) as CSV for a spreadsheet; `--format json`: the whole
database in NetDesk's own format (docs/export-format.md), which `netdesk import` reads back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netdesk.cli._store import open_or_report
from netdesk.core.clock import Clock
from netdesk.paths import Paths
from netdesk.private_files import write_private

FORMAT_CHOICES = ("vcard", "vcard3", "csv", "ics", "opportunities-csv", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="vcard", help="default: vcard")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--search", metavar="QUERY", default="", help="only contacts (or opportunities) matching"
    )


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.core.exporting import ExportService

    if args.format == "json" and args.search:
        print(
            "netdesk export: --format json exports everything; --search does not apply",
            file=sys.stderr,
        )
        return 2
    if not open_or_report(paths, "export", write=False, clock=clock):
        return 1
    if args.format == "json":
        return _export_json(args.output)
    if args.format == "ics":
        from netdesk.core.calendar_export import calendar_ics
        from netdesk.core.services import Services

        text = calendar_ics(Services(paths=paths, clock=clock).followups).decode()
    elif args.format == "opportunities-csv":
        from netdesk.core.opportunity_csv import csv_text
        from netdesk.core.opportunity_rows import load, matching

        text = csv_text(matching(load(), args.search))
    else:
        text = ExportService(ContactService(Changes())).export(args.format, search=args.search)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_private(Path(args.output), text)
    except OSError as exc:
        print(f"netdesk export: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


def _export_json(output: str | None) -> int:
    """Stream the whole database to `output` (or stdout) as NetDesk JSON."""
    from netdesk.core.json_export import export_file, write_json
    from netdesk.store.models import utcnow

    if output is None:
        write_json(sys.stdout, utcnow())
        return 0
    try:
        export_file(Path(output), utcnow())
    except OSError as exc:
        print(f"netdesk export: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0
