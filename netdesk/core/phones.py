"""Phone numbers with `phonenumbers`: parse, validate, normalise to E.164 for matching.

`phonenumbers` loads its metadata on import (~25 ms), so it is imported on first use rather
than on the start-up path.
"""

from __future__ import annotations

import locale


def default_region() -> str:
    """The region from the user's locale (e.g. "GB" for en_GB), "US" when unknown."""
    for candidate in (locale.getlocale()[0], locale.setlocale(locale.LC_CTYPE, None)):
        if candidate and "_" in candidate:
            region = candidate.split("_", 1)[1][:2].upper()
            if region.isalpha() and len(region) == 2:
                return region
    return "US"


def normalise(value: str, region: str | None = None) -> str:
    """E.164 form of a phone number ("+442079460000"), or "" when it cannot be parsed."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region or default_region())
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validation_error(value: str, region: str | None = None) -> str:
    """A message for the user when `value` is not a valid phone number, else ""."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region or default_region())
    except phonenumbers.NumberParseException as exc:
        return f"Not a phone number: {exc}"
    if not phonenumbers.is_valid_number(number):
        return "This does not look like a valid phone number for its region."
    return ""


def pretty(value: str, region: str | None = None) -> str:
    """The number in international format for display, or the text as typed."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region or default_region())
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
