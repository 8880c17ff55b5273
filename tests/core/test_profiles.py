"""Profile links and handles, safe link schemes, email syntax."""

from __future__ import annotations

import pytest

from netdesk.core.profiles import Profile, email_error, is_safe_link, recognise


@pytest.mark.parametrize(
    ("text", "service", "expected"),
    [
        (
            "https://www.linkedin.com/in/maria-chen/",
            "",
            Profile("linkedin", "https://www.linkedin.com/in/maria-chen"),
        ),
        ("maria-chen", "linkedin", Profile("linkedin", "https://www.linkedin.com/in/maria-chen")),
        ("@mchen", "x", Profile("x", "https://x.com/mchen")),
        ("twitter.com/mchen", "", Profile("x", "https://twitter.com/mchen")),
        ("github.com/mchen", "website", Profile("github", "https://github.com/mchen")),
        ("example.org/about", "", Profile("website", "https://example.org/about")),
    ],
)
def test_recognise(text: str, service: str, expected: Profile) -> None:
    assert recognise(text, service) == expected


@pytest.mark.parametrize("text", ["", "javascript:alert(1)", "mchen"])
def test_not_profiles(text: str) -> None:
    assert isinstance(recognise(text, "stackoverflow"), str)


def test_links_and_emails() -> None:
    assert is_safe_link("https://x.com") and is_safe_link("mailto:a@b.c") and is_safe_link("tel:+1")
    assert not is_safe_link("file:///etc/passwd") and not is_safe_link("javascript:alert(1)")
    assert email_error("maria@acme.io") == ""
    assert email_error("maria@acme") and email_error("maria acme.io")
