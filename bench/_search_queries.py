"""Search queries drawn from a network's own data, as people type them (seeded, so runs compare).

Each query is a 1-8 letter start of something stored: a given or family name, an
organisation, a tag, an email address; or two words (a given name and the start of a family
name or of an organisation). Letters are typed without accents and in lower case, as most
people type a search; the search folds both.
"""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from pathlib import Path

KINDS = ("given", "family", "organisation", "tag", "email", "two names", "name and company")


def _plain(text: str) -> str:
    """Lower case, accents dropped, only what a keyboard without dead keys types at once."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in " .@-"))


def _start(rng: random.Random, text: str) -> str:
    """The first 1-8 letters of `text` (fewer when it is shorter)."""
    word = _plain(text).strip()
    return word[: rng.randint(1, min(8, max(len(word), 1)))].rstrip()


def draw_queries(database: Path, count: int, seed: int = 19) -> list[str]:
    """`count` queries drawn from random live contacts of the database at `database`."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        top = conn.execute("SELECT max(id) FROM contact").fetchone()[0] or 0
        tags = [row[0] for row in conn.execute("SELECT name FROM tag ORDER BY id")]
        queries: list[str] = []
        while len(queries) < count and top:
            row = conn.execute(
                "SELECT given_name, family_name, organisation, "
                "(SELECT value FROM contact_method WHERE contact_id = c.id AND kind = 'email') "
                "FROM contact c WHERE id >= ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [rng.randint(1, top)],
            ).fetchone()
            if row is None:
                continue
            query = _query(rng, rng.choice(KINDS), row, tags)
            if query:
                queries.append(query)
    return queries


def _query(
    rng: random.Random, kind: str, row: tuple[str, str, str, str | None], tags: list[str]
) -> str:
    given, family, organisation, email = row
    if kind == "two names":
        return f"{_plain(given)} {_start(rng, family)}" if given and family else ""
    if kind == "name and company":
        return f"{_plain(given)} {_start(rng, organisation)}" if given and organisation else ""
    source = {
        "given": given,
        "family": family,
        "organisation": organisation,
        "tag": rng.choice(tags) if tags else "",
        "email": email or "",
    }[kind]
    return _start(rng, source) if source else ""
