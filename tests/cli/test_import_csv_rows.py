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
