"""The main window: a sidebar of views, menus, a status bar; geometry and last view remembered.

The window can paint before the store is open: built with `services=None` it shows its frame,
sidebar and menus, and `attach(services)` creates the views once the database is ready. Start-up
uses this so the first paint does not wait for the database layer to load, and creates the views
a step at a time (`begin_views`, `build_view`, `finish_views`; see `ui/startup.py`). For the same
reason the `Qt` namespace and message boxes are imported by the methods that use them, after the
first paint: PySide builds every Qt enum when `Qt` is first imported, a class's on its first.
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
    QStatusBar,
    QToolButton,
    QWidget,
)

from netdesk.ui.icons import icon
from netdesk.ui.read_only import reading
from netdesk.ui.style import SIDEBAR_STYLE

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QDialog

    from netdesk.core.services import Services
    from netdesk.paths import Paths
    from netdesk.ui.views import ViewSpec

_CONTACT_FILE_SUFFIXES = {".vcf", ".vcard", ".csv", ".ics", ".json"}
FILE_GROUPS = ("new", "import", "export", "print", "sync", "settings")
"""The File menu's groups in order, separated: New…; Import and its history; Export; Print;
Sync; settings. Quit comes last."""


class MainWindow(QMainWindow):
    """Hosts the views; knows nothing of what they show."""

    files_dropped = Signal(list)

    def __init__(
        self,
        services: Services | None,
        views: list[ViewSpec],
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        paths: Paths | None = None,
    ) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self.paths = paths if paths is not None else getattr(services, "paths", None)
        """Where the data and the log are: known before the store opens (Help works then)."""
        self.ready = False  # every view created, their actions installed
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
            self.stack.addWidget(QWidget())  # stands in for its view until it is created
        self.sidebar.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        _reserve_button_height(self.statusBar())

        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._restore_state()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Create the views over the opened store and let them add their actions."""
        self.begin_views(services)
        self.finish_views()

    def begin_views(self, services: Services) -> None:
        """Make ready for the views over the opened store: each is created by `build_view` (or
        when first shown), and `finish_views` creates the rest and installs their actions.

        Start-up creates the shown view first and the others a turn of the event loop each."""
        from PySide6.QtCore import Qt

        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.services = services
        if self.paths is None:
            self.paths = services.paths
        for action in self.help_actions:
            action.setEnabled(True)

    def make_view(self, key: str) -> QWidget:
        """The view `key`, created now if it was not yet, not yet in the window (`build_view`
        puts it there): start-up makes the shown view a turn before it is laid out and painted."""
        widget = self.views.get(key)
        if widget is None:
            assert self.services is not None, "begin_views first"
            spec = next(spec for spec in self.specs if spec.key == key)
            widget = self.views[key] = spec.factory(self.services, self.settings)
        return widget

    def build_view(self, key: str) -> QWidget:
        """The view `key` in the window, created now if it was not yet."""
        widget = self.make_view(key)
        index = [spec.key for spec in self.specs].index(key)
        if self.stack.widget(index) is widget:
            return widget
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.stack.setCurrentIndex(max(self.sidebar.currentRow(), 0))
        return widget

    def finish_views(self) -> None:
        """Create the views not created yet, then let every view add its actions (in sidebar
        order); files handed over from now on open at once."""
        assert self.services is not None, "begin_views first"
        for spec in self.specs:
            self.build_view(spec.key)
        for spec in self.specs:
            install = getattr(self.views[spec.key], "install_actions", None)
            if install is not None:
                install(self)
        self.stack.setCurrentIndex(max(self.sidebar.currentRow(), 0))
        self.ready = True
        self.statusBar().showMessage(
            self.tr("Data: {0}").format(self.services.paths.data_dir), 8000
        )

    def current_key(self) -> str:
        """The key of the view the sidebar shows (the first one before any is chosen)."""
        return self.specs[max(self.sidebar.currentRow(), 0)].key

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
        # The File menu's groups, each ended by a separator (a group left empty shows none).
        self._file_groups = {group: self.menus["file"].addSeparator() for group in FILE_GROUPS}
        quit_action = QAction(self.tr("&Quit"), self)
        # setShortcuts, not setShortcut: the latter's overloads build every Qt enum (see above).
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.quit_app)
        self.menus["file"].addAction(quit_action)
        self.quit_action = quit_action
        for row, spec in enumerate(self.specs):
            action = QAction(icon(spec.icon), self.tr(spec.title), self)
            if row < 9:
                action.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])
            action.triggered.connect(lambda _=False, key=spec.key: self.focus_view(key))
            self.menus["view"].addAction(action)
        self.help_actions = [
            self._help_action(self.tr("&Keyboard shortcuts…"), self.show_shortcuts, "F1"),
            self._help_action(self.tr("Open &data folder"), self.open_data_folder),
            self._help_action(self.tr("Open &log file"), self.open_log_file),
            self._help_action(self.tr("&About NetDesk"), self.show_about),
        ]
        for action in self.help_actions[1:]:
            action.setEnabled(self.paths is not None)
        self.about_action = self.help_actions[-1]
        reading(quit_action, *self.menus["view"].actions(), *self.help_actions)
        self.menus["help"].insertSeparator(self.about_action)

    def _help_action(self, text: str, slot: Callable[[], object], key: str = "") -> QAction:
        """A Help menu item: it works while the store opens or upgrades."""
        action = QAction(text, self)
        if key:
            action.setShortcuts([QKeySequence(key)])
        action.triggered.connect(lambda _=False: slot())
        self.menus["help"].addAction(action)
        return action

    def add_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """Put a view's Undo and Redo at the top of the Edit menu (each view lists its pair only
        while it is shown, see `ui/undo.py`)."""
        self.menus["edit"].insertActions(self._undo_end, [undo, redo])

    def add_file_action(self, action: QAction, group: str = "new", *, first: bool = False) -> None:
        """Put an action in the File menu's `group` (one of FILE_GROUPS), at its end or first."""
        menu_actions = self.menus["file"].actions()
        before = self._file_groups[group]
        if first:
            index = FILE_GROUPS.index(group)
            previous = self._file_groups[FILE_GROUPS[index - 1]] if index else None
            before = menu_actions[menu_actions.index(previous) + 1 if previous else 0]
        self.menus["file"].insertAction(before, action)

    def show_view(self, key: str) -> QWidget:
        """Switch to view `key` and return its widget (its stand-in while the store opens)."""
        keys = [spec.key for spec in self.specs]
        self.sidebar.setCurrentRow(keys.index(key))
        if self.services is None:
            stand_in = self.stack.widget(keys.index(key))
            assert stand_in is not None  # every view has one from the start
            return stand_in
        return self.build_view(key)

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
        if self.services is not None:
            self.build_view(self.specs[row].key)
        if row < self.stack.count():
            self.stack.setCurrentIndex(row)
        self.settings.setValue("window/last_view", self.specs[row].key)

    def show_about(self) -> QDialog:
        from PySide6.QtCore import Qt

        from netdesk.ui.about import AboutDialog

        assert self.paths is not None  # enabled once they are known
        paths = self.paths
        dialog = AboutDialog(paths.database, paths.log_file, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QDialog:
        """Help → Keyboard shortcuts: every key of the menus and the views, read from them."""
        from PySide6.QtCore import Qt

        from netdesk.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_data_folder(self) -> bool:
        """Help → Open data folder, in the desktop's file manager."""
        from netdesk.ui.help_files import open_path

        assert self.paths is not None  # enabled once they are known
        return open_path(self, self.paths.data_dir)

    def open_log_file(self) -> bool:
        """Help → Open log file, in the desktop's text viewer."""
        from netdesk.ui.help_files import open_path

        assert self.paths is not None  # enabled once they are known
        return open_path(self, self.paths.log_file)

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
        if event.isAccepted() and QApplication.quitOnLastWindowClosed():
            self.close_views()  # the app quits (kept in the tray, the window opens again)

    def close_views(self) -> None:
        """For good (the app quits): every view gets the close event a view inside the window
        never gets itself, and every read on a worker (`LatestRead`, a reminder check) stops and
        is waited for, so nothing reads after the store closes."""
        from netdesk.ui.latest_read import LatestRead
        from netdesk.ui.scheduler import ReminderScheduler

        for view in self.views.values():
            view.close()
        for reader in self.findChildren(LatestRead):
            reader.shut_down()
        for scheduler in self.findChildren(ReminderScheduler):
            scheduler.stop()

    def quit_app(self) -> None:
        """Quit, unless the window may not close yet (a start-up upgrade closes it when done)."""
        self.save_state()
        if self.close():
            QApplication.quit()

    def open_files(self, paths: list[str]) -> bool:
        """Hand files to the openers (the importer) or views that take them, else tell the user.

        Calendar files and contact files dropped together go their separate ways. Before the views
        are ready (the store still opens or upgrades) files wait in `waiting_files`.
        """
        if not self.ready:
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


def _reserve_button_height(bar: QStatusBar) -> None:
    """Make `bar` as tall from the start as with a flat tool button in it (sync's status, added
    after start-up): growing then (22 -> 26 px offscreen) relaid out and repainted the shown view
    in the turn that installs sync (~15 ms of GUI-thread CPU with Today shown)."""
    probe = QToolButton(bar)
    probe.setAutoRaise(True)
    probe.setText("Sync")
    bar.addPermanentWidget(probe)
    bar.setMinimumHeight(bar.sizeHint().height())
    bar.removeWidget(probe)
    probe.deleteLater()
