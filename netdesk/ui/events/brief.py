"""The printable prep brief: the event, goals, people to meet, pitch, starters and checklist.

`brief_html` builds the page (all user text escaped, so it stays plain text); `save_pdf` and
`print_brief` lay it out with QTextDocument on a QPrinter.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from netdesk.core.event_draft import CHECKLIST
from netdesk.core.events import EventService
from netdesk.core.pitches import length_label
from netdesk.ui.events.model import when_text
from netdesk.ui.plural import counted

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #1c2a44; }
h1 { font-size: 18pt; margin: 0 0 2px 0; }
h2 { font-size: 12pt; color: #1b3f8f; margin: 12px 0 4px 0; border-bottom: 1px solid #c9d3e3; }
.meta { color: #5d6b82; }
td, th { padding: 3px 6px; vertical-align: top; }
th { background: #eef2f8; text-align: left; }
.pitch { background: #f5f7fb; padding: 6px; }
"""


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def brief_html(events: EventService, event_id: int) -> str:
    """The whole brief of one event as an HTML page."""
    row = events.get(event_id)
    assert row is not None  # briefed from its open panel
    draft = events.load(event_id)
    facts = [
        when_text(row, full=True),
        draft.place,
        draft.online_link,
        f"Organiser: {draft.organiser}" if draft.organiser else "",
        draft.url,
        f"Cost: {draft.cost}" if draft.cost else "",
    ]
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f"<h1>{_text(draft.name)}</h1>",
        f"<p class='meta'>{_text(draft.kind.capitalize())} · {_text(draft.status)}<br>",
        "<br>".join(_text(f) for f in facts if f) + "</p>",
        "<h2>Goals</h2>",
        f"<p>{_text(draft.goals) or '—'}</p>",
    ]
    if draft.goal_target:
        target = counted("Brief", "meet at least %Ln (person|people).", draft.goal_target)
        parts.append(f"<p><b>Target:</b> {target}</p>")
    parts += ["<h2>People to meet</h2>", _people_table(events, event_id)]
    pitch = events.pitches.get(draft.pitch_id) if draft.pitch_id else None
    title = f" — {_text(pitch.title)}" if pitch else ""
    parts += [
        f"<h2>Elevator pitch{title}</h2>",
        f"<p class='pitch'>{_text(draft.pitch_text) or '—'}</p>",
        f"<p class='meta'>{_text(length_label(draft.pitch_text))}</p>",
        "<h2>Conversation starters</h2>",
        _bullets(draft.conversation_starters),
        "<h2>Checklist</h2><p>",
        " &nbsp; ".join(
            f"{'☑' if draft.checklist.get(key) else '☐'} {_text(title)}"
            for key, title in CHECKLIST.items()
        ),
        "</p>",
    ]
    if draft.notes.strip():
        parts += ["<h2>Notes</h2>", f"<p>{_text(draft.notes)}</p>"]
    parts.append("</body></html>")
    return "".join(parts)


def _people_table(events: EventService, event_id: int) -> str:
    people = events.people.list(event_id)
    if not people:
        return "<p>—</p>"
    rows = "".join(
        f"<tr><td>{'★' if p.want_to_meet else ''}</td><td><b>{_text(p.name)}</b>"
        f"<br><span class='meta'>{_text(', '.join(x for x in (p.title, p.organisation) if x))}"
        f"</span></td><td>{_text(p.role)}</td><td>{_text(p.research_notes)}</td></tr>"
        for p in people
    )
    head = "<tr><th></th><th>Name</th><th>Role</th><th>Research notes</th></tr>"
    return f"<table width='100%' cellspacing='0'>{head}{rows}</table>"


def _bullets(text: str) -> str:
    lines = [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]
    if not lines:
        return "<p>—</p>"
    return "<ul>" + "".join(f"<li>{_text(line)}</li>" for line in lines) + "</ul>"


def brief_document(page_html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(page_html)
    return document


def print_brief(page_html: str, printer: QPrinter) -> None:
    """Lay the brief out on `printer` (A4 portrait, 15 mm margins unless already set)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    brief_document(page_html).print_(printer)


def save_pdf(page_html: str, path: str) -> None:
    """Write the brief to a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    print_brief(page_html, printer)
