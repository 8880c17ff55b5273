"""Cards other address books would keep: cut short, missing BEGIN, photos without ENCODING."""

from __future__ import annotations

import base64

from netdesk.formats.draft import ParseResult
from netdesk.formats.vcard_reader import read_vcards

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(60))


def _read(text: str) -> tuple[ParseResult, list[str]]:
    result = read_vcards(text.encode(), "s.vcf")
    return result, [d.full_name() for d in result.drafts]


def _warnings(result: ParseResult) -> list[tuple[int, str]]:
    return [(w.card, w.reason) for w in result.warnings]


def test_cards_cut_short_import_with_a_warning_naming_what_is_missing() -> None:
    result, names = _read(
        "BEGIN:VCARD\nFN:Good One\nEND:VCARD\n"
        "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Cut\nTEL:+44 20 7946 0000\nBEGIN:VCARD\nFN:Good Two\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Never ends\nEMAIL:never@ends.test\n"
    )
    assert names == ["Good One", "Cut", "Good Two", "Never ends"]
    assert result.drafts[1].methods[0].value == "+44 20 7946 0000"
    assert result.drafts[3].methods[0].value == "never@ends.test"
    assert [(e.card, e.reason) for e in result.errors] == [
        (2, "the card has no name, organisation, email or phone")
    ]
    assert _warnings(result) == [
        (3, "the card has no END:VCARD before the next BEGIN:VCARD; imported what it has"),
        (5, "the card has no END:VCARD (the file is cut short); imported what it has"),
    ]


def test_cards_without_begin_import_with_a_warning() -> None:
    result, names = _read(
        "VERSION:3.0\r\nFN:No Begin\r\nEMAIL:nb@x.test\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:Whole\r\nEND:VCARD\r\n"
        "N:Lone;Line;;;\r\nTEL:123\r\n"
    )
    assert names == ["No Begin", "Whole", "Line Lone"]
    assert not result.errors
    assert _warnings(result) == [
        (1, "the card has no BEGIN:VCARD; imported what it has"),
        (3, "the card has no BEGIN:VCARD; imported what it has"),
        (3, "the card has no END:VCARD (the file is cut short); imported what it has"),
    ]


def test_text_around_cards_that_is_no_property_is_not_a_card() -> None:
    result, names = _read(
        "Exported contacts\nSubject: my address book\n\nBEGIN:VCARD\nFN:Ann\nEND:VCARD\nbye\n"
    )
    assert names == ["Ann"] and not result.errors and not result.warnings
    nothing = read_vcards(b"hello\nworld: 1\n", "x.vcf")
    assert [(e.card, e.reason) for e in nothing.errors] == [
        (0, "no vCard found (no BEGIN:VCARD line)")
    ]


def test_a_fragment_without_name_email_or_phone_is_an_error_naming_what_is_missing() -> None:
    result, names = _read("NOTE:just a note\nEND:VCARD\n")
    assert names == []
    assert [(e.card, e.reason) for e in result.errors] == [
        (1, "the card has no name, organisation, email or phone (no BEGIN:VCARD)")
    ]


def test_base64_photo_without_encoding_parameter_is_recognised() -> None:
    b64 = base64.b64encode(JPEG).decode()
    folded = "\r\n ".join(b64[i : i + 70] for i in range(0, len(b64), 70))
    png = base64.b64encode(b"\x89PNG..").decode()
    result, names = _read(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo\r\nPHOTO;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Png\r\nPHOTO:{png}"
        "\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Text\r\nPHOTO:aGVsbG8gd29ybGQ=\r\nEND:VCARD\r\n"
    )
    assert names == ["Jo", "Png", "Text"]
    assert [d.photo for d in result.drafts] == [JPEG, b"\x89PNG..", None]
    assert _warnings(result) == [
        (3, "its photo could not be read (damaged, or a link to a local file); the rest of the "
         "card imports")
    ]  # fmt: skip
