"""Help → Keyboard shortcuts: every key of the window, read from its actions and shortcuts.

Nothing here lists keys by hand: the rows are the window's QActions that have keys (a view's
actions with the keys they take while the view is shown, see `ViewActions`) and the QShortcuts
that say what they do (their What's This), grouped under "Everywhere" and each view's title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from netdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from netdesk.ui.main_window import MainWindow

EVERYWHERE = "Everywhere"


class ShortcutRow(NamedTuple):
    section: str  # EVERYWHERE or a view's title
    what: str
    keys: str


def _what(action: QAction) -> str:
    """An action's words without its mnemonic: its What's This when its text changes (Undo)."""
    return action.whatsThis() or action.text().replace("&&", "\0").replace("&", "").replace(
        "\0", "&"
    )


def _keys_text(keys: list[QKeySequence]) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def _section(obj: QObject, views: dict[QObject, str]) -> str:
    """The title of the view `obj` belongs to, else EVERYWHERE."""
    parent: QObject | None = obj.parent()
    while parent is not None:
        if parent in views:
            return views[parent]
        parent = parent.parent()
    return EVERYWHERE


def shortcut_rows(window: MainWindow) -> list[ShortcutRow]:
    """Every key of the window, Everywhere first, then each view's in sidebar order."""
    views: dict[QObject, str] = {
        window.views[spec.key]: window.tr(spec.title)
        for spec in window.specs
        if spec.key in window.views
    }
    view_keys = window.findChildren(ViewActions)
    found: list[ShortcutRow] = []
    for action in window.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None:
            continue
        keys = next((k for va in view_keys if (k := va.keys_of(action))), action.shortcuts())
        if keys:
            found.append(ShortcutRow(_section(action, views), _what(action), _keys_text(keys)))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            found.append(
                ShortcutRow(
                    _section(shortcut, views), shortcut.whatsThis(), _keys_text([shortcut.key()])
                )
            )
    return _grouped(found, [EVERYWHERE, *views.values()])


def _grouped(found: list[ShortcutRow], order: list[str]) -> list[ShortcutRow]:
    """One row per section and action with all its keys; what every view has (Undo) once,
    under EVERYWHERE; sections in `order`, rows as found."""
    keys: dict[tuple[str, str], list[str]] = {}
    for row in found:
        listed = keys.setdefault((row.section, row.what), [])
        listed += [key for key in row.keys.split(", ") if key not in listed]
    views = set(order[1:])
    merged: dict[tuple[str, str], str] = {}
    for (section, what), its_keys in keys.items():
        text = ", ".join(its_keys)
        in_every_view = {s for (s, w), k in keys.items() if w == what and ", ".join(k) == text}
        merged[(EVERYWHERE, what) if in_every_view >= views else (section, what)] = text
    rows = [ShortcutRow(section, what, text) for (section, what), text in merged.items()]
    return sorted(rows, key=lambda row: order.index(row.section))


class ShortcutsDialog(QDialog):
    """The keys of `shortcut_rows`, a section a view, opened at the shown view's keys; typing
    in the filter keeps the rows whose words or keys hold the text."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a shortcut"))
        self.filter.setAccessibleName(self.tr("Find a shortcut"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._keep_matching)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        sections: dict[str, QTreeWidgetItem] = {}
        for row in shortcut_rows(window):
            section = sections.get(row.section)
            if section is None:
                title = self.tr(EVERYWHERE) if row.section == EVERYWHERE else row.section
                section = sections[row.section] = QTreeWidgetItem(self.tree, [title])
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                section.setFirstColumnSpanned(True)
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(section, [row.what, row.keys])
        self.tree.expandAll()
        current = window.sidebar.currentRow()
        shown = window.tr(window.specs[current].title) if current >= 0 else EVERYWHERE
        self._start_at(sections.get(shown) or sections.get(EVERYWHERE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 680)

    def _start_at(self, section: QTreeWidgetItem | None) -> None:
        """The first key of `section` current and in view (headings take no selection)."""
        first = section.child(0) if section is not None else None
        if section is not None and first is not None:
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(section, QTreeWidget.ScrollHint.PositionAtTop)

    def _keep_matching(self, text: str) -> None:
        """Hide the rows without `text` in their words or keys, and the sections left empty."""
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            if section is None:
                continue
            shown = 0
            for j in range(section.childCount()):
                row = section.child(j)
                if row is None:
                    continue
                hit = needle in row.text(0).casefold() or needle in row.text(1).casefold()
                row.setHidden(not hit)
                shown += hit
            section.setHidden(shown == 0)
