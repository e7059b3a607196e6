"""A small writer of OLE compound files (MS-CFB version 3) and of HWP 5.0 documents built on it.

olefile only reads, so tests (and the demo board, for a sample ``.hwp``) build their files here.  It needs
only the standard library:

    from tests.previews.cfb_writer import HwpTable, build_cfb, build_hwp

    data = build_cfb({"FileHeader": b"...", "BodyText/Section0": b"..."})   # any streams
    data = build_hwp([["첫 문단", HwpTable([["구분", "내용"], ["기간", "3월"]])]])  # one section

or from the repository root, ``python -m tests.previews.cfb_writer sample.hwp`` writes a sample document.

The compound file uses 512-byte sectors, one FAT (up to ~7 MB of content: no DIFAT sectors), a
directory whose sibling trees are valid red-black trees, and the mini stream (64-byte mini sectors) for
streams under 4096 bytes, as real HWP files do.  The HWP layer writes FileHeader, DocInfo, PrvText and
BodyText/SectionN with PARA_HEADER, PARA_TEXT and PARA_CHAR_SHAPE records, and tables as CTRL_HEADER,
TABLE and LIST_HEADER records with the cells' paragraphs one level deeper - enough for text readers, not
for Hangul itself, which also wants fonts and styles in DocInfo.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = _BLACK
    start: int = ENDOFCHAIN


def build_cfb(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding ``streams``, keyed by ``/``-separated paths; storages are implied."""
    root = _tree(streams)
    entries = _number(root)
    for entry in entries:
        _link_children(entry)

    small = [e for e in entries if e.kind == _STREAM and 0 < len(e.data) < MINI_CUTOFF]
    large = [e for e in entries if e.kind == _STREAM and len(e.data) >= MINI_CUTOFF]
    mini_stream, mini_fat = _mini_layout(small)
    dir_bytes_len = _round(len(entries) * 128, SECTOR)
    blobs = [dir_bytes_len // SECTOR, _sectors(len(mini_fat) * 4), _sectors(len(mini_stream))]
    blobs += [_sectors(len(e.data)) for e in large]
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + sum(blobs):
        n_fat += 1
    if n_fat > 109:
        raise ValueError("too much data for a compound file without DIFAT sectors")

    fat = [FREESECT] * (n_fat * SECTOR // 4)
    for i in range(n_fat):
        fat[i] = FATSECT
    starts: list[int] = []
    next_free = n_fat
    for count in blobs:
        starts.append(next_free if count else ENDOFCHAIN)
        for i in range(count):
            fat[next_free + i] = next_free + i + 1 if i < count - 1 else ENDOFCHAIN
        next_free += count
    dir_start, mini_fat_start, mini_stream_start = starts[:3]
    for entry, start in zip(large, starts[3:], strict=True):
        entry.start = start
    root.start = mini_stream_start
    root.data = mini_stream  # the root entry's "stream" is the mini stream; its size is recorded below

    body = [struct.pack(f"<{len(fat)}I", *fat)]
    body.append(b"".join(_dir_entry(e) for e in entries).ljust(dir_bytes_len, b"\x00"))
    if mini_fat:
        body.append(_pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat), SECTOR, b"\xff"))
    body.append(_pad(mini_stream, SECTOR))
    body.extend(_pad(e.data, SECTOR) for e in large)
    header = _header(n_fat, dir_start, mini_fat_start, _sectors(len(mini_fat) * 4))
    return header + b"".join(body)


