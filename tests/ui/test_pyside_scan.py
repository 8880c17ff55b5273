"""PySide6's look for modules selecting a `__feature__` reads their files the quick way, with
PySide6's own verdicts."""

from __future__ import annotations

import json
import sys
import types

import pytest
from PySide6 import QtCore

import netdesk.core.clock
import netdesk.ui.main_window
from netdesk.ui import pyside_scan


def test_pyside_asks_the_quick_scan() -> None:
    feature = sys.modules[pyside_scan.FEATURE_MODULE]
    assert feature._mod_uses_pyside is pyside_scan.mentions_pyside  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "module", [netdesk.ui.main_window, netdesk.core.clock, json, sys, QtCore, pyside_scan]
)
def test_its_verdicts_are_pysides(module: types.ModuleType) -> None:
    assert pyside_scan._pyside_scan is not None
    assert pyside_scan.mentions_pyside(module) is pyside_scan._pyside_scan(module)


def test_other_pyside_internals_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    other = types.ModuleType(pyside_scan.FEATURE_MODULE)
    monkeypatch.setitem(sys.modules, pyside_scan.FEATURE_MODULE, other)

    pyside_scan.quicken_feature_scan()

    assert not hasattr(other, "_mod_uses_pyside")
