"""Interactions as VJOURNAL text: what an interaction says reads back the same, an edit keeps
what another client wrote (and its time zone while the time is unchanged), another client's
entry is read as a diary app means it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from netdesk.formats.vjournal import JournalFields, parse_journal, render_journal

STAMP = datetime(2026, 12, 2, 20, 0)
MET = JournalFields(
    occurred_at=datetime(2026, 3, 10, 9, 30),
    note="Talked about; the payments team,\nand Lisbon",
    contact="ana@example.org",
    channel="in person",
    direction="received",
    give_kind="introduction",
    introduced_b="ben@example.org",
    event="pycon-2026@netdesk",
)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize("fields", [MET, JournalFields(datetime(2026, 1, 1, 0, 0))])
def test_what_an_interaction_says_reads_back_the_same(fields: JournalFields) -> None:
    text = render_journal(fields, "Ana Lima", "j-1@netdesk", STAMP)
    parsed = parse_journal(text)
    assert (parsed.uid, parsed.fields) == ("j-1@netdesk", fields)


def test_the_entry_says_when_with_whom_and_what_in_standard_properties() -> None:
    lines = _lines(render_journal(MET, "Ana Lima", "j-1@netdesk", STAMP))
    assert "BEGIN:VJOURNAL" in lines and "DTSTART:20260310T093000Z" in lines
    assert "SUMMARY:In person — Ana Lima" in lines
    assert "DESCRIPTION:Talked about\\; the payments team\\,\\nand Lisbon" in lines
    assert "X-NETDESK-CONTACT:ana@example.org" in lines
    assert "X-NETDESK-INTRODUCED-B:ben@example.org" in lines
    assert not any(line.startswith("X-NETDESK-INTRODUCED-A") for line in lines)
    assert "X-NETDESK-EVENT:pycon-2026@netdesk" in lines
    assert not any(line.startswith("RELATED-TO") for line in lines)


OTHER = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Diary//EN\r\nBEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Lisbon\r\nBEGIN:STANDARD\r\nDTSTART:19961027T020000\r\nTZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VJOURNAL\r\nUID:diary-1\r\n"
    "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Lisbon:20260115T120000\r\n"
    "SUMMARY:Lunch\r\nDESCRIPTION:Lunch with Ana\r\nSEQUENCE:3\r\nCATEGORIES:work\r\n"
    "X-DIARY-MOOD:good\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n"
)


def test_another_clients_entry_reads_its_time_in_utc_and_says_nothing_of_netdesks() -> None:
    parsed = parse_journal(OTHER)
    assert parsed.fields == JournalFields(datetime(2026, 1, 15, 12, 0), note="Lunch with Ana")


def test_an_edit_keeps_what_another_client_wrote_and_its_zone_while_the_time_stays() -> None:
    base = parse_journal(OTHER).fields
    mine = replace(base, contact="ana@example.org", channel="coffee", note="Lunch: Lisbon")
    lines = _lines(render_journal(mine, "Ana Lima", "diary-1", STAMP, OTHER, base))
    assert "DTSTART;TZID=Europe/Lisbon:20260115T120000" in lines
    assert "CATEGORIES:work" in lines and "X-DIARY-MOOD:good" in lines
    assert "SEQUENCE:4" in lines and "DESCRIPTION:Lunch: Lisbon" in lines
    assert "X-NETDESK-KIND:coffee" in lines
    moved = replace(mine, occurred_at=datetime(2026, 1, 16, 8, 0))
    lines = _lines(render_journal(moved, "Ana Lima", "diary-1", STAMP, OTHER, base))
    assert "DTSTART:20260116T080000Z" in lines


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("not a calendar", "not iCalendar"),
        (OTHER.replace("VJOURNAL", "VTODO"), "no journal entry"),
        (OTHER.replace("DTSTART;TZID=Europe/Lisbon:20260115T120000\r\n", ""), "no time"),
    ],
)
def test_what_is_no_journal_entry_is_refused_in_words(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_journal(text)


def test_an_entry_without_a_name_is_summed_up_by_its_channel_and_stamped_in_utc() -> None:
    lines = _lines(render_journal(MET, "", "j", STAMP))
    assert "DTSTAMP:20261202T200000Z" in lines and "SUMMARY:in person" in lines
