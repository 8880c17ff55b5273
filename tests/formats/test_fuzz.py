"""Random and mutated cards and CSV rows: only the readers' own per-card errors come out (any
other exception fails the test: `strict`), and reading takes work linear in the input (calls
counted, not time)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable

import pytest
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


class TooMuchWork(BaseException):
    """Raised inside a reader that made more calls than its budget (a BaseException, so no
    reader's safety net takes it for a bad card)."""


def _check(read: Callable[[bytes, str], ParseResult], data: bytes, name: str) -> None:
    """Read `data` strictly, counting the function calls made (Python's and C's) instead of
    timing it: a count does not depend on the machine's load. The budget is linear in the
    input (the readers make 1-20 calls a byte, plus up to ~9,000 filling their caches), so a
    quadratic walk over these inputs of up to ~1.5 KB (a million steps) exceeds it, and a
    reader that never ends is stopped there."""
    budget = 50_000 + 100 * len(data)
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1
            if calls > budget:
                raise TooMuchWork(f"over {budget:,} calls reading {len(data):,} bytes")

    sys.setprofile(count)
    try:
        with strict():
            result = read(data, name)
    finally:
        sys.setprofile(None)
    for error in result.errors:
        assert error.reason and error.file


def test_the_work_count_stops_a_quadratic_or_endless_reader() -> None:
    def quadratic(data: bytes, name: str) -> ParseResult:
        for end in range(len(data)):
            [data.find(b, 0, end) for b in data[:end]]  # a rescan of the start for every byte
        return ParseResult(name)

    def endless(data: bytes, name: str) -> ParseResult:
        while True:
            data.upper()

    data = bytes(range(256)) * 6  # 1.5 KB, the largest inputs here
    with pytest.raises(TooMuchWork):
        _check(quadratic, data, "q.vcf")
    with pytest.raises(TooMuchWork):
        _check(endless, b"", "e.vcf")
    _check(lambda data, name: ParseResult(name, errors=[]), data, "ok.vcf")


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
