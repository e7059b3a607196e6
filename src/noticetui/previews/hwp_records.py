"""The record layer of HWP 5.0 streams: records, the text of a paragraph, and lines from a section.

Every stream of an HWP 5.0 file is a run of records.  A record starts with a 32-bit little-endian header:
tag id in bits 0-9, level in bits 10-19, size in bits 20-31; a size of 0xFFF means the real size follows
in the next 32 bits.  (HWP 5.0 specification §4.1, checked against pyhwp and hwp.js.)
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

HWPTAG_BEGIN = 0x10
HWPTAG_PARA_HEADER = HWPTAG_BEGIN + 50
HWPTAG_PARA_TEXT = HWPTAG_BEGIN + 51
HWPTAG_CTRL_HEADER = HWPTAG_BEGIN + 55
HWPTAG_LIST_HEADER = HWPTAG_BEGIN + 56
HWPTAG_TABLE = HWPTAG_BEGIN + 61
TABLE_CHID = b"tbl "[::-1]
"""The control id of a table as stored: MAKE_4CHID('t','b','l',' ') written little-endian."""

# Control characters inside PARA_TEXT.  Extended (1-3, 11-12, 14-18, 21-23) and inline (4-9, 19-20)
# controls take 8 UTF-16 units: the code, six units of parameters (a control id or a tab width), the
# code again.  The rest (0, 10, 13, 24-31) are single characters.
EIGHT_UNIT_CONTROLS = frozenset([*range(1, 10), 11, 12, *range(14, 24)])
_CHAR_CONTROLS = {9: "\t", 10: "\n", 24: "-", 30: "\u00a0", 31: " "}
# A UTF-16LE code unit below 32: a control byte followed by a zero byte (only at even offsets).
_CONTROL_UNIT = re.compile(rb"[\x00-\x1f]\x00", re.DOTALL)


class Record(NamedTuple):
    """One record of an HWP stream."""

    tag: int
    """The tag id, such as :data:`HWPTAG_PARA_TEXT`."""
    level: int
    """The depth in the record tree (a table cell's paragraphs sit deeper than the table's paragraph)."""
    payload: bytes
    """The record's data."""


class RecordError(Exception):
    """A stream's records do not add up: a header or payload runs past the end of the data."""


def iter_records(data: bytes, partial: bool = False) -> Iterator[Record]:
    """The records of ``data`` in order.

    RecordError when the last record is cut short, unless ``partial`` says ``data`` is only the start of
    a stream (then the cut record is dropped).
    """
    pos = 0
    end = len(data)
    while pos < end:
        if pos + 4 > end:
            break
        (header,) = struct.unpack_from("<I", data, pos)
        pos += 4
        size = header >> 20
        if size == 0xFFF:
            if pos + 4 > end:
                break
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > end:
            break
        yield Record(header & 0x3FF, (header >> 10) & 0x3FF, data[pos : pos + size])
        pos += size
    else:
        return
    if not partial:
        raise RecordError(f"record cut short at byte {pos} of {end}")


def para_text(payload: bytes) -> str:
    """The readable text of a PARA_TEXT payload: controls skipped, tabs and line breaks kept."""
    parts: list[str] = []
    pos = 0
    end = len(payload) - len(payload) % 2
    while pos < end:
        match = _CONTROL_UNIT.search(payload, pos, end)
        while match is not None and match.start() % 2:
            match = _CONTROL_UNIT.search(payload, match.start() + 1, end)
        stop = match.start() if match is not None else end
        parts.append(payload[pos:stop].decode("utf-16-le", "replace"))
        if match is None:
            break
        code = payload[stop]
        parts.append(_CHAR_CONTROLS.get(code, ""))
        pos = stop + (16 if code in EIGHT_UNIT_CONTROLS else 2)
    return "".join(parts)


def _char_count(para_header: bytes) -> int:
    # The top bit of the count is a flag (the paragraph's last in its list), not part of the number.
    return int.from_bytes(para_header[:4], "little") & 0x7FFFFFFF


@dataclass
class _Table:
    """The outermost table being read: its CTRL_HEADER level and its cells' paragraphs by row."""

    level: int
    seen_body: bool = False
    rows: dict[int, list[list[str]]] = field(default_factory=dict)
    cell: list[str] | None = None

    def lines(self) -> Iterator[str]:
        """One line per row, cells joined by tabs, each cell's paragraphs by spaces."""
        for row in sorted(self.rows):
            yield "\t".join(" ".join(" ".join(p.split()) for p in cell if p.strip()) for cell in self.rows[row])

    def take(self, record: Record) -> bool:
        """Consume one of the table's own records (its TABLE record, a cell's LIST_HEADER); False for others."""
        if record.level != self.level + 1:
            return False
        if record.tag == HWPTAG_TABLE:
            self.seen_body = True
            return True
        if record.tag != HWPTAG_LIST_HEADER:
            return False
        if self.seen_body:  # before the TABLE record, a LIST_HEADER is the caption's: not a cell
            payload = record.payload
            row = struct.unpack_from("<H", payload, 10)[0] if len(payload) >= 12 else max(self.rows, default=0)
            self.cell = []
            self.rows.setdefault(row, []).append(self.cell)
        return True

    def add(self, text: str) -> bool:
        """Add a paragraph to the current cell; False when no cell is open (a caption is read as text)."""
        if self.cell is None:
            return False
        self.cell.append(text)
        return True


def _opens_table(record: Record) -> bool:
    return record.tag == HWPTAG_CTRL_HEADER and record.payload[:4] == TABLE_CHID


def _paragraph(record: Record) -> str | None:
    """The text a record adds as a paragraph, or None when it adds none."""
    if record.tag == HWPTAG_PARA_HEADER and len(record.payload) >= 4 and _char_count(record.payload) <= 1:
        # Hangul writes no PARA_TEXT for a paragraph holding only its break: keep it as a blank line.
        return ""
    if record.tag != HWPTAG_PARA_TEXT:
        return None
    text = para_text(record.payload)
    if not text and len(record.payload) > 2:
        return None  # a paragraph holding only controls, such as a table's anchor
    return text


def section_lines(records: Iterable[Record]) -> Iterator[str]:
    """The lines of a section: one per paragraph, and one per table row with its cells joined by tabs.

    Records of a table follow its CTRL_HEADER one level deeper: the TABLE record, then for each cell a
    LIST_HEADER (column at byte 8, row at byte 10) and the cell's paragraphs.  A LIST_HEADER before the
    TABLE record is the caption.  Tables nested in a cell are read as part of the cell's text.
    """
    table: _Table | None = None
    for record in records:
        if table is not None and record.level <= table.level:
            yield from table.lines()
            table = None
        if table is None and _opens_table(record):
            table = _Table(record.level)
            continue
        if table is not None and table.take(record):
            continue
        text = _paragraph(record)
        if text is not None and (table is None or not table.add(text)):
            yield text
    if table is not None:
        yield from table.lines()
