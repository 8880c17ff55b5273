"""Many organisation names for generated networks: `bench.generate` spreads 100,000 people over
5,000 of them (issue 18's Companies benchmark), a few large employers and a long tail of small
ones, as real networks are."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

_STEMS = (
    "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Piper",
    "Vandelay", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Massive", "Oscorp", "Gringotts",
    "Monarch", "Blue Sun", "Wonka", "Dunder", "Bluth", "Prestige", "Contoso", "Fabrikam",
    "Tailspin", "Litware", "Adatum", "Proseware", "Lucerne", "Margie", "Fourth Coffee",
    "Alpine", "Boreal", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo",
    "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pinnacle", "Quarry",
    "Riverbend", "Sierra", "Tundra", "Upland", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr",
    "Aurora", "Beacon", "Cascade", "Drift", "Echo", "Falcon", "Glacier", "Helix", "Ion",
    "Jasper", "Keystone", "Lattice", "Mosaic", "Nova", "Onyx", "Prism", "Quantum", "Redwood",
    "Summit", "Tidal", "Unity", "Vector", "Wavelength", "Zenith",
)  # fmt: skip
_KINDS = (
    "Analytics", "Data", "Labs", "Systems", "Health", "Robotics", "Logistics", "Foods", "Bank",
    "Industries", "Dynamics", "Software", "Capital", "Media", "Energy", "Networks", "Cloud",
    "Bio", "Studios", "Partners", "Consulting", "Group", "Ventures", "Works", "Security",
    "Insurance", "Mobility", "Retail", "Games", "Pharma", "Education", "Telecom", "Aerospace",
    "Materials", "Finance", "Travel", "Payments", "Devices", "Research", "Foundation",
    "Hospital", "University", "Agency", "Design", "Legal", "Motors", "Semiconductors",
    "Marine", "Farms", "Textiles", "Audio", "Optics", "Chemicals", "Mining", "Solar",
    "Water", "Housing", "Publishing", "Broadcasting", "Fitness", "Kitchens",
)  # fmt: skip


def organisation_names(count: int, seed: int = 5) -> list[str]:
    """`count` distinct organisation names (at most len(_STEMS) × len(_KINDS)), seeded order."""
    names = [f"{stem} {kind}" for stem, kind in itertools.product(_STEMS, _KINDS)]
    if count > len(names):
        raise ValueError(f"at most {len(names)} organisation names")
    random.Random(seed).shuffle(names)
    return names[:count]


def employer_picker(names: list[str]) -> Callable[[random.Random], str]:
    """Picks an employer for one person: the first names employ many (weights falling as
    1/rank^0.8: at 5,000 names and 100,000 people the largest employs ~4,300, the smallest one or
    none), one random draw a person."""
    weights = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(names))))
    return lambda rng: rng.choices(names, cum_weights=weights)[0]
