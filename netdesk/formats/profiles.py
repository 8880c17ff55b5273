"""Social networks recognised from a profile URL's host ("linkedin.com/in/x" → "linkedin")."""

from __future__ import annotations

_HOSTS = {
    "linkedin.com": "linkedin",
    "github.com": "github",
    "gitlab.com": "gitlab",
    "twitter.com": "x",
    "x.com": "x",
    "facebook.com": "facebook",
    "instagram.com": "instagram",
    "stackoverflow.com": "stackoverflow",
    "xing.com": "xing",
    "youtube.com": "youtube",
    "bsky.app": "bluesky",
    "reddit.com": "reddit",
}


def profile_service(url: str) -> str:
    """The network a profile URL belongs to, or "" for any other link."""
    text = url.strip().lower()
    for scheme in ("https://", "http://"):
        text = text.removeprefix(scheme)
    host = text.split("/", 1)[0].split("?", 1)[0].removeprefix("www.")
    for known, service in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return service
    return ""
