"""CSV reading (LinkedIn, Google current and legacy, Outlook) and Google-style CSV writing."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from netdesk.formats.csv_reader import read_csv
from netdesk.formats.csv_writer import write_csv
from netdesk.formats.draft import ContactDraft, MethodDraft

LINKEDIN = (
    '\ufeffNotes:\r\n"When exporting, some emails are hidden."\r\n\r\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Ann,Lee,https://www.linkedin.com/in/annlee,ann@x.test,Acme,CTO,12 Mar 2024\r\n"
    "Bob,Ray,https://www.linkedin.com/in/bobray,,Initech,Dev,01 Jan 2020\r\n"
)


def test_linkedin_header_found_after_preamble() -> None:
    result = read_csv(LINKEDIN.encode("utf-8"), "Connections.csv")
    assert not result.errors
    ann, bob = result.drafts
    assert (ann.given_name, ann.organisation, ann.title) == ("Ann", "Acme", "CTO")
    assert ann.connected_on == date(2024, 3, 12)
    assert [(m.kind, m.service) for m in ann.methods] == [("email", ""), ("profile", "linkedin")]
    assert ann.source == "linkedin" and bob.methods[0].kind == "profile"


def test_google_current_multi_values_and_primary() -> None:
    data = (
        "First Name,Last Name,Organization Name,Labels,E-mail 1 - Label,E-mail 1 - Value,"
        "Phone 1 - Label,Phone 1 - Value\n"
        "Ann,Lee,Acme,* myContacts ::: Friends,* Work,ann@x.test ::: ann@y.test,Mobile,+44 1\n"
    )
    draft = read_csv(data.encode(), "google.csv").drafts[0]
    emails = draft.methods_of("email")
    assert [(m.value, m.label, m.preferred) for m in emails] == [
        ("ann@x.test", "work", True),
        ("ann@y.test", "work", False),
    ]
    assert draft.tags == ["Friends"] and draft.methods_of("phone")[0].label == "mobile"


def test_google_legacy_and_outlook_cp1252() -> None:
    legacy = "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\nZoë Z,Zoë,Z,* ,z@x\n"
    draft = read_csv(legacy.encode("cp1252"), "g.csv").drafts[0]
    assert (draft.display_name, draft.given_name) == ("Zoë Z", "Zoë")
    outlook = "First Name,Last Name,E-mail Address,Mobile Phone,Company\nA,B,a@b,123,Co\n"
    draft = read_csv(outlook.encode("utf-16"), "o.csv").drafts[0]
    assert [m.kind for m in draft.methods] == ["email", "phone"] and draft.source == "outlook"


def test_non_contact_files_are_refused() -> None:
    for data in (b"a\tb\tc\n1\t2\t3\n", b"BEGIN:VCALENDAR\nEND:VCALENDAR\n", b"Name,Age\nx,1\n"):
        result = read_csv(data, "x.csv")
        assert result.drafts == [] and result.errors[0].card == 0


def test_rows_without_identity_are_errors() -> None:
    data = "First Name,Last Name,Company,Position,Connected On\nA,,,,\n,,,,x\n"
    result = read_csv(data.encode(), "c.csv")
    assert len(result.drafts) == 1 and result.errors[0].card == 2


def test_writer_neutralises_formulas_but_not_phones() -> None:
    draft = ContactDraft(given_name="=cmd()", family_name="@x", organisation="-1+1")
    draft.tags = ["a", "b"]
    draft.methods = [
        MethodDraft("phone", "+44 20 7946 0000", "mobile", preferred=True),
        MethodDraft("phone", "=HYPERLINK(1)", "work"),
        MethodDraft("email", "a@x.test", "work"),
    ]
    text = write_csv([draft])
    row = text.splitlines()[1]
    assert row.startswith("'=cmd(),,'@x,,,,,'-1+1,")
    assert ",* mobile,+44 20 7946 0000,work,'=HYPERLINK(1)" in row  # a phone is no formula
    back = read_csv(text.encode(), "out.csv").drafts[0]
    assert (back.given_name, back.family_name, back.organisation) == ("=cmd()", "@x", "-1+1")
    assert [(m.kind, m.value, m.preferred) for m in back.methods] == [
        ("email", "a@x.test", False),
        ("phone", "+44 20 7946 0000", True),
        ("phone", "=HYPERLINK(1)", False),
    ]
    assert back.tags == ["a", "b"]


@pytest.mark.parametrize(
    "note", ["\t=1+1", "'=x", "''+1", "'", "'plain", "=1", "\r\n-x", "@", " =x ", "  "]
)
def test_the_reader_takes_away_exactly_what_the_writer_added(note: str) -> None:
    draft = ContactDraft(given_name="Ann", notes=note)
    back = read_csv(write_csv([draft]).encode(), "out.csv").drafts[0]
    assert back.notes == note.replace("\r\n", "\n")


def test_notes_keep_their_white_space_and_line_breaks_become_lf() -> None:
    data = 'First Name,Last Name,Company,Notes\r\n Ann ,Lee,Acme,"  one\r\ntwo\rthree  "\r\n'
    draft = read_csv(data.encode(), "o.csv").drafts[0]
    assert (draft.given_name, draft.notes) == ("Ann", "  one\ntwo\nthree  ")


THUNDERBIRD = "First Name,Last Name,Display Name,Primary Email,Notes\r\n{}\r\n"


@pytest.mark.parametrize(
    ("row", "encoding", "detected"),
    [
        ("太郎,山田,山田 太郎,taro@example.jp,", "shift_jis", "cp932"),
        ("美咲,高橋,高橋 美咲,m@example.jp,佐藤 健と東京で", "shift_jis", "cp932"),
        ("伟,王,王伟,wei@example.cn,", "gb18030", "gb18030"),
        ("민준,김,김 민준,m@example.kr,", "euc_kr", "euc_kr"),
        ("Jürgen,Müller,Jürgen Müller,j@x.de,Société — 5 €", "cp1252", "cp1252"),
        ("Иван,Петров,Иван Петров,ivan@x.ru,", "cp1251", "cp1251"),
        ("Zoë,Z,Zoë Z,z@x.test,", "utf-8", "utf-8"),
        ("Zoë,Z,Zoë Z,z@x.test,", "utf-8-sig", "utf-8-sig"),
        ("Zoë,Z,Zoë Z,z@x.test,", "utf-16", "utf-16"),
        ("Zoë,Z,Zoë Z,z@x.test,", "utf-16-le", "utf-16-le"),
    ],
)
def test_the_encoding_is_detected(row: str, encoding: str, detected: str) -> None:
    text = THUNDERBIRD.format(row)
    result = read_csv(text.encode(encoding), "thunderbird.csv")
    given, family, display = row.split(",")[:3]
    draft = result.drafts[0]
    assert (draft.given_name, draft.family_name, draft.display_name) == (given, family, display)
    assert result.encoding == detected


def test_a_chosen_encoding_wins_over_the_detected_one() -> None:
    data = THUNDERBIRD.format("Jürgen,Müller,,j@x.de,").encode("cp1252")
    assert read_csv(data, "t.csv").drafts[0].given_name == "Jürgen"
    chosen = read_csv(data, "t.csv", "cp1251")
    assert chosen.encoding == "cp1251" and chosen.drafts[0].given_name == "Jьrgen"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters_are_sniffed(delimiter: str) -> None:
    rows = [
        ["First Name", "Last Name", "E-mail Address", "Company", "Notes"],
        ["Jürgen", "Müller", "j@x.de", "Bäcker, Söhne", "a;b,c"],
    ]
    data = "\r\n".join(
        delimiter.join(f'"{c}"' if "," in c or ";" in c else c for c in r) for r in rows
    )
    result = read_csv(data.encode("cp1252"), "outlook.csv")
    draft = result.drafts[0]
    assert (draft.family_name, draft.organisation, draft.notes) == (
        "Müller",
        "Bäcker, Söhne",
        "a;b,c",
    )
    assert not result.errors


def _rows(count: int) -> list[str]:
    return [f"P{n},Lee,p{n}@x.test,Acme" for n in range(count)]


HEADER = "First Name,Last Name,E-mail Address,Company"


def test_an_unclosed_quote_is_reported_and_the_rows_after_it_are_read() -> None:
    rows = _rows(1000)
    rows.insert(1, 'Broken,"Lee,b@x.test,Acme')  # line 3
    result = read_csv("\r\n".join([HEADER, *rows]).encode(), "c.csv")
    assert len(result.drafts) == 1000
    assert [(e.card, e.line) for e in result.errors] == [(2, 3)]
    assert "never closed" in result.errors[0].reason
    assert result.drafts[1].given_name == "P1"


def test_a_quote_pairing_with_a_later_row_is_reported_and_reading_goes_on() -> None:
    rows = _rows(4)
    rows.insert(1, 'Broken,"Lee,b@x.test,Acme')  # line 3: pairs with line 5's quote
    rows[3] = 'P2,Lee,p2@x.test,"Acme, Inc"'
    result = read_csv("\n".join([HEADER, *rows]).encode(), "c.csv")
    assert [d.given_name for d in result.drafts] == ["P0", "P1", "P2", "P3"]
    assert result.drafts[2].organisation == "Acme, Inc"
    assert [(e.card, e.line) for e in result.errors] == [(2, 3)]


def test_a_cell_over_the_field_limit_is_reported_and_the_rows_after_it_are_read() -> None:
    rows = _rows(3)
    rows.insert(1, f'Big,Lee,big@x.test,"{"x" * 140_000}\n{"y" * 10}"')
    result = read_csv("\n".join([HEADER, *rows]).encode(), "c.csv")
    assert [d.given_name for d in result.drafts] == ["P0", "P1", "P2"]
    assert [(e.card, e.line) for e in result.errors] == [(2, 3)]
    assert "140,011 characters" in result.errors[0].reason
    assert csv.field_size_limit() == 131_072


def test_text_after_a_closing_quote_on_one_line_is_read_as_before() -> None:
    data = f'{HEADER}\n"Ann" Jr,Lee,a@x.test,Acme\nBo,Ray,b@x.test,Acme\n'
    result = read_csv(data.encode(), "c.csv")
    assert [d.given_name for d in result.drafts] == ["Ann Jr", "Bo"] and not result.errors
