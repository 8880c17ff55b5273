"""One date style, from the user's locale (issue 20): ui.dates under en_US, de_DE and en_GB, local
times for times kept in UTC, date fields in the locale's order, no date written another way in
netdesk/ui, and a walk of every view under de_DE that finds no English or numeric date."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QLabel,
    QWidget,
)

from netdesk.ui import dates

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 12, 9)  # a Wednesday
AFTERNOON = datetime(2026, 12, 9, 16, 5)


@pytest.mark.parametrize(
    ("name", "medium", "this_year", "timed", "span", "month"),
    [
        (
            "en_US",
            "Wed, Dec 9, 2026",
            "Wed, Dec 9",
            "Wed, Dec 9, 2026 4:05\u202fPM",
            "Dec 7–9, 2026",
            "December 2026",
        ),
        (
            "de_DE",
            "Mi., 9. Dez. 2026",
            "Mi., 9. Dez.",
            "Mi., 9. Dez. 2026 16:05",
            "7–9. Dez. 2026",
            "Dezember 2026",
        ),
        (
            "en_GB",
            "Wed, 9 Dec 2026",
            "Wed, 9 Dec",
            "Wed, 9 Dec 2026 16:05",
            "7–9 Dec 2026",
            "December 2026",
        ),
    ],
)
def test_each_locale_writes_its_own_dates(locale, name, medium, this_year, timed, span, month):
    locale(name)
    assert dates.date_text(DAY) == medium
    assert dates.day_label(DAY, date(2026, 1, 1)) == this_year
    assert dates.day_label(DAY, date(2027, 1, 1)) == medium  # another year's day has its year
    assert dates.when_text(AFTERNOON) == timed
    assert dates.day_range(DAY - timedelta(days=2), DAY) == span
    assert dates.month_label(DAY) == month


def test_long_days_weeks_and_times_follow_the_locale(locale) -> None:
    locale("de_DE")
    assert dates.long_day(DAY) == "Mittwoch, 9. Dezember 2026"
    assert dates.long_day(DAY, year=False) == "Mittwoch, 9. Dezember"
    assert dates.day_range(date(2026, 11, 30), DAY) == "30. Nov. – 9. Dez. 2026"
    assert dates.plain_day(DAY) == "9. Dez. 2026"
    locale("en_US")
    assert dates.time_label(time(9, 30)) == "9:30\u202fAM"
    assert dates.long_day(DAY) == "Wednesday, December 9, 2026"
    assert dates.day_range(date(2026, 12, 30), date(2027, 1, 2)) == "Dec 30, 2026 – Jan 2, 2027"


@pytest.mark.parametrize("name", ["ja_JP", "es_ES", "ru_RU", "fr_FR", "ko_KR", "hu_HU", "ar_EG"])
def test_every_pattern_keeps_day_and_month_in_other_locales(locale, name) -> None:
    """Taking the weekday and year out of a locale's long format leaves a day and a month."""
    locale(name)
    for pattern in (
        dates.date_pattern(),
        dates.date_pattern(weekday=False),
        dates.date_pattern(year=False),
    ):
        assert "d" in pattern.replace("ddd", "") and "M" in pattern, (name, pattern)
    assert "y" not in dates.date_pattern(year=False)
    short = QLocale().toString(dates.qdate(DAY), QLocale.FormatType.ShortFormat)
    assert dates.plain_day(DAY, DAY) not in ("", short)


def test_date_fields_use_the_locales_order_not_its_short_numbers(
    locale, qtbot, services, clock
) -> None:
    """The follow-up (schedule) dialog showed "9 12 2026": Qt's default for the C locale."""
    from netdesk.ui.followup_dialog import FollowUpDialog

    dialog = FollowUpDialog(services.followups)
    qtbot.addWidget(dialog)
    assert dialog.day.text() == "Wed, 11 Mar 2026"
    locale("de_DE")
    german = FollowUpDialog(services.followups)
    qtbot.addWidget(german)
    assert german.day.text() == "Mi., 11. März 2026"
    assert german.at.text() == "09:00"


def test_times_kept_in_utc_show_in_local_time(tokyo, locale) -> None:
    from netdesk.ui.importing.whole_database import exported_when

    assert exported_when("2026-03-11T05:30:00Z") == "Wed, 11 Mar 2026 14:30"
    assert exported_when("not a time") == "not a time"


def test_an_imported_event_in_utc_shows_in_local_time_without_utc(tokyo, services) -> None:
    from netdesk.core.events import EventDraft
    from netdesk.ui.events.model import when_text

    starts = datetime(2026, 4, 14, 8, 0)  # 08:00 UTC is 17:00 in Tokyo
    event_id = services.events.create(EventDraft(name="Webinar", starts_at=starts, timezone="UTC"))
    row = services.events.get(event_id)
    assert row is not None and row.timezone == ""
    assert when_text(row) == "Tue, 14 Apr 2026 17:00"
    assert services.events.load(event_id).starts_at == datetime(2026, 4, 14, 17, 0)
    berlin = services.events.create(
        EventDraft(name="PyCon DE", starts_at=starts, timezone="Europe/Berlin")
    )
    shown = services.events.get(berlin)
    assert shown is not None and when_text(shown) == "Tue, 14 Apr 2026 08:00 CEST"


