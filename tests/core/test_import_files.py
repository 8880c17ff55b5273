"""Which files an import reads: regular files only, within the size limit."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from netdesk.formats import sources
from netdesk.store.models import Contact

ANN = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.test\nEND:VCARD\n"
SKIPPED = "not a regular file: skipped without reading it"


@pytest.fixture
def special_folder(tmp_path: Path) -> Path:
    """A dropped folder with one good card, a FIFO, a socket and symlinks to a device."""
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.vcf").write_text(ANN)
    os.mkfifo(folder / "fifo.vcf")
    (folder / "zero.vcf").symlink_to("/dev/zero")
    (folder / "null.csv").symlink_to("/dev/null")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "sock.vcf"))
    yield folder
    listener.close()


def test_devices_fifos_and_sockets_are_named_and_skipped(services, special_folder) -> None:
    plan = services.importing.plan([special_folder])
    assert [card.draft.full_name() for card in plan.new] == ["Ann Lee"]
    assert [(Path(e.file).name, e.card, e.reason) for e in plan.errors] == [
        ("fifo.vcf", 0, f"a FIFO, {SKIPPED}"),
        ("null.csv", 0, f"a device, {SKIPPED}"),
        ("sock.vcf", 0, f"a socket, {SKIPPED}"),
        ("zero.vcf", 0, f"a device, {SKIPPED}"),
    ]
    assert plan.unreadable == []  # the others still import
    services.importing.apply(plan)
    assert [c.display_name for c in Contact.select()] == ["Ann Lee"]


def test_a_device_named_on_its_own_is_refused_without_reading(services) -> None:
    plan = services.importing.plan(["/dev/zero"])
    assert [(e.file, e.reason) for e in plan.errors] == [("/dev/zero", f"a device, {SKIPPED}")]


def test_a_file_over_the_size_limit_is_refused(services, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 2 * len(ANN))
    monkeypatch.setattr(sources, "_TOO_LARGE", "over the limit")
    (tmp_path / "small.vcf").write_text(ANN)
    (tmp_path / "large.vcf").write_text(ANN * 3)
    plan = services.importing.plan([tmp_path / "small.vcf", tmp_path / "large.vcf"])
    assert len(plan.new) == 1
    assert [(Path(e.file).name, e.reason) for e in plan.errors] == [("large.vcf", "over the limit")]
    with pytest.raises(sources.NotImported, match="over the limit"):
        sources.read_file_bytes(tmp_path / "large.vcf")


def test_the_size_limit_message() -> None:
    assert sources._TOO_LARGE == "the file is over the 256 MB import limit: skipped"


def test_calendar_files_pass_the_same_check(services, tmp_path, monkeypatch) -> None:
    """.ics files are read as contact files are: a socket, a FIFO or a device is named and
    skipped unread, a file over the limit refused; the other calendars still import."""
    from tests.formats.test_ics_events import SCHEDULE

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", len(SCHEDULE))
    monkeypatch.setattr(sources, "_TOO_LARGE", "over the limit")
    (tmp_path / "schedule.ics").write_bytes(SCHEDULE)
    (tmp_path / "large.ics").write_bytes(SCHEDULE + b"\n")
    os.mkfifo(tmp_path / "fifo.ics")
    (tmp_path / "zero.ics").symlink_to("/dev/zero")
    names = ("fifo.ics", "large.ics", "schedule.ics", "zero.ics")
    summaries = services.event_import.import_files([tmp_path / name for name in names])
    assert [(len(s.created), s.errors) for s in summaries[:2] + summaries[3:]] == [
        (0, [f"{tmp_path / 'fifo.ics'}: a FIFO, {SKIPPED}"]),
        (0, [f"{tmp_path / 'large.ics'}: over the limit"]),
        (0, [f"{tmp_path / 'zero.ics'}: a device, {SKIPPED}"]),
    ]
    assert len(summaries[2].created) == 4
