"""Phone numbers with `phonenumbers`: parse, validate, normalise to E.164 for matching.

`phonenumbers` loads its metadata on import, so it is imported on first use rather
than on the start-up path. A number typed without its country code ("030 1234567") is read in
a region: the one chosen in Contact settings (`use_region`), else the locale's. Without either
(a C or POSIX locale) no country is guessed: such a number has no E.164 form, so it never
matches anyone (a French "06 12 34 56 78" and a Dutch "06-12345678" read as US numbers were
one "+10612345678").
"""

from __future__ import annotations

import locale
import re
from functools import lru_cache

_INTERNATIONAL = re.compile(r"^\+[1-9][0-9 .-]{3,30}$")
_DIGIT_CHOICES = re.compile(r"^[0-9]+(\|[0-9]+)*$")


_chosen = ""
"""The region chosen in Contact settings ("" for the locale's)."""

# A table, fourteen codes a line (which ruff format would make one a line).
# fmt: off
REGIONS = frozenset(
    (
        "AC", "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AR", "AS", "AT", "AU", "AW",
        "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN",
        "BO", "BQ", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH",
        "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
        "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ",
        "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM",
        "GN", "GP", "GQ", "GR", "GT", "GU", "GW", "GY", "HK", "HN", "HR", "HT", "HU", "ID",
        "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE",
        "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI",
        "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH",
        "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX",
        "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
        "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PR", "PS", "PT", "PW", "PY",
        "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
        "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TA",
        "TC", "TD", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
        "TZ", "UA", "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF",
        "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
    )
)
"""`phonenumbers.SUPPORTED_REGIONS` (9.0), so that start-up can check the chosen region without
loading `phonenumbers` (~60-130 ms); tests/core/test_phone_region.py keeps them equal."""
# fmt: on


def default_region() -> str:
    """The region from the user's locale (e.g. "GB" for en_GB), "" when it names none. Read
    from the locale set at start-up, not `locale.getlocale()`, whose alias table makes C.UTF-8
    "en_US" and so guessed US numbers wherever no locale was set."""
    candidate = locale.setlocale(locale.LC_CTYPE, None)
    if "_" in candidate:
        region = candidate.split("_", 1)[1][:2].upper()
        if region.isalpha() and len(region) == 2:
            return region
    return ""


def use_region(code: str) -> None:
    """Read numbers without a country code in `code` from now on ("": the locale's region)."""
    global _chosen
    _chosen = code


def matching_region() -> str:
    """The region numbers without a country code are read in: chosen, else the locale's."""
    return _chosen or default_region()


def is_region(code: str) -> bool:
    """Whether `code` is a region whose phone numbers can be read ("GB", "US")."""
    return code in REGIONS


def normalise(value: str, region: str | None = None) -> str:
    """E.164 form of a phone number ("+442079460000"), or "" when it cannot be parsed."""
    import phonenumbers

    fast = _international_e164(value)
    if fast is not None:
        return fast
    try:
        number = phonenumbers.parse(value, region or matching_region() or None)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def warm_up() -> None:
    """Import `phonenumbers` and check one number of the matching region (its metadata and
    patterns loaded), so that the first contact opened does not pay for it (~80 ms)."""
    validation_error("+44 20 7946 0000")
    normalise("020 7946 0000", matching_region() or "GB")


def validation_error(value: str, region: str | None = None) -> str:
    """A message for the user when `value` is not a valid phone number, else ""."""
    import phonenumbers

    region = region or matching_region()
    if not region and not value.lstrip().startswith("+"):
        return "Write it with its country code (+…), or choose your region in Contact settings."
    try:
        number = phonenumbers.parse(value, region or None)
    except phonenumbers.NumberParseException as exc:
        return f"Not a phone number: {exc}"
    if not phonenumbers.is_valid_number(number):
        return "This does not look like a valid phone number for its region."
    return ""


def _international_e164(value: str) -> str | None:
    """E.164 of "+CC NUMBER" without a full parse (much cheaper), or None when one is needed.

    Gives exactly what `phonenumbers.parse` would: taken only when the country's national prefix
    rule is a plain list of digit prefixes and the number starts with none of them (and not 0).
    """
    if not _INTERNATIONAL.match(value):
        return None
    digits = value[1:].replace(" ", "").replace("-", "").replace(".", "")
    country = _country(digits[:3])
    if country is None:
        return None
    size, code, refused = country
    national = digits[size:]
    if len(national) < 2 or national.startswith(refused):
        return None
    return "+" + digits if _possible_length(code, len(national)) else ""


@lru_cache(maxsize=1024)
def _country(first_digits: str) -> tuple[int, int, tuple[str, ...]] | None:
    """For a number's first three digits: the country code's length, the code, and the national
    prefixes that need a full parse ("0" among them); None when the whole number needs one."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    for size in (1, 2, 3):
        regions = COUNTRY_CODE_TO_REGION_CODE.get(int(first_digits[:size]))
        if regions:
            break
    else:
        return None
    code = int(first_digits[:size])
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
    if metadata is None:
        return None
    strip = metadata.national_prefix_for_parsing
    if strip is None:
        return size, code, ("0",)
    if not _DIGIT_CHOICES.match(strip):
        return None
    return size, code, ("0", *strip.split("|"))


@lru_cache(maxsize=4096)
def _possible_length(code: int, length: int) -> bool:
    """Whether a national number of `length` digits (no leading 0) is possible for `code`:
    `phonenumbers` decides that by the length alone."""
    from phonenumbers import PhoneNumber, is_possible_number

    return is_possible_number(PhoneNumber(country_code=code, national_number=int("1" * length)))
