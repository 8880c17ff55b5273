"""Generated contact files (seeded, so a run is repeatable): distinct people as plain vCards
(`generate_vcards`, the shape the format tests count on), realistic ones as address books export
them (`network_vcards`: issue 19's traits of `tests.testdata.people`), and a LinkedIn
Connections.csv export."""

from __future__ import annotations

import base64
import random

from tests.testdata import people
from tests.testdata.names import COMPANIES, FAMILY, GIVEN, TAGS, TITLES
from tests.testdata.organisations import employer_picker, organisation_names
from tests.testdata.photos import photo, photo_pool

FILE_NUMBERS = 700_000
"""Person i of a file has phone number `FILE_NUMBERS + i` of `people.phone` (`bench.generate`'s
contacts use those below), and emails `name_i@…`: a file's people are none of the database's."""


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


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    """A content line folded every 74 characters."""
    return "\r\n ".join(line[k : k + 74] for k in range(0, len(line), 74))


def network_vcards(n: int, seed: int = 11, organisations: int = 5_000) -> bytes:
    """`n` people as an address book exports them: vCard 3.0 and 4.0 mixed, names with namesakes,
    employers among `organisations`, phones in national formats, notes over several lines,
    birthdays, tags, LinkedIn and GitHub links, and a photo on 10% (base64, folded)."""
    rng = random.Random(seed)
    employer = employer_picker(organisation_names(organisations))
    pool = photo_pool()
    cards = []
    for i in range(n):
        given, family = people.full_name(rng)
        company, name = employer(rng), people.handle(given, family)
        link = f"https://www.linkedin.com/in/{name.replace('.', '-')}-f{i}"
        v4 = rng.random() < 0.4
        typed, _, _ = people.phone(rng, FILE_NUMBERS + i)
        lines = [
            "BEGIN:VCARD",
            "VERSION:4.0" if v4 else "VERSION:3.0",
            f"N:{_escape(family)};{_escape(given)};;;",
            f"FN:{_escape(given)} {_escape(family)}",
            f"ORG:{_escape(company)}",
            f"TITLE:{_escape(rng.choice(TITLES))}",
            f"EMAIL;TYPE=work:{name}_{i}@{company.lower().replace(' ', '')}.example",
            f"TEL;TYPE={'cell' if v4 else 'CELL'}:{typed}",
            f"X-SOCIALPROFILE;TYPE=linkedin:{link}",
        ]
        if rng.random() < 0.15:
            lines.append(f"URL:https://github.com/{name.replace('.', '')}-f{i}")
        if tags := people.tags(rng, TAGS):
            lines.append("CATEGORIES:" + ",".join(tags))
        if (born := people.birthday(rng)) is not None:
            lines.append(f"BDAY:{born.isoformat()}")
        if note := people.note(rng):
            lines.append(f"NOTE:{_escape(note)}")
        if rng.random() < 0.1:
            picture = photo(rng, pool, f"card {i}")
            kind = "JPEG" if picture.startswith(b"\xff\xd8") else "PNG"
            text = base64.b64encode(picture).decode("ascii")
            if v4:
                lines.append(f"PHOTO:data:image/{kind.lower()};base64,{text}")
            else:
                lines.append(f"PHOTO;ENCODING=b;TYPE={kind}:{text}")
        lines.append(f"UID:urn:uuid:{rng.getrandbits(128):032x}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(_fold(line) for line in lines) + "\r\n")
    return "".join(cards).encode("utf-8")


def generate_linkedin_csv(n: int, seed: int = 11, organisations: int = 5_000) -> bytes:
    """A LinkedIn Connections.csv export of `n` connections (with its "Notes:" preamble): names
    with namesakes, employers among `organisations`, an email on a tenth."""
    rng = random.Random(seed)
    employer = employer_picker(organisation_names(organisations))
    rows = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(n):
        given, family = people.full_name(rng)
        name = people.handle(given, family)
        url = f"https://www.linkedin.com/in/{name.replace('.', '-')}-c{i}"
        email = f"{name}_c{i}@mail.example" if rng.random() < 0.1 else ""
        month = rng.choice(("Jan", "Mar", "Jul", "Nov"))
        day = f"{rng.randint(1, 28)} {month} 20{rng.randint(10, 25)}"
        title = rng.choice(TITLES)
        rows.append(f"{given},{family},{url},{email},{employer(rng)},{title},{day}")
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")