# -- no date written another way -----------------------------------------------------------

_WRITTEN = [
    (re.compile(r"\.strftime\("), "strftime follows the C library's locale, not QLocale"),
    (re.compile(r"\{[^{}\n]*:%[aAbBdHIMmYy]"), "an f-string date format"),
    (re.compile(r"setDisplayFormat\(\""), "a fixed date field format"),
    (re.compile(r"QLocale\(\)\.toString\("), "a date pattern outside ui/dates.py"),
]


def test_no_date_is_written_outside_the_one_helper() -> None:
    found = []
    for path in sorted((ROOT / "netdesk" / "ui").rglob("*.py")):
        if path.name in ("dates.py", "numbers.py"):  # numbers.py writes counts, not dates
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [
                f"{path.relative_to(ROOT)}:{number}: {why}"
                for pattern, why in _WRITTEN
                if pattern.search(line)
            ]
    assert found == []


# -- a walk of every view under de_DE ----------------------------------------------------

_ENGLISH = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mar|May|Oct|Dec|January|February|March|June|July|October|December)\b"
)
_GERMAN = re.compile(r"\b(Mo|Di|Mi|Do|Fr|Sa|So)\.,|\bMärz\b|\bNov\. 2025\b")
_NUMERIC = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} \d{1,2} \d{4}\b|\bUTC\b")


def _texts(root: QWidget) -> list[str]:
    """What the shown widgets of `root` say: labels, buttons, date fields and list cells."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QDateTimeEdit)):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            cells = (model.index(row, column) for row in range(50) for column in range(12))
            for cell in filter(QModelIndex.isValid, cells):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(cell, role)
                    texts.append(value if isinstance(value, str) else "")
    return [text for text in texts if text]


def _lived_in(services, clock) -> dict[str, int]:
    """A contact met and to follow up (one overdue from last year), an imported event in UTC,
    an opportunity with a next step and a goal."""
    from netdesk.core.events import EventDraft
    from netdesk.core.goals import GoalData
    from netdesk.core.interactions import log_interaction
    from netdesk.core.opportunities import OpportunityDraft
    from netdesk.formats.draft import ContactDraft

    noor = services.contacts.create(
        ContactDraft(given_name="Noor", family_name="Sato", birthday=date(1990, 3, 14))
    )
    services.followups.create(noor, datetime(2025, 11, 3, 10, 0))
    services.followups.create(noor, clock.now() + timedelta(days=1))
    log_interaction(services.changes, noor, occurred_at=datetime(2026, 3, 9, 9, 0), summary="x")
    start = clock.now() + timedelta(days=3)
    meetup = services.events.create(EventDraft(name="Data meetup", starts_at=start, timezone="UTC"))
    services.events.create(
        EventDraft(name="Summit", starts_at=start, ends_at=start + timedelta(days=2))
    )
    job = services.opportunities.create(
        OpportunityDraft(
            title="Engineer", company="Acme", next_step="call", next_step_on=start.date()
        )
    )
    services.goals.save(GoalData(title="Meet people", kind="new_contacts", target=5))
    return {"contacts": noor, "events": meetup, "opportunities": job.opportunity_id}


def test_no_view_shows_an_english_or_numeric_date_under_german(
    locale, qtbot, database, paths, clock, services
) -> None:
    from tests.ui.test_tab_walk import pages
    from tests.ui.windows import build_window

    locale("de_DE")
    chosen = _lived_in(services, clock)
    window = build_window(paths, clock=clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    found, german = [], set()
    for key, view in window.views.items():
        window.show_view(key)
        if hasattr(view, "reload"):
            view.reload()
        if key in chosen:  # its details (a contact's timeline, an event's panel) show
            getattr(view, "select_contact", getattr(view, "select", None))(chosen[key])
        qtbot.wait(50)
        for page in pages(view):
            QApplication.processEvents()
            texts = _texts(view)
            found += [(key, page, t) for t in texts if _ENGLISH.search(t) or _NUMERIC.search(t)]
            german |= {key for text in texts if _GERMAN.search(text)}
    assert found == []
    assert german >= {"today", "contacts", "followups", "events", "opportunities"}


def test_contact_list_tooltips_show_local_days_and_times(tokyo, contacts_view, services, clock):
    """Last contacted (kept in UTC) in local time; a follow-up without a time as a day only."""
    from netdesk.core.interactions import log_interaction
    from netdesk.formats.draft import ContactDraft
    from netdesk.ui.contacts.model import COLUMNS

    noor = services.contacts.create(ContactDraft(given_name="Noor", family_name="Sato"))
    log_interaction(services.changes, noor, occurred_at=datetime(2026, 3, 9, 5, 30))  # UTC
    services.followups.create(noor, date(2026, 3, 12))
    contacts_view.apply_filter()
    model = contacts_view.model
    keys = [key for key, _ in COLUMNS]

    def tip(key: str) -> str:
        return model.data(model.index(0, keys.index(key)), Qt.ItemDataRole.ToolTipRole)

    assert tip("last_contacted").startswith("Monday, 9 March 2026, 14:30")
    assert tip("next_followup") == "Thursday, 12 March 2026"
