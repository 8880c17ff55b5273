"""The keep-in-touch interval each circle starts with (editable in Contact settings).

Rows, not code, so the user's choices live in the database and travel with its backups; a
schema step and a new database write them once. The circles are `core.vocabulary.CIRCLES`.
"""

from __future__ import annotations

from peewee import Database

# circle -> (ideal days, maximum days)
DEFAULTS: dict[str, tuple[int, int]] = {
    "colleague": (90, 180),
    "classmate": (180, 365),
    "former supervisor": (90, 180),
    "mentor": (60, 90),
    "mentee": (30, 60),
    "peer": (60, 120),
    "recruiter": (180, 365),
    "industry leader": (90, 180),
    "friend": (30, 60),
    "acquaintance": (180, 365),
}


def seed(database: Database) -> None:
    """Write the default intervals for circles that have none yet."""
    database.execute_sql(
        "INSERT OR IGNORE INTO circle_cadence (circle, ideal_days, max_days) VALUES "
        + ", ".join("(?, ?, ?)" for _ in DEFAULTS),
        [value for circle, days in DEFAULTS.items() for value in (circle, *days)],
    )
