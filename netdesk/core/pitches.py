"""The pitch library: elevator pitches with their length in words and spoken time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from netdesk.core.changes import Changes
from netdesk.store.models import Event, Pitch, utcnow

WORDS_PER_MINUTE = 130
_WORD = re.compile(r"[\w'’-]+")


def word_count(text: str) -> int:
    """Words in `text` (hyphenated words and contractions count once)."""
    return len(_WORD.findall(text))


def spoken_seconds(text: str, wpm: int = WORDS_PER_MINUTE) -> int:
    """About how long saying `text` takes, in whole seconds."""
    return round(word_count(text) * 60 / wpm)


def length_label(text: str) -> str:
    """Length for people: 62 words · about 29 s (or about 1 min 5 s)."""
    words = word_count(text)
    minutes, seconds = divmod(spoken_seconds(text), 60)
    spoken = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    return f"{words} word{'' if words == 1 else 's'} · about {spoken}"


@dataclass(frozen=True)
class PitchRow:
    id: int
    title: str
    audience: str
    text: str

    @property
    def words(self) -> int:
        return word_count(self.text)


@dataclass(frozen=True)
class DeletedPitch:
    """A deleted pitch's stored fields and the events that had chosen it."""

    fields: dict[str, object]
    events: list[int]


class PitchService:
    """Creates, changes and lists pitches; changes are announced on the "events" topic."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def list(self) -> list[PitchRow]:
        """Every pitch, by title."""
        query = Pitch.select().order_by(Pitch.title.collate("NOCASE"), Pitch.id)
        return [PitchRow(p.id, p.title, p.audience, p.text) for p in query]

    def get(self, pitch_id: int) -> PitchRow | None:
        pitch = Pitch.get_or_none(Pitch.id == pitch_id)
        return PitchRow(pitch.id, pitch.title, pitch.audience, pitch.text) if pitch else None

    def create(self, title: str, text: str = "", audience: str = "") -> int:
        if not title.strip():
            raise ValueError("a pitch needs a title")
        pitch = Pitch.create(title=title.strip(), text=text, audience=audience)
        self.changes.publish("events")
        return pitch.id

    def update(self, pitch_id: int, title: str, text: str, audience: str = "") -> None:
        if not title.strip():
            raise ValueError("a pitch needs a title")
        Pitch.update(title=title.strip(), text=text, audience=audience, updated_at=utcnow()).where(
            Pitch.id == pitch_id
        ).execute()
        self.changes.publish("events")

    def delete(self, pitch_id: int) -> DeletedPitch | None:
        """Remove a pitch; events that used it keep their own copy of the text. The result
        puts it back with `restore` (None: there was no such pitch)."""
        pitch = Pitch.get_or_none(Pitch.id == pitch_id)
        if pitch is None:
            return None
        events = [event.id for event in Event.select(Event.id).where(Event.pitch == pitch_id)]
        deleted = DeletedPitch(pitch.__data__.copy(), events)
        Event.update(pitch=None).where(Event.pitch == pitch_id).execute()
        Pitch.delete().where(Pitch.id == pitch_id).execute()
        self.changes.publish("events")
        return deleted

    def restore(self, deleted: DeletedPitch) -> int:
        """Undo `delete`: the pitch with its id, chosen again by the events that used it; its id."""
        pitch_id = cast(int, deleted.fields["id"])
        Pitch.insert(deleted.fields).execute()
        Event.update(pitch=pitch_id).where(Event.id.in_(deleted.events)).execute()
        self.changes.publish("events")
        return pitch_id
