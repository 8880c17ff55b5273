"""The vCard reader on hand-written cards: every encoding trick real files use."""

from __future__ import annotations

import base64
from datetime import date

from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_reader import read_vcards

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))


def _one(text: str | bytes) -> ContactDraft:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_vcards(data, "t.vcf")
    assert not result.errors, result.errors
    assert len(result.drafts) == 1
    return result.drafts[0]


def test_v21_quoted_printable_soft_breaks_and_charset() -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=\r\n"
        b"=FCrgen\r\nNOTE;QUOTED-PRINTABLE:line one=0D=0Aline=\r\n two\r\nTEL;CELL;PREF:+1 555\r\n"
        b"END:VCARD\r\n"
    )
    draft = _one(card)
    assert (draft.family_name, draft.given_name) == ("Müller", "Jürgen")
    assert draft.notes == "line one\nline two"
    phone = draft.methods[0]
    assert (phone.kind, phone.label, phone.preferred) == ("phone", "mobile", True)


def test_folding_bom_lf_and_fold_inside_utf8_character() -> None:
    name = "Jürgen".encode()
    head = b"\xef\xbb\xbfBEGIN:VCARD\nVERSION:3.0\nFN:"
    data = head + name[:2] + b"\n " + name[2:] + b"\nEND:VCARD\n"
    assert _one(data).display_name == "Jürgen"
    split = b"BEGIN:VCARD\r\nFN:J\xc3\r\n \xbcrgen\r\nEND:VCARD\r\n"
    assert _one(split).display_name == "Jürgen"


def test_cp1252_file_and_utf16_file() -> None:
    latin = "BEGIN:VCARD\nFN:Zoë Ça\nEND:VCARD\n".encode("cp1252")
    assert _one(latin).display_name == "Zoë Ça"
    utf16 = "BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n".encode("utf-16")
    assert _one(utf16).display_name == "Zoë"
    assert _one("BEGIN:VCARD\rFN:Zoë\rEND:VCARD\r".encode("utf-16-be")).display_name == "Zoë"


def test_photos_binary_data_uri_and_url() -> None:
    b64 = base64.b64encode(PNG).decode()
    v3 = _one(f"BEGIN:VCARD\nVERSION:3.0\nFN:A\nPHOTO;ENCODING=b;TYPE=PNG:{b64}\nEND:VCARD\n")
    assert v3.photo == PNG
    v4 = _one(f"BEGIN:VCARD\nVERSION:4.0\nFN:A\nPHOTO:data:image/png;base64,{b64}\nEND:VCARD\n")
    assert v4.photo == PNG
    url = _one("BEGIN:VCARD\nFN:A\nPHOTO;VALUE=uri:https://x.test/a.png\nEND:VCARD\n")
    assert (url.photo, url.photo_url) == (None, "https://x.test/a.png")


def test_a_photo_that_cannot_be_read_is_named_and_the_card_still_imports() -> None:
    b64 = base64.b64encode(PNG).decode()
    text = (
        f"BEGIN:VCARD\nFN:Good\nPHOTO;ENCODING=b;TYPE=PNG:{b64}\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Damaged\nPHOTO;ENCODING=b;TYPE=JPEG:@@not base64@@\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Local\nPHOTO;VALUE=uri:file:///C:/photos/a.jpg\nEND:VCARD\n"
    )
    result = read_vcards(text.encode(), "t.vcf")
    assert [d.full_name() for d in result.drafts] == ["Good", "Damaged", "Local"]
    assert result.drafts[0].photo == PNG and result.drafts[1].photo is None
    assert [(w.file, w.card) for w in result.warnings] == [("t.vcf", 2), ("t.vcf", 3)]
    assert "photo could not be read" in str(result.warnings[0])
    assert not result.errors


def test_apple_groups_categories_uid_rev_kind_and_profiles() -> None:
    draft = _one(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nitem1.EMAIL;type=INTERNET:ann@x.test\n"
        "item1.X-ABLabel:_$!<Other>!$_\nitem2.TEL:123\nitem2.X-ABLabel:Assistant\n"
        "CATEGORIES:Friends,Work\\, stuff\nUID:urn:uuid:1\nREV:2024-01-01T00:00:00Z\n"
        "KIND:group\nX-SOCIALPROFILE;type=twitter:https://twitter.com/ann\n"
        "IMPP;X-SERVICE-TYPE=Jabber:xmpp:ann@x.test\nX-TWITTER:@ann\n"
        "URL:https://www.linkedin.com/in/ann\nBDAY:--0412\nEND:VCARD\n"
    )
    labels = [(m.kind, m.label) for m in draft.methods[:2]]
    assert labels == [("email", "other"), ("phone", "Assistant")]
    assert draft.tags == ["Friends", "Work, stuff"]
    assert (draft.uid, draft.revision) == ("urn:uuid:1", "2024-01-01T00:00:00Z")
    assert draft.is_group
    profiles = [(m.service, m.value) for m in draft.methods_of("profile")]
    assert profiles == [
        ("twitter", "https://twitter.com/ann"),
        ("jabber", "xmpp:ann@x.test"),
        ("x", "@ann"),
        ("linkedin", "https://www.linkedin.com/in/ann"),
    ]
    assert draft.birthday == date(1604, 4, 12)


def test_structured_values_and_escapes() -> None:
    draft = _one(
        "BEGIN:VCARD\nVERSION:3.0\nN:Doe\\;Smith;John;;Dr.;\nORG:Acme\\, Inc.;R&D\n"
        "ADR;TYPE=work:;;1 Main St\\nFloor 2;Town;;12345;UK\nNOTE:a\\nb\\\\c\nEND:VCARD\n"
    )
    assert (draft.family_name, draft.given_name, draft.prefix) == ("Doe;Smith", "John", "Dr.")
    assert (draft.organisation, draft.department) == ("Acme, Inc.", "R&D")
    address = draft.methods_of("address")[0]
    assert address.parts[2:4] == ("1 Main St\nFloor 2", "Town")
    assert address.label == "work"
    assert draft.notes == "a\nb\\c"


def test_not_a_vcard_is_one_file_error() -> None:
    result = read_vcards(b"hello", "x.vcf")
    assert result.drafts == [] and result.errors[0].card == 0


def test_charset_naming_a_codec_that_is_not_text() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=base64:J\x80rg\r\nEND:VCARD\r\n"
    result = read_vcards(data, "odd.vcf")
    assert result.errors == [] and result.drafts[0].full_name() == "J\u20acrg"
