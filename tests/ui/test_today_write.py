"""W and Write… on Today: a due row writes the message its follow-up calls for (Done once sent,
one Ctrl+Z for both), a Reach out row the one its reason calls for; L offers the give fields."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from netdesk.core.interactions import Give, log_interaction
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Event, FollowUp, Interaction
from netdesk.ui import write_dialog
from netdesk.ui.contacts.log_dialog import LogInteractionDialog
from netdesk.ui.write_dialog import WriteDialog
from tests.fake_time import NOW
from tests.ui.today_view import settle_today

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def people(services) -> dict[str, int]:
    pycon = Event.create(name="PyCon", starts_at=STORED_NOW - timedelta(days=2))

    def person(name: str, **fields) -> int:
        draft = ContactDraft(given_name=name, family_name="Test", **fields)
        draft.methods = [MethodDraft("email", f"{name.lower()}@example.com")]
        return services.contacts.create(draft)

    found = {
        "Mehdi": person("Mehdi", met_at=pycon.id),
        "Ana": person("Ana"),
        "Carl": person("Carl"),
    }
    log_interaction(
        services.changes,
        found["Carl"],
        occurred_at=STORED_NOW - timedelta(days=20),
        give=Give("received", "introduction", (None, found["Ana"])),
    )
    return found


@pytest.fixture
def view(make_today, services, people, tmp_path, monkeypatch):
    monkeypatch.setattr(write_dialog, "open_url", lambda url: True)
    services.followups.create(people["Ana"], datetime(2026, 3, 11), reason="thank")
    return make_today(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def test_w_on_a_due_row_writes_its_thank_you_and_one_undo_reverts_log_and_done(
    view, people, qtbot
) -> None:
    due = view.sections["due"].list
    due.setFocus()
    due.setCurrentRow(1)
    followup = due.currentItem().data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(due, Qt.Key.Key_W)
    dialog = view.dialog
    assert isinstance(dialog, WriteDialog)
    assert dialog.windowTitle() == "Write to Ana Test"
    assert dialog.template.currentText() == "Thank you"
    assert dialog.body.toPlainText().startswith("Hi Ana,\n\nThank you for your help")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.body.toPlainText()
    logged = Interaction.get(Interaction.contact == people["Ana"])
    assert (logged.channel, logged.summary) == ("message", "Sent “Thank you”")
    assert FollowUp.get_by_id(followup).status == "done"
    assert view.message.text() == "Copied and logged: “Thank you” to Ana Test. Ctrl+Z undoes."
    view.undo_stack.undo()
    assert FollowUp.get_by_id(followup).status == "open"
    assert Interaction.select().where(Interaction.contact == people["Ana"]).count() == 0


def test_write_on_reach_out_picks_the_template_of_the_reason(view, people, qtbot) -> None:
    reach = view.sections["reach_out"].list
    texts = [reach.item(i).text() for i in range(reach.count())]
    assert texts == [
        "Mehdi Test\nmet at PyCon 2 days ago, no follow-up yet",
        "Carl Test\nhelped you in February (introduction to Ana Test); you have not given back",
    ]
    reach.setFocus()
    reach.setCurrentRow(0)
    qtbot.keyClick(reach, Qt.Key.Key_W)
    assert view.dialog.template.currentText() == "Follow-up after meeting"
    assert view.dialog.subject.text() == "Great to meet you at PyCon"
    view.dialog.reject()
    reach.setCurrentRow(1)
    section = view.sections["reach_out"]
    write = next(b for b in section.findChildren(QPushButton) if b.text() == "Write…")
    qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.template.currentText() == "Share an article"
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    gave = Interaction.get(Interaction.contact == people["Carl"], Interaction.direction == "gave")
    assert (gave.channel, gave.give_kind) == ("email", "article or resource")
    settle_today(qtbot, view)
    assert [reach.item(i).text().split("\n")[0] for i in range(reach.count())] == ["Mehdi Test"]


def test_l_on_today_offers_the_people_of_an_introduction(view, people, qtbot) -> None:
    reach = view.sections["reach_out"].list
    reach.setFocus()
    reach.setCurrentRow(0)
    qtbot.keyClick(reach, Qt.Key.Key_L)
    dialog = view.dialog
    assert isinstance(dialog, LogInteractionDialog)
    dialog.direction.setCurrentIndex(dialog.direction.findData("gave"))
    assert dialog.introduced[0].person() == people["Mehdi"]
