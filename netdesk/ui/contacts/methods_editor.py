"""The editor's list of emails, phones, addresses and profiles, each row checked as it is typed."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netdesk.core import phones
from netdesk.core.profiles import (
    SERVICES,
    Profile,
    email_error,
    handle_of,
    is_safe_link,
    link_host,
    mailto_link,
    recognise,
    tel_link,
)
from netdesk.formats.draft import MethodDraft
from netdesk.ui.menu_button import MenuToolButton
from netdesk.ui.plain import plain_label, plain_tooltip
from netdesk.ui.style import style_label

KIND_TITLES = {
    "email": "Email",
    "phone": "Phone",
    "address": "Address",
    "profile": "Profile",
    "url": "Website",
    "impp": "Chat",
}
LABELS = {
    "email": ("work", "home", "other"),
    "phone": ("mobile", "work", "home", "other"),
    "address": ("work", "home", "other"),
    "url": ("homepage", "blog", "work", "other"),
    "impp": ("other",),
}
PLACEHOLDERS = {
    "email": "name@example.com",
    "phone": "+44 20 7946 0000",
    "address": "Street, City, Postcode, Country",
    "profile": "Paste a link or type a user name",
    "url": "https://example.com",
    "impp": "xmpp:name@example.com",
}

LONG_VALUE = "jurgen.gruenewald@deutsche-telekom.de"
"""A value field is never too narrow to show this whole (longer than 19 in 20 addresses of a
generated network of 2,000); the editor that holds it still fits beside the list at 1024 px."""
_EDIT_PADDING = 10  # a line edit's frame and margins around its text
_LABEL_MAX_WIDTH = 96  # a long label typed in stays within it


def method_error(kind: str, value: str, service: str, region: str) -> str:
    """What is wrong with a method value, or ""."""
    value = value.strip()
    if not value:
        return ""
    if kind == "email":
        return email_error(value)
    if kind == "phone":
        return phones.validation_error(value, region)
    if kind in ("profile", "url"):
        found = recognise(value, service if kind == "profile" else "website")
        return found if isinstance(found, str) else ""
    return ""


def link_for(kind: str, value: str, service: str, region: str) -> str:
    """The link that opens this method in the browser, mail client or dialer ("" if none)."""
    value = value.strip()
    if not value or method_error(kind, value, service, region):
        return ""
    if kind == "email":
        return mailto_link(value)
    if kind == "phone":
        return tel_link(phones.normalise(value, region) or value)
    if kind in ("profile", "url"):
        found = recognise(value, service if kind == "profile" else "website")
        return found.url if isinstance(found, Profile) else ""
    return ""


def label_box_width(text: str) -> int:
    """The width of a label box showing `text` whole, and at least six letters wide (measured
    once per text, font and style: a box made to measure cost ~0.45 ms, and showing a contact
    measured ~8 a row)."""
    style = QApplication.style()
    font = QApplication.font().key()
    return _measured_width(text, font, style.name() if style else "")


@lru_cache(maxsize=256)
def _measured_width(text: str, _font: str, _style: str) -> int:
    box = QComboBox()
    box.setMinimumContentsLength(6)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.addItem(text)
    return box.sizeHint().width()


class MethodRow(QWidget):
    """One email, phone, address, profile or website: label, value, open, remove, message."""

    removed = Signal(object)
    changed = Signal()

    def __init__(self, method: MethodDraft, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.region = region
        self.parts: tuple[str, ...] = ()
        self.preferred = False
        self.label_box = QComboBox()
        self.value_edit = QLineEdit()
        sample = self.value_edit.fontMetrics().horizontalAdvance(LONG_VALUE)
        self._value_width = sample + _EDIT_PADDING
        self.set_label_width(label_box_width(""))
        self.open_button = QToolButton()
        self.open_button.setText("↗")
        self.open_button.setAutoRaise(True)
        self.open_button.clicked.connect(self.open_link)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.message = plain_label()
        style_label(self.message, "fieldError")
        self.message.setWordWrap(True)  # a phone's advice is wider than the editor at 1024 px
        self.message.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.label_box, 0, 0)
        grid.addWidget(self.value_edit, 0, 1)
        grid.addWidget(self.open_button, 0, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(self.message, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.show_method(method)
        self.value_edit.textChanged.connect(self._on_edit)
        self.label_box.currentIndexChanged.connect(self._on_edit)

    def show_method(self, method: MethodDraft) -> None:
        """Show `method` in this row, of whatever kind it showed before: showing a contact
        fills the rows it has (making each row's widgets cost more than filling them)."""
        with QSignalBlocker(self.label_box), QSignalBlocker(self.value_edit):
            self._fill(method)
        self._on_edit()

    def _fill(self, method: MethodDraft) -> None:
        kind = method.kind
        self.parts = method.parts
        self.preferred = method.preferred
        box = self.label_box
        box.clear()
        box.setEditable(kind != "profile")
        if kind == "profile":
            for key, (title, _) in SERVICES.items():
                box.addItem(title, key)
            found = recognise(method.value, method.service or "website")
            # A stored link is shown under its host's service: "LinkedIn" on another host is not.
            service = found.service if isinstance(found, Profile) else method.service or "website"
            if box.findData(service) < 0:
                box.addItem(service.capitalize(), service)
            box.setCurrentIndex(box.findData(service))
        else:
            box.addItems(LABELS.get(kind, ("other",)))
            box.setCurrentText(method.label or box.itemText(0))
        if kind != self.kind:
            self.kind = kind
            title = KIND_TITLES.get(kind, kind)
            self.value_edit.setPlaceholderText(PLACEHOLDERS.get(kind, ""))
            self.value_edit.setAccessibleName(title)
            self.remove_button.setToolTip(f"Remove this {title.lower()}")
        # a profile reads as its user name beside the service ("maria-chen" beside LinkedIn)
        # where typing that back gives the same link; the tooltip has the whole value
        shown = handle_of(method.value, self.service) if kind == "profile" else method.value
        self.value_edit.setText(shown)
        self.value_edit.setCursorPosition(0)

    def label_width(self) -> int:
        """How wide the label box must be for its text to read whole: a service's name always,
        a label ("homepage") up to 96 px (a longer one typed in is cut)."""
        width = label_box_width(self.label_box.currentText())
        return width if self.kind == "profile" else min(width, _LABEL_MAX_WIDTH)

    def set_label_width(self, width: int) -> None:
        """Make the label box `width` wide, taking what it needs beyond six letters from the
        value field's minimum: the row is never wider for it (the editor beside the list keeps
        its width at 1024 px)."""
        self.label_box.setFixedWidth(width)
        self.value_edit.setMinimumWidth(self._value_width - width + label_box_width(""))

    @property
    def service(self) -> str:
        return self.label_box.currentData() or "" if self.kind == "profile" else ""

    def set_region(self, region: str) -> None:
        self.region = region
        self._on_edit()

    def error(self) -> str:
        """The row's validation message ("" when fine)."""
        return method_error(self.kind, self.value_edit.text(), self.service, self.region)

    def open_link(self) -> bool:
        """Open the method in the desktop's handler; only http(s), mailto and tel links."""
        link = link_for(self.kind, self.value_edit.text(), self.service, self.region)
        if not link or not is_safe_link(link):
            return False
        from PySide6.QtCore import QUrl  # its type built when a link opens, not before usable

        return QDesktopServices.openUrl(QUrl(link))

    def draft(self) -> MethodDraft:
        """The row as a method; profiles and websites are stored in their canonical link form."""
        value = self.value_edit.text().strip()
        service = self.service
        if self.kind in ("profile", "url") and not self.error():
            found = recognise(value, service if self.kind == "profile" else "website")
            if isinstance(found, Profile):
                value = found.url
                service = found.service if self.kind == "profile" else ""
        label = "" if self.kind == "profile" else self.label_box.currentText().strip()
        parts = self.parts if self.kind == "address" else ()
        return MethodDraft(self.kind, value, label, service, self.preferred, parts)

    def _on_edit(self) -> None:
        message = self.error()
        self.message.setText(message)
        self.message.setVisible(bool(message))
        link = link_for(self.kind, self.value_edit.text(), self.service, self.region)
        self.open_button.setEnabled(bool(link))
        # Where the link leads is visible before it opens: its host, then the whole link.
        tip = f"Open {link_host(link)}: {link}" if link_host(link) else f"Open {link}"
        self.open_button.setToolTip(plain_tooltip(tip) if link else "Open")
        self.open_button.setStatusTip(tip if link else "")
        whole = link if link and self.kind in ("profile", "url") else self.value_edit.text().strip()
        self.value_edit.setToolTip(plain_tooltip(whole) if whole else "")
        self.changed.emit()


class MethodsEditor(QWidget):
    """All the ways to reach a contact, with an Add menu."""

    changed = Signal()

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = region
        self.rows: list[MethodRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        menu = QMenu(self)
        for kind in ("email", "phone", "profile", "address", "url"):
            action = menu.addAction(KIND_TITLES[kind])
            action.triggered.connect(lambda _=False, k=kind: self.add(MethodDraft(k, ""), True))
        self.add_button = MenuToolButton("Add email, phone, profile…", menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # as wide with no rows as with some: showing a contact never widens the editor (which
        # moved the splitter beside the list)
        probe = MethodRow(MethodDraft("email", ""), region, self)
        self.setMinimumWidth(probe.minimumSizeHint().width())
        probe.hide()
        probe.deleteLater()

    def set_methods(self, methods: list[MethodDraft]) -> None:
        """Show these methods (replacing what was shown)."""
        for row in self.rows[len(methods) :]:
            self._remove(row, announce=False, align=False)
        for row, method in zip(self.rows, methods, strict=False):
            row.show_method(method)
        for method in methods[len(self.rows) :]:
            self._add_row(method)
        self._align()
        if methods:
            self.changed.emit()

    def add(self, method: MethodDraft, focus: bool = False) -> MethodRow:
        """Add a row for `method`."""
        row = self._add_row(method)
        self._align()
        if focus:
            row.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def _add_row(self, method: MethodDraft) -> MethodRow:
        row = MethodRow(method, self.region)
        row.removed.connect(self._remove)
        row.changed.connect(self.changed)
        row.label_box.currentTextChanged.connect(self._align)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def methods(self) -> list[MethodDraft]:
        """The methods as typed (empty rows left out)."""
        return [row.draft() for row in self.rows if row.value_edit.text().strip()]

    def errors(self) -> list[str]:
        return [f"{KIND_TITLES[r.kind]}: {r.error()}" for r in self.rows if r.error()]

    def _remove(self, row: MethodRow, announce: bool = True, align: bool = True) -> None:
        """Take `row` out. It stays a hidden child until deleted: a row added in this event-loop
        turn has a show queued by its layout, which would open it as a window of its own had it
        become parentless (as Open existing after a duplicate did: six stray windows)."""
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        if align:
            self._align()
        if announce:
            self.changed.emit()

    def _align(self) -> None:
        """Every row's label box as wide as the widest needs ("Stack Overflow" whole): the
        value fields of emails, phones and profiles start at one x."""
        width = max((row.label_width() for row in self.rows), default=0)
        for row in self.rows:
            row.set_label_width(width)
