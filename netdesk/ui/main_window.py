"""The main window: a sidebar of views, menus, a status bar; geometry and last view remembered.

The window can paint before the store is open: built with `services=None` it shows its frame,
sidebar and menus, and `attach(services)` creates the views once the database is ready. Start-up
uses this so the first paint does not wait for the database layer to load. For the same reason
the `Qt` namespace and message boxes are imported by the methods that use them, after the first
paint: PySide builds every Qt enum when `Qt` is first imported, a class's on its first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from netdesk.ui.icons import icon
from netdesk.ui.style import SIDEBAR_STYLE

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QDialog

    from netdesk.core.services import Services
    from netdesk.ui.views import ViewSpec

_CONTACT_FILE_SUFFIXES = {".vcf", ".vcard", ".csv", ".ics", ".json"}


class MainWindow(QMainWindow):
    """Hosts the views; knows nothing of what they show."""

    files_dropped = Signal(list)

    def __init__(
        self,
        services: Services | None,
        views: list[ViewSpec],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self.file_openers: list[Callable[[list[str]], bool]] = []
        self.waiting_files: list[str] = []  # handed over before the views exist
        self.settings = settings
        self.setWindowTitle("NetDesk")
        self.setWindowIcon(icon("netdesk"))
        self.setAcceptDrops(True)
        self.specs = views

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Views"))
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(168)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        for spec in views:
            item = QListWidgetItem(icon(spec.icon), self.tr(spec.title))
            item.setSizeHint(QSize(0, 36))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._restore_state()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Create the views over the opened store and let them add their actions."""
        from PySide6.QtCore import Qt

        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.services = services
        for spec in self.specs:
            widget = spec.factory(services, self.settings)
            self.views[spec.key] = widget
            self.stack.addWidget(widget)
        for widget in self.views.values():
            install = getattr(widget, "install_actions", None)
            if install is not None:
                install(self)
        self.stack.setCurrentIndex(max(self.sidebar.currentRow(), 0))
        self.about_action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Data: {0}").format(services.paths.data_dir), 8000)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (
            ("file", self.tr("&File")),
            ("edit", self.tr("&Edit")),
            ("view", self.tr("&View")),
            ("help", self.tr("&Help")),
        ):
            self.menus[key] = bar.addMenu(title)
        self._undo_end = self.menus["edit"].addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # setShortcuts, not setShortcut: the latter's overloads build every Qt enum (see above).
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_app)
        self.menus["file"].addAction(quit_action)
        self.quit_action = quit_action
        for row, spec in enumerate(self.specs):
            action = QAction(icon(spec.icon), self.tr(spec.title), self)
            if row < 9:
                action.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])
            action.triggered.connect(lambda _=False, key=spec.key: self.focus_view(key))
            self.menus["view"].addAction(action)
        about = QAction(self.tr("&About NetDesk"), self)
        about.triggered.connect(self.show_about)
        about.setEnabled(False)
        self.about_action = about
        self.menus["help"].addAction(about)

    def add_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """Put a view's Undo and Redo at the top of the Edit menu (each view lists its pair only
        while it is shown, see `ui/undo.py`)."""
        self.menus["edit"].insertActions(self._undo_end, [undo, redo])

    def add_file_action(self, action: QAction) -> None:
        """Put a view's action in the File menu, above Quit."""
        self.menus["file"].insertAction(self.quit_action, action)

    def show_view(self, key: str) -> QWidget:
        """Switch to view `key` and return its widget."""
        keys = [spec.key for spec in self.specs]
        self.sidebar.setCurrentRow(keys.index(key))
        return self.views[key]

    def focus_view(self, key: str) -> None:
        """Show view `key` with the keyboard in it (Ctrl+1…): in its `home_focus()` widget,
        else in its first widget that Tab reaches."""
        widget = self.show_view(key)
        home = getattr(widget, "home_focus", None)
        if home is not None:
            home().setFocus()
            return
        candidate = widget.nextInFocusChain()
        while candidate is not None and candidate is not widget:
            if widget.isAncestorOf(candidate) and _takes_tab(candidate):
                candidate.setFocus()
                return
            candidate = candidate.nextInFocusChain()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if row < self.stack.count():
            self.stack.setCurrentIndex(row)
        self.settings.setValue("window/last_view", self.specs[row].key)

    def show_about(self) -> QDialog:
        from PySide6.QtCore import Qt

        from netdesk.ui.about import AboutDialog

        assert self.services is not None  # Help → About while the store upgrades: not handled yet
        paths = self.services.paths
        dialog = AboutDialog(paths.database, paths.log_file, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def bring_to_front(self) -> None:
        """Show, un-minimise and raise the window (another launch asked for it)."""
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def _restore_state(self) -> None:
        from netdesk.ui.stored_settings import read_bytes, read_text

        geometry = read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        keys = [spec.key for spec in self.specs]
        last = read_text(
            self.settings, "window/last_view", keys[0] if keys else "", keys.__contains__
        )
        if keys:
            self.sidebar.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    def quit_app(self) -> None:
        """Quit, unless the window may not close yet (a start-up upgrade closes it when done)."""
        self.save_state()
        if self.close():
            QApplication.quit()

    def open_files(self, paths: list[str]) -> bool:
        """Hand files to the openers (the importer) or views that take them, else tell the user.

        Calendar files and contact files dropped together go their separate ways. Before the views
        exist (the store still opens or upgrades) files wait in `waiting_files`.
        """
        if self.services is None:
            self.waiting_files += paths
            return True
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from netdesk.formats.sources import kind_of

        calendars = [p for p in paths if kind_of(p) == "calendar"]
        others = [p for p in paths if p not in calendars]
        left = [
            p for group in (others, calendars) if group and not self._open(group) for p in group
        ]
        if not left:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Cannot open these files"),
            self.tr(
                "NetDesk reads .vcf, .vcard and .csv contacts, .ics calendars and its own .json "
                "export (on its own):\n{0}"
            ).format("\n".join(Path(p).name for p in left)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return False

    def _open(self, paths: list[str]) -> bool:
        if any(opener(paths) for opener in self.file_openers):
            return True
        for key, widget in self.views.items():
            opener = getattr(widget, "open_files", None)
            if opener is not None and opener(paths):
                self.show_view(key)
                return True
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is not None:  # contacts dragged out of NetDesk's own list
            return
        if any(
            Path(url.toLocalFile()).suffix.lower() in _CONTACT_FILE_SUFFIXES
            or Path(url.toLocalFile()).is_dir()
            for url in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


def _takes_tab(widget: QWidget) -> bool:
    """Whether Tab would stop at `widget` (shown, enabled, taking focus by Tab)."""
    from PySide6.QtCore import Qt

    takes = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    return bool(takes) and widget.isVisible() and widget.isEnabled()
