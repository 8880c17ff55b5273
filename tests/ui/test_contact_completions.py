"""The contact editor's completions read on a worker (only the newest read's answer is taken:
tests/ui/test_latest_read.py): the organisation field offers the stored organisations."""

from __future__ import annotations

from netdesk.formats.draft import ContactDraft
from netdesk.ui.contacts.editor import ContactEditor


def test_the_organisation_field_completes_once_read(qtbot, services) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana", organisation="Acme"))
    services.contacts.create(ContactDraft(given_name="Ben", organisation="Acorn Ltd"))
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.show()
    editor.load(ana)
    qtbot.waitUntil(lambda: editor.organisation.completer() is not None)
    editor.organisation.clear()
    qtbot.keyClicks(editor.organisation, "ac")
    popup = editor.organisation.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == [
        "Acme",
        "Acorn Ltd",
    ]


def test_the_completions_are_read_once_the_editor_has_painted(qtbot, services, monkeypatch) -> None:
    """The read waits for the contact to be shown (its worker would slow the filling and the
    first paint), then starts on the paint, not on the longest wait."""
    from netdesk.ui.contacts import editor as editor_module

    monkeypatch.setattr(editor_module, "COMPLETIONS_WAIT_MS", 60_000)
    ana = services.contacts.create(ContactDraft(given_name="Ana", organisation="Acme"))
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.load(ana)
    assert not editor.completions.busy  # nothing read while the contact is filled in
    qtbot.waitUntil(lambda: editor.organisation.completer() is not None)
    assert editor.organisation.completer().model().stringList() == ["Acme"]
