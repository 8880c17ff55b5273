"""The layers hold (import-linter contracts in pyproject.toml) and docs/architecture.md's
diagram is the code's: regenerate it when an arrow appears or goes."""

from __future__ import annotations

import runpy
import subprocess
import sys

from tests.conftest import ROOT


def test_the_diagram_in_docs_is_printed_from_the_code() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "architecture_graph.py"))
    document = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert script["mermaid"]() in document, (
        "docs/architecture.md is out of date: paste `python scripts/architecture_graph.py`"
    )


def test_the_import_contracts_in_pyproject_hold() -> None:
    code = "import sys, importlinter.cli as cli; sys.exit(cli.lint_imports(no_cache=True))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout
