"""Job changes through the GUI: the import preview lists them and its congratulate setting
(remembered) makes or does not make follow-ups; the contact editor's Jobs tab adds, edits and
removes jobs, each undoable; Today lists the new jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.employment import Job
from netdesk.store.models import Contact, FollowUp
from netdesk.ui.contacts.job_dialog import JobDialog
from netdesk.ui.contacts.jobs import job_period
from netdesk.ui.dates import plain_day
from netdesk.ui.importing.choices import CHOICE_COLUMN
from netdesk.ui.importing.conflicts import ACTION_COLUMN
from netdesk.ui.importing.controller import ImportController
from netdesk.ui.importing.job_changes import CONGRATULATE_KEY
from netdesk.ui.write_dialog import WriteDialog
from tests.core.test_employment import PROFILE, _ann
from tests.ui.test_importing import _import, _preview
from tests.ui.today_view import settle_today

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _export(folder: Path, name: str, company: str, position: str) -> str:
    path = folder / name
    path.write_text(f"{HEADER}Ann,Lee,{PROFILE},,{company},{position},\n", encoding="utf-8")
    return str(path)


def _jobs(panel) -> list[str]:
    return [panel.items.item(i).text() for i in range(panel.items.count())]


def test_preview_lists_job_changes_and_the_setting_decides_the_follow_up(
    app_window, qtbot, tmp_path
) -> None:
    services = app_window.services
    ann = _ann(services)
    controller = app_window.findChild(ImportController)
    assert app_window.open_files([_export(tmp_path, "2.csv", "Globex", "VP Engineering")])
    dialog = _preview(qtbot, controller)
    box = dialog.preview.job_changes
    assert box.isVisibleTo(dialog) and box.title() == "Job changes (1)"
    assert [box.changes.item(i).text() for i in range(box.changes.count())] == [
        "Ann Lee: CTO at Acme → VP Engineering at Globex"
    ]
    assert box.congratulate.isChecked(), "on by default"
    table = dialog.preview.conflicts
    for row in (0, 1):  # organisation and title
        table.item(row, ACTION_COLUMN).setText("keep")
    qtbot.waitUntil(lambda: not box.isVisibleTo(dialog))
    table.item(1, ACTION_COLUMN).setText("take new")
    qtbot.waitUntil(lambda: box.isVisibleTo(dialog))
    dialog.preview.matches.item(0, CHOICE_COLUMN).setText("skip")
    qtbot.waitUntil(lambda: not box.isVisibleTo(dialog))
    dialog.preview.matches.item(0, CHOICE_COLUMN).setText("merge")
    qtbot.waitUntil(lambda: box.isVisibleTo(dialog))
    _import(qtbot, dialog)
    assert "1 job change recorded" in dialog.outcome.words()
    (followup,) = FollowUp.select()
    assert (followup.contact_id, followup.reason) == (ann, "congratulate")
    dialog.close()

    assert app_window.open_files([_export(tmp_path, "3.csv", "Initech", "CTO")])
    dialog = _preview(qtbot, controller)
    dialog.preview.job_changes.congratulate.click()
    assert app_window.settings.value(CONGRATULATE_KEY) in (False, "false")
    _import(qtbot, dialog)
    assert FollowUp.select().count() == 1, "turned off: no follow-up for the second change"
    assert Contact.get_by_id(ann).organisation == "Initech"
    dialog.close()

    assert app_window.open_files([_export(tmp_path, "4.csv", "Umbrella", "CTO")])
    dialog = _preview(qtbot, controller)
    assert not dialog.preview.job_changes.congratulate.isChecked(), "the setting is remembered"


def test_a_file_without_job_changes_hides_the_box(app_window, qtbot, tmp_path) -> None:
    _ann(app_window.services)
    controller = app_window.findChild(ImportController)
    assert app_window.open_files([_export(tmp_path, "same.csv", "ACME", "CTO")])
    dialog = _preview(qtbot, controller)
    assert not dialog.preview.job_changes.isVisibleTo(dialog)


@pytest.fixture
def answer_job(monkeypatch):
    """JobDialog.exec fills the dialog with the next answer and accepts it."""
    answers: list[dict[str, str]] = []

    def fake_exec(dialog: JobDialog) -> int:
        fields = answers.pop(0)
        dialog.organisation.setText(fields.get("organisation", dialog.organisation.text()))
        dialog.title.setText(fields.get("title", dialog.title.text()))
        return JobDialog.DialogCode.Accepted

    monkeypatch.setattr(JobDialog, "exec", fake_exec)
    return answers


def test_the_jobs_tab_adds_edits_removes_and_undoes(contacts_view, qtbot, answer_job) -> None:
    view = contacts_view
    ann = _ann(view.services)
    view.apply_filter()
    view.select_contact(ann)
    panel = view.editor.jobs
    assert _jobs(panel) == ["CTO at Acme\ncurrent"]
    assert view.editor.tabs.tabText(2) == "Jobs"

    answer_job.append({"organisation": "Globex", "title": "Head of Data"})
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    today = plain_day(view.services.clock.today())  # "11 Mar 2026" as the locale writes it
    assert _jobs(panel) == [
        f"Head of Data at Globex\ncurrent · {today} – now",
        f"CTO at Acme\n– {today}",
    ]
    assert view.editor.tabs.tabText(2) == "Jobs (2)"
    qtbot.waitUntil(lambda: view.editor.organisation.text() == "Globex")  # the current job

    panel.items.setCurrentRow(1)
    answer_job.append({"title": "Chief Technology Officer"})
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert _jobs(panel)[1].startswith("Chief Technology Officer at Acme")

    panel.items.setCurrentRow(0)
    view.window().activateWindow()
    view.editor.tabs.setCurrentWidget(panel)
    panel.items.setFocus()
    qtbot.waitUntil(panel.items.hasFocus)
    qtbot.keyClick(panel.items, Qt.Key.Key_Delete)
    assert _jobs(panel) == [f"Chief Technology Officer at Acme\n– {today}"]
    assert Contact.get_by_id(ann).organisation == ""

    undo = view.controller.undo_action
    assert undo.text() == "&Undo Remove job Head of Data at Globex"
    undo.trigger()
    assert Contact.get_by_id(ann).organisation == "Globex"
    undo.trigger()
    undo.trigger()
    assert _jobs(panel) == ["CTO at Acme\ncurrent"]
    assert (Contact.get_by_id(ann).organisation, Contact.get_by_id(ann).title) == ("Acme", "CTO")
    view.controller.redo_action.trigger()
    assert len(_jobs(panel)) == 2


def test_a_job_needs_an_organisation_or_a_title(qtbot, services) -> None:
    dialog = JobDialog(Job(""))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.title, "Founder")
    assert ok.isEnabled()
    assert dialog.chosen() == Job("", "Founder")


def test_today_lists_new_jobs_and_writes_the_congratulations(
    qtbot, services, tmp_path, make_today
) -> None:
    ann = _ann(services)
    path = _export(tmp_path, "2.csv", "Globex", "VP Engineering")
    services.importing.apply(services.importing.plan([path]))
    view = make_today(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    section = view.sections["job_changes"]
    first = section.list.item(0).text()
    assert first.startswith("Ann Lee — now VP Engineering at Globex (was CTO at Acme)\n")
    assert first.endswith("· from LinkedIn · congratulations to send")
    with qtbot.waitSignal(view.contact_requested) as shown:
        section.open_current()
    assert shown.args == [ann]
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_W)
    assert isinstance(view.dialog, WriteDialog)
    view.dialog.close()
    services.contacts.update(ann, services.contacts.load(ann))  # an edit is no job change
    settle_today(qtbot, view)
    assert section.list.item(0).text() == first


def test_today_says_when_nobody_changed_jobs(tmp_path, make_today) -> None:
    view = make_today(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), show=False)
    assert view.sections["job_changes"].list.item(0).text().startswith("No new jobs")


def test_tab_walks_through_the_empty_dates_of_a_job(qtbot) -> None:
    dialog = JobDialog(Job("Acme"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.started.setFocus()
    qtbot.waitUntil(dialog.started.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.ended.hasFocus(), "an empty From does not keep Tab"


def test_a_jobs_days_are_written_as_the_locale_writes_them(locale) -> None:
    from datetime import date

    job = Job(organisation="Bosch", started_on=date(2021, 4, 1), ended_on=date(2026, 11, 15))
    locale("de_DE")
    assert job_period(job) == "1. Apr. 2021 – 15. Nov. 2026"  # was "2021-04-01 – 2026-11-15"
    locale("en_US")
    assert job_period(Job(organisation="Bosch", started_on=date(2021, 4, 1))) == "Apr 1, 2021 – now"
