"""A message's text from a template, and the `mailto:` link that hands it to a mail program.

Rendering fills `{first_name}`-style placeholders in one pass: a placeholder it has no value
for (unknown, or empty for this contact) stays as typed so the user sees what to fill in, and
any other brace ("{", "{}", "{ a b }", JSON) is just text — a template can never make it fail.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from netdesk.core.profiles import mailto_link

PLACEHOLDERS = (
    "first_name",
    "last_name",
    "name",
    "company",
    "title",
    "how_we_met",
    "event",
    "my_pitch",
)
"""The placeholders NetDesk fills (templates_dialog lists them)."""

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def render(text: str, values: Mapping[str, str]) -> str:
    """`text` with each `{name}` that has a non-empty value replaced by it."""
    return _PLACEHOLDER.sub(lambda found: values.get(found.group(1)) or found.group(0), text)


def mailto_url(address: str, subject: str, body: str) -> str:
    """A `mailto:` URL (RFC 6068) for `address` with `subject` and `body`, percent-encoded as
    UTF-8: "&", "?", "=", "#", "%" and spaces cannot end a field early or add another, and line
    breaks travel as CRLF (%0D%0A)."""
    crlf = re.sub(r"\r\n|\r|\n", "\r\n", body)
    fields = [("subject", subject), ("body", crlf)]
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in fields if value)
    return mailto_link(address) + (f"?{query}" if query else "")
