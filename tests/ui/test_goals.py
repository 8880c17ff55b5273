"""Goals on Today through the GUI: adding one in its dialog, the bar moving when an interaction
is logged, editing, deleting and undo; a target list; the 12-week charts' text for screen
readers; the circles' keep-in-touch intervals in Contact settings, shown amber/red in the list."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from netdesk.core.cadence import CircleInterval
from netdesk.core.goals import GoalData
from netdesk.core.interactions import Give, log_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, TrackedGoal
from netdesk.ui.app import settings_for
from netdesk.ui.chart import DARK, LIGHT, Series, WeekChart
from netdesk.ui.contacts.model import COLUMNS
from netdesk.ui.contacts.view import ContactsView
from netdesk.ui.goals.dialog import GoalDialog
from netdesk.ui.style import KEEP_COLOURS
from tests.fake_time import NOW
from tests.ui.today_view import settle_today

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def ana(services) -> int:
    contact_id = services.contacts.create(
        ContactDraft(given_name="Ana", family_name="Silva", organisation="Acme")
    )
    added = STORED_NOW - timedelta(days=300)
    Contact.update(created_at=added).where(Contact.id == contact_id).execute()
    return contact_id


@pytest.fixture
def view(make_today, ana):
    return make_today(size=(1024, 768))


@pytest.fixture
def goals(view):
    return view.sections["goals"]


def _dialog(view) -> GoalDialog:
    dialog = view.dialog
    assert isinstance(dialog, GoalDialog)
    return dialog


def _pick(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_no_goals_keeps_the_title_at_the_top_of_a_tall_card(make_today, ana) -> None:
    """Beside a taller section the title of an empty Goals sat in the middle of its card."""
    view = make_today(size=(1920, 1080))
    goals, jobs = view.sections["goals"], view.sections["job_changes"]
    assert goals.y() == jobs.y() and goals.height() >= goals.sizeHint().height()  # side by side
    assert (goals.title.y(), goals.title.height()) == (jobs.title.y(), jobs.title.height())
    words = goals.list.visualItemRect(goals.list.item(0)).topLeft()
    assert goals.list.mapTo(goals, words).y() < goals.title.y() + 2 * goals.title.height()


def test_no_goals_says_so_in_the_other_sections_muted_grey(view, goals) -> None:
    """ "No goals yet…" was a label in the hint colour (#5d6b82), the other sections' words a
    muted grey row (#9aa5b8)."""
    said = {}
    for key in ("goals", "reach_out", "upcoming_events"):
        item = view.sections[key].list.item(0)
        said[key] = (item.foreground().color().name(), item.flags().value)
    assert goals.list.item(0).text() == "No goals yet: add one, e.g. meet 3 new people a month."
    assert len(set(said.values())) == 1 and said["goals"][0] == "#9aa5b8", said
    assert not any(button.isEnabled() for button in goals.row_buttons)


def test_a_new_goal_shows_its_bar_and_it_moves_when_an_interaction_is_logged(
    qtbot, services, view, goals, ana
) -> None:
    assert goals.list.item(0).text().startswith("No goals yet") and not goals.statuses
    goals.new_button.click()
    dialog = _dialog(view)
    dialog.title.setText("Two calls a month")
    _pick(dialog.kind, "interactions")
    _pick(dialog.channel, "call")
    dialog.target.setValue(2)
    assert dialog.form.isRowVisible(dialog.channel)
    assert not dialog.form.isRowVisible(dialog.targets)
    dialog.accept()
    qtbot.waitUntil(lambda: len(goals.statuses) == 1)
    row = goals.row_widget(0)
    assert (row.title.text(), row.bar.value(), row.bar.maximum()) == ("Two calls a month", 0, 2)
    assert row.bar.format() == "0 of 2 · Mar 2026"
    assert row.bar.accessibleName() == "Two calls a month: 0 of 2 · Mar 2026, in progress"

    log_interaction(services.changes, ana, occurred_at=NOW, channel="email")
    log_interaction(services.changes, ana, occurred_at=NOW, channel="call")
    qtbot.waitUntil(lambda: goals.row_widget(0).bar.value() == 1)
    assert goals.row_widget(0).bar.format() == "1 of 2 · Mar 2026"

    view.undo_stack.undo()  # the new goal goes
    qtbot.waitUntil(lambda: not goals.statuses)
    assert TrackedGoal.select().count() == 0
    view.undo_stack.redo()
    qtbot.waitUntil(lambda: len(goals.statuses) == 1)
    assert goals.row_widget(0).bar.value() == 1


def test_edit_with_enter_delete_with_the_key_and_undo(qtbot, services, view, goals) -> None:
    services.goals.save(GoalData("Give twice a month", "gives", 2, "month", date(2026, 2, 1)))
    view.refresh()
    settle_today(qtbot, view)
    goals.list.setCurrentRow(0)
    goals.list.setFocus()
    qtbot.keyClick(goals.list, Qt.Key.Key_Return)
    dialog = _dialog(view)
    assert (dialog.title.text(), dialog.kind.currentData(), dialog.target.value()) == (
        "Give twice a month",
        "gives",
        2,
    )
    assert not dialog.form.isRowVisible(dialog.channel)
    dialog.target.setValue(4)
    dialog.accept()
    qtbot.waitUntil(lambda: goals.row_widget(0).bar.maximum() == 4)
    assert goals.row_widget(0).history.text() == "Before: Feb 2026: missed (0)"
    view.activateWindow()
    goals.list.setFocus()
    qtbot.keyClick(goals.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not goals.statuses)
    view.undo_stack.undo()
    qtbot.waitUntil(lambda: len(goals.statuses) == 1)
    view.undo_stack.undo()  # the change of target
    qtbot.waitUntil(lambda: goals.row_widget(0).bar.maximum() == 2)


def test_a_target_list_shows_each_stage(qtbot, services, view, goals, ana) -> None:
    goals.new_button.click()
    dialog = _dialog(view)
    _pick(dialog.kind, "targets")
    assert dialog.form.isRowVisible(dialog.targets)
    assert not dialog.form.isRowVisible(dialog.period)
    dialog.targets.name.setText("Globex")
    dialog.accept()  # Enter with a typed name adds it and keeps the dialog
    assert [t.name for t in dialog.targets.targets()] == ["Globex"]
    dialog.activateWindow()
    dialog.targets.name.setFocus()
    qtbot.keyClicks(dialog.targets.name, "Ana")
    popup = dialog.targets.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # picking a person adds them
    qtbot.waitUntil(lambda: dialog.targets.name.text() == "")
    assert [(t.ref.contact_id, t.name) for t in dialog.targets.targets()] == [
        (None, "Globex"),
        (ana, "Ana Silva"),
    ]
    dialog.target.setValue(1)
    dialog.ends_on.setDate(date(2026, 6, 30))
    dialog.accept()
    qtbot.waitUntil(lambda: len(goals.statuses) == 1)
    row = goals.row_widget(0)
    assert row.history.text() == "Globex: to reach · Ana Silva: to reach"
    log_interaction(services.changes, ana, occurred_at=NOW, channel="coffee")
    qtbot.waitUntil(lambda: goals.row_widget(0).bar.value() == 1)
    assert goals.row_widget(0).history.text() == "Globex: to reach · Ana Silva: met"
    assert goals.row_widget(0).bar.format() == "1 of 1 talked to or met"


def test_the_charts_read_their_numbers_to_screen_readers(qtbot, services, view, ana) -> None:
    log_interaction(services.changes, ana, occurred_at=NOW, channel="call")
    log_interaction(services.changes, ana, occurred_at=NOW - timedelta(days=7), channel="call")
    ben = services.contacts.create(ContactDraft(given_name="Ben"))  # added by hand last week
    added = STORED_NOW - timedelta(days=7)
    Contact.update(created_at=added).where(Contact.id == ben).execute()
    view.refresh()
    settle_today(qtbot, view)
    picture = view.sections["picture"]
    assert picture.interactions.accessibleName() == "Interactions per week"
    assert picture.interactions.accessibleDescription() == (
        "Interactions per week, 12 weeks from 22 Dec to 9 Mar: "
        "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1; this week 1, total 2."
    )
    assert picture.new_people.accessibleDescription() == (
        "New people met per week, 12 weeks from 22 Dec to 9 Mar: "
        "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0; this week 0, total 1."
    )


def test_today_charts_what_you_gave_against_what_you_received(qtbot, services, view, ana) -> None:
    log_interaction(services.changes, ana, occurred_at=STORED_NOW, give=Give("gave", "advice"))
    for days in (1, 8):  # yesterday (this week) and the week before
        when = STORED_NOW - timedelta(days=days)
        log_interaction(services.changes, ana, occurred_at=when, give=Give("received", "help"))
    log_interaction(services.changes, ana, occurred_at=STORED_NOW, channel="call")
    view.refresh()
    settle_today(qtbot, view)
    gives = view.sections["picture"].gives
    assert gives.accessibleDescription() == (
        "Gave vs received per week, 12 weeks from 22 Dec to 9 Mar: "
        "gave: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1; this week 1, total 1. "
        "received: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1; this week 1, total 2."
    )


def test_the_chart_widget_draws_several_series_in_either_palette(qtbot) -> None:
    chart = WeekChart("Gave vs received", lines=False)
    qtbot.addWidget(chart)
    weeks = [date(2026, 3, 2), date(2026, 3, 9)]
    chart.set_data(weeks, [Series("gave", (1, 3)), Series("received", (2, 0))])
    assert chart.text() == (
        "Gave vs received, 2 weeks from 2 Mar to 9 Mar: gave: 1, 3; this week 3, total 4. "
        "received: 2, 0; this week 0, total 2."
    )
    assert chart.colours() == LIGHT
    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202225"))
    chart.setPalette(palette)
    assert chart.colours() == DARK
    chart.resize(320, 150)
    image = chart.grab().toImage()
    bar = QColor(DARK[0])
    painted = {image.pixelColor(x, y).name() for x in range(320) for y in range(0, 150, 3)}
    assert bar.name() in painted
    with pytest.raises(ValueError, match="one value per week"):
        chart.set_data(weeks, [Series("gave", (1,))])


def test_circle_intervals_in_contact_settings_turn_the_list_amber(
    qtbot, services, monkeypatch
) -> None:
    from netdesk.ui.contacts.settings_dialog import ContactSettingsDialog

    mentor = services.contacts.create(
        ContactDraft(given_name="Mia", family_name="Mentor", circle="mentor")
    )
    last = STORED_NOW - timedelta(days=40)
    Contact.update(last_contacted_at=last, created_at=last).where(Contact.id == mentor).execute()
    contacts = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(contacts)
    contacts.show()
    column = next(i for i, (key, _) in enumerate(COLUMNS) if key == "last_contacted")

    def last_contacted_colour():
        QApplication.processEvents()
        return contacts.model.index(0, column).data(Qt.ItemDataRole.ForegroundRole)

    assert last_contacted_colour() is None  # 40 days: within a mentor's 60

    def shorten_mentors(dialog: ContactSettingsDialog) -> int:
        ideal, most = dialog.intervals["mentor"]
        assert (ideal.value(), most.value()) == (60, 90)
        ideal.setValue(30)
        most.setValue(20)  # never under the ideal: it stays at 30
        assert most.value() == 30
        most.setValue(45)
        return ContactSettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(ContactSettingsDialog, "exec", shorten_mentors)
    contacts.controller.edit_settings()
    assert CircleInterval("mentor", 30, 45) in services.cadence.intervals()
    qtbot.waitUntil(lambda: last_contacted_colour() == QColor(KEEP_COLOURS["due"]))
    contacts.controller.undo_stack.undo()
    assert CircleInterval("mentor", 60, 90) in services.cadence.intervals()
    qtbot.waitUntil(lambda: last_contacted_colour() is None)


def test_an_empty_chart_s_top_line_reads_1_not_0(qtbot) -> None:
    """With nothing yet the 12-week charts' axis read "0" at the top and at the bottom."""
    chart = WeekChart("Interactions per week", lines=True)
    qtbot.addWidget(chart)
    weeks = [date(2026, 3, 2), date(2026, 3, 9)]
    chart.set_data(weeks, [Series("interactions", (0, 0))])
    assert chart.scale() == 1
    chart.set_data(weeks, [Series("gave", (1, 3)), Series("received", (2, 0))])
    assert chart.scale() == 3
