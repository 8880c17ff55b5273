"""Quick capture against a network of 20,000 contacts.

Prints `event_capture_ms` (one "Who did I meet?" entry: match or create the contact, log the
interaction, tick the person met, schedule the follow-up; median over half known, half new people)
and `event_completer_ms` (the contacts matching three typed letters, as the completer asks on each
keystroke). Medians of several runs.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

CONTACTS = 20_000
CAPTURES = 40


def _ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    from bench.generate import generate_contacts
    from netdesk import paths as netdesk_paths
    from netdesk.core.events import EventDraft
    from netdesk.core.services import Services
    from netdesk.store.db import close_database, open_database
    from netdesk.store.models import Contact

    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        paths = netdesk_paths.resolve(Path(tmp))
        generate_contacts(paths.database, CONTACTS)
        open_database(paths.database, daily_backup=False)
        try:
            services = Services(paths=paths)
            events = services.events
            event_id = events.create(
                EventDraft(name="PyData", starts_at=datetime.now() - timedelta(hours=2))
            )
            rng = random.Random(5)
            known = [
                (c.display_name, c.organisation)
                for c in Contact.select().order_by(Contact.id).limit(CAPTURES * 10)
            ]
            people = rng.sample(known, CAPTURES // 2) + [
                (f"New Person {n}", "Startup") for n in range(CAPTURES // 2)
            ]
            captures = []
            for name, organisation in people:
                started = time.perf_counter()
                events.capture(event_id, name, organisation, "talked about pipelines")
                captures.append(time.perf_counter() - started)
            lookups = []
            for name, _ in known[:50]:
                started = time.perf_counter()
                events.people.matches(name[:3], event_id)
                lookups.append(time.perf_counter() - started)
        finally:
            close_database()
    print(f"event_capture_ms: {_ms(captures):.1f}")
    print(f"event_completer_ms: {_ms(lookups):.1f}")


if __name__ == "__main__":
    main()
