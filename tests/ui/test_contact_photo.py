"""Contact photos: scaled and size-capped, bad files named in a clear message."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt, QThreadPool
from PySide6.QtGui import QColor, QImage, QPainter

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.ui.contacts.avatars import SIZE, initials_pixmap, photo_image, round_pixmap
from netdesk.ui.contacts.editor import ContactEditor
from netdesk.ui.contacts.photo import MAX_BYTES, MAX_SIDE, prepare_photo


def _noisy_png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#3366aa"))
    painter = QPainter(image)
    for step in range(0, width, 7):
        painter.setPen(QColor((step * 37) % 255, (step * 91) % 255, (step * 13) % 255))
        painter.drawLine(step, 0, width - step, height)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_huge_photo_is_scaled_and_capped(qapp) -> None:
    prepared = prepare_photo(_noisy_png(4000, 3000))
    assert isinstance(prepared, bytes) and len(prepared) <= MAX_BYTES
    image = QImage()
    assert image.loadFromData(prepared)
    assert max(image.width(), image.height()) == MAX_SIDE
    assert image.width() / image.height() == 4000 / 3000


def test_not_a_picture_is_refused_with_a_message(qapp) -> None:
    assert isinstance(prepare_photo(b"BEGIN:VCARD\r\nEND:VCARD\r\n"), str)


def test_editor_takes_a_photo_file_and_names_a_bad_one(qtbot, services, tmp_path: Path) -> None:
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.given.setText("Ana")
    good = tmp_path / "ana.png"
    good.write_bytes(_noisy_png(800, 800))
    assert editor.photo.load_file(str(good))
    assert editor.draft().photo is not None and editor.dirty
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    assert not editor.photo.load_file(str(bad))
    assert "notes.png" in editor.problems.text()
    assert editor.problems.textFormat() == Qt.TextFormat.PlainText
    editor.photo.clear()
    assert editor.draft().photo is None


def test_list_pictures_read_photos_without_thumbnails_once_a_page(qtbot, services) -> None:
    from netdesk.core.contact_list import ListFilter
    from netdesk.formats.draft import ContactDraft
    from netdesk.store.models import Contact
    from netdesk.ui.contacts.model import ContactTableModel

    photo = prepare_photo(_noisy_png(200, 200))
    ids = [
        services.contacts.create(ContactDraft(given_name=name, photo=photo))
        for name in ("Ana", "Ben", "Cleo")
    ]
    services.contacts.create(ContactDraft(given_name="Dan"))
    Contact.update(photo_thumb=None).where(Contact.id.in_(ids)).execute()  # older rows
    asked: list[list[int]] = []

    def photos(wanted: list[int]) -> dict[int, bytes]:
        asked.append(sorted(wanted))
        return services.contacts.photos(wanted)

    model = ContactTableModel(photos, services.clock)
    model.set_filter(ListFilter())
    pictures = [model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) for row in range(4)]
    assert asked == [sorted(ids)]
    assert pictures[0].toImage() == round_pixmap(photo_image(photo, SIZE), SIZE).toImage()
    assert pictures[3].toImage() == initials_pixmap("Dan", SIZE).toImage()
    model.set_filter(ListFilter(text="an"))
    model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert asked == [sorted(ids)]  # Ana's picture is cached: nothing read again


def test_list_pictures_share_initials_and_follow_edits(qtbot, services) -> None:
    from netdesk.core.contact_list import ListFilter
    from netdesk.formats.draft import ContactDraft
    from netdesk.ui.contacts.model import ContactTableModel

    first, second = (
        services.contacts.create(ContactDraft(given_name="Dan", family_name="Lee"))
        for _ in range(2)
    )
    model = ContactTableModel(services.contacts.photos, services.clock)

    def pictures():
        model.set_filter(ListFilter())
        return [model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) for row in (0, 1)]

    before = pictures()
    assert before[0].cacheKey() == before[1].cacheKey()  # namesakes: one drawing of "DL"
    photo = prepare_photo(_noisy_png(200, 200))
    services.contacts.update(first, ContactDraft(given_name="Dan", family_name="Lee", photo=photo))
    services.contacts.update(second, ContactDraft(given_name="Eve", family_name="Lee"))
    after = pictures()
    assert after[0].toImage() == round_pixmap(photo_image(photo, SIZE), SIZE).toImage()
    assert after[1].toImage() == initials_pixmap("Eve Lee", SIZE).toImage()
    services.contacts.update(first, ContactDraft(given_name="Dan", family_name="Lee"))
    assert pictures()[0].toImage() == before[0].toImage()


def test_editor_reads_its_choices_again_only_after_a_change(qtbot, services, monkeypatch) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana", organisation="Acme"))
    ben = services.contacts.create(ContactDraft(given_name="Ben"))
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    reads: list[str] = []
    monkeypatch.setattr(
        services.contacts, "company_names", lambda: reads.append("companies") or ["Acme"]
    )
    editor.load(ana)
    editor.load(ben)
    qtbot.waitUntil(lambda: editor.organisation.completer() is not None)
    assert reads == ["companies"]  # once, for the first contact shown (not when made, blank)
    completions = editor.organisation.completer().model()
    assert completions.data(completions.index(0, 0)) == "Acme"
    event_id = services.events.create(EventDraft(name="PyCon", starts_at=datetime(2026, 4, 1, 9)))
    editor.load(ana)
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert editor.met_at.itemData(1) == event_id and editor.met_at.itemText(1) == "PyCon (Apr 2026)"
    editor.load(ben)
    QThreadPool.globalInstance().waitForDone()
    assert reads == ["companies", "companies"]


def test_the_events_offered_under_met_at_name_their_month(services, qtbot) -> None:
    """Events of one month share its label, worked out once; another year's is its own."""
    for name, starts in (
        ("PyCon", datetime(2026, 4, 1, 9)),
        ("PyData", datetime(2026, 4, 20, 9)),
        ("Meetup", datetime(2025, 4, 2, 18)),
    ):
        services.events.create(EventDraft(name=name, starts_at=starts))
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.load(services.contacts.create(ContactDraft(given_name="Ana")))
    qtbot.waitUntil(lambda: editor.organisation.completer() is not None)
    texts = [editor.met_at.itemText(i) for i in range(editor.met_at.count())]
    assert texts == ["—", "PyData (Apr 2026)", "PyCon (Apr 2026)", "Meetup (Apr 2025)"]


