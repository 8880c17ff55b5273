"""Seeded networks for the contact list's plan and count tests, in shapes unlike the bench's.

`seed_network(n, shape, seed)` writes n contacts straight through SQL and builds the search
index. Shapes: "uniform" (names, organisations and tags drawn evenly), "skewed" (a few names
and one organisation hold most contacts, the common names late in the alphabet, so a walk of
the name index meets their matches last), "sparse" (every contact's name distinct: most
searches are rare). About 6% are archived and 4% in the Trash; the trashed include matches.
"""

from __future__ import annotations

import random
from datetime import datetime

from netdesk.store import fts
from netdesk.store.models import Contact, ContactTag, Tag, db

GIVEN = ("Ana", "Bo", "Carla", "Dmitri", "Élodie", "Farid", "Greta", "Hiro", "Ines", "Jonas")
LATE = ("Yara", "Zoë", "Zeno")
FAMILY = ("Silva", "Nguyen", "Okafor", "Müller", "Rossi", "Kowalski", "Tanaka", "Berg")
ORGS = ("Acme Data", "Bosch", "Globex", "Initech", "Umbrella", "Zenith Labs")
TAGS = ("berlin", "data", "hiring", "mentor", "pycon")
SHAPES = ("uniform", "skewed", "sparse")


def _person(rng: random.Random, shape: str, number: int) -> tuple[str, str, str]:
    if shape == "sparse":
        return f"P{number:05d}", f"Q{number:05d}x", f"Org {number % 97}"
    if shape == "skewed":
        given = rng.choice(LATE) if rng.random() < 0.8 else rng.choice(GIVEN)
        org = ORGS[-1] if rng.random() < 0.7 else rng.choice(ORGS)
        return given, rng.choice(FAMILY[:2]) if rng.random() < 0.7 else rng.choice(FAMILY), org
    return rng.choice(GIVEN + LATE), rng.choice(FAMILY), rng.choice(ORGS)


def seed_network(n: int, shape: str, seed: int = 19) -> None:
    """Write `n` contacts of `shape` (see the module) and index them for search."""
    rng = random.Random(seed)
    rows = []
    for number in range(n):
        given, family, org = _person(rng, shape, number)
        gone = rng.random()
        rows.append(
            {
                Contact.given_name: given,
                Contact.family_name: family,
                Contact.display_name: f"{given} {family}",
                Contact.organisation: org,
                Contact.title: rng.choice(("CTO", "Engineer", "Recruiter", "")),
                Contact.circle: rng.choice(("friend", "colleague", "mentor", "")),
                Contact.archived: 0.04 <= gone < 0.10,
                Contact.deleted_at: datetime(2026, 1, 2) if gone < 0.04 else None,
            }
        )
    with db.atomic():
        for start in range(0, n, 500):
            Contact.insert_many(rows[start : start + 500]).execute()
        tags = {name: Tag.create(name=name).id for name in TAGS}
        weights = (1, 1, 1, 1, 1) if shape != "skewed" else (20, 1, 1, 1, 1)
        pairs = {
            (contact_id, tags[name])
            for (contact_id,) in db.execute_sql("SELECT id FROM contact").fetchall()
            for name in rng.choices(TAGS, weights, k=rng.choice((0, 1, 2)))
        }
        ContactTag.insert_many(sorted(pairs), fields=[ContactTag.contact, ContactTag.tag]).execute()
        fts.rebuild_all(db.obj)


def walk_every_search(monkeypatch) -> None:
    """Read every search of a small test network off the sort index, as a broad search of a
    large network is (`core.contact_walk`: a first page of one row, any number of rows)."""
    from netdesk.core import contact_walk

    monkeypatch.setattr(contact_walk, "FIRST_PAGE", 1)
    monkeypatch.setattr(contact_walk, "WALK_ROWS_PER_MATCH", 10**6)


def keep_every_search(monkeypatch) -> None:
    """Gather every search's matches (no walk has a budget)."""
    from netdesk.core import contact_walk

    monkeypatch.setattr(contact_walk, "MATCHES_WALKED", 0)
