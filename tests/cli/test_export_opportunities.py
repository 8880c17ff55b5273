"""`netdesk export --format opportunities-csv`: every opportunity, or those a search finds."""

from __future__ import annotations

from pathlib import Path

from netdesk.__main__ import main
from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.services import Services
from netdesk.paths import resolve
from netdesk.store.db import close_database, open_database


def test_export_opportunities_csv(tmp_path: Path, capsys, clock) -> None:
    paths = resolve(tmp_path / "data")
    open_database(paths.database)
    services = Services(paths=paths, clock=clock)
    services.opportunities.create(OpportunityDraft("Staff engineer", "Acme"))
    services.opportunities.create(OpportunityDraft("Data lead", "Globex"))
    close_database()
    target = tmp_path / "opportunities.csv"
    args = ["--data-dir", str(tmp_path / "data"), "export", "--format", "opportunities-csv"]
    try:
        assert main([*args, "-o", str(target)], clock) == 0
        assert main([*args, "--search", "globex"], clock) == 0
    finally:
        close_database()
    lines = target.read_text().splitlines()
    assert lines[0].startswith("Company,Role,Stage") and len(lines) == 3
    out = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in out] == ["Company", "Globex"]
