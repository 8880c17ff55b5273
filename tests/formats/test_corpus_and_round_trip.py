"""Corpus files keep their good cards; writing and re-reading keeps every field (how many cards
each corpus file gives is tests/core/test_corpus_table.py's table)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.formats.vcard_writer import write_vcards
from tests.corpus_files import corpus_file, read_corpus_file

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3


def test_malformed_corpus_files_keep_their_good_cards() -> None:
    large = read_corpus_file(corpus_file("FolkerKinzel__VCards__LargeFile.vcf"))
    assert len(large.drafts) == 1000 and not large.errors
    iphone = read_corpus_file(corpus_file("mangstadt__ez-vcard__John_Doe_IPHONE.vcf")).drafts[0]
    assert iphone.photo and iphone.photo.startswith(b"\xff\xd8")


def test_a_card_cut_short_is_salvaged_with_a_warning() -> None:
    cut = read_corpus_file(corpus_file("GNOME__evolution-data-server__9.vcf"))
    assert [d.full_name() for d in cut.drafts] == ["Frank Dawson"] and not cut.errors
    assert [(w.card, w.reason) for w in cut.warnings] == [
        (1, "the card has no END:VCARD (the file is cut short); imported what it has")
    ]


ROUND_TRIP_FIELDS = (
    "given_name",
    "family_name",
    "additional_names",
    "prefix",
    "suffix",
    "nickname",
    "organisation",
    "department",
    "title",
    "birthday",
    "notes",
    "how_met",
    "photo",
    "photo_url",
    "uid",
    "revision",
    "is_group",
)


def _comparable(draft: ContactDraft) -> tuple:
    methods = sorted(
        (m.kind, m.value, m.label.lower().replace("cell", "mobile"), m.service, m.preferred)
        for m in draft.methods
    )
    name = draft.full_name() or next((m.value for m in draft.methods_of("email")), "")
    values = tuple(getattr(draft, f) for f in ROUND_TRIP_FIELDS)
    return (name, *values, tuple(sorted(draft.tags)), tuple(methods))


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_round_trip_of_the_corpus(corpus_files: list[Path], version: str) -> None:
    for path in corpus_files:
        if path.suffix != ".vcf":
            continue
        drafts = read_corpus_file(path).drafts
        if not drafts:
            continue
        again = read_vcards(write_vcards(drafts, version).encode(), "again.vcf")
        assert not again.errors, (path.name, again.errors)
        assert [_comparable(d) for d in again.drafts] == [_comparable(d) for d in drafts], path


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_round_trip_of_a_full_contact(version: str) -> None:
    draft = ContactDraft(
        given_name="Zoë",
        family_name="O'Brien; Jr",
        additional_names="M",
        prefix="Dr.",
        suffix="PhD",
        display_name="Dr. Zoë O'Brien",
        nickname="Zo",
        organisation="Acme, Inc.",
        department="R&D",
        title="CTO",
        birthday=date(1604, 2, 29),
        notes="line 1\nline, 2; \\",
        how_met="PyCon",
        photo=PNG,
        tags=["a,b", "c"],
        uid="urn:uuid:x",
        revision="2024",
        source="vcard",
    )
    draft.methods = [
        MethodDraft("email", "z@x.test", "work", preferred=True),
        MethodDraft("phone", "+44 20 7946 0000", "mobile"),
        MethodDraft("phone", "123", "Assistant"),
        MethodDraft(
            "address", "1 Main St, Town", "home", parts=("", "", "1 Main St", "Town", "", "", "")
        ),
        MethodDraft("url", "https://zoe.example", ""),
        MethodDraft("profile", "https://www.linkedin.com/in/zoe", service="linkedin"),
        MethodDraft("profile", "xmpp:zoe@x.test", service="jabber"),
    ]
    back = read_vcards(write_vcards([draft], version).encode(), "x.vcf").drafts[0]
    assert _comparable(back) == _comparable(draft)
    assert back.photo == PNG
