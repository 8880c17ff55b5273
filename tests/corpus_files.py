"""The corpus of real contact files: the ones committed under tests/corpus/ (their licences allow
it), plus the others of the shared corpus (../shared/corpus/) where that folder exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.formats.draft import ParseResult
from netdesk.formats.sources import read_contacts, read_file_bytes

COMMITTED = Path(__file__).resolve().parent / "corpus"
_ROOT = COMMITTED.parent.parent
SHARED_CANDIDATES = (_ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))
SUFFIXES = (".vcf", ".csv")


def shared_dir() -> Path | None:
    """The shared corpus folder, or None on a clone without it."""
    return next((c for c in SHARED_CANDIDATES if c.is_dir()), None)


def _files(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.suffix in SUFFIXES}


def corpus_paths() -> list[Path]:
    """Every corpus file there is here, by name: committed ones first choice."""
    shared = shared_dir()
    found = {**(_files(shared) if shared else {}), **_files(COMMITTED)}
    return [found[name] for name in sorted(found)]


def corpus_file(name: str) -> Path:
    """One corpus file by name; skips the test where it is only in an absent shared corpus."""
    for folder in (COMMITTED, shared_dir()):
        if folder is not None and (folder / name).is_file():
            return folder / name
    pytest.skip(f"{name} is only in ../shared/corpus/, which is absent here")


def read_corpus_file(path: Path) -> ParseResult:
    """A corpus file read as the importer reads a file (size limit included)."""
    return read_contacts(read_file_bytes(path), str(path))
