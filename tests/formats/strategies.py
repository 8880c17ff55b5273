"""Hypothesis strategies for contacts whose text holds what breaks writers: every kind of line
break, vCard and CSV separators, backslashes, quotes, formula starts, white space at either end
and characters of every Unicode plane."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from netdesk.formats.csv_columns import MULTI
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.text import stored_text
from netdesk.formats.vcard_reader import YEARLESS

SPECIALS = ("\r", "\n", "\r\n", ";", ",", "\\", " ", "  ", "\t", ":", '"', "'", "=", "+", "-", "@")
_PLANE_CHARACTERS = (
    st.integers(0, 16)
    .flatmap(lambda plane: st.integers(plane << 16, (plane << 16) | 0xFFFF))
    .filter(lambda code: not 0xD800 <= code <= 0xDFFF)
    .map(chr)
)
TEXT = st.lists(
    st.one_of(
        st.sampled_from(SPECIALS),
        _PLANE_CHARACTERS,
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=10,
).map("".join)
"""Free text; together with `_PLANE_CHARACTERS` every plane 0–16 is drawn from."""
TAGS = TEXT.filter(
    lambda text: text.strip() and MULTI not in text and not text.strip().startswith("*")
)
"""Tags: Google's CSV joins them with " ::: " and marks its own groups with "* "."""
LABELS = st.one_of(
    st.sampled_from(["", "home", "work", "mobile", "other", "fax", "pager", "Assistant", "voice"]),
    TEXT.map(lambda text: "x" + text),  # a custom label, never a standard type by accident
)


def _address() -> st.SearchStrategy[MethodDraft]:
    """A postal address whose one-line value is made from its parts as readers make it."""

    def address(label: str, parts: list[str]) -> MethodDraft:
        kept = [stored_text(part) for part in parts]
        value = ", ".join(part.replace("\n", ", ") for part in kept if part)
        return MethodDraft("address", value, label, parts=tuple(kept))

    return st.builds(address, LABELS, st.lists(TEXT, min_size=7, max_size=7))


def methods(number: int) -> st.SearchStrategy[list[MethodDraft]]:
    """A contact's methods: its own email first (a strong identifier each person has), then
    any mix of labelled emails, phones, links, profiles and addresses."""
    own = MethodDraft("email", f"person{number}@example.org", "work", preferred=True)
    one = st.one_of(
        st.builds(MethodDraft, st.just("email"), st.emails(), LABELS),
        st.builds(
            MethodDraft,
            st.just("phone"),
            st.from_regex(r"\+[1-9][0-9 ]{6,14}[0-9]", fullmatch=True),
            LABELS,
            st.just(""),
            st.booleans(),
        ),
        st.builds(
            MethodDraft,
            st.just("url"),
            st.from_regex(r"https://[a-z]{1,8}\.example/[a-z0-9]{0,6}", fullmatch=True),
            LABELS,
        ),
        st.builds(
            lambda name: MethodDraft(
                "profile", f"https://www.linkedin.com/in/{name}", service="linkedin"
            ),
            st.from_regex(r"[a-z][a-z0-9-]{2,10}", fullmatch=True),
        ),
        _address(),
    )
    return st.lists(one, max_size=4).map(lambda more: [own, *more])


BIRTHDAYS = st.one_of(
    st.none(),
    st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    st.dates(date(YEARLESS, 1, 1), date(YEARLESS, 12, 31)),
)


def contacts(number: int) -> st.SearchStrategy[ContactDraft]:
    """A contact with text of every kind in every text field; `number` makes its given name and
    first email its own, so that contacts in one file never match each other."""
    return st.builds(
        ContactDraft,
        given_name=TEXT.map(lambda text: f"P{number}{text}"),
        family_name=TEXT,
        additional_names=TEXT,
        prefix=TEXT,
        suffix=TEXT,
        nickname=TEXT,
        organisation=TEXT,
        department=TEXT,
        title=TEXT,
        notes=TEXT,
        how_met=TEXT,
        birthday=BIRTHDAYS,
        tags=st.lists(TAGS, max_size=3, unique_by=lambda tag: tag.strip().lower()),
        photo=st.none() | st.binary(min_size=1, max_size=64),
        methods=methods(number),
    )
