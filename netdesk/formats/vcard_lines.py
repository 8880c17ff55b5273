"""vCard content lines: logical lines in, decoded `(group, NAME, params, value)` properties out.

Takes the unfolded lines of `vcard_text` (any iterable: a big file arrives a piece at a time, and
each card is handed on as soon as it ends) and handles what real files do inside a card:
quoted-printable with soft line breaks, `CHARSET=` per property, 2.1 base64 runs on unindented
lines, cards cut short or missing their BEGIN line. Values are decoded text but not yet unescaped
(structured values split on escaped separators). Work is linear in the file: continued values are
joined once, and a value over MAX_VALUE_CHARS is left out (named in `RawCard.dropped`).

Speed: most lines of real files are `NAME:value` or `NAME;TYPE=x:value` inside a card, so
`split_cards` has a fast path for them that skips the strip / keyword / quoted-printable checks a
line can be shown not to need (see `_SLOW_ENDS`), takes common names without the line pattern,
and parses each parameter head once; everything else goes the general way (bench/README.md has
the gain). tests/formats/test_vcard_fast_path.py checks that both paths give the same cards.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from netdesk.formats.surprises import unexpected
from netdesk.formats.vcard_text import decode_bytes

MAX_VALUE_CHARS = 16 * 2**20
"""The longest property value read (16 MB as written in the file: a photo of up to ~12 MB in
base64); a longer one is left out of its card with a warning, so memory stays bounded."""
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_SLOW_ENDS = frozenset("=dD" + "".join(c for c in map(chr, range(0x3001)) if c.isspace()))
"""Last characters that send a line down the general path: `=` (a quoted-printable soft break
may follow), `d`/`D` (`...:VCARD`; no other character upper-cases to one ending in D) and white
space (`END:VCARD ` after strip). Every whitespace character is below U+3001."""
_KEYWORDS = frozenset({"BEGIN:VCARD", "END:VCARD"})
_PLAIN_NAMES = frozenset(
    {"VERSION", "FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "NOTE", "BDAY", "ANNIVERSARY", "UID",
     "REV", "CATEGORIES", "EMAIL", "TEL", "ADR", "URL", "IMPP", "PHOTO", "KIND", "GENDER", "LANG",
     "TZ", "GEO", "PRODID", "X-SOCIALPROFILE", "X-ABLABEL"}
)  # fmt: skip
"""Property names whose lines `NAME:value` (no group, no parameters) skip the line pattern."""


Params = Mapping[str, tuple[str, ...]]
"""A line's parameters: upper-case name → values. Read-only: lines with the same head share one."""
_NO_PARAMS: Params = MappingProxyType({})


@dataclass(slots=True)
class Prop:
    """One content line: `item1.TEL;TYPE=cell:+44...` → group "item1", name "TEL", params, value."""

    name: str
    value: str
    params: Params = field(default_factory=lambda: _NO_PARAMS)
    group: str = ""

    def param(self, key: str) -> str:
        """The first value of a parameter (upper-case key), or ""."""
        values = self.params.get(key)
        return values[0] if values else ""

    def types(self) -> list[str]:
        """The TYPE values, lower-case (2.1 bare parameters like `HOME` count as types)."""
        return [t.lower() for t in self.params.get("TYPE", ())]


class _Pieces:
    """Text built from many short pieces (a 2.1 base64 run, a chain of soft breaks) in linear time
    and little memory: every 4,096 pieces are joined into one string (a million 76-character
    strings in a list take 3 times the text; adding each to the value was quadratic)."""

    __slots__ = ("done", "recent", "size")

    def __init__(self, first: str = "") -> None:
        self.done: list[str] = []
        self.recent = [first]
        self.size = len(first)

    def add(self, piece: str) -> None:
        """Add a piece, unless the text is already over MAX_VALUE_CHARS (only its size grows)."""
        self.size += len(piece)
        if self.size <= MAX_VALUE_CHARS:
            self.recent.append(piece)
            if len(self.recent) >= 4096:
                self.done.append("".join(self.recent))
                self.recent = []

    def text(self) -> str:
        return "".join(self.done + self.recent)


@dataclass
class RawCard:
    """The properties of one BEGIN:VCARD … END:VCARD block; `problem` says why it is broken,
    `missing` what it lacks but can be read without (BEGIN or END lines), `dropped` the names of
    properties left out for being over MAX_VALUE_CHARS."""

    number: int
    props: list[Prop] = field(default_factory=list)
    problem: str = ""
    missing: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    tails: dict[int, _Pieces] = field(default_factory=dict)


