"""One-line descriptions of images ("jpeg 640×480") read from their headers, without decoding pixels."""

from __future__ import annotations

import struct

from noticetui.previews.common import Preview, PreviewError

# JPEG markers that start a frame (SOF0..SOF15) carry the image size; C4, C8 and CC share the range but
# are a Huffman table, a reserved marker and arithmetic-coding conditioning.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset([0x01, *range(0xD0, 0xD8)])


def image_size(head: bytes, kind: str) -> tuple[int, int]:
    """The width and height of an image of ``kind`` from its first bytes; PreviewError when unreadable."""
    try:
        size = _SIZE_READERS[kind](head)
    except (struct.error, IndexError) as exc:
        raise PreviewError(f"corrupt {kind.upper()}: header cut short") from exc
    if size is None:
        raise PreviewError(f"corrupt {kind.upper()}: no image size in the header")
    return size


def preview_image(head: bytes, kind: str) -> Preview:
    """A preview whose text is the image's kind and size, such as ``jpeg 640×480``."""
    width, height = image_size(head, kind)
    return Preview(kind=kind, text=f"{kind} {width}×{height}", truncated=False, note="image")


def _jpeg(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill bytes may pad before a marker
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        (length,) = struct.unpack_from(">H", data, pos + 2)
        if marker in _SOF_MARKERS:
            height, width = struct.unpack_from(">HH", data, pos + 5)
            return width, height
        if marker == 0xDA or length < 2:  # image data starts, or a broken segment
            return None
        pos += 2 + length
    return None


def _png(data: bytes) -> tuple[int, int] | None:
    if data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack_from(">II", data, 16)
    return width, height


def _gif(data: bytes) -> tuple[int, int] | None:
    width, height = struct.unpack_from("<HH", data, 6)
    return width, height


def _webp(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack_from("<HH", data, 26)
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            return None
        (bits,) = struct.unpack_from("<I", data, 21)
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None


def _bmp(data: bytes) -> tuple[int, int] | None:
    (dib_size,) = struct.unpack_from("<I", data, 14)
    if dib_size == 12:  # OS/2 BITMAPCOREHEADER: 16-bit sizes
        width, height = struct.unpack_from("<HH", data, 18)
        return width, height
    width, height = struct.unpack_from("<ii", data, 18)
    # A negative height only means the rows are stored top-down.
    return abs(width), abs(height)


_SIZE_READERS = {"jpeg": _jpeg, "png": _png, "gif": _gif, "webp": _webp, "bmp": _bmp}
