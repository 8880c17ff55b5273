"""The application has a worker running Python hand the GIL to the GUI thread within 1 ms."""

from __future__ import annotations

import sys

from netdesk.ui import app as app_module


def test_the_application_shortens_the_gil_switch_interval(qapp, monkeypatch) -> None:
    names = (qapp.applicationName(), qapp.organizationName(), qapp.applicationVersion())
    chosen: list[float] = []
    monkeypatch.setattr(sys, "setswitchinterval", chosen.append)
    monkeypatch.setattr(app_module, "group_digits", lambda: None)  # the default locale: kept
    try:
        assert app_module.create_application() is qapp
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
        qapp.setApplicationVersion(names[2])
    assert chosen == [app_module.GIL_SWITCH_S] and app_module.GIL_SWITCH_S <= 0.001
