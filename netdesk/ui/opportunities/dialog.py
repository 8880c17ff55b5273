"""An opportunity in full: what and where, how the user heard of it, the people behind it, the
stage, the next step and its timeline.

The dialog does not write: Save hands the draft to its owner (`saved(draft)`), which stores it
as an undoable change. A date set for the next step with nobody involved says it waits for a
person before it goes on the calendar (see `core.opportunities`).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import StageChange
from netdesk.core.services import Services
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.ui.dates import day_label, use_locale_format
from netdesk.ui.opportunities.people_editor import PeopleEditor
from netdesk.ui.plain import plain_label
from netdesk.ui.qtdates import py_date, qdate
from netdesk.ui.style import style_label
from netdesk.ui.timefmt import local_from_utc


class OptionalDate(QWidget):
    """A day that may be unset: a check box turns the date on (it starts at `default`)."""

    changed = Signal()

    def __init__(self, day: date | None, default: date, name: str) -> None:
        super().__init__()
        self.on = QCheckBox()
        self.on.setAccessibleName(f"{name}: set")
        self.edit = QDateEdit(qdate(day or default))
        use_locale_format(self.edit)
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(name)
        self.on.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.on.toggled.connect(self.edit.setEnabled)
        self.on.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on)
        layout.addWidget(self.edit)

    def day(self) -> date | None:
        return py_date(self.edit.date()) if self.on.isChecked() else None

    def set_day(self, day: date | None) -> None:
        self.on.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))


def timeline_words(changes: list[StageChange], today: date) -> str:
    """ "heard Mon 2 Mar → applied Mon 9 Mar" (local days)."""
    return " → ".join(
        f"{c.stage} {day_label(local_from_utc(c.changed_at).date(), today)}" for c in changes
    )


class OpportunityDialog(QDialog):
    """Edits one opportunity (or a new one)."""

    saved = Signal(object)
    delete_requested = Signal()
    referral_requested = Signal()

    def __init__(
        self,
        services: Services,
        draft: OpportunityDraft,
        *,
        opportunity_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.opportunity_id = opportunity_id
        self.today = services.clock.today()
        self.setWindowTitle("Opportunity" if opportunity_id else "New opportunity")
        self.title = QLineEdit(draft.title)
        self.title.setPlaceholderText("e.g. Staff engineer")
        self.company = QLineEdit(draft.company)
        companies = QCompleter(services.contacts.company_names(), self.company)
        companies.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.company.setCompleter(companies)
        self.url = QLineEdit(draft.url)
        self.url.setPlaceholderText("https://…")
        self.stage = QComboBox()
        for stage in OPPORTUNITY_STAGES:
            self.stage.addItem(stage.capitalize(), stage)
        self.stage.setCurrentIndex(OPPORTUNITY_STAGES.index(draft.stage))
        self.source = QLineEdit(draft.source)
        self.source.setPlaceholderText("e.g. coffee with Ana, PyCon, a LinkedIn post")
        self.heard_on = OptionalDate(draft.heard_on, self.today, "Heard on")
        self.people = PeopleEditor(services.events.people.matches, draft.people)
        self.next_step = QLineEdit(draft.next_step)
        self.next_step.setPlaceholderText("e.g. ask Ben for a referral")
        week = self.today + timedelta(days=7)
        self.next_step_on = OptionalDate(draft.next_step_on, week, "Next step on")
        self.step_with = QComboBox()
        self.step_with.setAccessibleName("Next step with")
        self._wanted_with = draft.next_step_with
        self.step_hint = plain_label("Add a person to put this step on the calendar.")
        style_label(self.step_hint, "hint")
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.problem = plain_label()
        style_label(self.problem, "fieldError")
        self.problem.hide()

        heard = QHBoxLayout()
        heard.addWidget(self.source, 1)
        heard.addWidget(self.heard_on)
        step = QHBoxLayout()
        step.addWidget(self.next_step, 1)
        step.addWidget(self.next_step_on)
        step.addWidget(self.step_with)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Role", self.title)
        form.addRow("Company", self.company)
        form.addRow("Link", self.url)
        form.addRow("Stage", self.stage)
        form.addRow("Heard of it", heard)
        form.addRow("People", self.people)
        form.addRow("Next step", step)
        form.addRow("", self.step_hint)
        form.addRow("Notes", self.notes)
        if opportunity_id is not None:
            changes = services.opportunities.timeline(opportunity_id)
            self.timeline = plain_label(timeline_words(changes, self.today))
            self.timeline.setWordWrap(True)
            style_label(self.timeline, "hint")
            form.addRow("Timeline", self.timeline)
        form.addRow("", self.problem)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if opportunity_id is not None:
            self.referral_button = QPushButton("Ask for a referral…")
            self.referral_button.setToolTip("Write to someone who could refer you (R on the board)")
            self.referral_button.clicked.connect(self._ask_referral)
            buttons.addButton(self.referral_button, QDialogButtonBox.ButtonRole.ActionRole)
            delete = QPushButton("Delete")
            delete.clicked.connect(self._delete)
            buttons.addButton(delete, QDialogButtonBox.ButtonRole.DestructiveRole)
        form.addRow(buttons)
        self.people.changed.connect(self._fill_with)
        self.next_step_on.changed.connect(self._fill_with)
        self._fill_with()
        self.resize(640, self.sizeHint().height())
        self.title.setFocus()

    def _fill_with(self) -> None:
        """Offer the people involved for the next step (by default whoever matters most)."""
        wanted = self.step_with.currentData() if self.step_with.count() else self._wanted_with
        self.step_with.clear()
        self.step_with.addItem("with whoever matters most", None)
        names: dict[int, str] = {}
        for person in self.people.people():
            names.setdefault(person.contact_id, person.name)
        for contact_id, name in names.items():
            self.step_with.addItem(f"with {name}", contact_id)
        self.step_with.setCurrentIndex(max(self.step_with.findData(wanted), 0))
        self.step_with.setEnabled(bool(names))
        self.step_hint.setVisible(not names and self.next_step_on.day() is not None)

    def draft(self) -> OpportunityDraft:
        """The opportunity as edited."""
        return OpportunityDraft(
            title=self.title.text().strip(),
            company=self.company.text().strip(),
            stage=self.stage.currentData(),
            url=self.url.text().strip(),
            source=self.source.text().strip(),
            heard_on=self.heard_on.day(),
            notes=self.notes.toPlainText().rstrip(),
            people=self.people.people(),
            next_step=self.next_step.text().strip(),
            next_step_on=self.next_step_on.day(),
            next_step_with=self.step_with.currentData(),
        )

    def save(self) -> bool:
        """Hand the draft to the owner, unless it cannot be stored (said under the form)."""
        if self.people.pending() and not self.people.add():
            return False
        draft = self.draft()
        try:
            draft.check()
        except ValueError as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return False
        self.saved.emit(draft)
        self.accept()
        return True

    def _delete(self) -> None:
        self.delete_requested.emit()
        self.reject()

    def _ask_referral(self) -> None:
        self.referral_requested.emit()
        self.reject()
