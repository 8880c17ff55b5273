"""The content-line parser's fast paths give exactly what its general path gives."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.formats import vcard_lines, vcard_text
from netdesk.formats.vcard_lines import split_cards
from netdesk.formats.vcard_text import logical_lines
from tests.testdata.vcards import generate_vcards

from .test_fuzz import EDITS, SEED_CARD, _mutate


def _same_both_ways(data: bytes) -> None:
    lines = list(logical_lines(data))
    assert list(split_cards(lines)) == list(split_cards(lines, fast=False))
    if not data.startswith(b"\xef\xbb\xbf") and vcard_text.unicode_text(data) is None:
        fallback = vcard_text._fallback_charset(data)  # whole-file UTF-8 == bytes unfolding
        assert lines == vcard_text._whole(vcard_text._decode_lines(data, fallback))


def test_fast_path_on_the_corpus(corpus_files: list[Path]) -> None:
    files = [path for path in corpus_files if path.suffix == ".vcf"]
    assert len(files) >= 22
    for path in files:
        _same_both_ways(path.read_bytes())


def test_fast_path_on_generated_cards() -> None:
    data = generate_vcards(300)
    _same_both_ways(data)
    cards = list(split_cards(list(logical_lines(data))))
    assert len(cards) == 300 and all(len(c.props) == 10 and not c.problem for c in cards)


LINE_PARTS = st.sampled_from(
    ["FN", "fn", "EMAIL", "TEL", "item1.", "X-ABLabel", ";TYPE=", "CELL", ",", '"', ":", "=",
     "d", "D", " ", "\t", "\u3000", "\u00a0", "VCARD", "END", "BEGIN", "#", "é", "\\", ";"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(LINE_PARTS | st.text(max_size=3), max_size=8), max_size=12))
def test_fast_path_on_random_lines(lines: list[list[str]]) -> None:
    body = "\r\n".join("".join(parts) for parts in lines)
    _same_both_ways(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n".encode())


@settings(max_examples=200, deadline=None)
@given(EDITS)
def test_fast_path_on_mutated_cards(edits: list[tuple[int, int, bytes]]) -> None:
    _same_both_ways(_mutate(SEED_CARD * 2, edits))


def test_slow_line_endings_cover_every_character_that_matters() -> None:
    """A line can be BEGIN/END:VCARD (after strip and upper-casing) only if it ends in one."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.isspace() or char.upper().endswith("D"):
            assert char in vcard_lines._SLOW_ENDS, hex(point)


def test_fast_path_on_odd_parameter_heads() -> None:
    odd = ["TEL;:1", "TEL;;TYPE=cell:2", "item1.TEL;:3", "EMAIL;TYPE=:a@b", "tel;type=CELL:4",
           "EMAIL;X=a.b:c", "N;CHARSET=x:y", "NOTE;ENCODING=QUOTED-PRINTABLE:a=3Db"]  # fmt: skip
    _same_both_ways(("BEGIN:VCARD\n" + "\n".join(odd) + "\nEND:VCARD\n").encode())
