"""Write (W): a message to a contact from a template, opened in the mail program or copied.

The template that fits the follow-up's reason (or Reach out's signal) is preselected; its text,
filled for the contact, shows as plain text that can still be edited before it goes. "Open in
mail" hands a `mailto:` URL to the desktop; "Copy" puts the text on the clipboard for LinkedIn
and other messengers. Either way `write_to` records it as ONE undoable change: the interaction
(a give when the template gives something) and the follow-up done.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from netdesk.core.messages import mailto_url, render
from netdesk.core.templates import TemplateRow, choose
from netdesk.ui.plain import plain_label
from netdesk.ui.style import style_label
from netdesk.ui.undo import Command

if TYPE_CHECKING:
    from netdesk.core.services import Services


def open_url(url: str) -> bool:
    """Hand an already encoded URL to the desktop (a test replaces this)."""
    return QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii")))


class WriteDialog(QDialog):
    """Pick a template, see and edit the message, then Open in mail or Copy."""

    def __init__(
        self,
        services: Services,
        contact_id: int,
        *,
        followup_id: int | None = None,
        reason: str = "",
        prefer: str = "",
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`prefer`: a word of the name of the template to choose first ("referral"); `values`
        fill placeholders beyond the contact's ({role} of an opportunity)."""
        super().__init__(parent)
        self.contact_id = contact_id
        self.followup_id = followup_id
        self.channel = ""
        self.name = services.followups.contact_name(contact_id)
        self.setWindowTitle(f"Write to {self.name}")
        self.templates = services.templates.list()
        self.values = services.templates.values_for(contact_id, followup_id) | dict(values or {})
        self.email = services.templates.email_of(contact_id)

        self.template = QComboBox()
        for row in self.templates:
            self.template.addItem(row.name)
        preferred = [t for t in self.templates if prefer and prefer in t.name.casefold()]
        chosen = preferred[0] if preferred else choose(self.templates, reason)
        self.to = plain_label(
            f"{self.name} <{self.email}>"
            if self.email
            else "No email address: copy the text into LinkedIn or another messenger."
        )
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(200)
        self.hint = plain_label("Words in braces, like {link}, are yours to fill in.")
        style_label(self.hint, "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.mail_button = QPushButton("Open in mail")
        self.mail_button.setToolTip("Open this message in your mail program, then log it")
        self.mail_button.setEnabled(bool(self.email))
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the text for LinkedIn or a messenger, then log it")
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        self.mail_button.setDefault(bool(self.email))

        form = QFormLayout(self)
        form.addRow("Template", self.template)
        form.addRow("To", self.to)
        form.addRow("Subject", self.subject)
        form.addRow("Message", self.body)
        form.addRow("", self.hint)
        form.addRow(buttons)
        self.template.currentIndexChanged.connect(self._fill)
        if chosen is not None:
            self.template.setCurrentIndex(self.templates.index(chosen))
        self._fill()
        self.body.setFocus()

    def chosen(self) -> TemplateRow | None:
        index = self.template.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def _fill(self) -> None:
        """Show the chosen template filled for the contact (what is typed is replaced)."""
        template = self.chosen()
        self.subject.setText(render(template.subject, self.values) if template else "")
        self.body.setPlainText(render(template.body, self.values) if template else "")
        self.hint.setVisible("{" in self.subject.text() + self.body.toPlainText())

    def url(self) -> str:
        """The message as a mailto: URL."""
        return mailto_url(self.email, self.subject.text(), self.body.toPlainText())

    def open_in_mail(self) -> None:
        self.channel = "email"
        open_url(self.url())
        self.accept()

    def copy(self) -> None:
        self.channel = "message"
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self.accept()


def write_to(
    services: Services,
    stack: QUndoStack,
    contact_id: int,
    *,
    followup_id: int | None = None,
    reason: str = "",
    report: Callable[[str], None] | None = None,
    parent: QWidget | None = None,
) -> WriteDialog:
    """The Write dialog, ready to open: once the message went out, it is recorded on `stack` as
    one undoable change.

    The template fits `reason`, else the follow-up's. Without either (Write on a contact) the
    message answers the contact's earliest follow-up due by tonight, if any."""
    if followup_id is None and not reason:
        followup_id, reason = services.templates.due_for(contact_id)
    elif followup_id is not None and not reason:
        row = services.followups.get(followup_id)
        reason = row.reason if row is not None else ""
    dialog = WriteDialog(
        services, contact_id, followup_id=followup_id, reason=reason, parent=parent
    )

    def sent() -> None:
        template = dialog.chosen()
        if template is None:
            return
        templates = services.templates
        channel = dialog.channel
        stack.push(
            Command(
                f"Write to {dialog.name}",
                lambda: templates.send(contact_id, template, channel, followup_id),
                templates.unsend,
            )
        )
        if report is not None:
            how = "Opened in mail" if channel == "email" else "Copied"
            report(f"{how} and logged: “{template.name}” to {dialog.name}. Ctrl+Z undoes.")

    dialog.accepted.connect(sent)
    return dialog
