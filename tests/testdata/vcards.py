"""Generated contact files: distinct people as vCards, a LinkedIn Connections.csv export (seeded,
so a run is repeatable)."""

from __future__ import annotations

import random

from tests.testdata.names import COMPANIES, FAMILY, GIVEN, TAGS, TITLES


def generate_vcards(n: int, seed: int = 11) -> bytes:
    """`n` distinct people as vCard 3.0: name, organisation, title, email, phone, LinkedIn, tag."""
    rng = random.Random(seed)
    people = rng.sample(range(len(GIVEN) * len(FAMILY) * len(COMPANIES)), n)
    cards = []
    for i, person in enumerate(people):
        given = GIVEN[person % len(GIVEN)]
        family = FAMILY[person // len(GIVEN) % len(FAMILY)]
        company = COMPANIES[person // (len(GIVEN) * len(FAMILY))]
        handle = f"{given}.{family}.{i}".lower()
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"N:{family};{given};;;\r\nFN:{given} {family}\r\n"
            f"ORG:{company}\r\nTITLE:{rng.choice(TITLES)}\r\n"
            f"EMAIL;TYPE=INTERNET,WORK:{handle}@example.com\r\n"
            f"TEL;TYPE=CELL:+44 7700 {i // 1000 % 1000:03d}{i % 1000:03d}\r\n"
            f"X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/{handle}\r\n"
            f"CATEGORIES:{rng.choice(TAGS)}\r\nUID:bench-{i}\r\nEND:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8")


def generate_linkedin_csv(n: int, seed: int = 11) -> bytes:
    """A LinkedIn Connections.csv export of `n` connections (with its "Notes:" preamble)."""
    rng = random.Random(seed)
    rows = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        url = f"https://www.linkedin.com/in/{given}-{family}-{i}".lower()
        month = rng.choice(("Jan", "Mar", "Jul", "Nov"))
        day = f"{rng.randint(1, 28)} {month} 20{rng.randint(10, 25)}"
        rows.append(f"{given},{family},{url},,{rng.choice(COMPANIES)},{rng.choice(TITLES)},{day}")
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")
