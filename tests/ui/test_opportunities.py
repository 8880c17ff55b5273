"""The Opportunities view through pytest-qt: the board (drag through the model's drop API,
keyboard moves and undo), the list and its filters, the dialog (people, next step), a contact's
Opportunities tab, the next step on the calendar and Today, a referral as a receive, asking for
a referral from a template, and the CSV export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import Person
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Interaction, Opportunity
from netdesk.ui.opportunities.board import MIME_TYPE, StageList
from netdesk.ui.opportunities.view import OpportunitiesView
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.views import default_views, made
from netdesk.ui.write_dialog import WriteDialog
from tests.fake_time import NOW


@pytest.fixture
def people(services) -> dict[str, int]:
    return {
        given: services.contacts.create(
            ContactDraft(given_name=given, family_name=family, organisation=org)
        )
        for given, family, org in (
            ("Ana", "Silva", "Acme"),
            ("Ben", "Okafor", "Acme"),
            ("Cleo", "Park", "Globex"),
        )
    }


@pytest.fixture
def sample(services, people) -> dict[str, int]:
    create = services.opportunities.create
    return {
        "acme": create(
            OpportunityDraft(
                "Staff engineer",
                "Acme",
                people=(Person(people["Ana"], "told me"), Person(people["Ben"], "could refer me")),
                source="Coffee with Ana",
            )
        ).opportunity_id,
        "globex": create(
            OpportunityDraft(
                "Data lead",
                "Globex",
                stage="applied",
                people=(Person(people["Cleo"], "interviews me"),),
            )
        ).opportunity_id,
        "initech": create(OpportunityDraft("Platform lead", "Initech")).opportunity_id,
    }


def _shown(qtbot, services, size: tuple[int, int] = (1400, 800)) -> OpportunitiesView:
    widget = OpportunitiesView(services)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(qtbot, services, sample) -> OpportunitiesView:
    return _shown(qtbot, services)


def test_made_hidden_the_view_reads_when_first_shown(qtbot, services, sample) -> None:
    """Start-up makes the view hidden: it reads its opportunities when shown, not then."""
    view = OpportunitiesView(services)
    qtbot.addWidget(view)
    assert view.rows == [] and view.count.text() == ""
    assert made(view, "board") is None, "made apart, in a later step (or when first used)"
    view.show()
    qtbot.waitExposed(view)
    assert sorted(row.id for row in view.rows) == sorted(sample.values())
    assert view.count.text() == "3 opportunities"
    assert view.pages.currentWidget() is made(view, "board") and view.board.isVisible()


def _stage(opportunity_id: int) -> str:
    return Opportunity.get_by_id(opportunity_id).stage


def _column(view: OpportunitiesView, stage: str) -> StageList:
    return view.board.lists[stage]


def _ids(column: StageList) -> list[int]:
    return [row.id for row in column.stage_model().rows]


def test_the_view_is_in_the_sidebar() -> None:
    assert "opportunities" in [spec.key for spec in default_views()]


def test_the_board_has_a_column_per_stage_with_its_cards(view, sample) -> None:
    assert list(view.board.lists) == list(OPPORTUNITY_STAGES)
    assert sorted(_ids(_column(view, "heard"))) == sorted([sample["acme"], sample["initech"]])
    assert _ids(_column(view, "applied")) == [sample["globex"]]
    assert view.board.headers["heard"].text() == "Heard · 2"
    text = _column(view, "applied").model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert text == "Data lead at Globex, applied, interviews: Cleo Park"


def test_a_card_dropped_on_another_column_moves_there_and_undo_takes_it_back(
    qtbot, view, sample
) -> None:
    source = _column(view, "heard")
    row = source.stage_model().row_of(sample["initech"])
    data = source.model().mimeData([source.model().index(row, 0)])
    assert data.hasFormat(MIME_TYPE)
    target = _column(view, "researching").stage_model()
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: _stage(sample["initech"]) == "researching")
    qtbot.waitUntil(lambda: _ids(_column(view, "researching")) == [sample["initech"]])
    assert view.undo_action.text() == "&Undo Move Platform lead at Initech to researching"
    view.undo_stack.undo()
    assert _stage(sample["initech"]) == "heard"
    qtbot.waitUntil(lambda: sample["initech"] in _ids(_column(view, "heard")))


def test_a_card_dropped_on_its_own_column_stays(view, sample) -> None:
    column = _column(view, "applied")
    data = column.model().mimeData([column.model().index(0, 0)])
    assert not column.stage_model().dropMimeData(
        data, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )
    assert view.undo_stack.count() == 0


def test_keyboard_moves_between_cards_and_stages(qtbot, view, sample) -> None:
    view.board.select(sample["acme"])
    heard = _column(view, "heard")
    assert heard.hasFocus()
    qtbot.keyClick(heard, Qt.Key.Key_Right)  # the next column with cards: applied
    assert view.board.current_id() == sample["globex"]
    applied = _column(view, "applied")
    qtbot.keyClick(applied, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert _stage(sample["globex"]) == "interviewing"
    interviewing = _column(view, "interviewing")
    assert view.board.current_id() == sample["globex"] and interviewing.hasFocus()
    qtbot.keyClick(interviewing, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(applied, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert _stage(sample["globex"]) == "referred"
    assert view.message.text() == (
        "Moved to referred. Open it to say who referred you. Ctrl+Z undoes."
    )
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert _stage(sample["globex"]) == "interviewing"
    view.undo_stack.redo()
    assert _stage(sample["globex"]) == "applied"


def test_enter_opens_a_card_and_delete_deletes_it_undoably(qtbot, view, sample) -> None:
    view.board.select(sample["globex"])
    qtbot.keyClick(_column(view, "applied"), Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.windowTitle() == "Opportunity"
    assert dialog.title.text() == "Data lead" and dialog.company.text() == "Globex"
    assert "applied" in dialog.timeline.text()
    dialog.reject()
    qtbot.keyClick(_column(view, "applied"), Qt.Key.Key_Delete)
    assert Opportunity.get_or_none(Opportunity.id == sample["globex"]) is None
    assert view.message.text() == "Deleted Data lead at Globex. Ctrl+Z brings it back."
    view.undo_stack.undo()
    assert _stage(sample["globex"]) == "applied"


def test_the_list_filters_by_words_and_stage_and_sorts(qtbot, view, sample) -> None:
    view.list_button.click()
    assert view.pages.currentWidget() is view.table
    assert view.stage_filter.isVisible()
    assert view.model.rowCount() == 3
    view.search.setText("ana")
    assert [r.id for r in view.model.rows] == [sample["acme"]]
    view.search.setText("")
    view.stage_filter.setCurrentIndex(view.stage_filter.findText("Applied"))
    assert [r.id for r in view.model.rows] == [sample["globex"]]
    view.services.opportunities.move(sample["initech"], "closed")
    view.stage_filter.setCurrentIndex(0)  # open stages
    qtbot.waitUntil(
        lambda: sorted(r.id for r in view.model.rows) == sorted([sample["acme"], sample["globex"]])
    )
    assert view.count.text() == "2 opportunities"


def test_show_organisation_lists_a_company_s_opportunities(view, sample, services) -> None:
    services.opportunities.move(sample["acme"], "closed")
    view.show_organisation("acme")
    assert view.pages.currentWidget() is view.table
    assert [r.id for r in view.model.rows] == [sample["acme"]]
    assert [r.id for r in services.opportunities.for_organisation("ACME")] == [sample["acme"]]


def test_a_new_opportunity_from_the_dialog_with_a_person_and_next_step(
    qtbot, view, services, people
) -> None:
    dialog = view.new_opportunity()
    dialog.title.setText("Engineering manager")
    dialog.company.setText("Hooli")
    dialog.source.setText("Ana's post")
    dialog.next_step.setText("Read the job ad")
    assert dialog.heard_on.day() == NOW.date() and dialog.next_step_on.day() is None
    dialog.next_step_on.set_day(NOW.date() + timedelta(days=2))
    assert dialog.step_hint.isVisible()  # nobody involved yet: not on the calendar
    dialog.people.name.setText("Ana Silva")
    dialog.people.completer.chosen_id = people["Ana"]
    dialog.people.role.setCurrentIndex(dialog.people.role.findData("could refer me"))
    assert dialog.people.add()
    assert not dialog.step_hint.isVisible()
    assert dialog.step_with.count() == 2
    assert dialog.save()
    row = next(r for r in services.opportunities.rows() if r.company == "Hooli")
    assert row.names("could refer me") == ["Ana Silva"]
    assert (row.next_step, row.next_step_on, row.next_step_with) == (
        "Read the job ad",
        NOW.date() + timedelta(days=2),
        "Ana Silva",
    )
    assert view.board.current_id() == row.id
    view.undo_stack.undo()
    assert services.opportunities.get(row.id) is None


def test_the_dialog_refuses_a_name_typed_but_not_picked_and_an_empty_opportunity(view) -> None:
    dialog = view.new_opportunity()
    assert not dialog.save()
    assert dialog.problem.text() == "Give the opportunity a role or a company."
    dialog.company.setText("Hooli")
    dialog.people.name.setText("Nobody Known")
    assert not dialog.save()
    assert "Pick “Nobody Known” from the list" in dialog.people.message.text()
    dialog.reject()


def test_the_next_step_shows_on_the_calendar_and_today(qtbot, app_window, services, people) -> None:
    services.opportunities.create(
        OpportunityDraft(
            "Staff engineer",
            "Acme",
            people=(Person(people["Ben"], "could refer me"),),
            next_step="Send CV",
            next_step_on=NOW.date(),
        )
    )
    calendar = app_window.show_view("followups")
    calendar.refresh()
    step = "Ben Okafor · next step · Staff engineer at Acme: Send CV"
    qtbot.waitUntil(lambda: any(step in text for text in _items(calendar.agenda)))
    today = app_window.show_view("today")
    today.refresh()
    qtbot.waitUntil(lambda: any(step in text for text in _items(today.sections["due"].list)))


def _items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_a_contact_s_opportunities_tab_opens_one_in_the_view(
    qtbot, app_window, sample, people
) -> None:
    contacts = app_window.show_view("contacts")
    contacts.show_existing(people["Ben"])
    editor = contacts.editor
    qtbot.waitUntil(lambda: editor.opportunities.count() == 1)
    index = editor.tabs.indexOf(editor.opportunities)
    assert editor.tabs.tabText(index) == "Opportunities (1)"
    item = editor.opportunities.items.item(0)
    assert item.text() == "Staff engineer at Acme — could refer me · heard"
    editor.opportunities.items.itemActivated.emit(item)
    view = app_window.views["opportunities"]
    assert app_window.stack.currentWidget() is view
    assert view.dialog is not None and view.dialog.title.text() == "Staff engineer"
    view.dialog.reject()


def test_a_company_lists_its_opportunities_and_opens_one(qtbot, app_window, sample) -> None:
    companies = app_window.show_view("companies")
    companies.reload()
    companies.select(next(r.id for r in companies.model.rows if r.name == "Acme"))
    panel = companies.panel
    qtbot.waitUntil(lambda: panel.opportunities.model.rowCount() == 1)
    assert panel.opportunities.table.isVisibleTo(panel)
    model = panel.opportunities.model
    assert model.index(0, 0).data() == "Staff engineer" and model.index(0, 1).data() == "heard"
    panel.opportunities.table.activated.emit(model.index(0, 0))
    view = app_window.views["opportunities"]
    assert app_window.stack.currentWidget() is view
    assert view.dialog is not None and view.dialog.company.text() == "Acme"
    view.dialog.reject()


def test_a_referral_logged_on_the_board_is_a_receive_of_the_referrer(
    qtbot, view, sample, people, services
) -> None:
    view.board.select(sample["acme"])
    view.move_to(sample["acme"], "referred")
    receive = Interaction.get(Interaction.contact == people["Ben"])
    assert (receive.direction, receive.give_kind) == ("received", "referral")
    assert view.message.text() == (
        "Moved to referred. Logged a referral received from Ben Okafor. Ctrl+Z undoes."
    )
    view.undo_stack.undo()
    assert Interaction.select().count() == 0


def test_r_asks_for_a_referral_from_the_template(qtbot, view, sample, people) -> None:
    view.board.select(sample["acme"])
    qtbot.keyClick(_column(view, "heard"), Qt.Key.Key_R)
    dialog = view.dialog
    assert isinstance(dialog, WriteDialog)
    assert dialog.contact_id == people["Ben"]
    assert dialog.chosen().name == "Ask for a referral"
    assert dialog.subject.text() == "A referral at Acme?"
    assert "I am applying for Staff engineer at Acme." in dialog.body.toPlainText()
    dialog.copy()
    assert QApplication.clipboard().text() == dialog.body.toPlainText()
    assert _stage(sample["acme"]) == "asked for referral"
    sent = Interaction.get(Interaction.contact == people["Ben"])
    assert sent.summary == "Sent “Ask for a referral”"
    view.undo_stack.undo()
    assert _stage(sample["acme"]) == "heard" and Interaction.select().count() == 0


def test_asking_without_anyone_involved_says_what_to_do(qtbot, view, sample) -> None:
    view.ask_referral(sample["initech"])
    assert view.message.text().startswith("Add someone who could refer you first")


def test_export_writes_the_shown_opportunities_as_csv(view, tmp_path: Path) -> None:
    view.search.setText("globex")
    target = tmp_path / "opportunities.csv"
    view.export_to(target)
    lines = target.read_text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("Globex,Data lead,applied")
    assert view.message.text() == "Saved 1 opportunity to opportunities.csv."
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_is_off_while_there_is_nothing_to_export(qtbot, services) -> None:
    """ "Export CSV…" stayed on with no opportunity, on the board and in the list."""
    view = _shown(qtbot, services)
    for mode in (0, 1):
        view.show_mode(mode)
        assert not view.export_button.isEnabled() and not view.export_action.isEnabled()
    services.opportunities.create(OpportunityDraft("Platform lead", "Initech"))
    qtbot.waitUntil(lambda: len(view.rows) == 1)
    for mode in (1, 0):
        view.show_mode(mode)
        assert view.export_button.isEnabled() and view.export_action.isEnabled()
    view.search.setText("nobody")  # a filter that lets none through: nothing shown to save
    assert not view.export_button.isEnabled() and not view.export_action.isEnabled()


def test_the_list_at_1024_reads_the_role_whole_and_a_cut_cell_in_its_tooltip(
    qtbot, app_window, services, people
) -> None:
    """The role "Product manager, payments" was cut beside a half-empty Next step column."""
    role = "Product manager, payments"
    told = tuple(Person(people[name], "told me") for name in ("Ana", "Ben", "Cleo"))
    draft = OpportunityDraft(role, "HelloFresh", people=told, next_step="Find who leads it")
    services.opportunities.create(draft)
    app_window.resize(1024, 768)
    view = app_window.show_view("opportunities")
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1 and app_window.width() == 1024)
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    table, cell = view.table, view.proxy.index(0, 1)
    assert cell.data() == role
    assert table.fontMetrics().horizontalAdvance(role) + 8 <= table.columnWidth(1)
    assert table.columnWidth(4) >= 200  # the next step keeps its room
    header = table.horizontalHeader()  # "Next step on" and its sort arrow side by side
    assert table.columnWidth(3) >= header.sectionSizeHint(3)
    people_cell = view.proxy.index(0, 5)
    assert people_cell.data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(people_cell.data())


def _inked(column: StageList) -> int:
    """How many of the column's pixels are darker than its background."""
    image = column.viewport().grab().toImage()
    pixels = ((x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    return sum(1 for x, y in pixels if image.pixelColor(x, y).lightness() < 200)


def test_an_empty_board_says_how_to_add_an_opportunity(qtbot, services) -> None:
    """With none yet the board was ten empty columns and "0 opportunities" in a corner."""
    view = _shown(qtbot, services, (1024, 700))
    heard, researching = _column(view, "heard"), _column(view, "researching")
    assert heard.hint.startswith("No opportunities yet. New opportunity (Ctrl+N)")
    assert _inked(heard) > 0 and _inked(researching) == 0  # the words are drawn
    view.search.setText("Acme")
    qtbot.waitUntil(lambda: heard.hint == "No opportunity matches the filter.")
    view.search.clear()
    services.opportunities.create(OpportunityDraft("Data engineer", "Acme"))
    qtbot.waitUntil(lambda: view.rows != [])
    assert heard.hint == ""


def _said_over(table) -> list[str]:
    """The words shown over the table's rows area."""
    return [t.text() for t in table.viewport().findChildren(QLabel) if t.isVisible()]


def test_an_empty_list_says_why_as_the_board_does(qtbot, services) -> None:
    """The list showed its titles over nothing, the board beside it saying how to start."""
    view = _shown(qtbot, services, (1024, 700))
    view.show_mode(1)
    (said,) = _said_over(view.table)
    assert said.startswith("No opportunities yet. New opportunity (Ctrl+N)")
    (label,) = view.table.viewport().findChildren(QLabel)
    assert label.geometry().right() < view.table.viewport().width()  # it wraps inside
    assert label.palette().color(label.foregroundRole()).name() == "#5d6b82"  # a hint's grey
    closed = services.opportunities.create(OpportunityDraft("Data engineer", "Acme"))
    services.opportunities.move(closed.opportunity_id, "closed")
    view.reload()  # "Open stages" leaves it out
    assert _said_over(view.table) == [
        "No opportunity at these stages: All stages shows the others."
    ]
    view.stage_filter.setCurrentIndex(view.stage_filter.findText("All stages"))
    assert view.proxy.rowCount() == 1 and _said_over(view.table) == []
