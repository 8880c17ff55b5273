"""A scroll area for a form beside other panes: it scrolls down, never sideways, and is never
narrower than the form, so a splitter or a small window squeezes its neighbours instead of
clipping fields. Its minimum width follows the form as rows come and go."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FormScroll(QScrollArea):
    """A frameless, vertically scrolling area as wide as the form it holds needs."""

    def __init__(self, form: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if form is not None:
            self.setWidget(form)

    def setWidget(self, form: QWidget) -> None:
        super().setWidget(form)
        form.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        form = self.widget()
        if form is None:
            return
        scrollbar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(form.minimumSizeHint().width() + scrollbar)