def split_cards(lines: Iterable[str], *, fast: bool = True) -> Iterator[RawCard]:
    """Group logical lines into cards, each given as soon as it ends; QP soft breaks joined,
    comments and blanks dropped. Lines of a known property outside any card start a card that
    lacks its BEGIN line.

    `fast=False` takes the general path for every line (tests compare the two paths).
    """
    card: RawCard | None = None
    props: list[Prop] = []
    count = 0
    simple, plain, slow = _SIMPLE_LINE.match, _PLAIN_NAMES, _SLOW_ENDS
    lines = iter(lines)
    for line in lines:
        if fast and card is not None and line[-1:] not in slow:
            head, colon, value = line.partition(":")
            if colon:
                if head in plain:
                    props.append(Prop(head, value, _NO_PARAMS, ""))
                    continue
                name, _, params = head.partition(";")
                if name in plain and '"' not in params:
                    _add_with_params(card, line, name, value, params, "")
                    continue
            match = simple(line)
            if match is not None:
                group, name, head, value = match.groups()
                _add_with_params(card, line, name, value, head[1:] if head else None, group or "")
                continue
        if line in _KEYWORDS:
            keyword = line
        else:
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            keyword = (
                stripped.upper().rsplit(".", 1)[-1] if stripped[-6:].upper() == ":VCARD" else ""
            )
        if keyword == "BEGIN:VCARD":
            if card is not None:
                yield _ended(card, "no END:VCARD before the next BEGIN:VCARD")
            count += 1
            card = RawCard(count)
            props = card.props
            continue
        if keyword == "END:VCARD":
            if card is not None:
                yield _ended(card)
            card = None
            continue
        ended = too_long = False
        if line.endswith("=") and _is_quoted_printable(line):
            line, ended, too_long = _join_soft_breaks(line, lines)
        try:
            prop = parse_line(line) if line[:1] not in " \t" else None
        except Exception as exc:  # a line nobody foresaw costs its card, not the file
            if card is not None:
                card.problem = card.problem or _unreadable(line, exc)
            prop = None
            line = ""
        if card is None and prop is not None and prop.name in plain:
            count += 1
            card = RawCard(count, missing=["no BEGIN:VCARD"])
            props = card.props
        if card is None:
            continue
        if prop is not None:
            props.append(prop)
            if too_long:
                card.dropped.append(prop.name)
        elif props and line:
            _continue(card, line)
        if ended:
            yield _ended(card)
            card = None
    if card is not None:
        yield _ended(card, "no END:VCARD (the file is cut short)")


def _ended(card: RawCard, missing: str = "") -> RawCard:
    """The card once its last line is read: continued values joined, what it lacks noted."""
    if missing:
        card.missing.append(missing)
    for index, tail in card.tails.items():
        prop = card.props[index]
        if tail.size > MAX_VALUE_CHARS:
            prop.value = ""
            card.dropped.append(prop.name)
        else:
            prop.value = tail.text()
    card.tails = {}
    return card


def _join_soft_breaks(first: str, lines: Iterator[str]) -> tuple[str, bool, bool]:
    """A quoted-printable line and the lines its soft breaks (`=` at the end) join to it, up to
    END:VCARD; whether END:VCARD ended it; whether it grew over MAX_VALUE_CHARS (then only its
    name and parameters are kept). Pieces are joined once: adding each in turn was quadratic."""
    pieces, ended = _Pieces(), False
    line = first
    for following in lines:
        if following.strip().upper() == "END:VCARD":
            ended = True
            break
        pieces.add(line[:-1])
        line = following
        if not line.endswith("="):
            break
    pieces.add(line)
    if pieces.size > MAX_VALUE_CHARS:
        return first[: _value_colon(first) + 1], ended, True
    return pieces.text(), ended, False


def _add_with_params(
    card: RawCard, line: str, name: str, value: str, params: str | None, group: str
) -> None:
    """The fast path: a `group.name;params:value` line inside a card that cannot be BEGIN/END,
    a comment, a continuation or a quoted-printable soft break (see `_SLOW_ENDS`)."""
    if params is None:
        card.props.append(Prop(name.upper(), value, _NO_PARAMS, group))
        return
    try:
        parsed = _cached_params(params)
        if "ENCODING" in parsed:
            card.props.append(_finish(name, value, parsed, group))
        else:
            card.props.append(Prop(name.upper(), value, parsed, group))
    except Exception as exc:  # as in the general path
        card.problem = card.problem or _unreadable(line, exc)


def _unreadable(line: str, exc: Exception) -> str:
    return unexpected(exc, f"unreadable line {line[:40]!r}")


