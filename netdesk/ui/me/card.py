"""One of your profiles on the Me page: its link (opened only when safe), the checklist you tick,
how many months a tick stays fresh. Edits come out as the new row, for the view to store with
undo; nothing here writes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netdesk.core.own_profiles import (
    CHECKS,
    DEFAULT_MONTHS,
    EXAMPLES,
    MAX_MONTHS,
    SERVICES,
    OwnProfileRow,
    add_months,
    day_words,
    link_of,
    linked,
)
from netdesk.core.profiles import handle_of, is_safe_link, link_host
from netdesk.ui.card import Card
from netdesk.ui.dates import plain_day
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.read_only import reading
from netdesk.ui.style import KEEP_COLOURS, style_label


class ProfileCard(Card):
    """A service's profile; `changed(service, new row or None, what was done)` on each edit."""

    changed = Signal(str, object, str)

    def __init__(self, service: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.label = SERVICES[service]
        self.row: OwnProfileRow | None = None
        self.today = date.min
        self.setObjectName("profileCard")
        self.title = style_label(plain_label(self.label), "sectionTitle")
        self.status = style_label(plain_label(), "hint")
        self.link = QLineEdit()
        self.link.setPlaceholderText(f"e.g. {EXAMPLES[service]}")  # the title names the service
        self.link.setAccessibleName(f"Your {self.label} link")
        self.link.editingFinished.connect(self._link_edited)
        self.open_button = QPushButton("Open")
        self.open_button.clicked.connect(self.open_link)
        reading(self.open_button)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip(f"Forget your {self.label} here (Ctrl+Z undoes)")
        self.remove_button.clicked.connect(self._remove)
        self.message = style_label(plain_label(), "fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.checks = {item: QCheckBox(title) for item, title in CHECKS.items()}
        for item, box in self.checks.items():
            box.clicked.connect(lambda ticked, item=item: self._ticked(item, ticked))
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        self.months.setSuffix(" months")
        self.months.setAccessibleName(f"Refresh {self.label} every")
        self.months.valueChanged.connect(self._months_changed)
        self.all_button = QPushButton("All checked today")
        self.all_button.setToolTip("You looked at every item today: tick them all")
        self.all_button.clicked.connect(self._all_checked)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.status)
        checks = QGridLayout()  # the link has its row to itself: a long one reads whole at 1024
        for index, box in enumerate(self.checks.values()):
            checks.addWidget(box, index // 2, index % 2)
        checks.addWidget(self.open_button, 0, 2)
        checks.addWidget(self.remove_button, 1, 2)
        foot = QHBoxLayout()
        foot.addWidget(plain_label("Refresh every"))
        foot.addWidget(self.months)
        foot.addStretch(1)
        foot.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addWidget(self.link)
        layout.addWidget(self.message)
        layout.addLayout(checks)
        layout.addLayout(foot)
        self.show_row(None, date.min)

    def show_row(self, row: OwnProfileRow | None, today: date) -> None:
        """Show the stored profile (None: not added); a link being typed is kept."""
        self.row, self.today = row, today
        if not self.link.isModified():  # the user name, where it gives the link back
            self.link.setText(handle_of(row.url, self.service) if row else "")
            self.link.setCursorPosition(0)  # the host shows, however long the link
        self.link.setToolTip(plain_tooltip(row.url) if row else "")
        self.months.blockSignals(True)
        self.months.setValue(row.refresh_months if row else DEFAULT_MONTHS)
        self.months.blockSignals(False)
        for item, box in self.checks.items():
            box.setChecked(bool(row and row.done(item, today)))
            box.setToolTip(self._tick_words(item))
        for widget in (*self.checks.values(), self.months, self.all_button, self.remove_button):
            widget.setEnabled(row is not None)
        url = row.url if row else ""
        self.open_button.setEnabled(is_safe_link(url) if url else False)
        tip = f"Open {link_host(url)}: {url}" if url else "Open"
        self.open_button.setToolTip(plain_tooltip(tip))
        self._show_status()

    def open_link(self) -> bool:
        """Open the stored link in the browser: only http(s) links."""
        url = self.row.url if self.row else ""
        return bool(url) and is_safe_link(url) and QDesktopServices.openUrl(QUrl(url))

    def _show_status(self) -> None:
        row = self.row
        self.status.setText(row.status(self.today, plain_day) if row else "Not added")
        due = row is not None and row.due(self.today)
        self.status.setStyleSheet(f"color: {KEEP_COLOURS['due']}" if due else "")
        self.status.setAccessibleName(f"{self.label}: {self.status.text()}")

    def _tick_words(self, item: str) -> str:
        tick = self.row.ticks.get(item) if self.row else None
        if tick is None or self.row is None:
            return f"{CHECKS[item]}: not ticked yet"
        until = add_months(tick, self.row.refresh_months)
        return f"{CHECKS[item]}: ticked {day_words(tick)}, fresh until {day_words(until)}"

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _link_edited(self) -> None:
        text = self.link.text().strip()
        url = self.row.url if self.row else ""
        if text in (url, handle_of(url, self.service)):
            self.link.setModified(False)
            self._say("")
            return
        if not text:
            self._remove()
            return
        found = link_of(self.service, text)
        if isinstance(found, str):
            self._say(found)  # the typed text stays in the field
            return
        self._say("")
        self.link.setModified(False)
        what = f"Change {self.label} link" if self.row else f"Add {self.label}"
        self.changed.emit(self.service, linked(self.row, self.service, found.url, self.today), what)

    def _remove(self) -> None:
        self.link.setModified(False)
        self._say("")
        if self.row is not None:
            self.changed.emit(self.service, None, f"Remove {self.label}")
        else:
            self.link.clear()

    def _ticked(self, item: str, ticked: bool) -> None:
        if self.row is None:
            return
        verb = "Tick" if ticked else "Untick"
        new = self.row.ticked(item, self.today if ticked else None)
        self.changed.emit(self.service, new, f"{verb} {self.label}: {CHECKS[item].lower()}")

    def _all_checked(self) -> None:
        if self.row is not None:
            new = self.row.all_ticked(self.today)
            self.changed.emit(self.service, new, f"Check all of {self.label}")

    def _months_changed(self, months: int) -> None:
        if self.row is not None and months != self.row.refresh_months:
            new = self.row.with_months(months)
            self.changed.emit(self.service, new, f"Refresh {self.label} every {months} months")
