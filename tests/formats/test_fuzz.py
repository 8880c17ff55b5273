"""Random and mutated cards and CSV rows: only the readers' own per-card errors come out (any
other exception fails the test: `strict`), and each card is quick."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from netdesk.formats.csv_reader import read_csv
from netdesk.formats.draft import ParseResult
from netdesk.formats.sources import read_contacts
from netdesk.formats.surprises import strict
from netdesk.formats.vcard_reader import read_vcards

SEED_CARD = (
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=BC;A=\r\n"
    b'b\r\nitem1.TEL;TYPE="cell,voice":+1 555\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n'
    b"PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ\r\n ==\r\n\r\nPHOTO:data:image/png;base64,iVBO\r\n"
    b"ADR;HOME:;;1 St\\;x;Town;;;UK\r\nCATEGORIES:a,b\\,c\r\nBDAY:--0229\r\nEND:VCARD\r\n"
)
SEED_CSV = (
    b"Notes:\nx\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"A,B,https://linkedin.com/in/a,a@b,Co,T,12 Mar 2024\n"
)
TOKENS = st.sampled_from(
    [
        b"BEGIN:VCARD",
        b"END:VCARD",
        b"\r\n",
        b"\n",
        b"\r",
        b" ",
        b"=",
        b";",
        b":",
        b",",
        b"\\",
        b'"',
        b"ENCODING=QUOTED-PRINTABLE",
        b"CHARSET=",
        b"item1.",
        b"PHOTO",
        b"data:",
        b"\xff",
        b"\xc3",
        b"\x00",
        b"=\r\n",
        b"TYPE=",
        b"VERSION:4.0",
        b"--",
        b"* ",
        b" ::: ",
    ]
)


def _check(read: Callable[[bytes, str], ParseResult], data: bytes, name: str) -> None:
    started = time.perf_counter()
    with strict():
        result = read(data, name)
    cards = max(1, data.upper().count(b"BEGIN:VCARD") + data.count(b"\n") // 2)
    assert time.perf_counter() - started < cards * 1.0
    for error in result.errors:
        assert error.reason and error.file


def _mutate(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for position, drop, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + drop] = insert
    return bytes(data)


EDITS = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 4), TOKENS | st.binary(max_size=4)),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(EDITS)
def test_mutated_vcards(edits: list[tuple[int, int, bytes]]) -> None:
    data = _mutate(SEED_CARD * 2, edits)
    _check(read_vcards, data, "fuzz.vcf")


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS | st.binary(max_size=8), max_size=60))
def test_random_token_soup(parts: list[bytes]) -> None:
    data = b"".join(parts)
    for name in ("soup.vcf", "soup.csv", "soup"):
        _check(read_contacts, data, name)


@settings(max_examples=200, deadline=None)
@given(EDITS)
def test_mutated_csv(edits: list[tuple[int, int, bytes]]) -> None:
    data = _mutate(SEED_CSV, edits)
    _check(read_csv, data, "fuzz.csv")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_random_text_cards(text: str) -> None:
    data = f"BEGIN:VCARD\nFN:{text}\nNOTE:{text}\nN:{text}\nADR:{text}\nEND:VCARD\n".encode()
    _check(read_vcards, data, "t.vcf")


HEADERS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Address 1 - Street,Birthday",
    "First Name,Last Name,E-mail Address,Mobile Phone,Company,Birthday,Home Street",
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(HEADERS), st.lists(st.lists(st.text(max_size=30), max_size=12), max_size=8))
def test_random_csv_rows(header: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([header.split(","), *rows])
    data = out.getvalue().encode("utf-8", errors="surrogatepass")
    _check(read_csv, data, "rows.csv")


ICS_TOKENS = st.sampled_from(
    [
        b"BEGIN:VEVENT\r\n",
        b"END:VEVENT\r\n",
        b"END:VCALENDAR\r\n",
        b"RRULE:FREQ=DAILY;COUNT=3\r\n",
        b"RECURRENCE-ID:20270105T190000\r\n",
        b"EXDATE:20270105T190000\r\n",
        b"DTSTART;VALUE=DATE:20260101\r\n",
        b"DURATION:PT1H\r\n",
        b"TZID=Europe/Berlin",
        b"\r\n ",
        b";",
        b":",
        b"\xff",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 6), ICS_TOKENS), max_size=10))
def test_mutated_calendars(edits: list[tuple[int, int, bytes]]) -> None:
    from datetime import date

    from netdesk.formats.ics_events import read_ics
    from tests.formats.test_ics_events import SERIES

    data = _mutate(SERIES, edits)
    with strict():
        result = read_ics(data, "fuzz.ics", today=date(2026, 11, 29))
    assert all(error.startswith("fuzz.ics") for error in result.errors + result.warnings)
