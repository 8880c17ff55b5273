"""Exceptions nobody foresaw while reading one card, row or event.

Readers catch every exception per record, so that one record the code did not foresee never
costs the others (it becomes that record's error and the rest import). Such an exception is
still a bug in NetDesk, not a property of the file: under `strict()` it is raised instead, so the
fuzz and corpus tests fail on it rather than counting a per-record error as success.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_STRICT: ContextVar[bool] = ContextVar("netdesk_strict_reading", default=False)


def unexpected(exc: Exception, what: str) -> str:
    """The reason shown for a record lost to `exc` ("unreadable card: IndexError(...)");
    re-raises `exc` under `strict()`."""
    if _STRICT.get():
        raise exc
    return f"{what}: {exc!r}"


@contextmanager
def strict() -> Iterator[None]:
    """Within the block, readers raise unforeseen exceptions instead of reporting them."""
    token = _STRICT.set(True)
    try:
        yield
    finally:
        _STRICT.reset(token)
