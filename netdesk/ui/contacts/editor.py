"""The contact editor: every field of a contact, checked as typed, plus its timeline and job
history.

It shows beside the list and in a dialog on double-click. It does not write by itself: Save emits
`save_requested(contact_id or None, draft)` and the owner stores it (so the write can be undone).
The organisations, tags and events it offers are read again only after they may have changed,
not on every contact shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.employment import TOPIC as EMPLOYMENT
from netdesk.core.give_take import balance
from netdesk.core.services import Services
from netdesk.core.vocabulary import CIRCLES
from netdesk.formats.draft import ContactDraft
from netdesk.ui.change_signals import ChangeSignals
from netdesk.ui.contacts.jobs import JobHistoryPanel
from netdesk.ui.contacts.methods_editor import MethodsEditor
from netdesk.ui.contacts.opportunities_tab import OpportunitiesTab
from netdesk.ui.contacts.photo import PhotoField
from netdesk.ui.contacts.timeline import TimelineWidget
from netdesk.ui.dates import month_label, use_locale_format
from netdesk.ui.form_scroll import FormScroll
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.optional_date import OptionalDateEdit
from netdesk.ui.plain import plain_label
from netdesk.ui.plural import counted
from netdesk.ui.qtdates import py_date, qdate
from netdesk.ui.style import style_label
from netdesk.ui.tables import Index

NO_DATE = QDate(1900, 1, 1)
MET_AT_CHOICES = 200  # the latest events offered under "Met at"
COMPLETIONS_WAIT_MS = 250
"""The longest the completions' read waits for the editor's paint (a hidden editor still reads)."""
_CHOICE_TOPICS = ("contacts", "events", "imports")
CADENCES = (
    ("Not set", None),
    ("Every 2 weeks", 14),
    ("Every month", 30),
    ("Every 2 months", 60),
    ("Every 3 months", 90),
    ("Every 6 months", 180),
    ("Every year", 365),
)


class TagCompleter(QCompleter):
    """Completes the last comma-separated tag in a line edit."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: Index) -> str:
        edit = self.widget()
        assert isinstance(edit, QLineEdit)
        head = edit.text().rsplit(",", 1)[0] + ", " if "," in edit.text() else ""
        return head + index.data()


