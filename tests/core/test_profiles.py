"""Profile links and handles, safe link schemes, email syntax."""

from __future__ import annotations

import pytest

from netdesk.core.profiles import (
    Profile,
    email_error,
    handle_of,
    is_safe_link,
    link_host,
    mailto_link,
    recognise,
    tel_link,
)


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


@pytest.mark.parametrize("text", ["", "javascript:alert(1)", "mchen", "4815162/jordan reyes"])
def test_not_profiles(text: str) -> None:
    assert isinstance(recognise(text, "stackoverflow"), str)


def test_links_and_emails() -> None:
    assert is_safe_link("https://x.com") and is_safe_link("mailto:a@b.c") and is_safe_link("tel:+1")
    assert not is_safe_link("file:///etc/passwd") and not is_safe_link("javascript:alert(1)")
    assert email_error("maria@acme.io") == ""
    assert email_error("maria@acme") and email_error("maria acme.io")


@pytest.mark.parametrize(
    "text",
    [
        "x?attach=/etc/passwd&body=hi@evil.example",
        "x&body=hi@evil.example",
        "x%3Fattach@evil.example",
        "x y@evil.example",
        "x\x00y@evil.example",
        "x\ny@evil.example",
        "maria@acme.io?cc=boss@evil.example",
    ],
)
def test_emails_that_would_smuggle_mailto_parameters_are_refused(text: str) -> None:
    assert email_error(text)


def test_links_are_percent_encoded() -> None:
    assert email_error("o'brien+news@acme.io") == "" and email_error("jürgen@acme.de") == ""
    assert mailto_link("o'brien+news@acme.io") == "mailto:o%27brien%2Bnews@acme.io"
    assert mailto_link("jürgen@acme.de") == "mailto:j%C3%BCrgen@acme.de"
    assert tel_link("+44 20 7946 0018") == "tel:+44%2020%207946%200018"


def test_a_known_service_must_be_on_its_own_host() -> None:
    assert recognise("https://evil.example/in/x", "linkedin") == Profile(
        "website", "https://evil.example/in/x"
    )
    assert recognise("https://linkedin.com.evil.example/in/x", "linkedin") == Profile(
        "website", "https://linkedin.com.evil.example/in/x"
    )
    assert recognise("https://www.reddit.com/user/ana", "reddit").service == "reddit"
    assert link_host("https://evil.example/in/x") == "evil.example"
    assert link_host("mailto:a@b.io") == ""


@pytest.mark.parametrize(
    ("url", "service", "shown"),
    [
        ("https://www.linkedin.com/in/maria-chen", "linkedin", "maria-chen"),
        ("https://www.linkedin.com/in/maria-chen/", "linkedin", "maria-chen"),
        ("https://github.com/mchen", "github", "mchen"),
        ("https://fosstodon.org/@anna", "mastodon", "@anna@fosstodon.org"),
        (
            "https://stackoverflow.com/users/4815162/jordan-reyes",
            "stackoverflow",
            "4815162/jordan-reyes",
        ),
        ("https://stackoverflow.com/users/4815162", "stackoverflow", "4815162"),
        # typing these back would not give the same link: the link stays
        ("https://linkedin.com/in/maria-chen", "linkedin", "https://linkedin.com/in/maria-chen"),
        ("https://www.linkedin.com/in/m.chen", "linkedin", "https://www.linkedin.com/in/m.chen"),
        (
            "https://www.linkedin.com/company/acme",
            "linkedin",
            "https://www.linkedin.com/company/acme",
        ),
        ("https://twitter.com/mchen", "x", "https://twitter.com/mchen"),
        (
            "https://stackoverflow.com/users/1/m?tab=profile",
            "stackoverflow",
            "https://stackoverflow.com/users/1/m?tab=profile",
        ),
        ("https://stackoverflow.com/users/m", "stackoverflow", "https://stackoverflow.com/users/m"),
        ("https://evil.example/in/x", "linkedin", "https://evil.example/in/x"),
        ("https://example.org/about", "website", "https://example.org/about"),
    ],
)
def test_a_profile_reads_as_its_user_name_where_that_gives_the_same_link(
    url: str, service: str, shown: str
) -> None:
    assert handle_of(url, service) == shown
    found = recognise(shown, service)
    assert isinstance(found, Profile) and found == recognise(url, service)
