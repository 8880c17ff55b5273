"""CSV reading (LinkedIn, Google current and legacy, Outlook) and Google-style CSV writing."""

from __future__ import annotations

from datetime import date

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


def test_writer_neutralises_formulas_and_reads_back() -> None:
    draft = ContactDraft(given_name="=cmd()", family_name="@x", organisation="-1+1")
    draft.tags = ["a", "b"]
    draft.methods = [
        MethodDraft("phone", "+44 20 7946 0000", "mobile", preferred=True),
        MethodDraft("email", "a@x.test", "work"),
    ]
    text = write_csv([draft])
    assert "'=cmd()" in text and "'@x" in text and "'-1+1" in text and "'+44" in text
    back = read_csv(text.encode(), "out.csv").drafts[0]
    assert (back.given_name, back.family_name, back.organisation) == ("=cmd()", "@x", "-1+1")
    assert [(m.kind, m.value, m.preferred) for m in back.methods] == [
        ("email", "a@x.test", False),
        ("phone", "+44 20 7946 0000", True),
    ]
    assert back.tags == ["a", "b"]