def test_a_contact_met_at_an_event_older_than_the_offered_ones_keeps_it(
    services, qtbot, monkeypatch
) -> None:
    from netdesk.ui.contacts import editor as editor_module

    monkeypatch.setattr(editor_module, "MET_AT_CHOICES", 2)
    old = services.events.create(EventDraft(name="Old meetup", starts_at=datetime(2020, 5, 1, 18)))
    for month in (1, 2, 3):
        services.events.create(EventDraft(name=f"Talk {month}", starts_at=datetime(2026, month, 1)))
    ana = services.contacts.create(ContactDraft(given_name="Ana", met_at=old))
    editor = ContactEditor(services, "GB")
    qtbot.addWidget(editor)
    editor.load(ana)
    assert editor.met_at.currentText() == "Old meetup (May 2020)"
    editor.title.setText("CTO")
    assert editor.draft().met_at == old
    services.contacts.update(ana, editor.draft())
    assert services.contacts.load(ana).met_at == old


def test_list_pictures_ask_only_newly_fetched_rows_for_photos(qapp) -> None:
    """Scrolling on asks for the photos of the rows fetched since, never again for those
    painted before (at 100,000 rows that look-through cost ~20 ms a page); a row painted
    again after it changed is asked for alone."""
    from netdesk.core.contact_list import ContactRow
    from netdesk.ui.contacts.avatars import Avatars

    photo = prepare_photo(_noisy_png(64, 64))
    asked: list[list[int]] = []

    def photos(wanted: list[int]) -> dict[int, bytes]:
        asked.append(wanted)
        return dict.fromkeys(wanted, photo)

    rows = [
        ContactRow(number, f"P{number}", "", "", "", "", None, None, True, None, "t")
        for number in range(1, 7)
    ]
    avatars = Avatars(photos)
    avatars.add_rows(rows[:3])
    for row in rows[:3]:
        avatars.pixmap(row)
    avatars.add_rows(rows[3:])
    for row in rows:
        avatars.pixmap(row)
    saved = rows[0]._replace(updated_at="t2")
    shown = avatars.pixmap(saved)
    assert asked == [[1, 2, 3], [4, 5, 6], [1]]
    assert shown.toImage() == round_pixmap(photo_image(photo, SIZE), SIZE).toImage()


def test_a_photo_decoded_near_list_size_looks_as_one_decoded_whole(qapp) -> None:
    """The list decodes a photo at about twice its picture's size (a JPEG in a fraction of
    the time): the round picture differs from one scaled from the whole image by a shade."""
    for width, height in ((800, 600), (300, 900), (40, 40)):
        photo = prepare_photo(_noisy_png(width, height))
        assert isinstance(photo, bytes)
        fast = round_pixmap(photo_image(photo, SIZE), SIZE).toImage()
        whole = round_pixmap(QImage.fromData(photo), SIZE).toImage()
        channels = [
            (getattr(fast.pixelColor(x, y), part)(), getattr(whole.pixelColor(x, y), part)())
            for x in range(SIZE)
            for y in range(SIZE)
            for part in ("red", "green", "blue", "alpha")
        ]
        assert sum(abs(a - b) for a, b in channels) / len(channels) < 8
    assert photo_image(b"not a picture", SIZE).isNull()
