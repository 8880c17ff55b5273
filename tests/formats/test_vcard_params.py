"""Parameter values as RFC 6350 3.3 reads them: an unquoted comma separates values, a quoted
value is one value (`LABEL="1 Main St, Springfield"`), except in the lists of words (TYPE,
SORT-AS, PID) that RFC 6350's own examples quote whole (`TYPE="work,voice"`)."""

from __future__ import annotations

import pytest

from netdesk.formats.vcard_lines import parse_line, split_cards
from netdesk.formats.vcard_reader import read_vcards
from netdesk.formats.vcard_sync import parse_card, render_card
from netdesk.formats.vcard_text import logical_lines

# RFC 6350's example card for ADR (6.3.1) and TEL (6.4.1), as stalwartlabs/calcard keeps it
RFC_CARD = (
    b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:John Q. Public\r\nN:Public;John;Quinlan;Mr.;Esq.\r\n"
    b'ADR;GEO="geo:12.3457,78.910";LABEL="Mr. John Q. Public, Esq.\\n\r\n'
    b" Mail Drop: TNE QB\\n123 Main Street\\nAny Town, CA  91921-1234\\n\r\n"
    b' U.S.A.":;;123 Main Street;Any Town;CA;91921-1234;U.S.A.\r\n'
    b'TEL;VALUE=uri;PREF=1;TYPE="voice,home":tel:+1-555-555-5555;ext=5555\r\n'
    b"TEL;VALUE=uri;TYPE=work,cell:tel:+33-01-23-45-67\r\n"
    b'N;SORT-AS="Public,John":Public;John;Quinlan;Mr.;Esq.\r\n'
    b"END:VCARD\r\n"
)


def _props(data: bytes, fast: bool = True) -> dict[str, dict[str, tuple[str, ...]]]:
    card = next(iter(split_cards(logical_lines(data), fast=fast)))
    return {f"{p.name}{n}": dict(p.params) for n, p in enumerate(card.props)}


def test_a_quoted_value_with_commas_is_one_value() -> None:
    adr = next(p for p in _props(RFC_CARD).values() if "LABEL" in p)
    assert adr["GEO"] == ("geo:12.3457,78.910",)
    assert adr["LABEL"] == (
        "Mr. John Q. Public, Esq.\\nMail Drop: TNE QB\\n123 Main Street\\n"
        "Any Town, CA  91921-1234\\nU.S.A.",
    )


@pytest.mark.parametrize("fast", [True, False])
def test_lists_of_words_split_quoted_or_not(fast: bool) -> None:
    params = _props(RFC_CARD, fast)
    assert params["TEL4"]["TYPE"] == ("voice", "home")
    assert params["TEL5"]["TYPE"] == ("work", "cell")
    assert params["N6"]["SORT-AS"] == ("Public", "John")


def test_quoted_and_unquoted_values_of_one_parameter() -> None:
    prop = parse_line('X-ABDATE;X-PLACE="Paris, France",Lyon;X-NOTE=a,b:2010-06-01')
    assert prop is not None
    assert prop.params["X-PLACE"] == ("Paris, France", "Lyon")
    assert prop.params["X-NOTE"] == ("a", "b")
    android = parse_line('TEL;TYPE="COMMA,SEPARATED:INSIDE.DQUOTE",PREF:1')
    assert android is not None and android.value == "1"
    assert android.types() == ["comma", "separated:inside.dquote", "pref"]


def test_the_phones_keep_their_labels() -> None:
    draft = read_vcards(RFC_CARD, "rfc.vcf").drafts[0]
    phones = [(m.value, m.label, m.preferred) for m in draft.methods if m.kind == "phone"]
    assert phones[0][1:] == ("home", True)
    assert phones[1][1] == "work"


def test_a_kept_line_with_a_quoted_comma_is_written_again_whole() -> None:
    card = parse_card(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Ann Lee\n"
        'ANNIVERSARY;X-PLACE="Paris, France":20100601\nEND:VCARD\n'
    )
    assert card.kept == ['ANNIVERSARY;X-PLACE="Paris, France":20100601']
    assert parse_card(render_card(card.draft, card.kept)).kept == card.kept
