"""Sync cards: NetDesk-only fields travel as X-NETDESK-*, other clients' lines are kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.core.contacts import stored_form
from netdesk.core.sync_merge import same
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_reader import YEARLESS
from netdesk.formats.vcard_sync import parse_card, render_card
from tests.formats.strategies import contacts

_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_netdesk_only_fields_round_trip() -> None:
    draft = ContactDraft(given_name="Ann", family_name="Lee", circle="mentor", cadence_days=30)
    text = render_card(draft)
    assert "X-NETDESK-CIRCLE:mentor\r\n" in text and "X-NETDESK-CADENCE-DAYS:30\r\n" in text
    back = parse_card(text).draft
    assert (back.circle, back.cadence_days, back.given_name) == ("mentor", 30, "Ann")


def test_lines_netdesk_does_not_read_are_kept_and_written_again() -> None:
    card = parse_card(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Ann Lee\nX-PHONETIC-FIRST-NAME:An\n"
        "item1.X-ABRELATEDNAMES:Bo\nitem1.X-ABLabel:brother\nitem2.EMAIL:a@b.example\n"
        'item2.X-ABLabel:Old\nNOTE:line one\\nline two\nRELATED;TYPE="friend,co-worker":'
        "urn:uuid:1\nEND:VCARD\n"
    )
    assert card.kept == [
        "X-PHONETIC-FIRST-NAME:An",
        "kept1.X-ABRELATEDNAMES:Bo",
        "kept1.X-ABLABEL:brother",
        "RELATED;TYPE=friend,co-worker:urn:uuid:1",
    ]
    assert card.draft.notes == "line one\nline two"
    text = render_card(card.draft, card.kept)
    assert text.endswith("RELATED;TYPE=friend,co-worker:urn:uuid:1\r\nEND:VCARD\r\n")
    again = parse_card(text)
    assert again.kept == card.kept and again.draft.methods == card.draft.methods


def test_text_without_a_card_is_refused() -> None:
    with pytest.raises(ValueError, match="no vCard"):
        parse_card("hello")


@settings(max_examples=50, deadline=None)
@given(contacts(1), st.text(max_size=12), st.none() | st.integers(1, 999))
def test_a_card_as_3_0_reads_back_as_4_0_does(draft, circle, cadence) -> None:
    draft = replace(stored_form(draft), circle=circle.strip(), cadence_days=cadence)
    as_4 = parse_card(render_card(draft)).draft
    text = render_card(draft, version="3.0")
    assert "\r\nVERSION:3.0\r\n" in text
    assert same(parse_card(text).draft, as_4)


def test_a_3_0_card_keeps_a_yearless_birthday_a_photo_and_other_clients_lines() -> None:
    draft = ContactDraft(
        given_name="Ann", birthday=date(YEARLESS, 3, 11), photo=_PNG, circle="mentor"
    )
    card = parse_card(render_card(draft, ["X-PHONETIC-FIRST-NAME:An"], "3.0"))
    assert card.draft.birthday == date(YEARLESS, 3, 11)
    assert card.draft.photo == _PNG and card.draft.circle == "mentor"
    assert card.kept == ["X-PHONETIC-FIRST-NAME:An"]
