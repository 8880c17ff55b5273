"""The preview's job changes: each matched person the files give another employer or title
("Ann Lee: CTO at Acme → VP Engineering at Globex"), and whether each gets a "congratulate on
the new role" follow-up. That choice is a setting (on unless turned off), remembered for the
next import; it is written into the plan (`ImportPlan.congratulate`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QGroupBox, QListWidget, QVBoxLayout, QWidget

from netdesk.core.import_jobs import planned
from netdesk.core.importing import ImportPlan
from netdesk.ui.plain import plain_label
from netdesk.ui.stored_settings import read_bool
from netdesk.ui.style import style_label

CONGRATULATE_KEY = "import/congratulate"


class JobChangesBox(QGroupBox):
    """The job changes of one plan, with the congratulate setting."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.plan: ImportPlan | None = None
        self.changes = QListWidget()
        self.changes.setWordWrap(True)
        self.changes.setAccessibleName(self.tr("Job changes"))
        hint = plain_label(
            self.tr(
                "Each old job stays in the person's job history. Choose keep below to leave "
                "a job as it is."
            )
        )
        style_label(hint, "hint")
        hint.setWordWrap(True)
        self.congratulate = QCheckBox(
            self.tr("Add a follow-up to &congratulate each on the new role")
        )
        self.congratulate.setChecked(self._stored())
        self.congratulate.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.changes)
        layout.addWidget(hint)
        layout.addWidget(self.congratulate)

    def show_plan(self, plan: ImportPlan) -> None:
        """List the plan's job changes (hidden without any); the plan takes the setting."""
        self.plan = plan
        plan.congratulate = self.congratulate.isChecked()
        found = planned(plan)
        self.changes.clear()
        self.changes.addItems([change.words() for change in found])
        self.setTitle(self.tr("Job changes (%Ln)", "", len(found)))
        self.changes.setMaximumHeight(self.changes.sizeHintForRow(0) * min(len(found), 6) + 8)
        self.setVisible(bool(found))

    def _stored(self) -> bool:
        return True if self.settings is None else read_bool(self.settings, CONGRATULATE_KEY, True)

    def _toggled(self, on: bool) -> None:
        if self.plan is not None:
            self.plan.congratulate = on
        if self.settings is not None:
            self.settings.setValue(CONGRATULATE_KEY, on)
