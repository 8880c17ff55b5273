"""The Me page through the GUI: adding, editing and removing your profiles with undo, ticking
their checklists, a refresh falling due on Today (fake clock) and in the reminders, the event
prep checklist reading it, and the pitch library reached from the Me page."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from netdesk.core.event_draft import EventDraft
from netdesk.core.own_profiles import CHECKS, OwnProfileRow
from netdesk.ui.me.profile_reminders import ProfileReminders
from netdesk.ui.me.view import PITCHES_MIN_HEIGHT, MeView
from netdesk.ui.notify import Notifier, ReminderBanner
from netdesk.ui.views import made
from tests.ui.today_view import settle_today
from tests.ui.windows import current_view

TODAY = date(2026, 3, 11)  # tests/fake_time.py's NOW
LINK = "https://www.linkedin.com/in/jordan-reyes"


@pytest.fixture
def view(qtbot, services) -> MeView:
    widget = MeView(services)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type_link(qtbot, view: MeView, service: str, text: str) -> None:
    edit = view.cards[service].link
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_an_empty_page_says_what_to_add_with_an_example(view) -> None:
    assert view.empty.isVisible() and "https://www.linkedin.com/in/your-name" in view.empty.text()
    card = view.cards["linkedin"]
    assert "e.g. https://www.linkedin.com/in/your-name" in card.link.placeholderText()
    assert card.status.text() == "Not added"
    assert not card.checks["photo"].isEnabled() and not card.open_button.isEnabled()


def test_made_hidden_the_page_makes_its_cards_when_first_shown(qtbot, services) -> None:
    """As start-up makes it (which then makes the cards in a step of their own)."""
    widget = MeView(services)
    qtbot.addWidget(widget)
    assert made(widget, "cards") is None and widget.empty.isVisibleTo(widget)
    widget.show()
    qtbot.waitExposed(widget)
    card = widget.cards["linkedin"]
    assert card.isVisible() and card.status.text() == "Not added"


def test_add_a_profile_by_pasting_its_link_and_undo(qtbot, view, services) -> None:
    _type_link(qtbot, view, "linkedin", "linkedin.com/in/jordan-reyes/")
    row = services.profiles.get("linkedin")
    assert row is not None and row.url == "https://linkedin.com/in/jordan-reyes"
    card = view.cards["linkedin"]
    assert card.status.text() == "Not checked yet" and card.checks["photo"].isEnabled()
    assert not view.empty.isVisible()
    assert card.open_button.isEnabled() and "linkedin.com" in card.open_button.toolTip()
    assert view.undo_stack.undoText() == "Add LinkedIn"
    view.undo_stack.undo()
    assert services.profiles.get("linkedin") is None and card.link.text() == ""


def test_a_wrong_link_is_refused_in_words_and_kept_in_the_field(qtbot, view, services) -> None:
    _type_link(qtbot, view, "linkedin", "https://github.com/jreyes")
    card = view.cards["linkedin"]
    assert card.message.isVisible()
    assert card.message.text().startswith("This is a GitHub link, not LinkedIn")
    assert card.message.textFormat() == Qt.TextFormat.PlainText
    assert card.link.text() == "https://github.com/jreyes"
    assert services.profiles.list() == []
    _type_link(qtbot, view, "mastodon", "@jreyes@fosstodon.org")
    assert services.profiles.get("mastodon").url == "https://fosstodon.org/@jreyes"


def test_tick_the_checklist_edit_months_and_undo(qtbot, view, services) -> None:
    services.profiles.put("github", OwnProfileRow("github", "https://github.com/jreyes"))
    card = view.cards["github"]
    qtbot.waitUntil(lambda: card.checks["photo"].isEnabled())
    box = card.checks["photo"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert services.profiles.get("github").ticks == {"photo": TODAY}
    assert card.status.text() == "To check: headline, about, recent activity"
    assert "ticked 11 Mar 2026, fresh until 11 Sep 2026" in card.checks["photo"].toolTip()
    qtbot.mouseClick(card.all_button, Qt.MouseButton.LeftButton)
    assert card.status.text() == "Fresh until 11 Sep 2026"
    card.months.setValue(3)
    assert services.profiles.get("github").refresh_months == 3
    assert card.status.text() == "Fresh until 11 Jun 2026"
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert services.profiles.get("github").ticks == {"photo": TODAY}
    card.checks["photo"].setFocus()
    qtbot.keyClick(card.checks["photo"], Qt.Key.Key_Space)  # untick from the keyboard
    assert services.profiles.get("github").ticks == {}


def test_removing_a_profile_is_undone_with_its_ticks(qtbot, view, services) -> None:
    ticked = OwnProfileRow("x", "https://x.com/jreyes").all_ticked(TODAY)
    services.profiles.put("x", ticked)
    card = view.cards["x"]
    qtbot.waitUntil(lambda: card.remove_button.isEnabled())
    qtbot.mouseClick(card.remove_button, Qt.MouseButton.LeftButton)
    assert services.profiles.get("x") is None and "Ctrl+Z" in view.message.text()
    view.undo_stack.undo()
    assert services.profiles.get("x") == ticked
    assert all(box.isChecked() for box in card.checks.values())


def test_only_web_links_open(view, services, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: not opened.append(url.toString()))
    card = view.cards["website"]
    card.show_row(OwnProfileRow("website", "javascript:alert(1)"), TODAY)
    assert not card.open_button.isEnabled() and not card.open_link()
    card.show_row(OwnProfileRow("website", "https://jordanreyes.dev"), TODAY)
    assert card.open_link() and opened == ["https://jordanreyes.dev"]


def test_a_due_refresh_shows_on_today_and_is_checked_there(
    qtbot, services, clock, make_today
) -> None:
    services.profiles.put("linkedin", OwnProfileRow("linkedin", LINK).all_ticked(TODAY))
    today = make_today(size=(1024, 768))
    today.activateWindow()
    section = today.sections["profiles"]
    assert not section.isVisible()
    clock.advance(timedelta(days=200).total_seconds())  # past the six months
    today.refresh()
    settle_today(qtbot, today)
    assert section.isVisible()
    assert section.list.item(0).text() == (
        "LinkedIn · To check: photo, headline, about, recent activity"
    )
    qtbot.waitUntil(today.isActiveWindow)
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: not section.isVisible())
    assert not services.profiles.get("linkedin").due(clock.today())
    today.undo_stack.undo()
    qtbot.waitUntil(section.isVisible)


def test_enter_on_today_opens_the_me_page(qtbot, app_window) -> None:
    services = app_window.services
    app_window.activateWindow()
    services.profiles.put("github", OwnProfileRow("github", "https://github.com/jreyes"))
    today = app_window.show_view("today")
    settle_today(qtbot, today)  # the sections below the first rows are made
    section = today.sections["profiles"]
    qtbot.waitUntil(section.isVisible)
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_Return)
    assert current_view(app_window) == "me"


def test_refresh_reminders_reach_the_notifier_once(qtbot, services, clock) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    owner = QObject()
    reminders = ProfileReminders(
        services.profiles, services.changes, Notifier(None, None, banner), owner
    )
    services.profiles.put("github", OwnProfileRow("github", "https://github.com/jreyes"))
    qtbot.waitUntil(lambda: banner.text.text() != "")
    assert banner.text.text() == "Refresh your GitHub profile: Not checked yet · Me page"
    assert reminders.check() == []


def test_the_event_checklist_reads_the_me_page(qtbot, app_window) -> None:
    services = app_window.services
    app_window.activateWindow()
    event_id = services.events.create(
        EventDraft(name="PyCon DE", starts_at=datetime(2026, 3, 25, 9), status="registered")
    )
    events = app_window.show_view("events")
    events.show_tab(event_id, "Prep brief")
    prep = events.panel.prep
    box = prep.checks["profile"]
    assert box.isEnabled() and not box.isChecked()  # no profiles: ticked by hand
    services.profiles.put("github", OwnProfileRow("github", "https://github.com/jreyes"))
    qtbot.waitUntil(lambda: not box.isEnabled())
    assert not box.isChecked()
    assert prep.profile_state.text() == (
        '"Profile up to date" follows the Me page. Due for a refresh: GitHub.'
    )
    services.profiles.put(
        "github", OwnProfileRow("github", "https://github.com/jreyes").all_ticked(TODAY)
    )
    qtbot.waitUntil(box.isChecked)
    assert events.current_id() == event_id and services.events.progress(event_id) == (2, 5)
    qtbot.mouseClick(prep.open_me, Qt.MouseButton.LeftButton)
    assert current_view(app_window) == "me"


def test_the_pitch_library_is_reached_from_the_me_page(qtbot, app_window) -> None:
    services = app_window.services
    app_window.activateWindow()
    me = app_window.show_view("me")
    assert me.tabs.tabText(1) == "E&levator pitches"
    qtbot.keyClick(app_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    library = me.pitches
    assert me.tabs.currentWidget() is library
    assert QApplication.focusWidget() is library.title
    qtbot.keyClicks(library.title, "Meetup introduction")
    library.text.setPlainText("I'm Jordan, a data engineer. I move batch jobs to streaming.")
    qtbot.keyClick(app_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (pitch,) = services.events.pitches.list()
    assert pitch.title == "Meetup introduction" and pitch.words == 11
    assert library.length.text() == "11 words · about 5 s"
    event_id = services.events.create(EventDraft(name="Meetup", starts_at=datetime(2026, 3, 20)))
    events = app_window.show_view("events")
    events.show_tab(event_id, "Prep brief")
    choices = events.panel.prep.pitch_choice
    assert choices.itemText(1) == "Meetup introduction (11 words)"
    app_window.show_view("me")
    library.list.setFocus()
    qtbot.keyClick(library.list, Qt.Key.Key_Delete)
    assert services.events.pitches.list() == []
    me.undo_stack.undo()
    assert [p.title for p in services.events.pitches.list()] == ["Meetup introduction"]
    me.undo_stack.undo()  # the edit
    assert services.events.pitches.get(pitch.id).title == "Untitled pitch"


def test_a_pitch_without_a_title_is_not_saved_nor_lost(qtbot, view, services) -> None:
    view.show_pitches()
    view.pitches.new_pitch()
    library = view.pitches
    library.title.clear()
    library.title.textEdited.emit("")
    library.text.setPlainText("Words worth keeping.")
    assert not library.save()
    assert "needs a title" in view.message.text()
    assert library.text.toPlainText() == "Words worth keeping."
    assert services.events.pitches.list()[0].title == "Untitled pitch"


def test_every_checklist_item_has_a_box(view) -> None:
    assert [box.text() for box in view.cards["github"].checks.values()] == list(CHECKS.values())


def test_a_profile_reads_as_its_user_name_and_the_link_stays(qtbot, view, services) -> None:
    """At 1024x768 the card showed "https://www.linkedin.com/in/jo"; the user name reads whole
    (the tooltip has the link), and leaving the field unchanged writes nothing."""
    services.profiles.put("linkedin", OwnProfileRow("linkedin", LINK))
    card = view.cards["linkedin"]
    qtbot.waitUntil(lambda: card.link.text() == "jordan-reyes")
    assert card.link.toolTip().endswith(f"{LINK}</p>")
    edit = card.link
    assert edit.fontMetrics().horizontalAdvance(edit.text()) < edit.contentsRect().width() - 8
    card.link.setFocus()
    qtbot.keyClick(card.link, Qt.Key.Key_Return)  # nothing typed: nothing to undo
    assert view.undo_stack.count() == 0 and not card.message.isVisible()
    _type_link(qtbot, view, "linkedin", "jordan-r")  # a user name typed in its place
    assert services.profiles.get("linkedin").url == "https://www.linkedin.com/in/jordan-r"
    assert card.link.text() == "jordan-r" and view.undo_stack.undoText() == "Change LinkedIn link"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_a_long_link_reads_whole_in_the_window(qtbot, app_window, size) -> None:
    """A link of 52 letters with no user name form was cut after 29 at 1024x768 and after 49 at
    1280x800 beside Open and Remove; the link has its row to itself. A Stack Overflow link reads
    as its user's number and name."""
    url = "https://jordanreyes.dev/notes/streaming-batch-jobs"
    profiles = app_window.services.profiles
    profiles.put("website", OwnProfileRow("website", url))
    stack = "https://stackoverflow.com/users/4815162/jordan-reyes"
    profiles.put("stackoverflow", OwnProfileRow("stackoverflow", stack))
    view = app_window.show_view("me")
    app_window.resize(*size)
    edit = view.cards["website"].link
    qtbot.waitUntil(lambda: edit.text() == url and app_window.width() == size[0])
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    assert edit.fontMetrics().horizontalAdvance(url) < edit.contentsRect().width() - 8
    assert view.cards["website"].open_button.isVisible()
    assert view.cards["stackoverflow"].link.text() == "4815162/jordan-reyes"


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_pitch_sits_beside_the_list_at_any_width(qtbot, app_window, size) -> None:
    """At 1920x1080 a 150 px gap lay between the list (at most 420 px) and the pitch."""
    app_window.resize(*size)
    me = app_window.show_view("me")
    me.tabs.setCurrentIndex(1)
    library = me.pitches
    qtbot.waitUntil(lambda: app_window.width() == size[0] and library.form.isVisible())
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    right_of_list = library.list.mapTo(library, library.list.rect().topRight()).x()
    left_of_form = library.form.mapTo(library, library.form.rect().topLeft()).x()
    assert 0 < left_of_form - right_of_list <= 2 * library.layout().spacing()
    assert library.list.width() <= 420


