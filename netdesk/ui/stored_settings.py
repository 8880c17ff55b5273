"""Reading ui-settings.ini defensively: a hand-edited or damaged value falls back to its default
and is logged, never crashing start-up. QSettings hands back whatever the file holds (a string
where bytes were saved, a list where a value had a comma), so every reader checks the type.
Writing it only when a value changes (`StoredSettings`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

_TRUE = ("true", "1")
_FALSE = ("false", "0")


class StoredSettings(QSettings):
    """ui-settings.ini, where a value set to what it holds already is not written again: Qt
    saves the file on the GUI thread after every change, with two `fdatasync` calls (300-600 ms
    each time while a backup filled the disk's queue), and start-up set the same values again
    (the last view, the contact list's columns, sync's interval)."""

    def setValue(self, key: str, value: object) -> None:
        if not (self.contains(key) and self.value(key) == value):
            super().setValue(key, value)


def _bad(settings: QSettings, key: str, value: object, default: object) -> None:
    log.warning("%s: %s=%r cannot be read; using %r", settings.fileName(), key, value, default)


def read_text(
    settings: QSettings, key: str, default: str, valid: Callable[[str], bool] = bool
) -> str:
    """A string that `valid` accepts; missing or empty gives `default` silently."""
    value = settings.value(key)
    if value is None or value == "":
        return default
    if isinstance(value, str) and valid(value):
        return value
    _bad(settings, key, value, default)
    return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A true/false value (as QSettings writes them)."""
    value = settings.value(key)
    if value is None:
        return default
    text = str(value).lower() if isinstance(value, str | bool | int) else ""
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    _bad(settings, key, value, default)
    return default


def read_time(settings: QSettings, key: str, default: time | None) -> time | None:
    """A time of day ("09:00"); an empty value means none (no quiet hours)."""
    value = settings.value(key)
    if value is None:
        return default
    if value == "":
        return None
    try:
        return time.fromisoformat(value)
    except (TypeError, ValueError):
        _bad(settings, key, value, default)
        return default


def read_datetime(settings: QSettings, key: str) -> datetime | None:
    """A moment ("2026-03-01T09:00:00"); missing, empty or unreadable gives None."""
    value = settings.value(key)
    if value is None or value == "":
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        _bad(settings, key, value, None)
        return None


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """A saved widget state (geometry, header, splitter): None unless it is non-empty bytes."""
    value = settings.value(key)
    if value is None or (isinstance(value, QByteArray) and not value.isEmpty()):
        return value
    if value not in ("", b""):
        _bad(settings, key, value, None)
    return None