def _continue(card: RawCard, line: str) -> None:
    """A line with no `name:` continues the last value (base64 runs, folds after a `=`); kept
    aside until the card ends, and no more of it once it is too long to be read."""
    index = len(card.props) - 1
    if card.props[index].param("ENCODING").upper() in ("BASE64", "B"):
        piece = line.strip()
    elif line[:1] in " \t":
        piece = line[1:]
    else:
        return
    tail = card.tails.get(index)
    if tail is None:
        tail = card.tails[index] = _Pieces(card.props[index].value)
    tail.add(piece)


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def parse_line(line: str) -> Prop | None:
    """One unfolded content line as a Prop (value QP-decoded); None when it has no name:value."""
    match = _SIMPLE_LINE.match(line)
    if match is None:
        return _parse_general(line)
    group, name, head, value = match.groups()
    if not head:
        return Prop(name.upper(), value, _NO_PARAMS, group or "")
    return _finish(name, value, _cached_params(head[1:]), group or "")


@lru_cache(maxsize=1024)
def _cached_params(params: str) -> Params:
    """The parameters `A=b;C=d` of a simple line. Files repeat the same few heads (`;TYPE=CELL`)
    thousands of times: each is parsed once and its read-only result shared, instead of a fresh
    dict of lists for every line."""
    return MappingProxyType(_params(params.split(";")))


def _parse_general(line: str) -> Prop | None:
    """Lines the simple pattern does not take: quoted parameters, spaces around the name."""
    colon = _value_colon(line)
    if colon < 0:
        return None
    head, value = line[:colon], line[colon + 1 :]
    parts = _split_quoted(head, ";")
    name = parts[0].strip()
    group = ""
    if "." in name:
        group, name = name.rsplit(".", 1)
    if not _NAME_RE.match(name):
        return None
    return _finish(name, value, _params(parts[1:]), group)


def _params(parts: list[str]) -> dict[str, tuple[str, ...]]:
    params: dict[str, tuple[str, ...]] = {}
    for part in parts:
        key, sep, raw = part.partition("=")
        key = key.strip().upper()
        if not sep:
            key, raw = _bare_param(key), key
        values = _param_values(key, raw) if raw else []
        params[key] = params.get(key, ()) + tuple(v for v in values if v)
    return params


_TOKEN_LISTS = frozenset({"TYPE", "SORT-AS", "PID"})
"""Parameters whose values are lists of words that hold no comma; RFC 6350's own examples
quote such a list whole (`TYPE="work,voice"`, `SORT-AS="Harten,Rene"`), so it is split inside
the quotes too."""


def _param_values(key: str, raw: str) -> list[str]:
    """A parameter's values (RFC 6350 3.3): unquoted commas separate them, a quoted value is one
    value whatever it holds (`LABEL="1 Main St, Springfield"`), but for `_TOKEN_LISTS`."""
    if '"' not in raw or key in _TOKEN_LISTS:
        return [v.strip() for v in raw.replace('"', "").split(",")]
    return [v.strip().replace('"', "") for v in _split_quoted(raw, ",")]


def _finish(name: str, value: str, params: Params, group: str) -> Prop:
    if "ENCODING" in params and "QUOTED-PRINTABLE" in (v.upper() for v in params["ENCODING"]):
        value = _decode_qp(value, (params.get("CHARSET") or ("utf-8",))[0])
        params = {key: values for key, values in params.items() if key != "ENCODING"}
    return Prop(name.upper(), value, params, group)


_SIMPLE_LINE = re.compile(r'(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)((?:;[^:;"]*)*):(.*)', re.DOTALL)
_NAME_RE = re.compile(r"^[A-Za-z0-9-]+$")


def _value_colon(line: str) -> int:
    """Index of the colon between name/params and value (colons in quoted params don't count)."""
    if '"' not in line:
        return line.find(":")
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return index
    return -1


def _split_quoted(text: str, sep: str) -> list[str]:
    if '"' not in text:
        return text.split(sep)
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _bare_param(word: str) -> str:
    """The parameter a 2.1 bare word stands for (`QUOTED-PRINTABLE` → ENCODING, `HOME` → TYPE)."""
    if word in _ENCODINGS:
        return "ENCODING"
    if word in ("URL", "URI", "CID", "CONTENT-ID", "INLINE"):
        return "VALUE"
    return "TYPE"


def _decode_qp(value: str, charset: str) -> str:
    """A quoted-printable value as text (CRLF inside made LF)."""
    raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
    return decode_bytes(raw, charset).replace("\r\n", "\n")
