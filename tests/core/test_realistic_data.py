"""The realistic generated people of the benchmarks (tests/testdata/people.py, photos.py and
vcards.network_vcards, issue 19): numbers typed in national formats carry the E.164 form the app
gives them, photos are images Qt reads, and a realistic file's namesakes stay apart on import."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from netdesk.core import phones
from tests.testdata import people
from tests.testdata.photos import photo, photo_pool
from tests.testdata.vcards import network_vcards


def test_every_phone_style_normalises_to_the_stored_form() -> None:
    rng = random.Random(1)
    seen = set()
    for i in range(0, 1_000_000, 1_231):
        typed, e164, region = people.phone(rng, i)
        assert phones.normalise(typed, region) == e164, typed
        seen.add(typed[:3])
        assert e164 not in {"", typed} or typed.startswith("+")
    assert {"030", "(62", "+44", "020", "07 ", "06-", "080"} <= seen


def test_phones_of_distinct_people_differ() -> None:
    rng = random.Random(2)
    numbers = [people.phone(rng, i)[1] for i in range(20_000)]
    assert len(set(numbers)) == len(numbers)


def test_names_repeat_as_in_a_real_network_and_notes_vary() -> None:
    rng = random.Random(3)
    names = Counter(people.full_name(rng) for _ in range(5_000))
    assert 1_000 < len(names) < 5_000  # namesakes, yet mostly different people
    assert names.most_common(1)[0][1] > 10
    notes = [people.note(rng) for _ in range(2_000)]
    assert 0.3 < sum(bool(n) for n in notes) / len(notes) < 0.5
    assert any("\n" in n for n in notes) and max(map(len, notes)) > 1_000


def test_photos_are_distinct_images_qt_reads(qapp) -> None:
    from PySide6.QtGui import QImage

    rng = random.Random(4)
    pool = photo_pool()
    photos = [photo(rng, pool, f"contact {i}") for i in range(60)]
    assert len(set(photos)) == 60
    assert {p[:2] for p in photos} == {b"\xff\xd8", b"\x89P"}
    for data in photos:
        image = QImage()
        assert image.loadFromData(data), data[:16]
        assert 96 <= image.width() <= 720
    assert 2_000 < sum(map(len, pool)) / len(pool) < 20_000


def test_a_realistic_file_imports_each_namesake_apart(services, tmp_path: Path) -> None:
    cards = tmp_path / "network.vcf"
    cards.write_bytes(network_vcards(400))
    plan = services.importing.plan([cards])
    assert (plan.created(), plan.combined, plan.errors) == (400, 0, [])
    drafts = [card.draft for card in plan.new + plan.possible]
    assert sum(draft.photo is not None for draft in drafts) > 20
    assert sum("\n" in draft.notes for draft in drafts) > 20
    assert Counter(draft.display_name for draft in drafts).most_common(1)[0][1] > 1
    assert services.importing.apply(plan).created == 400
