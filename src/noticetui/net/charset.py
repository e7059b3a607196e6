"""Turning page bytes into text the way a Korean browser would.

httpx assumes UTF-8 when the ``Content-Type`` header names no charset and never reads ``<meta charset>``,
which is wrong for a large share of Korean boards (EUC-KR/CP949 pages).  :func:`decode_html` looks at
every source a browser looks at, in a browser's order, and never raises.
"""

from __future__ import annotations

import codecs
import re
import threading

__all__ = ["charset_from_content_type", "decode_html", "normalize_charset"]

_SNIFF_BYTES = 4096

# Labels Korean sites use for what is really CP949 (unified Hangul code, a superset of EUC-KR): a page
# labelled EUC-KR routinely holds syllables such as '똠' that only CP949 encodes, so strict EUC-KR fails.
_KOREAN_LABELS = frozenset(
    {
        "euc-kr",
        "euc_kr",
        "euckr",
        "ks_c_5601-1987",
        "ks_c_5601-1989",
        "ks_c_5601",
        "ksc5601",
        "ksc_5601",
        "ks-c-5601",
        "x-windows-949",
        "windows-949",
        "cp949",
        "ms949",
        "uhc",
        "korean",
        "csksc56011987",
        "iso-ir-149",
    }
)

# Western single-byte labels: a header naming one of these on a page with non-ASCII bytes is usually a
# server default (Apache's ISO-8859-1), not a statement about the page, and latin-1 never fails to decode.
_WEAK_LABELS = frozenset({"iso8859-1", "cp1252", "ascii"})

_NOT_CHARSETS = frozenset(
    {
        "utf-7",
        "unicode-escape",
        "raw-unicode-escape",
        "idna",
        "punycode",
        "undefined",
        "charmap",
        "mbcs",
        "oem",
    }
)

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x"> (either attribute
# order) and an XML declaration's encoding="x" all reduce to "charset=" / "encoding=" near a tag start.
_META = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalize_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label, with every Korean label mapped to ``cp949``.

    Returns None for an empty or unknown label.
    """
    if not label:
        return None
    cleaned = label.strip().strip("\"'").lower()
    if cleaned in _KOREAN_LABELS:
        return "cp949"
    try:
        info = codecs.lookup(cleaned)
    except LookupError:
        return None
    # Python also knows codecs no web page is written in (base64, unicode-escape, UTF-7 with its script
    # injection history); a label naming one is an error, not a charset.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return "cp949" if info.name == "euc_kr" else info.name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The (normalised) charset named by a ``Content-Type`` header value, or None."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return normalize_charset(match.group(1)) if match else None


def _declared_in_document(content: bytes) -> str | None:
    head = content[:_SNIFF_BYTES]
    match = _XML_DECL.match(head) or _META.search(head)
    if match is None:
        return None
    name = normalize_charset(match.group(1).decode("ascii", "replace"))
    # A page that reached us as bytes and says it is UTF-16 is lying (HTML spec: treat as UTF-8).
    if name is not None and name.startswith("utf-16"):
        return "utf-8"
    return name


def _bom_encoding(content: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return encoding
    return None


class _Errors(threading.local):
    count = 0


_ERRORS = _Errors()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _ERRORS.count += 1
    return "\ufffd", exc.end


codecs.register_error("noticetui-count", _count_and_replace)


def _decode_counting(content: bytes, encoding: str) -> tuple[str, int]:
    """``content`` decoded with each bad byte run replaced by U+FFFD, and how many were replaced."""
    _ERRORS.count = 0
    text = content.decode(encoding, errors="noticetui-count")
    return text, _ERRORS.count


def decode_html(content: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a page: returns ``(text, encoding used)``; never raises.

    A byte-order mark decides alone.  Otherwise the candidates, in order of trust, are the
    ``Content-Type`` charset, ``<meta charset>`` (or ``http-equiv`` / an XML declaration) in the first
    4 KB, UTF-8 and CP949; the one that decodes with the fewest bad bytes wins (the earlier on a tie), and
    only the bad bytes are replaced, as browsers do: one invalid byte in a UTF-8 page garbles one
    character, not the whole page as a fall back to CP949 would.

    A Western single-byte charset in the header (ISO-8859-1, windows-1252, ASCII) on a page with
    non-ASCII bytes is usually a server default (Apache's ISO-8859-1), and latin-1 never fails: it only
    wins when every other candidate leaves many bad bytes (more than one in fifty non-ASCII bytes).
    """
    bom = _bom_encoding(content)
    if bom is not None:
        # A BOM decoded as plain UTF-8 would stay in the text as U+FEFF.
        text, _ = _decode_counting(content, bom)
        return text.removeprefix("\ufeff"), _public_name(bom)
    header = charset_from_content_type(content_type)
    weak = header in _WEAK_LABELS and not content.isascii()
    candidates: list[str] = []
    for encoding in (None if weak else header, _declared_in_document(content), "utf-8", "cp949"):
        if encoding is not None and encoding not in candidates:
            candidates.append(encoding)
    best: tuple[int, str, str] | None = None
    for encoding in candidates:
        try:
            text, errors = _decode_counting(content, encoding)
        except LookupError:
            continue
        if best is None or errors < best[0]:
            best = (errors, text, encoding)
        if errors == 0:
            break
    assert best is not None  # utf-8 and cp949 always decode
    errors, text, encoding = best
    if weak and header is not None and errors * 50 > sum(1 for b in content if b >= 0x80):
        return content.decode(header, errors="replace"), header
    return text, _public_name(encoding)


def _public_name(encoding: str) -> str:
    # Report utf-8 for utf-8-sig: the BOM is a detail of the bytes, not a different encoding.
    return "utf-8" if encoding == "utf-8-sig" else encoding
