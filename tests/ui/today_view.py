"""Waiting for the Today view, which reads its data off the GUI thread."""

from __future__ import annotations


def settle_today(qtbot, view) -> None:
    """Let a change reach the Today view and wait until what it read off the GUI thread is
    shown."""
    from PySide6.QtWidgets import QApplication

    qtbot.wait(1)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
