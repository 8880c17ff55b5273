"""File → Sync settings…: the CardDAV server, user, password, address book (or a new one, made
by name), task list (for the follow-ups), calendar (for the events) and journal (for the
interactions, where the server keeps journal entries), how often to sync; Test
connection and Sync now run on a worker with progress (cards done of how many) and Cancel, and
say what went wrong in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.caldav_client import TaskList
from netdesk.core.carddav import AddressBook
from netdesk.core.sync_accounts import BookUnclear, default_book
from netdesk.core.sync_desk import SyncState
from netdesk.ui.sync.status import progress_text
from netdesk.ui.sync.work import (
    NEW_BOOK,
    NEW_CALENDAR,
    NEW_EVENT_CALENDAR_NAME,
    NEW_JOURNAL,
    NEW_JOURNAL_NAME,
    NEW_TASK_LIST,
    NEW_TASK_LIST_NAME,
    NO_EVENTS,
    NO_JOURNAL,
    NO_TASKS,
    Login,
    address_books,
    calendars,
    create_address_book,
)
from netdesk.ui.tasks import Task

Found = tuple[list[TaskList], str]
"""The calendars that take a kind of component, and in words why there are none."""

if TYPE_CHECKING:
    from netdesk.core.sync_contacts import SyncReport
    from netdesk.ui.sync.controller import SyncController


class SyncSettingsDialog(QDialog):
    """Sets the sync account up and syncs it; closing leaves a running sync running."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync settings"))
        self.setMinimumWidth(520)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://cloud.example.org/remote.php/dav")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Only for a server with its own certificate"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        certificate = QHBoxLayout()
        certificate.addWidget(self.ca_file, 1)
        certificate.addWidget(browse)
        self.book = QComboBox()
        self.book.addItem(self.tr("“NetDesk” or the only one (or a new one)"), NEW_BOOK)
        self.book.setToolTip(self.tr("Test connection lists the address books on the server"))
        self.new_book_button = QPushButton(self.tr("&New…"))
        self.new_book_button.setToolTip(self.tr("Make a new address book on the server"))
        self.new_book_button.clicked.connect(self.new_book)
        books = QHBoxLayout()
        books.addWidget(self.book, 1)
        books.addWidget(self.new_book_button)
        self.every = QSpinBox()
        self.every.setRange(0, 24 * 60)
        self.every.setSingleStep(5)
        self.every.setSpecialValueText(self.tr("Only by hand (Sync now, F5)"))
        self.every.setSuffix(self.tr(" minutes"))
        self.every.setValue(controller.every_minutes())
        self.every.setToolTip(
            self.tr("Also shortly after a change here, and never while the computer is offline")
        )
        self.every.valueChanged.connect(controller.set_every)
        form = QFormLayout()
        form.addRow(self.tr("&Server address:"), self.url)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        certificate_label = QLabel(self.tr("Certi&ficate:"))
        certificate_label.setBuddy(self.ca_file)
        form.addRow(certificate_label, certificate)
        book_label = QLabel(self.tr("&Address book:"))
        book_label.setBuddy(self.book)
        form.addRow(book_label, books)
        self.task_list = QComboBox()
        self.task_list.addItem(self.tr("None: follow-ups stay on this computer"), NO_TASKS)
        self.task_list.addItem(
            self.tr("“{0}” (made if there is none)").format(NEW_TASK_LIST_NAME), NEW_TASK_LIST
        )
        self.task_list.setToolTip(
            self.tr(
                "Follow-ups as tasks in your phone's tasks app; Test connection lists the task "
                "lists on the server"
            )
        )
        form.addRow(self.tr("Tas&k list:"), self.task_list)
        self.calendar = QComboBox()
        self.calendar.addItem(self.tr("None: events stay on this computer"), NO_EVENTS)
        self.calendar.addItem(
            self.tr("“{0}” (made if there is none)").format(NEW_EVENT_CALENDAR_NAME), NEW_CALENDAR
        )
        self.calendar.setToolTip(
            self.tr(
                "Events in your phone's calendar app; every event of the calendar chosen comes "
                "into NetDesk. Test connection lists the calendars on the server"
            )
        )
        form.addRow(self.tr("Ca&lendar:"), self.calendar)
        self.journal = QComboBox()
        self.journal.addItem(self.tr("None: interactions stay on this computer"), NO_JOURNAL)
        self.journal.addItem(
            self.tr("“{0}” (made if there is none)").format(NEW_JOURNAL_NAME), NEW_JOURNAL
        )
        self.journal.setToolTip(
            self.tr(
                "Interactions as journal entries (VJOURNAL), where the server keeps them; a "
                "server that does not leaves them on this computer and the result says so. "
                "Test connection lists the journals on the server"
            )
        )
        form.addRow(self.tr("&Journal:"), self.journal)
        form.addRow(self.tr("Sync &every:"), self.every)

        self.note = QLabel(
            self.tr(
                "The password goes to the system keyring, never into NetDesk's files. Contacts "
                "sync, follow-ups with a task list, events with a calendar and interactions with "
                "a journal where the server keeps journal entries (else they stay on this "
                "computer)."
            )
        )
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.test_button = self.buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.sync_button = self.buttons.addButton(
            self.tr("S&ync now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.conflicts_button = self.buttons.addButton(
            self.tr("C&onflicts…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.sync_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.sync_button.clicked.connect(self.sync_now)
        self.conflicts_button.clicked.connect(controller.show_conflicts)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.testing: Task | None = None
        controller.progressed.connect(self._progressed)
        controller.ended.connect(self._sync_ended)
        controller.state_read.connect(self._fill)
        controller.keyring_kept.connect(self._keyring_kept)
        self._fill(controller.state)
        self._set_busy(controller.running is not None)

    def _fill(self, state: SyncState | None) -> None:
        """The account's settings in the empty fields; the conflicts button's count."""
        count = state.conflicts if state is not None else 0
        self.conflicts_button.setEnabled(count > 0)
        self.conflicts_button.setText(
            self.tr("C&onflicts ({0})…").format(count) if count else self.tr("C&onflicts…")
        )
        if state is None or self.url.text():
            return
        self.url.setText(state.url)
        self.user.setText(state.user)
        self.ca_file.setText(state.ca_file)
        self.controller.with_password(state, self._fill_password)
        self.book.addItem(state.address_book.rstrip("/").rsplit("/", 1)[-1], state.address_book)
        self.book.setCurrentIndex(self.book.count() - 1)
        for combo, href in (
            (self.task_list, state.task_list),
            (self.calendar, state.calendar),
            (self.journal, state.journal),
        ):
            if href:
                combo.addItem(href.rstrip("/").rsplit("/", 1)[-1], href)
                combo.setCurrentIndex(combo.count() - 1)

    def _fill_password(self, login: Login | None) -> None:
        """The password found (this session's or the keyring's), unless one was typed meanwhile."""
        if login is not None and not self.password.text():
            self.password.setText(login.password)

    def login(self) -> Login | None:
        """What the fields say, or None (with a word why) when something needed is missing."""
        url, user, secret = self.url.text().strip(), self.user.text().strip(), self.password.text()
        missing = [
            name
            for name, value in (
                (self.tr("the server address"), url),
                (self.tr("the user name"), user),
                (self.tr("the password"), secret),
            )
            if not value
        ]
        if missing:
            self.message.setText(self.tr("Fill in {0}.").format(self.tr(" and ").join(missing)))
            return None
        return Login(
            url,
            user,
            secret,
            self.ca_file.text().strip(),
            self.book.currentData(),
            self.task_list.currentData(),
            self.calendar.currentData(),
            self.journal.currentData(),
        )

    def test_connection(self) -> Task | None:
        """List the server's address books on a worker: proves the address and password."""
        login = self.login()
        if login is None:
            return None
        task = Task(
            lambda progress: (
                address_books(login, progress),
                calendars(login, progress, "VTODO"),
                calendars(login, progress, "VEVENT"),
                calendars(login, progress, "VJOURNAL"),
            ),
            self,
        )
        task.succeeded.connect(self._found)
        task.failed.connect(lambda message, _trace: self._done(message))
        task.cancelled.connect(lambda: self._done(self.tr("Cancelled")))
        self.testing = task
        self.message.setText(self.tr("Connecting to {0}…").format(login.url))
        self._set_busy(True)
        task.start()
        return task

    def _found(
        self,
        found: tuple[list[AddressBook], Found, Found, Found],
    ) -> None:
        books, (lists, why_no_list), (events, why_no_calendar), (journals, why_no_journal) = found
        _list_calendars(self.task_list, lists)
        _list_calendars(self.calendar, events)
        _list_calendars(self.journal, journals)
        self._books_found(books)
        for what, why in (
            (self.tr("Follow-ups: {0}"), why_no_list),
            (self.tr("Events: {0}"), why_no_calendar),
            (self.tr("Interactions: {0}"), why_no_journal),
        ):
            if why:
                self.message.setText(self.message.text() + "\n" + what.format(why))

    def _books_found(self, books: list[AddressBook]) -> None:
        self._list_books(books, self.book.currentData())
        if books:
            names = ", ".join(book.name or book.href for book in books)
            text = self.tr("Connected. Address books: {0}").format(names)
            if self.book.currentData() == NEW_BOOK and _unclear(books):
                text += "\n" + self.tr("None is called NetDesk: choose the one to sync.")
            self._done(text)
        else:
            self._done(self.tr("Connected. No address book yet: Sync now makes one."))

    def _list_books(self, books: list[AddressBook], chosen: str) -> None:
        """The address books in the choice, `chosen` (a path) chosen when it is among them."""
        while self.book.count() > 1:
            self.book.removeItem(1)
        for book in books:
            self.book.addItem(book.name or book.href, book.href)
        self.book.setCurrentIndex(max(self.book.findData(chosen), 0))

    def sync_now(self) -> Task | None:
        """Keep the password (keyring, else this session) and sync on a worker."""
        login = self.login()
        if login is None:
            return None
        self.controller.keep_password(login.url, login.user, login.password)
        task = self.controller.start(login)
        if task is not None:
            self.message.setText(self.tr("Syncing…"))
            self._set_busy(True)
        return task

    def _keyring_kept(self, kept: bool) -> None:
        if not kept:
            self.note.setText(
                self.tr(
                    "No system keyring: NetDesk keeps the password until it closes and asks "
                    "again next time."
                )
            )

    def new_book(self) -> Task | None:
        """Ask for a name and make an address book of it on the server (on a worker)."""
        login = self.login()
        if login is None:
            return None
        name, ok = QInputDialog.getText(
            self, self.tr("New address book"), self.tr("Name of the new address book:")
        )
        if not ok or not name.strip():
            return None
        name = name.strip()
        task = Task(lambda progress: create_address_book(login, name, progress), self)
        task.succeeded.connect(lambda found: self._book_made(name, *found))
        task.failed.connect(lambda message, _trace: self._done(message))
        task.cancelled.connect(lambda: self._done(self.tr("Cancelled")))
        self.testing = task
        self.message.setText(self.tr("Making the address book “{0}”…").format(name))
        self._set_busy(True)
        task.start()
        return task

    def _book_made(self, name: str, href: str, books: list[AddressBook]) -> None:
        self._list_books(books, href)
        self._done(self.tr("Made the address book “{0}”: Sync now fills it.").format(name))

    def cancel(self) -> None:
        """Stop the test or the sync at its next request."""
        if self.testing is not None:
            self.testing.cancel()
        self.controller.cancel()

    def _progressed(self, done: int, total: int, phase: str) -> None:
        """Cards done of how many in the phase; the bar only moves back and forth before."""
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setTextVisible(bool(total))
        self.message.setText(progress_text(done, total, phase))

    def _sync_ended(self, error: str) -> None:
        report = self.controller.last_report
        if error or report is None:
            self._done(self.tr("The sync stopped: {0}").format(error))
        else:
            self._done(report_text(report))

    def _done(self, message: str) -> None:
        self.testing = None
        self.message.setText(message)
        self._set_busy(self.controller.running is not None)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if not busy:
            self.progress.setRange(0, 0)
            self.progress.setTextVisible(False)
        self.cancel_button.setEnabled(busy)
        for widget in (
            self.test_button,
            self.sync_button,
            self.new_book_button,
            self.url,
            self.user,
            self.password,
        ):
            widget.setEnabled(not busy)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The server's certificate"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_file.setText(path)


def _list_calendars(combo: QComboBox, found: list[TaskList]) -> None:
    """The calendars found in `combo` after its two fixed items, the chosen one kept chosen
    when it is among them."""
    chosen = combo.currentData()
    while combo.count() > 2:
        combo.removeItem(2)
    for item in found:
        combo.addItem(item.name or item.href, item.href)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


def report_text(report: SyncReport) -> str:
    """A sync's result in one or two sentences."""
    text = QCoreApplication.translate(
        "SyncSettingsDialog",
        "Synced. Received {0} new, {1} matched, {2} changed, {3} to the Trash; sent {4} new, "
        "{5} changed, {6} deleted.",
    ).format(
        report.received_new,
        report.received_linked,
        report.received_changed,
        report.received_removed,
        report.sent_new,
        report.sent_changed,
        report.sent_removed,
    )
    if report.conflicts:
        text += " " + QCoreApplication.translate(
            "SyncSettingsDialog",
            "{0} field(s) changed on both sides: NetDesk's value kept, choose in Conflicts…",
        ).format(report.conflicts)
    notes = list(report.notes)
    if report.tasks is not None:
        tasks = report.tasks
        text += " " + QCoreApplication.translate(
            "SyncSettingsDialog",
            "Follow-ups: received {0} new, {1} changed ({2} done), {3} dismissed; sent {4} new, "
            "{5} changed, {6} deleted.",
        ).format(
            tasks.received_new,
            tasks.received_changed,
            tasks.received_done,
            tasks.received_removed,
            tasks.sent_new,
            tasks.sent_changed,
            tasks.sent_removed,
        )
        notes += tasks.notes
    if report.events is not None:
        events = report.events
        text += " " + QCoreApplication.translate(
            "SyncSettingsDialog",
            "Events: received {0} new, {1} changed, {2} deleted; sent {3} new, {4} changed, "
            "{5} deleted.",
        ).format(
            events.received_new,
            events.received_changed,
            events.received_removed,
            events.sent_new,
            events.sent_changed,
            events.sent_removed,
        )
        notes += events.notes
    if report.interactions is not None:
        journal = report.interactions
        text += " " + QCoreApplication.translate(
            "SyncSettingsDialog",
            "Interactions: received {0} new, {1} changed, {2} deleted; sent {3} new, {4} changed, "
            "{5} deleted.",
        ).format(
            journal.received_new,
            journal.received_changed,
            journal.received_removed,
            journal.sent_new,
            journal.sent_changed,
            journal.sent_removed,
        )
        notes += journal.notes
    return "\n".join([text, *notes])


def _unclear(books: list[AddressBook]) -> bool:
    """Whether a sync with no address book chosen would ask for one (several, none NetDesk)."""
    try:
        default_book(books, "")
    except BookUnclear:
        return True
    return False
