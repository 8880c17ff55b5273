"""Give and take through the GUI: logging a give (an introduction with the two people picked
from the completer), the contact's balance under its name, the timeline's words."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.interactions import Give, log_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Interaction
from netdesk.ui.contacts.log_dialog import LogInteractionDialog
from netdesk.ui.contacts.view import ContactsView
from tests.fake_time import NOW

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def view(contacts_view) -> ContactsView:
    return contacts_view


def _add(services, given: str, family: str) -> int:
    return services.contacts.create(ContactDraft(given_name=given, family_name=family))


def _pick(qtbot, field, text: str) -> None:
    """Type `text` and click the first contact the popup offers."""
    qtbot.keyClicks(field, text)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    first = popup.model().index(0, 0)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(first).center()
    )


def test_logging_an_introduction_you_gave(view, qtbot, services, monkeypatch) -> None:
    carl = _add(services, "Carl", "Ott")
    ana = _add(services, "Ana", "Lima")
    view.apply_filter()
    view.select_contact(carl)
    assert view.editor.balance.text() == "Gave 0, received 0 in the last 12 months"
    seen: list[LogInteractionDialog] = []

    def fill(dialog: LogInteractionDialog) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not dialog.kind.isVisible()
        dialog.direction.setCurrentIndex(dialog.direction.findData("gave"))
        assert dialog.kind.currentData() == "introduction" and dialog.introduced[0].isVisible()
        dialog.kind.setCurrentIndex(dialog.kind.findData("advice"))
        assert dialog.kind.isVisible() and not dialog.introduced[0].isVisible()
        dialog.kind.setCurrentIndex(dialog.kind.findData("introduction"))
        first, second = dialog.introduced
        assert first.isVisible() and first.text() == "Carl Ott"
        _pick(qtbot, second, "Ana")
        assert second.text() == "Ana Lima"
        dialog.summary.setPlainText("Carl wants to move into data")
        dialog.accept()
        return LogInteractionDialog.DialogCode.Accepted

    monkeypatch.setattr(LogInteractionDialog, "exec", fill)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    stored = Interaction.get(Interaction.contact == carl)
    assert (stored.direction, stored.give_kind) == ("gave", "introduction")
    assert (stored.introduced_a_id, stored.introduced_b_id) == (carl, ana)
    assert view.editor.balance.text() == "Gave 1, received 0 in the last 12 months"
    text = view.editor.timeline.items.item(0).text()
    assert text.splitlines()[1:] == [
        "Gave: introduction (Carl Ott to Ana Lima)",
        "Carl wants to move into data",
    ]


def test_a_received_introduction_leaves_you_first(qtbot, services) -> None:
    carl = _add(services, "Carl", "Ott")
    dialog = LogInteractionDialog(
        "Carl Ott",
        NOW,
        contact_id=carl,
        matches=services.events.people.matches,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.direction.setCurrentIndex(dialog.direction.findData("gave"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("introduction"))
    assert dialog.introduced[0].person() == carl
    dialog.direction.setCurrentIndex(dialog.direction.findData("received"))
    assert dialog.introduced[0].text() == "" and dialog.introduced[0].placeholderText() == "you"
    assert dialog.result_value().give == Give("received", "introduction", (None, None))
    dialog.direction.setCurrentIndex(0)
    assert dialog.result_value().give == Give()


def test_the_balance_follows_interactions_logged_elsewhere(view, qtbot, services) -> None:
    carl = _add(services, "Carl", "Ott")
    view.apply_filter()
    view.select_contact(carl)
    for days, direction in ((3, "received"), (20, "received"), (400, "gave")):
        log_interaction(
            services.changes,
            carl,
            occurred_at=STORED_NOW - timedelta(days=days),
            give=Give(direction, "advice"),
        )
    QApplication.processEvents()
    assert view.editor.balance.text() == "Gave 0, received 2 in the last 12 months"


def test_an_introduced_name_typed_but_not_picked_keeps_the_dialog_open(qtbot, services) -> None:
    carl = _add(services, "Carl", "Ott")
    dialog = LogInteractionDialog(
        "Carl Ott", NOW, contact_id=carl, matches=services.events.people.matches
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.direction.setCurrentIndex(dialog.direction.findData("gave"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("introduction"))
    second = dialog.introduced[1]
    qtbot.keyClicks(second, "<b>Nobody</b>")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.intro_problem.isVisible()
    assert dialog.intro_problem.text() == (
        "Pick \u201c<b>Nobody</b>\u201d from the list of contacts, or clear it."
    )
    assert dialog.intro_problem.textFormat() == Qt.TextFormat.PlainText
    second.clear()
    assert not dialog.intro_problem.isVisible()
    dialog.accept()
    assert dialog.result() == 1
