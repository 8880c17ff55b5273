"""`netdesk export --format json` and `netdesk import FILE.json`: exit codes, messages, --replace,
and a SIGKILL mid-import that leaves the database as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from netdesk.__main__ import main
from netdesk.store.db import close_database
from tests.db_snapshot import dump_database
from tests.fake_time import FakeClock
from tests.fault_helpers import kill_mid_way
from tests.testdata.vcards import generate_vcards

Run = Callable[..., tuple[int, str, str]]
GOOD = "BEGIN:VCARD\nFN:Ann Lee\nEMAIL:ann@x.test\nEND:VCARD\n"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], clock: FakeClock) -> Run:
    """`netdesk ARGS` on the data folder `data`, on the fake clock: status, out and err."""

    def run(data: Path, *args: str) -> tuple[int, str, str]:
        try:
            code = main(["--data-dir", str(data), *args], clock)
        finally:
            close_database()
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _exported(run: Run, tmp_path: Path, cards: str = GOOD) -> Path:
    source = tmp_path / "source"
    vcf = tmp_path / "cards.vcf"
    vcf.write_text(cards)
    assert run(source, "import", str(vcf))[0] == 0
    export = tmp_path / "netdesk.json"
    assert run(source, "export", "--format", "json", "-o", str(export)) == (0, "", "")
    return export


def test_export_writes_the_whole_database(run: Run, tmp_path: Path) -> None:
    export = _exported(run, tmp_path)
    assert export.stat().st_mode & 0o777 == 0o600
    code, out, _ = run(tmp_path / "source", "export", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["format"] == "netdesk" and document["format_version"] == 1
    assert [c["display_name"] for c in document["tables"]["contact"]] == ["Ann Lee"]
    assert json.loads(export.read_text())["tables"] == document["tables"]
    code, _, err = run(tmp_path / "source", "export", "--format", "json", "--search", "ann")
    assert code == 2 and "exports everything" in err


def test_import_into_a_new_folder_then_refuse_then_replace(run: Run, tmp_path: Path) -> None:
    export = _exported(run, tmp_path)
    target = tmp_path / "target"
    code, out, err = run(target, "import", str(export))
    assert (code, err) == (0, "")
    assert out.startswith("imported ") and f"from {export}\n" in out
    assert "Ann Lee" in run(target, "export")[1]
    code, out, err = run(target, "import", str(export))
    assert code == 1 and out == ""
    assert "already holds contacts" in err and "--replace" in err
    code, out, _ = run(target, "import", "--json", "--replace", str(export))
    summary = json.loads(out)
    assert code == 0 and summary["rows"]["contact"] == 1
    assert Path(summary["backup"]).name.endswith("-pre-import.db")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": "netdesk", "format_version": 1, "schema_version": 1, "tables": {"tag": [}}',
            "Expecting value (line 1, column 84)",
        ),
        (
            '{"format": "netdesk", "format_version": 9, "schema_version": 1, "tables": {}}',
            "format 9 (written by NetDesk ?); this NetDesk reads format 1. Update NetDesk",
        ),
        ("not json at all", "not a NetDesk JSON export"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(
    run: Run, tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    code, _, err = run(tmp_path / "target", "import", str(bad))
    assert code == 1 and message in err


def test_an_export_is_imported_on_its_own(run: Run, tmp_path: Path) -> None:
    export = _exported(run, tmp_path)
    vcf = tmp_path / "cards.vcf"
    assert run(tmp_path / "t", "import", str(export), str(vcf))[0] == 2
    assert run(tmp_path / "t", "import", "--dry-run", str(export))[0] == 2
    code, _, err = run(tmp_path / "t", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "Cannot read" in err


def test_sigkill_mid_import_leaves_the_database_unchanged(run: Run, tmp_path: Path) -> None:
    export = _exported(run, tmp_path, generate_vcards(6000).decode())
    target = tmp_path / "target"
    vcf = tmp_path / "mine.vcf"
    vcf.write_text(GOOD.replace("Ann", "Bo").replace("ann@", "bo@"))
    run(target, "import", str(vcf))
    database = target / "netdesk.db"
    before = dump_database(database)
    kill_mid_way(
        ["import", "--progress", "--replace", str(export)],
        target,
        lambda line: line.startswith("reading ") and "contact" in line,
    )
    assert dump_database(database) == before
