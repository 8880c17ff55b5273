"""Long emails and profile links read whole in the contact editor beside the list at 1024x768
and 1280x800, with the window's default splitter (issue 20: "email and LinkedIn fields are
clipped in the editor")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.ui.contacts.methods_editor import LONG_VALUE
from netdesk.ui.plain import plain_tooltip

LONGEST = "valentina.papadopoulos1019@personio.example"  # the longest of gen_network's 2,000
LINKEDIN = "https://www.linkedin.com/in/valentina-papadopoulos1019"


def _whole(edit: QLineEdit) -> bool:
    """Whether the field's text fits inside its frame and margins (nothing scrolled away)."""
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 4  # Qt's own 2+2
    return edit.fontMetrics().horizontalAdvance(edit.text()) <= room


@pytest.fixture
def contact(services) -> int:
    """Someone with long emails and a LinkedIn link, stored before the window reads the list."""
    methods = [
        MethodDraft("email", LONG_VALUE, "work"),
        MethodDraft("email", LONGEST, "home"),
        MethodDraft("profile", LINKEDIN, service="linkedin"),
    ]
    draft = ContactDraft(given_name="Valentina", family_name="Papadopoulos", methods=methods)
    return services.contacts.create(draft)


@pytest.mark.parametrize(("size", "widest"), [((1024, 768), 0), ((1280, 800), 1)])
def test_long_emails_and_a_linkedin_link_read_whole_beside_the_list(
    contact, app_window, qtbot, size, widest
) -> None:
    """At 1024 an address longer than 19 in 20 reads whole, at 1280 the longest one too; the
    LinkedIn link reads as its user name beside "LinkedIn", the tooltip has the link."""
    app_window.resize(*size)
    contacts = app_window.show_view("contacts")
    assert contacts.select_contact(contact)
    qtbot.wait(50)
    QApplication.processEvents()
    *emails, profile = contacts.editor.methods.rows
    assert all(_whole(row.value_edit) for row in emails[: widest + 1])
    assert profile.label_box.currentText() == "LinkedIn"
    assert profile.value_edit.text() == "valentina-papadopoulos1019"
    assert _whole(profile.value_edit)
    assert profile.value_edit.toolTip() == plain_tooltip(LINKEDIN)
    assert emails[1].value_edit.toolTip() == plain_tooltip(LONGEST)


def test_a_profile_shown_by_its_user_name_is_stored_as_its_link(
    contact, app_window, services, qtbot
) -> None:
    contacts = app_window.show_view("contacts")
    assert contacts.select_contact(contact)
    editor = contacts.editor
    assert not editor.dirty
    assert editor.draft().methods == editor.loaded.methods  # showing it changed nothing
    editor.title.setText("Head of People")
    assert editor.save()
    stored = services.contacts.load(contact).methods
    assert [m.value for m in stored if m.kind == "profile"] == [LINKEDIN]
    profile = editor.methods.rows[-1]
    profile.value_edit.setText("https://www.linkedin.com/in/valentina-p/")  # a pasted link
    assert editor.save()
    stored = services.contacts.load(contact).methods
    assert [m.value for m in stored if m.kind == "profile"] == [
        "https://www.linkedin.com/in/valentina-p"
    ]
    assert editor.methods.rows[-1].value_edit.text() == "valentina-p"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_a_stack_overflow_link_reads_as_its_user_and_is_stored_whole(app_window, qtbot, size):
    """At 1024x768 ".../users/4815162/j" was all of it; it reads as "4815162/jordan-reyes", and
    from 1280 beside "Stack Overflow" whole (the label's box stopped at 96 px)."""
    link = "https://stackoverflow.com/users/4815162/jordan-reyes"
    methods = [MethodDraft("profile", link, service="stackoverflow")]
    draft = ContactDraft(given_name="Jordan", family_name="Reyes", methods=methods)
    services = app_window.services
    contact = services.contacts.create(draft)
    app_window.resize(*size)
    contacts = app_window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.select_contact(contact))
    qtbot.wait(50)
    QApplication.processEvents()
    [row] = contacts.editor.methods.rows
    assert row.value_edit.text() == "4815162/jordan-reyes" and _whole(row.value_edit)
    assert row.value_edit.toolTip() == plain_tooltip(link)
    if size[0] >= 1280:  # "Stack Ove" beside it, however wide the window, below 121 px
        assert row.label_box.width() >= row.label_box.sizeHint().width()
    assert not contacts.editor.dirty
    row.value_edit.setText("4815162/jordan")  # a name changed as it reads
    assert contacts.editor.save()
    [stored] = services.contacts.load(contact).methods
    assert stored.value == "https://stackoverflow.com/users/4815162/jordan"
