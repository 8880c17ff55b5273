"""Online profiles: recognise a pasted link or a handle, and which links may be opened.

"https://www.linkedin.com/in/maria-chen/", "linkedin.com/in/maria-chen" and, with the service
chosen, "maria-chen" all become the same profile URL; "@anna@fosstodon.org" is a Mastodon
account; under Stack Overflow a user's number and name as its links have them
("4815162/jordan-reyes" or "4815162"), never a bare name, which names nobody there. A link's
service is its host's: a "LinkedIn" link on another host is a plain website link, so the label
never vouches for a stranger's host (Mastodon servers have any host: a "/@name" link counts as
Mastodon only where the user chose Mastodon).
Links NetDesk builds are percent-encoded, so nothing in a value becomes a URL parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from netdesk.formats.profiles import profile_service

SERVICES: dict[str, tuple[str, str]] = {
    # service: (label, URL template for a bare handle)
    "linkedin": ("LinkedIn", "https://www.linkedin.com/in/{}"),
    "github": ("GitHub", "https://github.com/{}"),
    "x": ("X / Twitter", "https://x.com/{}"),
    "stackoverflow": ("Stack Overflow", "https://stackoverflow.com/users/{}"),
    "mastodon": ("Mastodon", ""),
    "reddit": ("Reddit", "https://www.reddit.com/user/{}"),
    "facebook": ("Facebook", "https://www.facebook.com/{}"),
    "website": ("Website", ""),
}
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_HANDLE = re.compile(r"^@?([A-Za-z0-9_.\-]{1,100})$")
_OWN_HANDLES = {"stackoverflow": re.compile(r"^(\d{1,12}(?:/[A-Za-z0-9_\-]{1,100})?)$")}
"""Services whose handles have a form of their own (a Stack Overflow user's number and the name
after it, as its links have them): no other bare name fills their template."""
_FEDIVERSE = re.compile(r"^@?([A-Za-z0-9_]{1,100})@([A-Za-z0-9.\-]+\.[A-Za-z]{2,})$")


@dataclass(frozen=True)
class Profile:
    """A recognised profile: the service and the canonical URL."""

    service: str
    url: str


def recognise(text: str, service: str = "") -> Profile | str:
    """The profile `text` names, or a message saying why it is not one."""
    text = text.strip()
    if not text:
        return "Enter a link or a user name."
    fediverse = _FEDIVERSE.match(text)
    if fediverse:  # @name@server.social: a Mastodon account
        return Profile("mastodon", f"https://{fediverse.group(2).lower()}/@{fediverse.group(1)}")
    own = _OWN_HANDLES.get(service)
    if own is not None and (number := own.match(text)):
        return Profile(service, SERVICES[service][1].format(number.group(1)))
    handle = _HANDLE.match(text)
    if handle and ("." not in text or text.startswith("@")):
        template = "" if own else SERVICES.get(service, ("", ""))[1]
        if not template:
            return "Paste the full link for this kind of profile."
        return Profile(service, template.format(handle.group(1)))
    link = text if "://" in text else "https://" + text
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in text:
        return "This is not a web link (http or https)."
    host = parts.netloc.lower()
    url = f"https://{host}{parts.path.rstrip('/')}"
    if parts.query:
        url += "?" + parts.query
    known = profile_service(link)
    if not known and service == "mastodon" and parts.path.startswith("/@"):
        known = "mastodon"  # a Mastodon server can have any host: the user says it is one
    return Profile(known or "website", url)


def handle_of(url: str, service: str) -> str:
    """How a profile link reads beside its service's name: the user name when typing it back
    gives the same link ("maria-chen" under LinkedIn, "@anna@fosstodon.org" under Mastodon),
    else the link as it is."""
    found = recognise(url, service)
    if not isinstance(found, Profile) or found.service != service:
        return url
    prefix, _, suffix = SERVICES.get(service, ("", ""))[1].partition("{}")
    candidates = []
    if prefix and found.url.startswith(prefix) and found.url.endswith(suffix):
        candidates.append(found.url[len(prefix) : len(found.url) - len(suffix)])
    parts = urlsplit(found.url)
    if parts.path.startswith("/@") and not parts.query:
        candidates.append(f"{parts.path[1:]}@{parts.hostname}")
    return next((name for name in candidates if name and recognise(name, service) == found), url)


def is_safe_link(url: str) -> bool:
    """Whether NetDesk may hand this link to the desktop (browser, mail client, dialer)."""
    return urlsplit(url.strip()).scheme.lower() in SAFE_SCHEMES


def link_host(url: str) -> str:
    """The host a link leads to (shown before it opens), or "" for mailto: and tel: links."""
    return urlsplit(url.strip()).hostname or ""


# Letters, digits and RFC 5322's other atext characters: no "?", "&", "%", spaces or control
# characters, which would smuggle parameters (attach=, body=) into a mailto: link.
_EMAIL = re.compile(
    r"[\w.!#$'*+/=^`{|}~-]+"  # local part
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"  # domain with a dot
)


def email_error(value: str) -> str:
    """A message for the user when `value` is not an email address, else ""."""
    if _EMAIL.fullmatch(value.strip()):
        return ""
    return "This is not an email address (name@example.com)."


def mailto_link(address: str) -> str:
    """The mailto: link of a valid address, percent-encoded: it can only ever say "to"."""
    return "mailto:" + quote(address.strip(), safe="@")


def tel_link(number: str) -> str:
    """The tel: link of a phone number, percent-encoded."""
    return "tel:" + quote(number.strip(), safe="+")
