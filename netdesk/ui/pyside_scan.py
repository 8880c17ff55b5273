"""PySide6 reads the source of every module imported after it, to learn whether the module may
select a `__feature__` (snake_case, true_property): `inspect.getsource`, through `linecache`,
~0.7 ms a module. NetDesk selects none; the same verdict (does the source name PySide6?) read
from the file's bytes takes ~0.03 ms. At start-up that read was 20-39 ms of CPU before the
shown view was usable (bench/README.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (sets up PySide6's import hook and `shibokensupport.feature`)

FEATURE_MODULE = "shibokensupport.feature"

_pyside_scan: Callable[[ModuleType], bool] | None = None
"""PySide6's own `_mod_uses_pyside`, for what is not a source file."""


def mentions_pyside(module: ModuleType) -> bool:
    """PySide6's verdict on `module`: whether its source names PySide6."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if isinstance(origin, str) and origin.endswith(".py"):
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return _pyside_scan(module) if _pyside_scan is not None else False


def quicken_feature_scan() -> None:
    """Have PySide6 ask `mentions_pyside` (nothing changes where its internals differ)."""
    global _pyside_scan
    feature = sys.modules.get(FEATURE_MODULE)
    scan = getattr(feature, "_mod_uses_pyside", None)
    if callable(scan) and scan is not mentions_pyside:
        _pyside_scan = scan
        feature._mod_uses_pyside = mentions_pyside  # type: ignore[union-attr]
