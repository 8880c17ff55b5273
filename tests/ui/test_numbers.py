"""Counts with the locale's digit grouping (issue 20: Today said "1074 people in your network"):
ui/numbers.py, `%Ln` in counted words, and the counts the windows show under en_US and de_DE."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from netdesk.core.importing import ImportReport
from netdesk.store.db import db
from netdesk.store.models import Contact
from netdesk.ui.numbers import group_digits, grouped
from netdesk.ui.plural import counted
from netdesk.ui.reminder_words import due_title, tray_tooltip

PEOPLE = 1074


@pytest.mark.parametrize(
    ("name", "written"), [("en_US", "1,074"), ("de_DE", "1.074"), ("fr_FR", "1\u202f074")]
)
def test_a_count_is_grouped_as_the_locale_writes_it(locale, name, written) -> None:
    locale(name)
    assert grouped(PEOPLE) == written
    assert grouped(999) == "999"
    assert counted("Test", "%Ln contact(s)", PEOPLE) == f"{written} contacts"
    assert counted("Test", "%Ln contact(s)", 1) == "1 contact"


def test_the_c_locale_groups_digits_once_the_application_starts(locale) -> None:
    locale("C")
    assert grouped(PEOPLE) == "1074"  # Qt's C locale writes for machines
    group_digits()
    assert grouped(PEOPLE) == "1,074"
    assert QLocale().toInt("1074") == (1074, True)  # numbers still read back
    locale("de_DE")
    group_digits()  # a chosen locale is left as it is
    assert grouped(PEOPLE) == "1.074"


def test_tray_words_group_both_counts(locale) -> None:
    locale("en_US")
    assert due_title(1200, 1074) == "1,200 due (1,074 overdue)"
    assert tray_tooltip(1200, 1074, None) == "NetDesk: 1,200 follow-ups due, 1,074 overdue"


@pytest.fixture
def network(database) -> None:
    """1,074 people, stored before the window reads them."""
    rows = [
        {Contact.given_name: f"Person{n}", Contact.family_name: "Valworth"} for n in range(PEOPLE)
    ]
    with db.atomic():
        for start in range(0, PEOPLE, 500):
            Contact.insert_many(rows[start : start + 500]).execute()


@pytest.mark.parametrize(("name", "written"), [("en_US", "1,074"), ("de_DE", "1.074")])
def test_today_and_contacts_show_grouped_counts(
    locale, network, qtbot, request, name, written
) -> None:
    locale(name)
    window = request.getfixturevalue("app_window")  # built under the locale
    today = window.show_view("today")
    qtbot.waitUntil(lambda: not today.loading)
    assert today.head.figures["contacts"].value.text() == written
    contacts = window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.count_label.text() == f"{written} contacts")


def test_the_import_result_groups_its_figures(locale, services, qtbot) -> None:
    from netdesk.ui.importing.result import ResultPage

    locale("de_DE")
    page = ResultPage(services.importing)
    qtbot.addWidget(page)
    report = ImportReport(1, created=PEOPLE, merged=2, skipped=0, failed=0, errors=[])
    page.show_report(report, ["google.csv"])
    assert page.words().startswith("Added 1.074 · Merged 2")
