"""The "+CC NUMBER" fast path of phones.normalise gives exactly what a full parse gives."""

from __future__ import annotations

import random

import phonenumbers

from netdesk.core import phones


def _full_parse(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def test_fast_path_agrees_with_full_parse() -> None:
    rng = random.Random(5)
    codes = list(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    taken = 0
    for _ in range(4000):
        national = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 16)))
        national = rng.choice(["", "", "1", "0", "15", "180020", "90"]) + national
        sep = rng.choice(["", " ", "-", "."])
        value = f"+{rng.choice(codes)}{sep}{national[:3]}{sep}{national[3:]}"
        fast = phones._international_e164(value)
        if fast is not None:
            taken += 1
            assert fast == _full_parse(value), value
    assert taken > 2000
    assert phones.normalise("+44 (0)20 7946 0000") == "+442079460000"
    assert phones.normalise("+44 7700 900123") == "+447700900123"