def _tree(streams: Mapping[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        parts = path.strip("/").split("/")
        node = root
        for part in parts[:-1]:
            found = next((c for c in node.children if c.name == part and c.kind == _STORAGE), None)
            if found is None:
                found = _Entry(part, _STORAGE)
                node.children.append(found)
            node = found
        node.children.append(_Entry(parts[-1], _STREAM, bytes(data)))
    return root


def _number(root: _Entry) -> list[_Entry]:
    entries = [root]
    for entry in entries:  # breadth first: the list grows while we walk it
        entries.extend(entry.children)
    for sid, entry in enumerate(entries):
        if len(entry.name) > 31:
            raise ValueError(f"name too long for a compound file: {entry.name!r}")
        entry.sid = sid
    return entries


def _compare_key(entry: _Entry) -> tuple[int, str]:
    # MS-CFB orders siblings by name length first, then by upper-cased name.
    return len(entry.name), entry.name.upper()


def _link_children(parent: _Entry) -> None:
    """Make ``parent``'s children a balanced binary search tree, coloured as a valid red-black tree."""
    ordered = sorted(parent.children, key=_compare_key)
    if not ordered:
        return
    depths: dict[int, int] = {}

    def build(low: int, high: int, depth: int) -> int:
        if low > high:
            return NOSTREAM
        mid = (low + high) // 2
        node = ordered[mid]
        depths[node.sid] = depth
        node.left = build(low, mid - 1, depth + 1)
        node.right = build(mid + 1, high, depth + 1)
        return node.sid

    parent.child = build(0, len(ordered) - 1, 0)
    # A midpoint-built tree has every empty link on its last two levels, so making only the deepest level
    # red gives every path the same number of black nodes and no red node a red child.
    deepest = max(depths.values())
    for node in ordered:
        node.color = _RED if deepest and depths[node.sid] == deepest else _BLACK


def _mini_layout(small: list[_Entry]) -> tuple[bytes, list[int]]:
    stream = bytearray()
    mini_fat: list[int] = []
    for entry in small:
        count = -(-len(entry.data) // MINI_SECTOR)
        entry.start = len(mini_fat)
        mini_fat.extend(entry.start + i + 1 for i in range(count - 1))
        mini_fat.append(ENDOFCHAIN)
        stream += _pad(entry.data, MINI_SECTOR)
    return bytes(stream), mini_fat


def _dir_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    start = entry.start if entry.kind != _STORAGE else 0
    size = len(entry.data) if entry.kind != _STORAGE else 0
    if entry.kind == _STREAM and size == 0:
        start = ENDOFCHAIN
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        entry.color,
        entry.left,
        entry.right,
        entry.child,
        b"\x00" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def _header(n_fat: int, dir_start: int, mini_fat_start: int, n_mini_fat: int) -> bytes:
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    return struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        CFB_MAGIC,
        b"\x00" * 16,
        0x003E,  # minor version
        3,  # major version 3: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector size 2**9
        6,  # mini sector size 2**6
        b"\x00" * 6,
        0,  # directory sector count: must be 0 in version 3
        n_fat,
        dir_start,
        0,  # transaction signature
        MINI_CUTOFF,
        mini_fat_start,
        n_mini_fat,
        ENDOFCHAIN,  # no DIFAT sectors
        0,
        *difat,
    )


def _round(size: int, unit: int) -> int:
    return -(-size // unit) * unit


def _sectors(size: int) -> int:
    return -(-size // SECTOR)


def _pad(data: bytes, unit: int, fill: bytes = b"\x00") -> bytes:
    return data + fill * (_round(len(data), unit) - len(data))


# --- HWP 5.0 on top of it ------------------------------------------------------------------------------

HWPTAG_BEGIN = 0x10
HWPTAG_DOCUMENT_PROPERTIES = HWPTAG_BEGIN
HWPTAG_PARA_HEADER = HWPTAG_BEGIN + 50
HWPTAG_PARA_TEXT = HWPTAG_BEGIN + 51
HWPTAG_PARA_CHAR_SHAPE = HWPTAG_BEGIN + 52
HWPTAG_CTRL_HEADER = HWPTAG_BEGIN + 55
HWPTAG_LIST_HEADER = HWPTAG_BEGIN + 56
HWPTAG_TABLE = HWPTAG_BEGIN + 61
FLAG_COMPRESSED, FLAG_PASSWORD, FLAG_DISTRIBUTION = 1, 2, 4
TABLE_CONTROL = "\x0b"
"""Put this character in a paragraph to write an extended control (a 'tbl ' anchor) in its text."""
_EIGHT_UNIT = frozenset([*range(1, 10), 11, 12, *range(14, 24)])


@dataclass(frozen=True)
class HwpTable:
    """A table block: rows of cell texts (each cell one paragraph)."""

    rows: list[list[str]]


HwpBlock = str | HwpTable
"""A paragraph's text, or a table."""


def hwp_record(tag: int, level: int, payload: bytes) -> bytes:
    """One record: the 32-bit header (with the extended size word when the payload is 4095 bytes or more)."""
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def chid(code: str) -> bytes:
    """A control id such as ``"tbl "`` as HWP stores it: MAKE_4CHID written little-endian (reversed)."""
    return code.encode("ascii")[::-1]


def encode_para_text(text: str) -> bytes:
    """``text`` as a PARA_TEXT payload ending in the paragraph break.

    Characters below 32 become controls: tab (9) an 8-unit inline control with a width, other 8-unit codes
    (such as :data:`TABLE_CONTROL`) extended controls carrying a control id, the rest single units.
    """
    out = bytearray()
    for char in text:
        code = ord(char)
        if code == 9:
            out += struct.pack("<HI", 9, 4000) + b"\x00" * 8 + struct.pack("<H", 9)  # width, then padding
        elif code in _EIGHT_UNIT:
            control = "tbl " if code == 11 else "%unk"
            out += struct.pack("<H", code) + chid(control) + b"\x00" * 8 + struct.pack("<H", code)
        else:
            out += char.encode("utf-16-le")
    return bytes(out + struct.pack("<H", 13))


def _paragraph(text: str, level: int) -> bytes:
    payload = encode_para_text(text)
    units = len(payload) // 2
    header = struct.pack("<IIHBBHHHI", units, 0, 0, 0, 0, 1, 0, 1, 0)
    # Like Hangul, write no PARA_TEXT for a paragraph that holds only its paragraph break.
    text_record = hwp_record(HWPTAG_PARA_TEXT, level + 1, payload) if text else b""
    return (
        hwp_record(HWPTAG_PARA_HEADER, level, header)
        + text_record
        + hwp_record(HWPTAG_PARA_CHAR_SHAPE, level + 1, struct.pack("<II", 0, 0))
    )


def _table(table: HwpTable) -> bytes:
    n_rows, n_cols = len(table.rows), max((len(r) for r in table.rows), default=0)
    out = bytearray(_paragraph(TABLE_CONTROL, 0))
    out += hwp_record(HWPTAG_CTRL_HEADER, 1, chid("tbl ") + b"\x00" * 40)
    out += hwp_record(HWPTAG_TABLE, 2, struct.pack("<IHH", 0, n_rows, n_cols) + b"\x00" * 10)
    for row_index, row in enumerate(table.rows):
        for col_index, cell in enumerate(row):
            cell_header = struct.pack("<HHIHHHH", 1, 0, 0, col_index, row_index, 1, 1) + b"\x00" * 22
            out += hwp_record(HWPTAG_LIST_HEADER, 2, cell_header)
            out += _paragraph(cell, 2)
    return bytes(out)


def section_records(blocks: Sequence[HwpBlock]) -> bytes:
    """The uncompressed record data of one ``BodyText/SectionN`` stream."""
    return b"".join(_paragraph(b, 0) if isinstance(b, str) else _table(b) for b in blocks)


def file_header(flags: int, version: tuple[int, int, int, int] = (5, 0, 3, 0)) -> bytes:
    """The 256-byte ``FileHeader`` stream: signature, version (0xMMnnPPrr) and property flags."""
    major, minor, build, revision = version
    packed = major << 24 | minor << 16 | build << 8 | revision
    return (b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", packed, flags)).ljust(256, b"\x00")


def build_hwp(
    sections: Sequence[Sequence[HwpBlock]],
    *,
    compressed: bool = True,
    password: bool = False,
    distribution: bool = False,
    version: tuple[int, int, int, int] = (5, 0, 3, 0),
) -> bytes:
    """An HWP 5.0 file whose body is ``sections``, each a list of paragraphs and tables."""
    flags = (FLAG_COMPRESSED if compressed else 0) | (FLAG_PASSWORD if password else 0)
    flags |= FLAG_DISTRIBUTION if distribution else 0

    def pack(data: bytes) -> bytes:
        if not compressed:
            return data
        deflater = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, no zlib header
        return deflater.compress(data) + deflater.flush()

    doc_info = hwp_record(HWPTAG_DOCUMENT_PROPERTIES, 0, struct.pack("<H", len(sections)) + b"\x00" * 24)
    preview = "\r\n".join(b for s in sections for b in s if isinstance(b, str))[:1000]
    streams = {
        "FileHeader": file_header(flags, version),
        "DocInfo": pack(doc_info),
        "PrvText": preview.encode("utf-16-le"),
    }
    for index, blocks in enumerate(sections):
        streams[f"BodyText/Section{index}"] = pack(section_records(blocks))
    return build_cfb(streams)


def sample_hwp() -> bytes:
    """A small grant-call notice (사업 공고) with a table: the file ``python -m`` writes."""
    return build_hwp(
        [
            [
                "2026년 중소기업 지원사업 공고",
                "",
                "1. 지원 대상: 공고일 현재 창업 7년 이내 기업",
                "2. 신청 기간: 2026. 3. 2.(월) ~ 3. 20.(금) 18:00까지",
                HwpTable([["구분", "지원 내용", "규모"], ["일반", "사업화 자금", "최대 5천만 원"]]),
                "문의: 기업지원과\t02-123-4567",
            ]
        ]
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m tests.previews.cfb_writer OUTPUT.hwp")
    with open(sys.argv[1], "wb") as out_file:
        out_file.write(sample_hwp())
