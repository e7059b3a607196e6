"""What a file really is, judged by its first bytes rather than its name.

Boards often answer a download with an HTML alert page ("잘못된 접근입니다.") under the file's name, and
company DRM wraps office files without changing their extension; the downloader uses :func:`sniff` to
refuse such files, the previewer to pick a reader.
"""

from __future__ import annotations

import codecs
import re
import struct
from collections.abc import Iterable

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWP_SIGNATURE = b"HWP Document File"
HWPX_MIMETYPE = b"application/hwp+zip"

_DRM_PREFIXES = (b"\x9bDRMONE", b"DRMONE", b"SCDSA", b"<##SoftCamp")
_HTML_TAGS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|meta|title|frameset|iframe|form|div|table|p|br|h[1-6])[\s>/]"
)
_ZIP_LOCAL = b"PK\x03\x04"
_ZIP_CENTRAL = b"PK\x01\x02"
_OOXML_PREFIXES = (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx"))
_EXTENSION_KINDS = {".hwpx": "hwpx", ".docx": "docx", ".xlsx": "xlsx", ".pptx": "pptx"}


def sniff(head: bytes, name: str = "") -> str:
    """The kind of a file from its first bytes ``head`` (a few KB is enough; 64 KB is plenty).

    One of ``pdf``, ``hwp``, ``hwp3``, ``ole``, ``hwpx``, ``docx``, ``xlsx``, ``pptx``, ``zip``, ``jpeg``,
    ``png``, ``gif``, ``webp``, ``bmp``, ``html``, ``drm``, ``empty``, ``text``, ``unknown``.

    ``name`` never decides the kind.  It only names the sub-kind of a zip whose entries ``head`` does not
    reach (a zip written with data descriptors shows no names early): a ``.hwpx`` name then gives ``hwpx``.
    """
    if not head:
        return "empty"
    if _is_drm(head):
        return "drm"
    stripped = _strip_bom(head).lstrip()
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "hwp" if looks_like_hwp(head) else "ole"
    if head.startswith(HWP_SIGNATURE + b" V3.00"):
        return "hwp3"
    if head.startswith((_ZIP_LOCAL, b"PK\x05\x06")):
        return zip_kind(zip_names(head), head, name)
    image = image_kind(head)
    if image:
        return image
    if _is_html(stripped):
        return "html"
    # Some PDF writers put junk before the header; readers accept it within the first KB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return "text" if _is_text(head) else "unknown"


def image_kind(head: bytes) -> str:
    """``jpeg``, ``png``, ``gif``, ``webp`` or ``bmp`` when ``head`` starts like one, else ``""``."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    # "BM" alone is too weak (a text file may start with it): require a known DIB header size too.
    if head.startswith(b"BM") and len(head) >= 18:
        (dib_size,) = struct.unpack_from("<I", head, 14)
        if dib_size in (12, 40, 52, 56, 64, 108, 124):
            return "bmp"
    return ""


def zip_names(data: bytes) -> list[str]:
    """The entry names of the local and central zip headers that appear in ``data``, in order."""
    names: list[str] = []
    for magic, name_at, sizes_at in ((_ZIP_LOCAL, 30, 26), (_ZIP_CENTRAL, 46, 28)):
        start = data.find(magic)
        while start >= 0:
            if start + name_at <= len(data):
                name_len = struct.unpack_from("<H", data, start + sizes_at)[0]
                raw = data[start + name_at : start + name_at + name_len]
                if len(raw) == name_len:
                    names.append(raw.decode("utf-8", "replace"))
            start = data.find(magic, start + 4)
    return names


def zip_kind(names: Iterable[str], head: bytes = b"", name: str = "") -> str:
    """``hwpx``, ``docx``, ``xlsx``, ``pptx`` or ``zip`` for a zip holding entries ``names``.

    An HWPX file starts with a stored ``mimetype`` entry reading ``application/hwp+zip``; ``head``, when
    given, is searched for it.
    """
    listed = list(names)
    if head.startswith(_ZIP_LOCAL) and head[30:38] == b"mimetype" and HWPX_MIMETYPE in head[38:120]:
        return "hwpx"
    if any(n.startswith("Contents/") for n in listed) and any(
        n == "Contents/content.hpf" or n.startswith("Contents/section") for n in listed
    ):
        return "hwpx"
    for prefix, kind in _OOXML_PREFIXES:
        if any(n.startswith(prefix) for n in listed):
            return kind
    if len(listed) <= 1 and name:
        # Too little of the zip was visible to tell; fall back on what the name claims.
        return _EXTENSION_KINDS.get(_extension(name), "zip")
    return "zip"


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def _is_drm(head: bytes) -> bool:
    # Fasoo writes its marker after a lead byte, SoftCamp at the very start; allow some slack for the former.
    return head.startswith(_DRM_PREFIXES) or b"DRMONE" in head[:32]


def _strip_bom(data: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def looks_like_hwp(head: bytes) -> bool:
    """True when a compound file's first bytes show HWP's FileHeader stream name or signature."""
    # The directory names its streams in UTF-16LE; the FileHeader stream itself (kept in the mini stream)
    # carries the signature.  Either inside the head is enough: a reader confirms it later.
    return HWP_SIGNATURE in head or "FileHeader".encode("utf-16-le") in head


def _is_html(stripped: bytes) -> bool:
    if not stripped.startswith(b"<"):
        return False
    sample = stripped[:2048].lower()
    if sample.startswith(b"<?xml") and b"<html" not in sample:
        return False
    return _HTML_TAGS.search(sample) is not None


def _is_text(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    text = _decode_prefix(_strip_bom(head))
    if text is None or "\x00" in text:
        return False
    # Escape sequences in a log are still text; a high share of control bytes means binary data.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\x1a")
    return controls * 10 <= len(text)


def _decode_prefix(data: bytes) -> str | None:
    """``data`` decoded as UTF-8 or CP949 (a cut multibyte character at the end is allowed), or None."""
    for encoding in ("utf-8", "cp949"):
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            return decoder.decode(data, final=False)
        except UnicodeDecodeError:
            continue
    return None