class ContactEditor(QWidget):
    """Edits one contact (or a new one)."""

    save_requested = Signal(object, object)
    dirty_changed = Signal(bool)
    opportunity_requested = Signal(int)

    def __init__(self, services: Services, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.contact_id: int | None = None
        self.loaded = ContactDraft()
        self.dirty = False
        self._loading = False
        self.region = region
        self._choices_stale = True
        self._signals = ChangeSignals(services.changes, self)
        self._signals.changed.connect(self._on_change)

        self.heading = plain_label("New contact")
        style_label(self.heading, "editorHeading")
        self.balance = plain_label()
        style_label(self.balance, "hint")
        self.balance.setToolTip("Interactions marked as given or received (Log interaction)")
        self.photo = PhotoField()
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.nickname = QLineEdit()
        self.organisation = QLineEdit()
        self.title = QLineEdit()
        self.circle = QComboBox()
        self.circle.addItem("—", "")
        for circle in CIRCLES:
            self.circle.addItem(circle.capitalize(), circle)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Comma-separated, e.g. data, berlin")
        self.birthday = OptionalDateEdit()
        self.birthday.setMinimumDate(NO_DATE)
        self.birthday.setSpecialValueText("—")
        use_locale_format(self.birthday, weekday=False)
        self.birthday.setCalendarPopup(True)
        self.how_met = QLineEdit()
        self.how_met.setPlaceholderText("e.g. Introduced by Sam at PyCon")
        self.met_at = QComboBox()
        self.cadence = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.methods = MethodsEditor(self.region)
        self.name_message = plain_label()
        style_label(self.name_message, "fieldError")
        self.name_message.hide()
        self.timeline = TimelineWidget(services)
        self.timeline.logged.connect(lambda _: self._count_timeline())
        self.timeline.logged.connect(lambda _: self._show_balance())
        self.jobs = JobHistoryPanel(services)
        self.opportunities = OpportunitiesTab(lambda: services.opportunities)
        self.opportunities.opportunity_requested.connect(self.opportunity_requested)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Photo", self.photo)
        form.addRow("First name", self.given)
        form.addRow("Last name", self.family)
        form.addRow("", self.name_message)
        form.addRow("Nickname", self.nickname)
        form.addRow("Organisation", self.organisation)
        form.addRow("Title", self.title)
        form.addRow("Circle", self.circle)
        form.addRow("Tags", self.tags)
        # the rows span the form (their labels are their own): a long email reads whole at 1024
        form.addRow(plain_label("Reach at"))
        form.addRow(self.methods)
        form.addRow("Birthday", self.birthday)
        form.addRow("How we met", self.how_met)
        form.addRow("Met at", self.met_at)
        form.addRow("Keep in touch", self.cadence)
        form.addRow("Notes", self.notes)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 9, 6, 9)  # the tab page's edge is margin enough
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = FormScroll(body)  # never narrower than the form: a splitter stops there
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, "Details")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.jobs, "Jobs")
        self.tabs.addTab(self.opportunities, "Opportunities")

        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self.revert)
        self.problems = plain_label()
        style_label(self.problems, "fieldError")
        self.problems.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 0, 8)  # the view's margin is on the right
        layout.addWidget(self.heading)
        layout.addWidget(self.balance)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.setWhatsThis(self.tr("Save the contact"))
        line_edits = (
            self.given,
            self.family,
            self.nickname,
            self.organisation,
            self.title,
            self.tags,
            self.how_met,
        )
        for edit in line_edits:
            edit.textChanged.connect(self._changed)
        for combo in (self.circle, self.met_at, self.cadence):
            combo.currentIndexChanged.connect(self._changed)
        self.birthday.dateChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.methods.changed.connect(self._changed)
        self.photo.changed.connect(self._changed)
        self.photo.failed.connect(self.problems.setText)
        # Blank until someone is loaded (the view shows a hint instead); the completions of
        # thousands of organisations are read then, not while the window starts.
        self.completions = LatestRead(self)
        self.completions.read.connect(self._complete)
        self._completions_read: Callable[[], object] | None = None
        self._choices_stale = False
        self.load(None)
        self._choices_stale = True

    # -- loading ---------------------------------------------------------------------------

    def load(self, contact_id: int | None, draft: ContactDraft | None = None) -> None:
        """Show a stored contact, or an empty (or given) draft for a new one."""
        self._loading = True
        self.contact_id = contact_id
        if draft is None:
            draft = self.services.contacts.load(contact_id) if contact_id else ContactDraft()
        self.loaded = draft
        self._refresh_choices(draft)
        self.given.setText(draft.given_name)
        self.family.setText(draft.family_name)
        self.nickname.setText(draft.nickname)
        self.organisation.setText(draft.organisation)
        self.title.setText(draft.title)
        self.circle.setCurrentIndex(max(self.circle.findData(draft.circle), 0))
        self.tags.setText(", ".join(draft.tags))
        self.birthday.setDate(qdate(draft.birthday) if draft.birthday else NO_DATE)
        self.how_met.setText(draft.how_met)
        self.met_at.setCurrentIndex(max(self.met_at.findData(draft.met_at), 0))
        self.cadence.setCurrentIndex(max(self.cadence.findData(draft.cadence_days), 0))
        self.notes.setPlainText(draft.notes)
        self.methods.set_methods(draft.methods)
        self.photo.set_photo(draft.photo, draft.full_name())
        name = draft.full_name() or "New contact"
        self.heading.setText(name)
        self.timeline.show_contact(contact_id, name)
        self._count_timeline()
        self.jobs.show_contact(contact_id)
        self._count_jobs()
        self.opportunities.show_contact(contact_id)
        self._count_opportunities()
        self._show_balance()
        self._loading = False
        self._set_dirty(False)
        self._validate()

    def _count_timeline(self) -> None:
        count = self.timeline.items.count()
        self.tabs.setTabText(1, f"Timeline ({count})" if count else "Timeline")

    def _count_jobs(self) -> None:
        count = len(self.jobs.jobs)
        self.tabs.setTabText(2, f"Jobs ({count})" if count > 1 else "Jobs")

    def _count_opportunities(self) -> None:
        count = self.opportunities.count()
        index = self.tabs.indexOf(self.opportunities)
        self.tabs.setTabText(index, f"Opportunities ({count})" if count else "Opportunities")

    def _show_balance(self) -> None:
        """ "Gave 3, received 5 in the last 12 months" under the name of a stored contact."""
        self.balance.setVisible(self.contact_id is not None)
        if self.contact_id is not None:
            words = balance(self.contact_id, self.services.clock).words()
            self.balance.setText(words[0].upper() + words[1:])

    def set_region(self, region: str) -> None:
        """Read phone numbers as numbers of `region` from now on."""
        self.region = region
        self.methods.region = region
        for row in self.methods.rows:
            row.set_region(region)
        self._validate()

    def revert(self) -> None:
        """Throw away unsaved edits."""
        self.load(self.contact_id, self.loaded)

    def _on_change(self, topic: str, ids: frozenset[int]) -> None:
        if topic in _CHOICE_TOPICS:
            self._choices_stale = True
        if topic == EMPLOYMENT and (not ids or self.contact_id in ids):
            self.jobs.refresh()
            self._count_jobs()
        if topic == "opportunities" and self.contact_id is not None:
            self.opportunities.refresh()
            self._count_opportunities()
        if topic == "interactions" and (not ids or self.contact_id in ids):
            self.timeline.refresh()
            self._count_timeline()
            self._show_balance()

    def _refresh_choices(self, draft: ContactDraft) -> None:
        if self._choices_stale or (draft.met_at and self.met_at.findData(draft.met_at) < 0):
            self._choices_stale = False
            self._read_choices(draft.met_at)
        self.cadence.clear()
        for title, days in CADENCES:
            self.cadence.addItem(title, days)
        if draft.cadence_days and self.cadence.findData(draft.cadence_days) < 0:
            every = counted("ContactEditor", "Every %Ln day(s)", draft.cadence_days)
            self.cadence.addItem(every, draft.cadence_days)

    def _read_choices(self, met_at: int | None) -> None:
        """The organisations and tags to complete, the events to pick from (with `met_at`)."""
        contacts = self.services.contacts
        self._completions_read = lambda: (contacts.company_names(), contacts.all_tags())
        QTimer.singleShot(COMPLETIONS_WAIT_MS, self, self._start_completions)
        self.met_at.clear()
        self.met_at.addItem("—", None)
        months: dict[tuple[int, int], str] = {}  # 200 events fall in a few dozen months
        for event_id, name, starts_at in self.services.events.recent(MET_AT_CHOICES, met_at):
            month = (starts_at.year, starts_at.month)
            if month not in months:
                months[month] = month_label(starts_at, short=True)
            self.met_at.addItem(f"{name} ({months[month]})", event_id)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Painted: the completions' read waiting starts, on the next turn. Its worker holds the
        GIL most of the time, and beside the editor's filling and first paint (a Python call at a
        time) it made the first contact shown take 80-150 ms instead of 50-90 (load 6-7)."""
        super().paintEvent(event)
        if self._completions_read is not None:
            QTimer.singleShot(0, self, self._start_completions)

    def _start_completions(self) -> None:
        read, self._completions_read = self._completions_read, None
        if read is not None:
            self.completions.start(read)

    def _complete(self, read: tuple[list[str], list[str]]) -> None:
        """The completions read on a worker (organisations, tags), in place of those before."""
        companies, tags = read
        completer = QCompleter(companies, self.organisation)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organisation.setCompleter(completer)
        tag_completer = TagCompleter(tags, self.tags)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(tag_completer)

    # -- editing ---------------------------------------------------------------------------

    def draft(self) -> ContactDraft:
        """The contact as edited (fields the editor does not show are kept as loaded)."""
        birthday = self.birthday.date()
        return replace(
            self.loaded,
            given_name=self.given.text().strip(),
            family_name=self.family.text().strip(),
            nickname=self.nickname.text().strip(),
            organisation=self.organisation.text().strip(),
            title=self.title.text().strip(),
            circle=self.circle.currentData() or "",
            tags=[t.strip() for t in self.tags.text().split(",") if t.strip()],
            birthday=None if birthday == NO_DATE else py_date(birthday),
            how_met=self.how_met.text().strip(),
            met_at=self.met_at.currentData(),
            cadence_days=self.cadence.currentData(),
            notes=self.notes.toPlainText().rstrip(),
            methods=self.methods.methods(),
            photo=self.photo.photo,
            display_name="",
        )

    def errors(self) -> list[str]:
        """Everything that stops a save, as messages for the user."""
        problems = self.methods.errors()
        draft = self.draft()
        if not (draft.full_name() or draft.methods_of("email")):
            problems.insert(0, "Enter a name, an organisation or an email.")
        return problems

    def save(self) -> bool:
        """Ask the owner to store the contact, if it is valid."""
        if not self._validate():
            return False
        self.save_requested.emit(self.contact_id, self.draft())
        return True

    def mark_saved(self, contact_id: int) -> None:
        """The owner stored the edits: show the stored contact."""
        self.load(contact_id)

    def _changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self._validate()

    def _validate(self) -> bool:
        problems = self.errors()
        name_problem = next((p for p in problems if p.startswith("Enter a name")), "")
        self.name_message.setText(name_problem)
        self.name_message.setVisible(bool(name_problem) and self.dirty)
        method_problems = [p for p in problems if p != name_problem]
        self.problems.setText("  ".join(method_problems))
        self.save_button.setEnabled(not problems and (self.dirty or self.contact_id is None))
        return not problems

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)
        self.revert_button.setEnabled(dirty)
