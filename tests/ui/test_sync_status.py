"""The status bar's sync item in words (ui/sync/status.py) and a sync's result (report_text)."""

from __future__ import annotations

from datetime import date, datetime

from netdesk.core.sync_contacts import SyncReport
from netdesk.core.sync_desk import SyncState
from netdesk.ui.dates import when_label
from netdesk.ui.sync.settings_dialog import report_text
from netdesk.ui.sync.status import SyncStatusButton, local_time

SYNCED = datetime(2026, 3, 11, 8, 30)


def _state(**changes) -> SyncState:
    values = dict(
        url="https://dav.test/",
        user="ana",
        address_book="/ana/contacts/",
        ca_file="",
        last_sync_at=SYNCED,
        last_error="",
        pending=0,
        conflicts=0,
    )
    values.update(changes)
    return SyncState(**values)


def test_the_item_says_how_sync_stands(qtbot) -> None:
    button = SyncStatusButton()
    qtbot.addWidget(button)
    today = date(2026, 3, 11)
    assert button.text() == "Sync: not set up"

    button.show_state(_state(), today)
    assert button.text() == f"Synced {when_label(local_time(SYNCED), today)}"
    button.show_state(_state(pending=1, conflicts=2), today)
    assert button.text().endswith(" · 1 change to send · 2 conflicts")
    button.show_state(_state(last_sync_at=None, pending=3), today)
    assert button.text() == "Not synced yet · 3 changes to send"

    error = "the server refused the user name or password: check them " * 2
    button.show_state(_state(last_error=error), today)
    assert button.text().startswith("Sync failed: the server refused")
    assert button.text().endswith("…") and len(button.text()) < 80
    assert error in button.toolTip()
    button.show_progress(0, 0, "receiving")
    assert button.text() == "Syncing…"
    button.show_progress(12, 40, "sending")
    assert button.text() == "Sending 12 of 40 cards…"
    button.show_progress(3, 40, "receiving")
    assert button.text() == "Receiving 3 of 40 cards…"
    button.show_progress(0, 1, "sending")
    assert button.text() == "Sending 0 of 1 card…"
    button.show_waiting()
    assert button.text() == "Sync waits for the password"


def test_a_report_in_words() -> None:
    report = SyncReport(received_new=2, sent_changed=1, conflicts=1, notes=["no sync-collection"])
    text = report_text(report)
    assert text.startswith("Synced. Received 2 new, 0 matched, 0 changed, 0 to the Trash; ")
    assert "sent 0 new, 1 changed, 0 deleted." in text
    assert "1 field(s) changed on both sides" in text
    assert text.endswith("\nno sync-collection")
