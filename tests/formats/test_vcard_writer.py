"""vCard writing: no text can end its line (the CSV note that became a second card), folds that
every reader undoes."""

from __future__ import annotations

from netdesk.formats.csv_reader import read_csv
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.formats.vcard_writer import fold, write_vcards

INJECTION = "hi\rEMAIL:x@evil\rEND:VCARD\rBEGIN:VCARD\rFN:Injected"


def test_a_csv_note_with_bare_crs_stays_one_card_with_its_note() -> None:
    csv = f'First Name,Last Name,Company,Notes\r\nAnn,Lee,Acme,"{INJECTION}"\r\n'
    draft = read_csv(csv.encode(), "in.csv").drafts[0]
    for version in ("4.0", "3.0"):
        text = write_vcards([draft], version)
        assert text.split("\r\n").count("BEGIN:VCARD") == 1 and "\rEMAIL" not in text
        back = read_vcards(text.encode(), "out.vcf")
        assert not back.errors and len(back.drafts) == 1
        assert back.drafts[0].notes == INJECTION.replace("\r", "\n") == draft.notes
        assert back.drafts[0].methods == []


def test_no_value_or_parameter_can_end_its_line() -> None:
    breaks = "a\rB:1\nC:2\r\nD:3"
    draft = ContactDraft(
        given_name=breaks, organisation=breaks, title=breaks, nickname=breaks, how_met=breaks,
        photo_url=f"https://x.example/p.png\r{breaks}", uid=f"u-1\r{breaks}", revision=breaks,
        tags=[breaks],
        methods=[
            MethodDraft("email", "a@x.test", f"Lab\r{breaks}"),
            MethodDraft("profile", "https://x.example/me", service=f'svc";:\r{breaks}'),
            MethodDraft("address", "", "home", parts=(breaks,) * 7),
        ],
    )  # fmt: skip
    for version in ("4.0", "3.0"):
        lines = write_vcards([draft], version).split("\r\n")
        assert "\r" not in "".join(lines) and "\n" not in "".join(lines)
        names = [line.split(":", 1)[0].split(";")[0] for line in lines if line[:1] != " "]
        assert names.count("BEGIN") == 1 and not {"B", "C", "D"} & set(names)
        back = read_vcards("\r\n".join(lines).encode(), "out.vcf").drafts[0]
        assert back.title == breaks.replace("\r\n", "\n").replace("\r", "\n")
        assert back.photo_url == "https://x.example/p.png%0Da%0DB:1%0AC:2%0D%0AD:3"
        assert back.uid == "u-1%0Da%0DB:1%0AC:2%0D%0AD:3"
        assert back.methods[1].service == "svcab1c2d3"


def test_a_line_is_never_folded_right_after_an_equals_sign() -> None:
    note = "x" * 69 + "=" * 3 + "END:VCARD" + "=" * 80 + "#comment"
    text = write_vcards([ContactDraft(given_name="Ann", notes=note)])
    assert all(not line.endswith("=") for line in text.split("\r\n") if len(line) == 75)
    assert read_vcards(text.encode(), "x.vcf").drafts[0].notes == note
    assert fold("N:" + "a" * 80).split("\r\n ") == ["N:" + "a" * 73, "a" * 7]
