"""Words with counts (issue 20): real plurals through Qt's tr() with a count, the tray's counts
("35 due (33 overdue)"), namesakes told apart, and reminders held back by the quiet hours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from netdesk.core.followup_queries import FollowUpRow
from netdesk.ui.notify import reminder_text
from netdesk.ui.plural import counted, english
from netdesk.ui.reminder_words import Hold, due_title, hold_text, tray_row, tray_tooltip
from netdesk.ui.timefmt import relative_day
from tests.fake_time import NOW


def _row(name: str, organisation: str = "", days: int = 0, has_time: bool = False) -> FollowUpRow:
    due = NOW - timedelta(days=days)
    return FollowUpRow(
        1, 1, name, due, has_time, "check-in", "", "open", "manual", None, None, organisation
    )


@pytest.mark.parametrize(
    ("n", "follow_ups", "people", "matches"),
    [
        (0, "0 follow-ups", "0 people captured", "0 matches"),
        (1, "1 follow-up", "1 person captured", "1 match"),
        (2, "2 follow-ups", "2 people captured", "2 matches"),
    ],
)
def test_plural_forms_for_0_1_2(qapp, n, follow_ups, people, matches) -> None:
    assert counted("T", "%n follow-up(s)", n) == follow_ups
    assert counted("T", "%n (person|people) captured", n) == people
    assert counted("T", "%n match(es)", n) == matches


def test_marks_are_only_plural_marks() -> None:
    assert english("Due today ({0}) (s)", 2) == "Due today ({0}) (s)"
    assert english("Every %n day(s)", 1) == "Every %n day"


def test_relative_days_say_one_day() -> None:
    today = NOW.date()
    assert relative_day(today - timedelta(days=1), today) == "overdue 1 day"
    assert relative_day(today - timedelta(days=2), today) == "overdue 2 days"
    assert relative_day(today + timedelta(days=2), today) == "in 2 days"


class _German(QTranslator):
    """A translation with its own plural forms, as a .qm file would give."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if source == "%n follow-up(s)":
            return f"{n} Nachfassung" if n == 1 else f"{n} Nachfassungen"
        return ""


def test_an_installed_translation_gives_its_own_forms(qapp) -> None:
    translator = _German()
    QCoreApplication.installTranslator(translator)
    try:
        assert [counted("T", "%n follow-up(s)", n) for n in (1, 2)] == [
            "1 Nachfassung",
            "2 Nachfassungen",
        ]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_tray_counts_say_how_many_are_overdue(qapp) -> None:
    assert due_title(35, 33) == "35 due (33 overdue)"
    assert due_title(2, 0) == "2 due today"
    assert due_title(0, 0) == "Nothing due"
    assert tray_tooltip(35, 33, None) == "NetDesk: 35 follow-ups due, 33 overdue"
    assert tray_tooltip(1, 0, None) == "NetDesk: 1 follow-up due today"


def test_namesakes_differ_by_organisation_and_due_day(qapp) -> None:
    today = NOW.date()
    assert tray_row(_row("Noor Sato", "Acme", days=3), today) == (
        "Noor Sato (Acme) · check-in · overdue 3 days"
    )
    assert tray_row(_row("Noor Sato", has_time=True), today) == (
        f"Noor Sato · check-in · today {NOW:%H:%M}"
    )
    rows = [_row("Noor Sato", "Acme"), _row("Noor Sato", "Globex")]
    assert reminder_text(rows) == ("2 follow-ups due", "Noor Sato (Acme), Noor Sato (Globex)")
    assert reminder_text(rows[:1])[0] == "Follow up with Noor Sato (Acme)"


def test_held_reminders_in_words(qapp) -> None:
    until = datetime(2026, 3, 12, 7, 0)
    assert hold_text(Hold(until, True, 3)) == "Quiet hours: 3 reminders held until 07:00"
    assert hold_text(Hold(until, True, 1)) == "Quiet hours: 1 reminder held until 07:00"
    assert hold_text(Hold(until, False, 2)) == "Reminders paused: 2 held until 07:00"
    assert tray_tooltip(2, 0, Hold(until, True, 2)) == (
        "NetDesk: 2 follow-ups due today\nQuiet hours: 2 reminders held until 07:00"
    )


def test_quiet_hours_holding_reminders_show_on_the_tray_and_today(qtbot, paths, clock, services):
    from datetime import time

    from netdesk.formats.draft import ContactDraft
    from netdesk.ui.reminders import Reminders
    from tests.ui.windows import build_window

    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.show()
    followups = window.services.followups
    noor = window.services.contacts.create(ContactDraft(given_name="Noor", family_name="Sato"))
    followups.create(noor, clock.now() - timedelta(minutes=5), has_time=True)
    reminders = Reminders(window, window.services, None)
    reminders.settings.quiet_start, reminders.settings.quiet_end = time(14, 0), time(18, 0)
    reminders.start()
    qtbot.waitUntil(lambda: not reminders.scheduler.busy)
    today = window.views["today"]
    assert reminders.notifier.last_route == ""  # nothing shown in the quiet hours
    assert reminders.tray.icon.toolTip().endswith("Quiet hours: 1 reminder held until 18:00")
    assert today.notice.isVisibleTo(today)
    assert today.notice.text() == "Quiet hours: 1 reminder held until 18:00"
    reminders.settings.quiet_start = reminders.settings.quiet_end = None
    reminders.scheduler.check()
    qtbot.waitUntil(lambda: not reminders.scheduler.busy)
    assert reminders.notifier.last_route == "banner"
    assert "Quiet hours" not in reminders.tray.icon.toolTip()
    assert not today.notice.isVisibleTo(today)
    reminders.scheduler.stop()
