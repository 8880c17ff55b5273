"""Sync in the window against a real Radicale, beyond the basics (test_gui.py): File → Preview
sync… lists what would change and writes nothing, a first sync shows cards done of how many and
a Cancel leaves no card half-written, and Sync settings makes an address book by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from netdesk.core.carddav import CardDavClient
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import SyncAccount, SyncCard
from netdesk.ui.tasks import Task
from tests.dav_servers import DavServer
from tests.sync.windows import controller_of, file_action, open_settings, wait_idle


def _synced_once(qtbot, window, server: DavServer):
    dialog = open_settings(qtbot, window, server, server.password)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    controller = controller_of(window)
    wait_idle(qtbot, controller)
    assert dialog.message.text().startswith("Synced."), dialog.message.text()
    dialog.close()
    return controller


def _server_hrefs(server: DavServer, book: str) -> set[str]:
    client = CardDavClient(server.url, server.user, server.password)
    try:
        return set(client.etags(book))
    finally:
        client.close()


def test_preview_lists_the_changes_and_writes_nothing(qtbot, window, services, radicale_server):
    ana = services.contacts.create(ContactDraft(given_name="Ana", family_name="Lima"))
    controller = _synced_once(qtbot, window, radicale_server)
    preview_action = file_action(window, "Previe&w sync…")
    qtbot.waitUntil(preview_action.isEnabled)
    services.contacts.update(ana, ContactDraft(given_name="Ana", family_name="Lima", title="CEO"))
    services.contacts.create(ContactDraft(given_name="Ben", family_name="Ode"))
    cards_before = SyncCard.select().count()

    preview_action.trigger()
    dialog = controller.preview_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)

    headings = {
        dialog.tree.topLevelItem(i).text(0): [
            dialog.tree.topLevelItem(i).child(j).text(0)
            for j in range(dialog.tree.topLevelItem(i).childCount())
        ]
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert headings == {"New here: sent (1)": ["Ben Ode"], "Changed here: sent (1)": ["Ana Lima"]}
    assert dialog.message.text().startswith("A sync would make these changes")
    assert SyncCard.select().count() == cards_before  # nothing written here
    assert len(_server_hrefs(radicale_server, SyncAccount.get().address_book)) == 1  # nor there
    assert services.contacts.load(ana).title == "CEO"

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)  # then do it
    assert controller.running is not None
    wait_idle(qtbot, controller)
    assert (controller.last_report.sent_new, controller.last_report.sent_changed) == (1, 1)


def test_sync_now_right_after_the_preview_is_not_refused(
    qtbot, window, services, radicale_server, monkeypatch
):
    """The dry run's worker sends `finished` after its report: a click on Sync now that comes
    in between (held back here for good) still syncs."""
    controller = _synced_once(qtbot, window, radicale_server)
    services.contacts.create(ContactDraft(given_name="Ben", family_name="Ode"))

    def report_without_finishing(task: Task) -> None:
        task.succeeded.emit(task._func(task.progress))

    qtbot.waitUntil(lambda: controller.state is not None)
    monkeypatch.setattr(Task, "run_here", report_without_finishing)
    dialog = controller.preview()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.sync_button.isEnabled() and controller.previewing is None
    monkeypatch.undo()

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert controller.running is not None
    wait_idle(qtbot, controller)
    assert controller.last_report.sent_new == 1


def test_preview_with_nothing_to_sync_says_so(qtbot, window, services, radicale_server):
    controller = _synced_once(qtbot, window, radicale_server)
    qtbot.waitUntil(lambda: controller.state is not None)
    dialog = controller.preview()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.message.text().startswith("Nothing to sync")
    assert dialog.tree.topLevelItemCount() == 0 and not dialog.sync_button.isEnabled()


def test_a_first_sync_counts_its_cards_and_cancel_keeps_each_card_whole(
    qtbot, window, services, radicale_server
):
    for number in range(40):
        services.contacts.create(ContactDraft(given_name=f"Person {number:02}"))
    controller = controller_of(window)
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    seen: list[tuple[int, int, str]] = []

    def progressed(done: int, total: int, phase: str) -> None:
        seen.append((done, total, phase))
        if phase == "sending" and done >= 5:
            controller.cancel()

    controller.progressed.connect(progressed)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 40, timeout=30_000)
    assert dialog.message.text().startswith("Sending ") and " of 40 cards…" in dialog.message.text()
    assert controller.button.text().startswith("Sending ")
    wait_idle(qtbot, controller)
    controller.progressed.disconnect(progressed)

    assert dialog.message.text() == "The sync stopped: Cancelled"
    assert ("sending", 40) in {(phase, total) for _, total, phase in seen}
    book = SyncAccount.get().address_book
    kept = {row.href for row in SyncCard.select()}
    assert 5 <= len(kept) < 40
    assert _server_hrefs(radicale_server, book) == kept  # each card sent is recorded, no other

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)  # resume
    wait_idle(qtbot, controller)
    assert controller.last_report.sent_new == 40 - len(kept)
    assert len(_server_hrefs(radicale_server, book)) == SyncCard.select().count() == 40


def test_an_address_book_made_by_name_from_the_settings(
    qtbot, window, services, radicale_server, monkeypatch
):
    services.contacts.create(ContactDraft(given_name="Ana"))
    controller = controller_of(window)
    dialog = open_settings(qtbot, window, radicale_server, radicale_server.password)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args: ("Work people", True))

    qtbot.mouseClick(dialog.new_book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.testing is None, timeout=30_000)
    assert dialog.message.text() == "Made the address book “Work people”: Sync now fills it."
    assert dialog.book.currentText() == "Work people"
    first = dialog.book.currentData()
    assert first.endswith("/work-people/")

    qtbot.mouseClick(dialog.new_book_button, Qt.MouseButton.LeftButton)  # the name again
    qtbot.waitUntil(lambda: dialog.testing is None, timeout=30_000)
    assert dialog.book.currentData().endswith("/work-people-2/")
    dialog.book.setCurrentIndex(dialog.book.findData(first))

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller)
    book = SyncAccount.get().address_book
    assert book == first
    assert len(_server_hrefs(radicale_server, book)) == 1
