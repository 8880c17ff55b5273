"""What makes generated people realistic (issue 19), shared by `bench.generate` (the database)
and `tests.testdata.vcards` (the files a user imports):

- names drawn skewed: common given and family names often (so a full name repeats, several
  namesakes at the same large employer), made-up rare ones the rest of the time;
- phones as people type them in national formats ("030 61234567", "(415) 555-0100",
  "+44 20 7946 0958", "06 12 34 56 78", "090-1234-5678", extensions), each person's its own,
  with the E.164 form the app stores for matching;
- notes on about 40%: one line, several lines, a few long ones of several paragraphs;
- birthdays, personal emails and GitHub profiles on some.

Numbers and emails use their own ranges and patterns, apart from ../shared/tools/gen_network.py's,
so people of both never share one by accident. Every draw takes a seeded `random.Random`.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from tests.testdata.names import FAMILY, GIVEN

_SYLLABLES = (
    "Al", "Ar", "Bal", "Bel", "Ber", "Cal", "Car", "Dal", "Dar", "Del", "Ed", "El", "Fal", "Fen",
    "Gal", "Gar", "Hal", "Har", "Hel", "Kel", "Lan", "Lar", "Mar", "Mel", "Mor", "Nor", "Pal",
    "Pen", "Ral", "Ren", "Ros", "Sal", "Sel", "Tal", "Thor", "Val", "Ven", "Wal", "Wes", "Wil",
    "Win",
)  # fmt: skip
_GIVEN_ENDS = ("a", "o", "i", "en", "ia", "el", "an", "ie")
_FAMILY_ENDS = (
    "by", "den", "field", "ford", "gren", "holm", "ley", "lund", "man", "more", "ner", "ridge",
    "sen", "son", "stad", "ston", "ton", "vik", "wick", "worth", "ard", "ell", "ova", "ski",
)  # fmt: skip

_NOTE_LINES = (
    "Met at PyCon after the data pipelines talk.",
    "Former colleague from the billing team.",
    "Introduced me to the hiring manager at a fintech in Berlin.",
    "Asked about mentoring; follow up in spring.",
    "Prefers email over calls. Slow to answer in August.",
    "Two kids, into bouldering and sourdough.",
    "Wants an intro to someone doing ML infrastructure.",
    "Moving to Lisbon next year; remote-first roles only.",
    "Gave a great talk on Postgres internals — ask for the slides.",
    "Owes me a coffee after the conference.",
)
_LONG_PARAGRAPH = (
    "Long conversation over dinner about how their team moved from nightly batch jobs to "
    "streaming, what broke on the way (late events, a schema registry nobody owned, on-call "
    "fatigue) and what they would do again. They are hiring two senior engineers next quarter "
    "and asked whether I knew anyone who has run Kafka in production; I promised two names. "
)


def _zipf_weights(count: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


_GIVEN_WEIGHTS = _zipf_weights(len(GIVEN), 0.7)
_FAMILY_WEIGHTS = _zipf_weights(len(FAMILY), 0.7)


def full_name(rng: random.Random) -> tuple[str, str]:
    """(given, family): 50% common given names and 25% common family names, skewed (the first
    of `names.GIVEN` / `names.FAMILY` most often), else made up from syllables."""
    if rng.random() < 0.5:
        given = rng.choices(GIVEN, cum_weights=_GIVEN_WEIGHTS)[0]
    else:
        given = rng.choice(_SYLLABLES) + rng.choice(_GIVEN_ENDS)
    if rng.random() < 0.25:
        family = rng.choices(FAMILY, cum_weights=_FAMILY_WEIGHTS)[0]
    else:
        family = rng.choice(_SYLLABLES) + rng.choice(_FAMILY_ENDS)
    return given, family


def handle(given: str, family: str) -> str:
    """ "maria.muller": the ASCII form of a name that emails and profile links use."""
    flat = unicodedata.normalize("NFKD", f"{given}.{family}").encode("ascii", "ignore").decode()
    return "".join(c for c in flat.lower() if c.isalnum() or c == ".")


def _us(rng: random.Random, i: int) -> tuple[str, str]:
    area, line = 620 + i // 10_000 % 350, i % 10_000
    exchange = rng.randint(201, 989)
    return f"({area}) {exchange}-{line:04d}", f"+1{area}{exchange}{line:04d}"


def _berlin(rng: random.Random, i: int) -> tuple[str, str]:
    number = 60_000_000 + i % 30_000_000
    return f"030 {number}", f"+4930{number}"


def _german_mobile(rng: random.Random, i: int) -> tuple[str, str]:
    number = 40_000_000 + i % 50_000_000
    return f"0171 {number}", f"+49171{number}"


def _london(rng: random.Random, i: int) -> tuple[str, str]:
    head, tail = 7000 + i // 10_000 % 3000, i % 10_000
    if rng.random() < 0.5:
        return f"+44 20 {head} {tail:04d}", f"+4420{head}{tail:04d}"
    return f"020 {head} {tail:04d}", f"+4420{head}{tail:04d}"


def _french(rng: random.Random, i: int) -> tuple[str, str]:
    digits = f"{50_000_000 + i % 40_000_000:08d}"
    return "07 " + " ".join(digits[k : k + 2] for k in range(0, 8, 2)), f"+337{digits}"


def _dutch(rng: random.Random, i: int) -> tuple[str, str]:
    number = 50_000_000 + i % 40_000_000
    return f"06-{number}", f"+316{number}"


def _japanese(rng: random.Random, i: int) -> tuple[str, str]:
    head, tail = 5000 + i // 10_000 % 5000, i % 10_000
    return f"080-{head}-{tail:04d}", f"+8180{head}{tail:04d}"


def _e164(rng: random.Random, i: int) -> tuple[str, str]:
    number = f"+4915{20_000_000 + i % 70_000_000}"
    return number, number


PHONE_STYLES: tuple[tuple[str, Callable[[random.Random, int], tuple[str, str]]], ...] = (
    ("US", _us),
    ("DE", _berlin),
    ("DE", _german_mobile),
    ("GB", _london),
    ("FR", _french),
    ("NL", _dutch),
    ("JP", _japanese),
    ("DE", _e164),
)
"""(region the number is read in, how it is typed → (typed, E.164))."""


def phone(rng: random.Random, i: int) -> tuple[str, str, str]:
    """(typed, E.164, region) of person `i`'s number (distinct for distinct `i` below 10⁶);
    one in ten with an extension, which E.164 leaves out."""
    region, style = rng.choice(PHONE_STYLES)
    typed, e164 = style(rng, i)
    if rng.random() < 0.1:
        typed += rng.choice((" ext. ", " x", " ext ")) + str(rng.randint(10, 4999))
    return typed, e164, region


def note(rng: random.Random) -> str:
    """A note as people keep them: none (60%), a line, a few lines, or (3%) paragraphs."""
    draw = rng.random()
    if draw < 0.6:
        return ""
    if draw < 0.8:
        return rng.choice(_NOTE_LINES)
    if draw < 0.97:
        return "\n".join(rng.sample(_NOTE_LINES, rng.randint(2, 5)))
    paragraphs = [_LONG_PARAGRAPH * rng.randint(1, 4) for _ in range(rng.randint(2, 5))]
    return "\n\n".join(paragraph.strip() for paragraph in paragraphs)


def birthday(rng: random.Random) -> date | None:
    """A birthday on 10%, any day of 1955-2002 (29 February too)."""
    if rng.random() >= 0.1:
        return None
    return date(1955, 1, 1) + timedelta(days=rng.randint(0, 48 * 365))


def tags(rng: random.Random, names: Sequence[str]) -> list[str]:
    """0-3 of `names`, the first ones more often."""
    count = rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]
    return list(dict.fromkeys(rng.choices(names, cum_weights=_tag_weights(len(names)), k=count)))


@lru_cache(maxsize=8)
def _tag_weights(count: int) -> list[float]:
    return _zipf_weights(count, 0.8)
