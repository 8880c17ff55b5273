"""Long emails and profile links read whole in the contact editor beside the list at 1024x768
and 1280x800, with the window's default splitter (issue 20: "email and LinkedIn fields are
clipped in the editor")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.ui.contacts.methods_editor import (
    LABELS,
    LONG_VALUE,
    PLACEHOLDERS,
    MethodsEditor,
    label_box_width,
)
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
    """At 1024x768 ".../users/4815162/j" was all of it; it reads as "4815162/jordan-reyes"
    beside "Stack Overflow" whole (its box was 82 px: "Stack Ove"), and the email and phone
    above start at the same x as the profile (their label boxes as wide)."""
    link = "https://stackoverflow.com/users/4815162/jordan-reyes"
    methods = [
        MethodDraft("email", "jordan@reyes.example", "work"),
        MethodDraft("phone", "+49 30 901820", "mobile"),
        MethodDraft("profile", link, service="stackoverflow"),
    ]
    draft = ContactDraft(given_name="Jordan", family_name="Reyes", methods=methods)
    services = app_window.services
    contact = services.contacts.create(draft)
    app_window.resize(*size)
    contacts = app_window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.select_contact(contact))
    qtbot.wait(50)
    QApplication.processEvents()
    *others, row = contacts.editor.methods.rows
    assert row.value_edit.text() == "4815162/jordan-reyes" and _whole(row.value_edit)
    assert row.value_edit.toolTip() == plain_tooltip(link)
    box = row.label_box
    assert box.currentText() == "Stack Overflow"
    assert box.width() >= label_box_width("Stack Overflow")
    starts = {r.value_edit.mapTo(contacts, r.value_edit.rect().topLeft()).x() for r in others}
    assert starts == {row.value_edit.mapTo(contacts, row.value_edit.rect().topLeft()).x()}
    assert all(_whole(r.value_edit) for r in others)
    assert not contacts.editor.dirty
    row.value_edit.setText("4815162/jordan")  # a name changed as it reads
    assert contacts.editor.save()
    stored = services.contacts.load(contact).methods
    assert stored[-1].value == "https://stackoverflow.com/users/4815162/jordan"
    *others, row = contacts.editor.methods.rows
    row.label_box.setCurrentIndex(row.label_box.findData("github"))  # a short name: narrower
    widths = {r.label_box.width() for r in contacts.editor.methods.rows}
    assert widths == {label_box_width("GitHub")}


def test_the_label_boxes_are_as_wide_as_the_widest_label_needs(qtbot) -> None:
    """A website's "homepage" reads whole and widens every row's label box alike (they start
    the value fields at one x); a long label typed in stops at 96 px, and so does the row."""
    editor = MethodsEditor("DE")
    qtbot.addWidget(editor)
    editor.set_methods([MethodDraft("email", "a@b.example", "work")])
    (email,) = editor.rows
    narrow = email.label_box.width()
    website = editor.add(MethodDraft("url", "https://b.example", "homepage"))
    assert {r.label_box.width() for r in editor.rows} == {label_box_width("homepage")}
    assert label_box_width("homepage") > narrow
    row_width = email.minimumSizeHint().width()
    email.label_box.setEditText("a very long label of my own")
    assert {r.label_box.width() for r in editor.rows} == {96}
    assert email.minimumSizeHint().width() == row_width
    editor.set_methods([MethodDraft("email", "a@b.example", "work")])
    assert editor.rows[0].label_box.width() == narrow
    assert website not in editor.rows


def test_rows_shown_together_are_aligned_to_the_widest_label(qtbot) -> None:
    """A contact shown at once (rows made, then aligned once) lines up as rows added one by one."""
    editor = MethodsEditor("DE")
    qtbot.addWidget(editor)
    editor.set_methods(
        [
            MethodDraft("email", "a@b.example", "work"),
            MethodDraft("url", "https://b.example", "homepage"),
        ]
    )
    assert {r.label_box.width() for r in editor.rows} == {label_box_width("homepage")}


def test_a_label_width_follows_the_font(qapp) -> None:
    """Widths are measured once per text, font and style: a larger font measures again."""
    font = qapp.font()
    before = label_box_width("homepage")
    larger = qapp.font()
    larger.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(larger)
    try:
        assert label_box_width("homepage") > before
    finally:
        qapp.setFont(font)
    assert label_box_width("homepage") == before


def test_showing_another_contact_fills_the_rows_there_are_with_its_own(qtbot) -> None:
    """Rows are filled again, not made again: a phone's row keeps no message of its own, a
    profile's row becomes an email's with the email's labels and an editable label."""
    editor = MethodsEditor("DE")
    qtbot.addWidget(editor)
    editor.set_methods(
        [MethodDraft("phone", "12"), MethodDraft("profile", LINKEDIN, "", "linkedin")]
    )
    phone, profile = editor.rows
    assert phone.message.text() and not profile.label_box.isEditable()
    shown = [MethodDraft("email", "a@b.example", "home"), MethodDraft("email", LONGEST, "work")]
    editor.set_methods(shown)
    assert editor.rows == [phone, profile]
    assert [row.draft() for row in editor.rows] == shown
    assert not phone.message.text() and phone.open_button.isEnabled()
    assert profile.label_box.isEditable()
    labels = [profile.label_box.itemText(i) for i in range(profile.label_box.count())]
    assert labels == list(LABELS["email"])
    assert profile.value_edit.placeholderText() == PLACEHOLDERS["email"]
    assert profile.value_edit.accessibleName() == "Email"
    assert profile.value_edit.toolTip() == plain_tooltip(LONGEST)


def test_each_row_shows_its_remove_button(qtbot) -> None:
    """Since e4e1298 the rows' remove buttons had no text: a blank square beside each value."""
    editor = MethodsEditor("DE")
    qtbot.addWidget(editor)
    editor.set_methods([MethodDraft("email", "a@b.example", "home"), MethodDraft("phone", "12")])
    editor.show()
    qtbot.waitExposed(editor)
    for row in editor.rows:
        assert row.remove_button.text() == "✕" and row.remove_button.isVisible()
    assert editor.rows[1].remove_button.toolTip() == "Remove this phone"


@pytest.fixture
def national(services) -> int:
    """Someone with a phone number written without its country code (no region chosen)."""
    methods = [MethodDraft("phone", "06-10000005", "mobile")]
    return services.contacts.create(ContactDraft(given_name="Björn", methods=methods))


def test_a_phone_numbers_message_wraps_inside_the_editor(national, app_window, qtbot) -> None:
    """At 1024x768 "Write it with its country code (+…), or choose your region in Contact
    settings." under a national number ran past the editor's edge ("…choose your re")."""
    app_window.resize(1024, 768)
    contacts = app_window.show_view("contacts")
    assert contacts.select_contact(national)
    qtbot.wait(50)
    QApplication.processEvents()
    message = contacts.editor.methods.rows[0].message
    assert message.isVisible() and "country code" in message.text()
    one_line = message.fontMetrics().horizontalAdvance(message.text()) <= message.width()
    wrapped = message.wordWrap() and message.height() >= message.heightForWidth(message.width())
    assert one_line or wrapped  # was 468 px of text in a label 324 px wide
    assert message.visibleRegion().boundingRect().width() == message.width()
