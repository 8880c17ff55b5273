"""A focus ring on the focused widget, whatever put the focus there.

The platform style rings a focused button, check box, combo box or tab only after the focus
moved by keyboard (Qt's WA_KeyboardFocusChange on the window), and a focused list, table or
text box not at all (Fusion: Linux desktops without a theme, the offscreen screenshots). So
after a click, or a view handing the focus to its list, nothing showed where the keys would go.
`FocusRings` sets that attribute on every focus change and draws a ring inside the edge of a
focused list, table or text box: a child of it masked to a two-pixel ring, so repainting rows
never repaints the ring. The sidebar draws its own (ui/style.py).

Start-up installs the rings after the window's first paint: importing `Qt` builds every Qt enum
type of PySide6 (~30 ms), and the first focus change (the window shown) would need it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

RING_COLOUR = QColor("#3b6fd6")
RING_WIDTH = 2
_OWN_RING = frozenset({"sidebar"})


class Ring(QWidget):
    """The ring over its parent's edge, shown while the parent has the focus."""

    def __init__(self, parent: QAbstractScrollArea) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target = parent
        parent.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self.target.rect())
        inner = self.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(self.rect()) - QRegion(inner))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(RING_COLOUR, RING_WIDTH))
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def ring_of(widget: QWidget, make: bool = True) -> Ring | None:
    """The ring a list, table or text box shows while focused (None for other widgets, and
    for one without a ring yet unless `make`)."""
    if not isinstance(widget, QAbstractScrollArea) or widget.objectName() in _OWN_RING:
        return None
    ring = widget.findChild(Ring, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(ring, Ring):
        return ring
    popup = widget.window().windowType() == Qt.WindowType.Popup  # a combo box's open list
    return Ring(widget) if make and not popup else None


class FocusRings(QObject):
    """Keeps a ring on the focused widget of every window of the application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRings")
        app.focusChanged.connect(self._moved)

    @staticmethod
    def install(app: QApplication) -> FocusRings:
        """The application's rings (made on the first call, ringing the widget focused by then)."""
        found = app.findChild(FocusRings, "focusRings")
        if isinstance(found, FocusRings):
            return found
        rings = FocusRings(app)
        rings._moved(None, app.focusWidget())
        return rings

    def _moved(self, old: QWidget | None, now: QWidget | None) -> None:
        if old is not None and (ring := ring_of(old, make=False)) is not None:
            ring.hide()  # (a widget being deleted loses the focus too: never make one there)
        if now is None:
            return
        window = now.window()
        if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
            window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
            now.update()
        if (ring := ring_of(now)) is not None:
            ring.raise_()
            ring.show()
