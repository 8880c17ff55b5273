"""`netdesk import` / `netdesk export`: exit codes, JSON, dry runs, and a SIGKILL mid-import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from netdesk.__main__ import main
from netdesk.store.db import close_database
from tests.core.test_import_groups import APPLE_GROUP
from tests.db_snapshot import dump_database
from tests.fake_time import FakeClock
from tests.fault_helpers import kill_mid_way
from tests.testdata.vcards import generate_vcards

GOOD = "BEGIN:VCARD\nFN:Ann Lee\nEMAIL:ann@x.test\nEND:VCARD\n"
BAD = "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"


@pytest.fixture
def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FakeClock
) -> Callable[..., tuple[int, str, str]]:
    """`netdesk ARGS` on this test's data folder, on the fake clock: status, out and err."""

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--data-dir", str(tmp_path / "data"), *args], clock)
        finally:
            close_database()
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_import_exit_codes_and_text(run, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.vcf", GOOD)
    mixed = _write(tmp_path, "mixed.vcf", GOOD.replace("Ann", "Bo").replace("ann", "bo") + BAD)
    assert run("import", "--dry-run", good) == (
        0,
        "would be created: 1\nwould be merged: 0\nwould be skipped: 0\nwould be combined: 0\n"
        "would be possible duplicates: 0\nwould be failed: 0\nwould be warned: 0\n"
        "would be kept aside: 0\n",
        "",
    )
    code, out, _ = run("import", good)
    assert code == 0 and "created: 1" in out
    code, out, _ = run("import", mixed, good, "--on-duplicate", "skip")
    assert code == 1
    assert "created: 1\nmerged: 0\nunchanged: 0\nskipped: 1\ncombined: 0\n" in out
    assert "possible duplicates: 0\nfailed: 1\nwarned: 0\nkept aside: 0\n" in out
    assert f"error: {mixed}, card 2: the card has no name" in out
    code, out, _ = run("import", good)
    assert (code, out) == (
        0,
        "created: 0\nmerged: 0\nunchanged: 1\nskipped: 0\ncombined: 0\n"
        "possible duplicates: 0\nfailed: 0\nwarned: 0\nkept aside: 0\n",
    )
    code, _, err = run("import", str(tmp_path / "missing.vcf"))
    assert code == 2 and "missing.vcf" in err
    assert run("import")[0] == 2
    empty = _write(tmp_path, "empty.vcf", "")  # the whole file: no "card 0"
    assert f"error: {empty}: no vCard found (no BEGIN:VCARD line)\n" in run("import", empty)[1]
    assert run("import", good, "--on-duplicate", "maybe")[0] == 2


def test_import_json(run, tmp_path: Path) -> None:
    mixed = _write(tmp_path, "mixed.vcf", GOOD + BAD)
    code, out, _ = run("import", "--json", mixed)
    result = json.loads(out)
    assert code == 1
    assert {k: result[k] for k in ("dry_run", "created", "merged", "skipped", "failed")} == {
        "dry_run": False,
        "created": 1,
        "merged": 0,
        "skipped": 0,
        "failed": 1,
    }
    assert result["errors"] == [
        {
            "file": mixed,
            "card": 2,
            "line": None,
            "reason": "the card has no name, organisation, email or phone",
        }
    ]
    assert isinstance(result["batch_id"], int) and result["files"] == [mixed]
    assert result["warnings"] == []


def test_import_keeps_namesakes_apart_and_says_so(run, tmp_path: Path) -> None:
    first = _write(
        tmp_path, "a.vcf", "BEGIN:VCARD\nFN:Ann Lee\nORG:Acme\nEMAIL:a@x.test\nEND:VCARD\n"
    )
    other = _write(
        tmp_path, "b.vcf", "BEGIN:VCARD\nFN:Ann Lee\nORG:ACME\nEMAIL:b@x.test\nEND:VCARD\n"
    )
    run("import", first)
    code, out, _ = run("import", "--json", "--dry-run", other, "--on-duplicate", "merge")
    result = json.loads(out)
    assert (result["created"], result["merged"], result["possible_duplicates"]) == (1, 0, 1)
    assert result["possible"] == [
        {
            "file": other,
            "card": 1,
            "name": "Ann Lee",
            "looks_like": "Ann Lee",
            "reason": "same name and organisation",
        }
    ]
    assert (result["combined"], result["warned"]) == (0, 0)
    code, out, _ = run("import", other)
    assert code == 0 and "created: 1\n" in out and "possible duplicates: 1\n" in out
    assert (
        f"possible duplicate: {other}, card 1: Ann Lee looks like Ann Lee "
        "(same name and organisation); kept apart\n"
    ) in out


def test_import_lists_what_it_kept_aside_or_replaces_on_request(run, tmp_path: Path) -> None:
    run("import", _write(tmp_path, "a.vcf", GOOD.replace("END", "BDAY:1990-02-04\nEND")))
    newer = _write(tmp_path, "b.vcf", GOOD.replace("END", "BDAY:1990-02-03\nNOTE:two\\nlines\nEND"))
    code, out, _ = run("import", newer)
    assert code == 0 and "merged: 1\n" in out and "kept aside: 1\n" in out
    assert (
        f'kept aside: {newer}, card 1 (Ann Lee): birthday "1990-02-03", kept "1990-02-04"\n' in out
    )
    code, out, _ = run("import", "--json", newer, "--on-conflict", "replace")
    result = json.loads(out)
    assert (result["merged"], result["kept_aside"]) == (1, 0)
    assert result["conflicts"] == [
        {
            "file": newer,
            "card": 1,
            "name": "Ann Lee",
            "field": "birthday",
            "there": "1990-02-04",
            "in_file": "1990-02-03",
            "choice": "replace",
        }
    ]
    code, out, _ = run("import", newer)
    assert "kept aside: 0\n" in out, "the same file again: nothing differs"
    assert run("import", newer, "--on-conflict", "append")[0] == 2


def test_import_names_a_card_imported_without_its_photo(run, tmp_path: Path) -> None:
    damaged = GOOD.replace("END:VCARD", "PHOTO;ENCODING=b:@@@\nEND:VCARD")
    path = _write(tmp_path, "photo.vcf", damaged)
    code, out, _ = run("import", path)
    assert code == 0 and "created: 1" in out
    assert f"warning: {path}, card 1: its photo could not be read" in out
    code, out, _ = run("import", "--json", "--dry-run", path)
    assert json.loads(out)["warnings"][0]["card"] == 1


def test_export_formats_search_and_file(run, tmp_path: Path) -> None:
    cards = GOOD + GOOD.replace("Ann Lee", "Bo Ray").replace("ann@", "bo@")
    run("import", _write(tmp_path, "two.vcf", cards))
    code, out, _ = run("export")
    assert code == 0 and out.count("BEGIN:VCARD") == 2 and "VERSION:4.0" in out
    assert "VERSION:3.0" in run("export", "--format", "vcard3", "--search", "bo")[1]
    target = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "-o", str(target)) == (0, "", "")
    assert target.read_bytes().count(b"\r\n") == 3
    assert run("export", "--format", "pdf")[0] == 2