def test_a_tall_window_shows_the_pitches_below_the_cards(qtbot, app_window) -> None:
    """At 1920x1080 two thirds of the Profiles tab lay empty below the cards: the pitch library
    fills that room (the tabs go); a smaller window has the two tabs again."""
    app_window.resize(1920, 1080)
    me = app_window.show_view("me")
    library = me.pitches
    qtbot.waitUntil(lambda: app_window.width() == 1920 and library.list.isVisible())
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    assert not me.tabs.isVisible() and me.scroll_area.isVisible()
    assert me.scroll_area.height() >= me.page.sizeHint().height()  # every card, none cut
    card = list(me.cards.values())[-1]
    below_cards = card.mapTo(me, card.rect().bottomLeft()).y()
    assert 0 < library.mapTo(me, library.rect().topLeft()).y() - below_cards < 80
    assert library.height() >= PITCHES_MIN_HEIGHT
    first = next(iter(me.cards.values()))  # the title and the list in line with it
    left = first.mapTo(me, first.rect().topLeft()).x()
    (title,) = [t for t in me.findChildren(QLabel) if t.text() == "E&levator pitches"]
    assert title.mapTo(me, title.contentsRect().topLeft()).x() == left
    assert library.list.mapTo(me, library.list.rect().topLeft()).x() == left
    me.show_pitches()  # Ctrl+N's way there: nothing to switch
    assert card.isVisible() and library.isVisible()
    app_window.resize(1024, 768)
    qtbot.waitUntil(lambda: me.tabs.count() == 2)
    assert me.tabs.tabText(1) == "E&levator pitches" and not library.isVisible()
    me.show_pitches()
    assert me.tabs.currentWidget() is library and library.list.isVisible()


