"""The architecture page's diagram is the code's: regenerate it when an arrow appears or goes."""

from __future__ import annotations

import runpy

from tests.conftest import ROOT


def test_the_diagram_in_docs_is_printed_from_the_code() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "architecture_graph.py"))
    document = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert script["mermaid"]() in document, (
        "docs/architecture.md is out of date: paste `python scripts/architecture_graph.py`"
    )
