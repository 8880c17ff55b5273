"""Importing .ics files as events: created or updated by UID, one batch in Import history.

All files of one import are written in one transaction as one ImportBatch (see `import_events`),
so File → Import history lists them and undoes them like a contact import. This module sits
above `events` (it needs the EventService to write) and `event_ics` (what an item sets), which
import neither it nor each other.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netdesk.core import import_events
from netdesk.core.event_draft import EventDraft
from netdesk.core.event_ics import apply_item, guess_kind
from netdesk.core.event_times import to_utc
from netdesk.core.events import EventService
from netdesk.formats.ics_events import IcsResult, read_ics
from netdesk.formats.sources import NotImported, read_file_bytes
from netdesk.store.models import Event, ImportBatch, db

CalendarSource = tuple[str, bytes | NotImported]
"""A calendar file's name and its bytes, or why it was not read."""


def read_calendar(path: str | Path) -> CalendarSource:
    """A calendar file's name and bytes, read as contact files are: only a regular file within
    the size limit (see formats.sources.read_file_bytes); OSError when it cannot be read."""
    try:
        return str(path), read_file_bytes(Path(path))
    except NotImported as refused:
        return str(path), refused


@dataclass
class IcsImportSummary:
    """What importing one .ics file did (`batch_id`: the import it was part of)."""

    file: str
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    batch_id: int | None = None

    def text(self) -> str:
        """One line for the user: "3 events added, 1 updated from x.ics"."""
        added = f"{len(self.created)} event{'' if len(self.created) == 1 else 's'} added"
        return f"{added}, {len(self.updated)} updated from {Path(self.file).name}"


class EventImporter:
    """Imports .ics data into the events; announces "events" and "imports" changes."""

    def __init__(self, events: EventService) -> None:
        self.events = events

    def import_files(self, paths: Iterable[str | Path]) -> list[IcsImportSummary]:
        """Import .ics files together (OSError, before anything is written, when one cannot
        be read; a device, FIFO, socket or too large a file is named and skipped)."""
        return self.import_data([read_calendar(p) for p in paths])

    def import_data(self, sources: list[CalendarSource]) -> list[IcsImportSummary]:
        """Create or update (by UID) the events of each (name, data), in one transaction; a
        file refused unread (NotImported for data) is one error of its summary."""
        today = self.events.followups.clock.today()
        parsed = [
            IcsResult(name, errors=[f"{name}: {data}"])
            if isinstance(data, NotImported)
            else read_ics(data, name, today=today)
            for name, data in sources
        ]
        with db.atomic():
            files = json.dumps([result.file for result in parsed])
            now = to_utc(self.events.followups.clock.now())
            batch = ImportBatch.create(files=files, created_at=now)
            summaries = [self._write(result, batch.id) for result in parsed]
            errors = [e for s in summaries for e in s.errors]
            warnings = [f"warning: {w}" for s in summaries for w in s.warnings]
            batch.failed_count, batch.warning_count = len(errors), len(warnings)
            batch.errors = json.dumps(errors + warnings)
            batch.save()
        changed = [i for s in summaries for i in s.created + s.updated]
        if changed:
            self.events.changes.publish("events", changed)
        self.events.changes.publish("imports", [batch.id])
        return summaries

    def _write(self, parsed: IcsResult, batch_id: int) -> IcsImportSummary:
        summary = IcsImportSummary(parsed.file, errors=list(parsed.errors), batch_id=batch_id)
        summary.warnings = list(parsed.warnings)
        before: dict[int, dict[str, Any]] = {}
        for item in parsed.events:
            existing = Event.get_or_none(Event.uid == item.uid)
            draft = (
                self.events.load(existing.id)
                if existing
                else EventDraft(name="", starts_at=item.starts_at, kind=guess_kind(item))
            )
            apply_item(draft, item)
            try:
                if existing:
                    snapshot = import_events.snapshot(existing.id)
                    self.events.update(existing.id, draft, publish=False)
                    before.setdefault(existing.id, snapshot)
                    summary.updated.append(existing.id)
                else:
                    summary.created.append(self.events.create(draft, publish=False))
            except ValueError as error:
                summary.errors.append(f"{parsed.file}, {item.summary}: {error}")
        import_events.record(batch_id, summary.created, before)
        return summary