def test_a_profile_removed_while_the_page_is_hidden_leaves_every_card_whole_when_shown(
    qtbot, app_window
) -> None:
    """Hidden, the page lays its cards out when next shown (not at each change, nor when made
    at start-up): the hint above them grew meanwhile."""
    profiles = app_window.services.profiles
    profiles.put("linkedin", OwnProfileRow("linkedin", LINK))
    app_window.resize(1920, 1080)
    me = app_window.show_view("me")
    qtbot.waitUntil(lambda: me.pitches.list.isVisible())
    app_window.show_view("today")
    profiles.put("linkedin", None)
    assert not me.isVisible() and me.empty.isVisibleTo(me)
    app_window.show_view("me")
    qtbot.waitUntil(lambda: me.empty.isVisible())
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    assert me.scroll_area.height() >= me.page.sizeHint().height()  # every card, none cut


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_an_empty_cards_placeholder_reads_whole(qtbot, app_window, size) -> None:
    """At 1024x768 "Add your LinkedIn, e.g. https://www.linkedin.com/in/your…" and "Add your
    Stack Overflow, e.g. https://stackoverflow.com…" were cut: the card's title names the
    service, the field shows its example."""
    app_window.resize(*size)
    view = app_window.show_view("me")
    qtbot.waitUntil(lambda: app_window.width() == size[0] and view.empty.isVisible())
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    for card in view.cards.values():
        edit = card.link
        room = edit.contentsRect().width() - 8
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < room, card.label
