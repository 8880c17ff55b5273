"""What every Today section shares: the view's context, a card with a title row, buttons that
leave the keys with the list, keys that act only while focus is in the section (a list as tall
as its rows: list_rows.fit_rows)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.ui.card import Card
from netdesk.ui.whole_lines import WholeLinesDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDialog

    from netdesk.core.services import Services

PALE = QColor("#e3e9f4")  # an unfocused list's current row


@dataclass(frozen=True)
class TodayContext:
    """What a section may use of the view: the services, its settings and undo stack, the
    message line, dialogs, and showing a person, an event or another view."""

    services: Services
    settings: QSettings | None
    undo_stack: QUndoStack
    say: Callable[[str], None]
    open_dialog: Callable[[QDialog], None]
    show_contact: Callable[[int], None]
    show_event: Callable[[int, str], None]  # the event, and its tab ("Prep brief", "Review")
    reload: Callable[[], None]
    """Load every section again (off the GUI thread) and show the result."""
    show_view: Callable[[str], None] = lambda _key: None  # another view, by key ("me")


def title_label(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class TodaySection(Card):
    """One card of Today: a title row (`head`), then what the subclass adds to `body`.

    A subclass sets `key` (how the view and tests find it) and implements `load(today)` and
    `present(data, today)`: the view calls `load` on the GUI thread for a function that reads the
    data (run off it, so it must touch no widget), then `present` on the GUI thread with what it
    returned — on start, when data changes (shown or not: switching to Today shows current data
    at once) and when the day turns.
    """

    key = ""
    apart = False
    """Whether `load`'s reading is long enough to be read after the other sections' and shown
    when read, the others neither waiting for it nor sharing the cores with it (the 12-week
    picture, far down the page: at 100,000 contacts longer to read than the rest together)."""

    def __init__(self, context: TodayContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("todaySection")
        self.title = title_label(title)
        self.title.setMinimumHeight(QSpinBox().sizeHint().height())  # level with head controls
        self.head = QHBoxLayout()
        self.head.addWidget(self.title)
        self.head.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 10)
        self.body.addLayout(self.head)
        self.row_buttons: list[QPushButton] = []
        """The buttons that act on a row of the section: off while it has none."""

    def load(self, today: date) -> Callable[[], object]:
        raise NotImplementedError

    def present(self, data: Any, today: date) -> None:
        raise NotImplementedError

    @property
    def filling(self) -> bool:
        """Whether what `present` was given is still being added (a long list, a part at a
        time)."""
        return False

    def add_keys(self, keys: dict[Qt.Key, tuple[str, Callable[[], object]]]) -> None:
        """Single-letter keys that act while focus is anywhere in this section, each with what
        it does (Help → Keyboard shortcuts lists it under the section's title)."""
        for key, (what, slot) in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setWhatsThis(f"{self.title.text()}: {what}")
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_rows_present(self, present: bool) -> None:
        """Turn `row_buttons` on or off as the section has rows to act on or none (their
        keys then find no row and do nothing)."""
        for button in self.row_buttons:
            button.setEnabled(present)

    def add_buttons(self, *pairs: tuple[str, str]) -> list[QPushButton]:
        """A row of buttons (text, tooltip) under the content; they take no focus, so the
        section's keys stay with its list."""
        row = QHBoxLayout()
        buttons = []
        for text, tip in pairs:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
            buttons.append(button)
        row.addStretch(1)
        self.body.addLayout(row)
        return buttons


class _FocusTint(QObject):
    """Shows a list's current row in the strong highlight only while the list has focus (else a
    pale one), so the row the keys act on is the one that stands out among the sections."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        focus = (QEvent.Type.FocusIn, QEvent.Type.FocusOut)
        if isinstance(watched, QListWidget) and event.type() in focus:  # installed on lists only
            _tint(watched, event.type() == QEvent.Type.FocusIn)
        return False


def _tint(widget: QListWidget, focused: bool) -> None:
    palette = widget.palette()
    base = QApplication.palette(widget)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        highlight = base.color(group, QPalette.ColorRole.Highlight) if focused else PALE
        text_role = QPalette.ColorRole.HighlightedText if focused else QPalette.ColorRole.Text
        palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, base.color(group, text_role))
    widget.setPalette(palette)


def section_list(widget: QListWidget) -> QListWidget:
    """Make a section's list frameless on the card, one row selectable at a time, its current
    row pale unless it has focus, every line of a row shown."""
    widget.setFrameShape(QFrame.Shape.NoFrame)
    widget.setItemDelegate(WholeLinesDelegate(widget))
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tint = _FocusTint(widget)
    widget.installEventFilter(tint)
    _tint(widget, False)
    return widget
