"""`netdesk import` of a CSV file with a row the reader cannot parse: named with its line, the
other rows imported, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_import_export import run  # noqa: F401  (the fixture)

ROWS = (
    "First Name,Last Name,E-mail Address,Company\r\n"
    "Ann,Lee,ann@x.test,Acme\r\n"
    'Broken,"Lee,b@x.test,Acme\r\n'
    "Cyd,Fox,cyd@x.test,Acme\r\n"
)


def test_a_row_with_an_unclosed_quote_is_named_and_the_rest_imports(run, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "outlook.csv"
    path.write_text(ROWS)
    code, out, _ = run("import", str(path))
    assert code == 1 and "created: 2\n" in out and "failed: 1\n" in out
    assert f"error: {path}, card 2 (line 3): unreadable row: a quote opened" in out
    code, out, _ = run("import", "--json", "--dry-run", str(path))
    (error,) = json.loads(out)["errors"]
    assert code == 1 and (error["card"], error["line"]) == (2, 3)


def test_the_encoding_and_delimiter_read_are_printed(run, tmp_path: Path) -> None:  # noqa: F811
    """A European Excel's CSV (Windows-1252, `;`): the text output and the JSON say how it was
    read, so a garbled name can be traced to its encoding."""
    path = tmp_path / "outlook.csv"
    path.write_bytes(ROWS.replace(",", ";").replace("Ann", "Zoë").encode("cp1252"))
    tabbed = tmp_path / "tabs.csv"
    tabbed.write_text(ROWS.replace(",", "\t").replace("x.test", "y.test"), encoding="utf-8")
    _, out, _ = run("import", "--dry-run", str(path), str(tabbed))
    assert out.startswith(
        f"read {path} as Windows-1252 (Western European), columns split by semicolons\n"
        f"read {tabbed} as UTF-8, columns split by tabs\n"
        "would be created: 4\n"
    )
    _, out, _ = run("import", "--json", str(path))
    assert json.loads(out)["csv"] == [{"file": str(path), "encoding": "cp1252", "delimiter": ";"}]
