"""The import history: every batch with what it did, for File → Import history and its undo."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from netdesk.core import import_events
from netdesk.store.models import ImportBatch


@dataclass(frozen=True)
class BatchRow:
    """One line of the import history."""

    id: int
    created_at: datetime
    files: list[str]
    created: int
    merged: int
    skipped: int
    failed: int
    errors: list[str]
    undone_at: datetime | None
    unchanged: int = 0
    combined: int = 0
    possible: int = 0
    warnings: int = 0
    kept_aside: int = 0
    events_created: int = 0
    events_updated: int = 0


def batch_history() -> list[BatchRow]:
    """Every import batch, newest first."""
    query = ImportBatch.select().order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
    events = import_events.counts()
    return [
        BatchRow(
            b.id,
            b.created_at,
            json.loads(b.files),
            b.created_count,
            b.merged_count,
            b.skipped_count,
            b.failed_count,
            json.loads(b.errors),
            b.undone_at,
            b.unchanged_count,
            b.combined_count,
            b.possible_count,
            b.warning_count,
            b.kept_aside_count,
            *events.get(b.id, (0, 0)),
        )
        for b in query
    ]