def test_export_writes_group_members(run, tmp_path: Path) -> None:
    run("import", _write(tmp_path, "apple.vcf", APPLE_GROUP))
    code, out, _ = run("export", "--format", "vcard")
    assert code == 0 and "KIND:group\r\n" in out and "MEMBER:urn:uuid:A1B2-C3\r\n" in out
    out = run("export", "--format", "vcard3")[1]
    assert "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:A1B2-C3\r\n" in out


def test_import_does_not_load_qt(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.vcf", GOOD)
    code = (
        "import sys\nfrom netdesk.__main__ import main\n"
        f"assert main(['--data-dir', {str(tmp_path)!r}, 'import', {good!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_sigkill_mid_import_leaves_the_database_unchanged(run, tmp_path: Path) -> None:
    run("import", _write(tmp_path, "first.vcf", GOOD))
    database = tmp_path / "data" / "netdesk.db"
    before = dump_database(database)
    big = tmp_path / "big.vcf"
    big.write_bytes(generate_vcards(6000))
    kill_mid_way(
        ["import", "--progress", str(big)],
        tmp_path / "data",
        lambda line: line.startswith("writing ") and not line.startswith("writing 0/"),
    )
    assert dump_database(database) == before


def test_import_ics_creates_then_updates_events(run, tmp_path: Path) -> None:
    from tests.formats.test_ics_events import SCHEDULE

    schedule = tmp_path / "schedule.ics"
    schedule.write_bytes(SCHEDULE)
    good = _write(tmp_path, "good.vcf", GOOD)
    code, out, _ = run("import", "--dry-run", str(schedule))
    assert code == 1
    assert out.startswith("events would be created: 4\nevents would be updated: 0\n")
    assert f"error: {schedule}, event 5: it has no start (DTSTART)" in out
    code, out, _ = run("import", str(schedule), good)
    assert code == 1
    assert "events created: 4\nevents updated: 0\n" in out and "\ncreated: 1\n" in out
    code, out, _ = run("import", "--json", str(schedule))
    result = json.loads(out)
    assert (len(result["created"]), len(result["updated"]), result["dry_run"]) == (0, 4, False)
    assert isinstance(result["batch_id"], int)
    assert run("import", str(tmp_path / "missing.ics"))[0] == 2


def test_import_lists_another_photo_as_kept_aside(run, tmp_path: Path) -> None:
    from tests.core.test_import_conflicts import JPEG, PNG, _with_photo

    first = tmp_path / "a.vcf"
    first.write_bytes(_with_photo(GOOD, PNG))
    run("import", str(first))
    other = tmp_path / "b.vcf"
    other.write_bytes(_with_photo(GOOD, JPEG))
    code, out, _ = run("import", str(other))
    assert code == 0 and "kept aside: 1\n" in out
    assert (
        f'kept aside: {other}, card 1 (Ann Lee): photo "JPEG photo, 1 KB", kept "PNG photo, 2 KB"'
    ) in out
    code, out, _ = run("import", "--json", "--on-conflict", "replace", str(other))
    result = json.loads(out)
    assert (result["merged"], result["kept_aside"]) == (1, 0)
    assert [(c["field"], c["there"], c["in_file"], c["choice"]) for c in result["conflicts"]] == [
        ("photo", "PNG photo, 2 KB", "JPEG photo, 1 KB", "replace")
    ]
    assert "kept aside: 0\n" in run("import", str(other))[1]


def test_import_ics_skips_devices_and_fifos_by_name(run, tmp_path: Path) -> None:
    """A FIFO or a symlink to /dev/zero named .ics is named and skipped unread (the FIFO would
    block, /dev/zero never ends); the other calendar still imports and the exit status is 1."""
    from tests.formats.test_ics_events import SCHEDULE

    schedule = tmp_path / "schedule.ics"
    schedule.write_bytes(SCHEDULE)
    fifo, zero = tmp_path / "pipe.ics", tmp_path / "zero.ics"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    code, out, _ = run("import", str(fifo), str(zero), str(schedule))
    assert code == 1
    skipped = "not a regular file: skipped without reading it"
    assert out.startswith(
        f"events created: 0\nevents updated: 0\nerror: {fifo}: a FIFO, {skipped}\n"
        f"events created: 0\nevents updated: 0\nerror: {zero}: a device, {skipped}\n"
        "events created: 4\n"
    )
    code, out, _ = run("import", "--json", str(zero))
    assert (code, json.loads(out)) == (
        1,
        {
            "dry_run": False,
            "file": str(zero),
            "created": [],
            "updated": [],
            "errors": [f"{zero}: a device, {skipped}"],
            "warnings": [],
            "batch_id": json.loads(out)["batch_id"],
        },
    )


def test_a_command_that_exits_2_imports_no_events_either(run, tmp_path: Path) -> None:
    from tests.formats.test_ics_events import SCHEDULE

    schedule = tmp_path / "schedule.ics"
    schedule.write_bytes(SCHEDULE)
    good = _write(tmp_path, "good.vcf", GOOD)
    code, out, err = run("import", str(schedule), good, str(tmp_path / "missing.vcf"))
    assert (code, out) == (2, "")
    assert "missing.vcf" in err
    assert run("import", str(tmp_path / "missing.ics"), good)[0] == 2
    code, out, _ = run("export", "--format", "ics")
    assert b"BEGIN:VEVENT" not in out.encode()
    assert "Ann Lee" not in run("export")[1]
    code, out, _ = run("import", "--json", str(schedule), good)
    events, contacts = out.split("\n", 1)
    assert json.loads(events)["batch_id"] != json.loads(contacts)["batch_id"]


def test_a_failed_schema_upgrade_is_reported_with_its_backup(run, tmp_path, monkeypatch) -> None:
    from netdesk.store import backup, migrations

    database = tmp_path / "data" / "netdesk.db"
    database.parent.mkdir()
    shutil.copyfile(Path(__file__).parents[1] / "store" / "fixtures" / "schema_v1.db", database)

    def broken(_database, _migrator) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, broken])
    code, out, err = run("export")
    assert (code, out) == (1, "")
    assert err.startswith("netdesk export: disk full")
    assert str(backup.generations(database)[0]) in err


def test_import_lists_job_changes_and_congratulates_unless_told_not_to(run, tmp_path: Path) -> None:
    def connections(name: str, company: str) -> str:
        return _write(
            tmp_path,
            name,
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            f"Ann,Lee,https://www.linkedin.com/in/annlee,,{company},CTO,\n",
        )

    run("import", connections("1.csv", "Acme"))
    code, out, _ = run("import", "--no-congratulate", connections("2.csv", "Globex"))
    assert code == 0 and "job change: Ann Lee: CTO at Acme → CTO at Globex\n" in out
    code, out, _ = run("import", "--json", connections("3.csv", "Initech"))
    (change,) = json.loads(out)["job_changes"]
    assert change == {"name": "Ann Lee", "from": "CTO at Globex", "to": "CTO at Initech"}
    code, out, _ = run("due", "--json")
    assert out.count("congratulate") == 1, "only the import without --no-congratulate"
