"""Issue 15's adversarial shapes at a small scale: exact results, bounded memory, values over the
limit left out with a warning (`python -m bench import_bounds` shows the scaling at 1×, 4×, 16×)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from netdesk.formats import vcard_lines, vcard_reader, vcard_text
from netdesk.formats.draft import ParseResult
from netdesk.formats.vcard_lines import split_cards
from netdesk.formats.vcard_reader import read_vcards
from netdesk.formats.vcard_text import logical_lines
from tests.testdata import shapes
from tests.testdata.vcards import generate_vcards


@pytest.fixture
def small_pieces(monkeypatch) -> None:
    """Files read 64 KB at a time, so these small shapes span many pieces."""
    monkeypatch.setattr(vcard_text, "PIECE", 64 * 1024)


def _transient(data: bytes) -> tuple[ParseResult, float]:
    """The result of reading `data`, and the most memory Python held meanwhile beyond what the
    result keeps, as a multiple of the file's size."""
    tracemalloc.start()
    try:
        result = read_vcards(data, "shape.vcf")
        kept, peak = tracemalloc.get_traced_memory()
        return result, (peak - kept) / len(data)
    finally:
        tracemalloc.stop()


def test_100000_categories_are_kept_once_each_in_order() -> None:
    data = shapes.categories(1)
    data += b"BEGIN:VCARD\nFN:Dup\nCATEGORIES:b,a\nCATEGORIES:a,c,b\nEND:VCARD\n"
    result = read_vcards(data, "c.vcf")
    assert result.drafts[0].tags == [f"t{i}" for i in range(100_000)]
    assert result.drafts[1].tags == ["b", "a", "c"]


def test_a_long_chain_of_quoted_printable_soft_breaks(small_pieces) -> None:
    data = shapes.quoted_printable_chain(1 / 16)
    result, transient = _transient(data)
    assert result.drafts[0].notes == "ab" * (int(7_000_000 / 16) // 5) + "end"
    assert transient < 6  # 87,000 lines at once and a piece each: 14 times the file


def test_a_folded_21_photo_is_joined_once(small_pieces) -> None:
    data = shapes.folded_photo(1 / 16)
    result, transient = _transient(data)
    assert result.drafts[0].photo == b"ABC" * data.count(b"QUJD") and not result.warnings
    assert transient < 3


def test_a_percent_encoded_data_uri_is_decoded_in_pieces(small_pieces) -> None:
    data = shapes.percent_data_uri(1 / 16)
    result, transient = _transient(data)
    assert result.drafts[0].photo == b"\xff\xd8\x00\x7f" * data.count(b"%FF%D8")
    assert transient < 5  # unquote_to_bytes of the whole value: 77 times the file


def test_a_network_file_is_read_a_piece_at_a_time(small_pieces) -> None:
    data = generate_vcards(2_000)
    result, transient = _transient(data)
    assert len(result.drafts) == 2_000
    assert transient < 1  # every line of the file at once, then its cards: 5 times the file


@pytest.mark.parametrize("piece", [1, 7, 64, 1000])
def test_pieces_give_the_same_cards_as_one_piece(
    monkeypatch, piece: int, corpus_files: list[Path]
) -> None:
    samples = [generate_vcards(30), shapes.quoted_printable_chain(1 / 20_000)]
    samples += [shapes.folded_photo(1 / 20_000), shapes.members(1 / 10_000)]
    samples += [p.read_bytes() for p in corpus_files if p.suffix == ".vcf"]
    samples.append(b"BEGIN:VCARD\rFN:Mac\rNOTE;QUOTED-PRINTABLE:a=\r=\rb\rEND:VCARD\r")
    whole = [list(split_cards(list(logical_lines(sample)))) for sample in samples]
    monkeypatch.setattr(vcard_text, "PIECE", piece)
    assert [list(split_cards(list(logical_lines(sample)))) for sample in samples] == whole


def test_a_value_over_the_limit_is_left_out_with_a_warning(monkeypatch) -> None:
    monkeypatch.setattr(vcard_lines, "MAX_VALUE_CHARS", 1000)
    monkeypatch.setattr(vcard_reader, "MAX_VALUE_CHARS", 1000)
    data = b"".join(
        [
            b"BEGIN:VCARD\nFN:Long line\nPHOTO:data:image/jpeg," + b"%FF" * 400 + b"\nEND:VCARD\n",
            shapes.folded_photo(1 / 4000).replace(b"FN:Shape", b"FN:Run"),
            shapes.quoted_printable_chain(1 / 1000).replace(b"FN:Shape", b"FN:Chain"),
            b"BEGIN:VCARD\nFN:Small\nPHOTO:data:image/jpeg,%FF%D8\nEND:VCARD\n",
        ]
    )
    result = read_vcards(data, "big.vcf")
    assert [(d.full_name(), d.photo, d.notes) for d in result.drafts] == [
        ("Long line", None, ""),
        ("Run", None, ""),
        ("Chain", None, ""),
        ("Small", b"\xff\xd8", ""),
    ]
    assert [(w.card, w.reason) for w in result.warnings] == [
        (1, "its PHOTO is over 0 MB and was left out; the rest of the card imports"),
        (2, "its PHOTO is over 0 MB and was left out; the rest of the card imports"),
        (3, "its NOTE is over 0 MB and was left out; the rest of the card imports"),
    ]
