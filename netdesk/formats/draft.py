"""Plain contact drafts: what parsers produce and exporters consume.

A draft carries everything a file can say about a person, with no database identity. The core layer
matches drafts against stored contacts and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from netdesk.formats.text import stored_text

METHOD_KINDS = ("email", "phone", "address", "url", "profile", "impp")


@dataclass(slots=True)
class MethodDraft:
    """One way to reach a person: an email, phone, postal address, web link or social profile.

    `kind` is one of METHOD_KINDS. `label` is the user-facing label ("work", "home", "mobile", an
    Apple X-ABLabel). For profiles `service` names the network ("linkedin", "github", "x", ...).
    For addresses `value` is the one-line form and `parts` the seven vCard ADR components
    (po box, extended, street, locality, region, postal code, country).
    """

    kind: str
    value: str
    label: str = ""
    service: str = ""
    preferred: bool = False
    parts: tuple[str, ...] = ()


@dataclass(slots=True)
class ContactDraft:
    """A person as read from a file (or typed in), before it is matched and stored."""

    given_name: str = ""
    family_name: str = ""
    additional_names: str = ""
    prefix: str = ""
    suffix: str = ""
    display_name: str = ""
    nickname: str = ""
    organisation: str = ""
    department: str = ""
    title: str = ""
    birthday: date | None = None
    notes: str = ""
    how_met: str = ""
    circle: str = ""
    cadence_days: int | None = None
    met_at: int | None = None  # the id of the Event where we met
    photo: bytes | None = None
    photo_url: str = ""
    photo_unreadable: bool = False  # the source had a photo that could not be read
    tags: list[str] = field(default_factory=list)
    methods: list[MethodDraft] = field(default_factory=list)
    uid: str = ""
    revision: str = ""
    is_group: bool = False
    members: list[str] = field(default_factory=list)
    """A group card's MEMBER references: another card's UID (`urn:uuid:…`), `mailto:`, `tel:`."""
    connected_on: date | None = None
    source: str = "manual"

    def full_name(self) -> str:
        """The name to show: the display name, else given + family, else organisation, each as
        the store keeps it (so a name with a NUL or a stray CR reads back the same)."""
        display = stored_text(self.display_name)
        if display:
            return display
        joined = " ".join(p for p in map(stored_text, (self.given_name, self.family_name)) if p)
        return joined or stored_text(self.organisation)

    def has_identity(self) -> bool:
        """Whether there is anything to recognise the person by: a name, email or phone."""
        return bool(self.full_name() or any(m.kind in ("email", "phone") for m in self.methods))

    def methods_of(self, kind: str) -> list[MethodDraft]:
        """The methods of one kind, in file order."""
        return [m for m in self.methods if m.kind == kind]


@dataclass(slots=True)
class CardError:
    """A card (or CSV row) that could not be read, with where and why, for the user."""

    file: str
    card: int
    reason: str
    line: int | None = None

    def place(self, file: str) -> str:
        """`file`, card N; `file` alone when the whole file is meant (card 0: "no vCard found")."""
        return f"{file}, card {self.card}" if self.card else file

    def __str__(self) -> str:
        where = self.place(self.file)
        if self.line is not None:
            where += f" (line {self.line})"
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class ParseResult:
    """Everything read from one file: the drafts in order, per-card errors and warnings."""

    file: str
    drafts: list[ContactDraft] = field(default_factory=list)
    errors: list[CardError] = field(default_factory=list)
    warnings: list[CardError] = field(default_factory=list)
    """Cards that import without a part that could not be read (a damaged photo)."""
    encoding: str = ""
    """The codec a CSV file was read in (detected, or the one the user chose); "" for vCards,
    which say their own."""
    delimiter: str = ""
    """The delimiter a CSV file's columns were found split by (`,` `;` or tab); "" else."""
