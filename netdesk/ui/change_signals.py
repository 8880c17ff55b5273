"""A Qt signal face on the core change hub, so views refresh on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from netdesk.core.changes import Changes


class ChangeSignals(QObject):
    """Re-emits every core change as `changed(topic, ids)`; queued when published off-thread."""

    changed = Signal(str, object)

    def __init__(self, changes: Changes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes = changes
        changes.subscribe(self._forward)
        self.destroyed.connect(lambda *_: changes.unsubscribe(self._forward))

    def _forward(self, topic: str, ids: frozenset[int]) -> None:
        self.changed.emit(topic, ids)
