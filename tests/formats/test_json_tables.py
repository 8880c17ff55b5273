"""The streaming reader of NetDesk's JSON export: the same values as json.loads whatever the chunk
size (values, characters and numbers cut between chunks), errors where json.loads puts them."""

from __future__ import annotations

import io
import json

import pytest

from netdesk.formats.json_tables import JsonFileError, JsonTablesReader

DOCUMENT = {
    "format": "netdesk",
    "format_version": 1,
    "nested": {"a": [1, 2.5, None, True, False]},
    "tables": {
        "empty": [],
        "people": [
            {"id": n, "name": f"Jürgen {n} 🎉 \u2028", "score": 12345.678 * n, "ok": n % 2 == 0}
            for n in range(40)
        ],
        "tags": [{"id": 1, "name": "x"}],
    },
}


def _read(data: bytes, chunk: int, size: int = 7) -> tuple[dict, dict[str, list]]:
    reader = JsonTablesReader(io.BytesIO(data), chunk=chunk)
    header = reader.header()
    tables: dict[str, list] = {}
    for name, rows in reader.batches(size):
        assert len(rows) <= size
        tables.setdefault(name, []).extend(rows)
    assert reader.bytes_read == len(data)
    return header, tables


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
def test_reads_what_json_loads_reads(chunk: int, indent: int | None) -> None:
    data = json.dumps(DOCUMENT, indent=indent, ensure_ascii=False).encode("utf-8")
    header, tables = _read(b"\xef\xbb\xbf" + data if indent else data, chunk)
    expected = dict(DOCUMENT)
    assert tables == expected.pop("tables")
    assert header == expected


def test_an_empty_table_is_one_empty_batch() -> None:
    reader = JsonTablesReader(io.BytesIO(b'{"tables": {"a": [], "b": [{}]}}'))
    assert reader.header() == {}
    assert list(reader.batches()) == [("a", []), ("b", [{}])]


@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
@pytest.mark.parametrize(
    "broken",
    [
        lambda text: text.replace('"name": "J\u00fcrgen 7', '"name" "J\u00fcrgen 7'),
        lambda text: text.replace('"id": 30,', '"id": 30,,'),
        lambda text: text.replace('"ok": true', '"ok": tru', 3),
        lambda text: text.replace("12345.678,", "12345.678.1,"),
    ],
)
def test_a_syntax_error_is_where_json_loads_says(chunk: int, broken) -> None:
    text = broken(json.dumps(DOCUMENT, indent=2, ensure_ascii=False))
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(JsonFileError) as error:
        _read(text.encode("utf-8"), chunk)
    assert (error.value.line, error.value.column) == (expected.value.lineno, expected.value.colno)
    assert error.value.offset == expected.value.pos


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "does not start with {"),
        (b"[1, 2]", "does not start with {"),
        (b'{"format": "netdesk"}', 'ends without "tables"'),
        (b'{"format": "netdesk", "tables": []}', 'expected { after "tables"'),
        (b'{"tables": {"a": {}}}', "expected \\[ to open the rows of table 'a'"),
        (b'{"tables": {"a": [1]}}', "a row of table 'a' is not an object"),
        (b'{"tables": {"a": [{}]}, "more": 1}', '"tables" must be the last member'),
        (b'{"tables": {"a": [{}]}} x', "unexpected text after the end"),
        (b'{"tables": {"a": [{}', "expected , or \\]"),
        (b'{"tables": {"a": [{"x": "\xff"}]}}', "not UTF-8"),
        (b'{"tables": {"a": [{"x": "cut', "Unterminated string"),
        (b'{5: 1, "tables": {}}', "expected a member name"),
    ],
)
def test_what_is_not_an_export_is_named(data: bytes, message: str) -> None:
    with pytest.raises(JsonFileError, match=message):
        _read(data, 4)


def test_lines_are_counted_across_dropped_chunks() -> None:
    rows = ",\n".join(json.dumps({"id": n, "pad": "x" * 50}) for n in range(200))
    text = '{"tables": {"a": [\n' + rows + ',\n{"id": 1 "oops": 2}]}}'
    with pytest.raises(JsonFileError) as error:
        _read(text.encode(), 64)
    assert (error.value.line, error.value.column) == (202, 10)
