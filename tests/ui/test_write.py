"""Write through the GUI: the template that fits, the mailto: handed to the desktop, Copy to the
clipboard, the interaction (a give when the template gives) and the follow-up done as ONE undo,
and the templates dialog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.messages import mailto_url
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Event, FollowUp, Interaction, MessageTemplate
from netdesk.ui import write_dialog
from netdesk.ui.contacts.view import ContactsView
from netdesk.ui.templates_dialog import TemplatesDialog
from netdesk.ui.write_dialog import WriteDialog, write_to


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(write_dialog, "open_url", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def view(contacts_view) -> ContactsView:
    return contacts_view


def _ana(services, **fields) -> int:
    methods = [MethodDraft("email", "ana@example.com")]
    draft = ContactDraft(given_name="Ana", family_name="Lima", organisation="Acme & Söhne")
    return services.contacts.create(draft if fields.get("no_email") else _with(draft, methods))


def _with(draft: ContactDraft, methods: list[MethodDraft]) -> ContactDraft:
    draft.methods = methods
    return draft


def test_ctrl_shift_w_writes_the_follow_up_after_meeting_in_mail(
    view, qtbot, services, opened
) -> None:
    ana = _ana(services)
    pycon = Event.create(name="PyCon", starts_at=datetime(2026, 3, 1))
    later = services.followups.create(ana, datetime(2026, 3, 12), reason="check-in")
    due = services.followups.create(
        ana, datetime(2026, 3, 11), reason="after meeting", event_id=pycon.id
    )
    view.apply_filter()
    view.select_contact(ana)
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_W,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = next(w for w in view.findChildren(WriteDialog) if w.isVisible())
    assert dialog.template.currentText() == "Follow-up after meeting"
    assert dialog.subject.text() == "Great to meet you at PyCon"
    body = dialog.body.toPlainText()
    assert body.startswith("Hi Ana,\n\nIt was great to meet you at PyCon.")
    assert "{my_pitch}" in body and dialog.hint.isVisible()  # no pitch stored: left to fill
    dialog.body.setPlainText("Hi Ana,\nQ&A? 100% — à bientôt")
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    assert opened == [
        mailto_url(
            "ana@example.com", "Great to meet you at PyCon", "Hi Ana,\nQ&A? 100% — à bientôt"
        )
    ]
    assert opened[0].startswith("mailto:ana@example.com?subject=Great%20to%20meet%20you%20at")
    assert (
        "body=Hi%20Ana%2C%0D%0AQ%26A%3F%20100%25%20%E2%80%94%20%C3%A0%20bient%C3%B4t" in opened[0]
    )
    logged = Interaction.get(Interaction.contact == ana)
    assert (logged.channel, logged.direction) == ("email", "neutral")
    assert FollowUp.get_by_id(due).status == "done"
    assert FollowUp.get_by_id(later).status == "open"
    QApplication.processEvents()
    assert view.editor.timeline.items.count() == 1
    assert view.controller.undo_action.text() == "&Undo Write to Ana Lima"
    view.controller.undo_action.trigger()
    assert Interaction.select().count() == 0
    assert FollowUp.get_by_id(due).status == "open"


def test_copy_for_a_contact_without_email_logs_a_message(qtbot, services, opened) -> None:
    ana = _ana(services, no_email=True)
    dialog = WriteDialog(services, ana, reason="check-in")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.mail_button.isEnabled()
    assert dialog.to.text().startswith("No email address")
    assert dialog.subject.text() == "How are things at Acme & Söhne?"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.body.toPlainText()
    assert QApplication.clipboard().text().startswith("Hi Ana,\n\nIt has been a while")
    assert dialog.channel == "message" and opened == []


def test_sharing_from_a_follow_up_is_a_give_and_one_undo_reverts_log_and_done(
    qtbot, services, opened
) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    ana = _ana(services)
    followup = services.followups.create(ana, datetime(2026, 3, 11), reason="share article")
    parent = QWidget()
    qtbot.addWidget(parent)
    stack = QUndoStack(parent)
    said: list[str] = []
    dialog = write_to(services, stack, ana, followup_id=followup, report=said.append, parent=parent)
    dialog.open()
    assert dialog.template.currentText() == "Share an article"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    logged = Interaction.get(Interaction.contact == ana)
    assert (logged.channel, logged.direction, logged.give_kind) == (
        "message",
        "gave",
        "article or resource",
    )
    assert FollowUp.get_by_id(followup).status == "done"
    assert said == ["Copied and logged: “Share an article” to Ana Lima. Ctrl+Z undoes."]
    assert stack.count() == 1
    stack.undo()
    assert Interaction.select().count() == 0
    assert FollowUp.get_by_id(followup).status == "open"
    stack.redo()
    assert FollowUp.get_by_id(followup).status == "done"
    assert Interaction.select().count() == 1


def test_the_templates_dialog_opens_with_room_for_a_whole_message(qtbot, services) -> None:
    """It opened at 533x533 with the subject cut ("eat to meet you at {event}") and a message
    box four lines tall beside a half-empty list."""
    dialog = TemplatesDialog(services.templates)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.subject.fontMetrics()
    assert dialog.subject.width() > metrics.horizontalAdvance(dialog.subject.text()) + 8
    assert dialog.body.viewport().height() >= 8 * dialog.body.fontMetrics().lineSpacing()
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= min(screen.width(), 800) and dialog.height() <= 700


def test_templates_are_edited_with_a_live_preview(qtbot, services) -> None:
    dialog = TemplatesDialog(services.templates)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 8
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == "Check-in"
    dialog.body.setPlainText("Hi {first_name} of {company} {unknown} {")
    assert dialog.preview.text().endswith("Hi Ana of Acme {unknown} {")
    dialog.name.setText("Quick check-in")
    dialog.save()
    stored = MessageTemplate.get(MessageTemplate.name == "Quick check-in")
    assert stored.body == "Hi {first_name} of {company} {unknown} {"
    dialog.new()
    dialog.name.setText("thank you")  # the same name as "Thank you"
    dialog.save()
    assert dialog.problem.text() == "There is already a template named “thank you”."
    dialog.name.setText("Coffee")
    dialog.reason.setCurrentIndex(dialog.reason.findData("after meeting"))
    dialog.save()
    assert dialog.list.currentItem().text() == "Coffee"
    dialog.delete()
    assert MessageTemplate.select().count() == 8
    assert not MessageTemplate.select().where(MessageTemplate.name == "Coffee").exists()


def test_edit_menu_opens_the_templates(view, monkeypatch) -> None:
    shown: list[TemplatesDialog] = []
    monkeypatch.setattr(TemplatesDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    view.controller.templates_action.trigger()
    assert len(shown) == 1 and shown[0].list.count() == 8
