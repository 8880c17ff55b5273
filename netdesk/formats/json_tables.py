"""Reading a large JSON document of tables a piece at a time: `{header..., "tables": {name:
[row, ...], ...}}` (NetDesk's own export, see docs/export-format.md).

The header members (every member before "tables") are read whole; the rows are decoded one at a
time and handed out in batches, so a file of any size needs memory for a batch, not the file.
Anything that is not JSON, or not this shape, raises `JsonFileError` with its line and column.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

_CHUNK = 1 << 20
_SPACES = re.compile(r"[ \t\n\r]*").match
_DECODER = json.JSONDecoder()


class JsonFileError(ValueError):
    """The file is not JSON, or not JSON of the expected shape, at `line`:`column`."""

    def __init__(self, reason: str, line: int, column: int, offset: int) -> None:
        super().__init__(f"{reason} (line {line}, column {column})")
        self.reason = reason
        self.line = line
        self.column = column
        self.offset = offset


class JsonTablesReader:
    """Reads the header, then the tables' rows in batches; `bytes_read` tells the progress."""

    def __init__(self, stream: BinaryIO, chunk: int = _CHUNK) -> None:
        self._stream = stream
        self._chunk = chunk
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._buf = ""
        self._pos = 0
        self._dropped = 0  # characters discarded before _buf[0]
        self._dropped_lines = 0
        self._last_dropped_newline = -1  # absolute offset of the last newline discarded
        self._eof = False
        self.bytes_read = 0

    def header(self) -> dict[str, Any]:
        """The members before "tables" (the reader then stands at the tables)."""
        self._expect("{", "the file does not start with {: it is not a NetDesk JSON export")
        found: dict[str, Any] = {}
        while True:
            key = self._key(first=not found)
            if key is None:
                raise self._error('the file ends without "tables"')
            if key == "tables":
                return found
            found[key] = self._value()

    def batches(self, size: int = 500) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(table, rows) for every table in file order, at most `size` rows at a time (an empty
        table gives one empty batch); then checks that the document ends there."""
        self._expect("{", 'expected { after "tables"')
        first = True
        while (name := self._key(first=first)) is not None:
            first = False
            yield from self._rows(name, size)
        self._close_document()

    def _rows(self, name: str, size: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        self._expect("[", f"expected [ to open the rows of table {name!r}")
        batch: list[dict[str, Any]] = []
        sent = False
        if self._peek() == "]":
            self._pos += 1
        else:
            while True:
                start = self._pos
                row = self._value()
                if not isinstance(row, dict):
                    raise self._error(f"a row of table {name!r} is not an object", start)
                batch.append(row)
                if len(batch) >= size:
                    yield name, batch
                    batch, sent = [], True
                if self._separator("]", f"in the rows of table {name!r}"):
                    break
        if batch or not sent:
            yield name, batch

    def _close_document(self) -> None:
        if self._peek() != "}":
            raise self._error('expected } after the tables ("tables" must be the last member)')
        self._pos += 1
        if self._peek() != "":
            raise self._error("unexpected text after the end of the document")

    def _key(self, *, first: bool) -> str | None:
        """The next member's name (after its colon), or None at the object's closing brace."""
        if first:
            if self._peek() == "}":
                self._pos += 1
                return None
        elif self._separator("}", "between members"):
            return None
        start = self._pos
        key = self._value()
        if not isinstance(key, str):
            raise self._error("expected a member name in double quotes", start)
        self._expect(":", f"expected : after {key!r}")
        return key

    def _separator(self, closing: str, where: str) -> bool:
        """Consume a comma (False) or `closing` (True)."""
        char = self._peek()
        if char == closing:
            self._pos += 1
            return True
        if char != ",":
            raise self._error(f"expected , or {closing} {where}")
        self._pos += 1
        return False

    def _expect(self, char: str, message: str) -> None:
        if self._peek() != char:
            raise self._error(message)
        self._pos += 1

    def _peek(self) -> str:
        """The next character that is not whitespace ("" at the end), not consumed."""
        while True:
            spaces = _SPACES(self._buf, self._pos)
            if spaces:
                self._pos = spaces.end()
            if self._pos < len(self._buf) or not self._more():
                return self._buf[self._pos : self._pos + 1]

    def _value(self) -> Any:
        """Decode one JSON value at the position, reading more of the file while it is cut off."""
        self._peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as error:
                cut_off = error.pos >= len(self._buf) - 8 or error.msg.startswith("Unterminated")
                if not (cut_off and self._more()):
                    raise self._error(error.msg, error.pos) from None
                continue
            if end == len(self._buf) and not self._eof and isinstance(value, int | float):
                self._more()  # a number may go on in the next chunk
                continue
            self._pos = end
            return value

    def _more(self) -> bool:
        """Append the next chunk to the buffer (dropping what was read); False at the end."""
        if self._eof:
            return False
        if self._pos > self._chunk:
            dropped = self._buf[: self._pos]
            newlines = dropped.count("\n")
            if newlines:
                self._dropped_lines += newlines
                self._last_dropped_newline = self._dropped + dropped.rindex("\n")
            self._dropped += self._pos
            self._buf = self._buf[self._pos :]
            self._pos = 0
        data = self._stream.read(max(self._chunk, len(self._buf) - self._pos))
        self.bytes_read += len(data)
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise self._error(
                f"the file is not UTF-8 text ({error.reason})", len(self._buf)
            ) from None
        self._buf += text
        self._eof = not data
        return bool(text) or not self._eof

    def _error(self, reason: str, pos: int | None = None) -> JsonFileError:
        at = self._pos if pos is None else pos
        line = self._dropped_lines + self._buf.count("\n", 0, at) + 1
        newline = self._buf.rfind("\n", 0, at)
        start = self._dropped + newline if newline >= 0 else self._last_dropped_newline
        offset = self._dropped + at
        return JsonFileError(reason, line, offset - start, offset)
