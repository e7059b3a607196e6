"""Download file names: reading them out of ``Content-Disposition``, and making them safe to save.

Korean boards write file names in at least four ways (BOARDS.md): RFC 5987 ``filename*=UTF-8''…`` (eGov,
Rhymix for known browsers), a percent-encoded ``filename="%ED%9C%B4…"`` (gnuboard5's rawurlencode; Rhymix
writes inner dots as ``%2e``), raw UTF-8 bytes (KBoard) and raw EUC-KR bytes (old servers, IE users).
httpx decodes a header block as ASCII, else UTF-8, else latin-1 — for the whole block at once — so the
raw bytes are recovered before guessing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from email.header import decode_header, make_header
from urllib.parse import unquote_to_bytes, urlsplit

import httpx

from noticetui.net.charset import normalize_charset

__all__ = ["filename_from_headers", "is_clean_name", "looks_like_filename", "safe_filename"]

_MAX_BYTES = 200
_PARAM = re.compile(
    r"""
    (?:^|;) \s* (?P<name>[^\s=;"]+) \s*=\s*
    (?: "(?P<quoted>(?:[^"\\]|\\.)*)"   # a quoted-string, backslash escapes allowed
      | (?P<token>[^;]*)                  # or anything up to the next ';' (servers leave spaces unquoted)
    )
    """,
    re.S | re.X,
)
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_EXT_VALUE = re.compile(r"^(?P<charset>[^']*)'(?P<lang>[^']*)'(?P<value>.*)$", re.S)
_ENCODED_WORD = re.compile(r"=\?[^?]+\?[BbQq]\?[^?]*\?=")
_FILE_LIKE = re.compile(r"[^/\\]+\.(?P<ext>[A-Za-z0-9]{1,8})")
# Last URL segments that name the download script rather than the file.
_SCRIPT_EXTENSIONS = frozenset(
    {"php", "php3", "php5", "asp", "aspx", "jsp", "jspx", "do", "action", "cgi", "pl", "py", "html", "htm",
     "nhn", "es", "cfm", "json"}
)  # fmt: skip


def _bytes_to_text(raw: bytes) -> str:
    """Raw header bytes as text: UTF-8, else CP949, else UTF-8 with U+FFFD for the bad bytes.

    Not latin-1: it never fails, so it would turn bytes in no known encoding into a confident-looking
    ``ÿþÃ(í…`` name; a replacement character marks the name as garbled (see :func:`is_clean_name`).
    """
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _raw_disposition(headers: httpx.Headers | Mapping[str, str]) -> str | None:
    """The Content-Disposition value with its original bytes decoded by us rather than by httpx."""
    if isinstance(headers, httpx.Headers):
        for raw_key, raw_value in headers.raw:
            if raw_key.lower() == b"content-disposition":
                return _bytes_to_text(raw_value)
        return None
    for key, text in headers.items():
        if key.lower() == "content-disposition":
            # A str whose characters all fit in one byte may be bytes that someone decoded as latin-1.
            if not text.isascii() and all(ord(c) < 256 for c in text):
                return _bytes_to_text(text.encode("latin-1"))
            return text
    return None


def _decode_percent(value: str, charset: str | None = None) -> str | None:
    """``value`` with %XX escapes decoded as ``charset`` (else UTF-8, else CP949); None if none fits.

    A ``+`` is a space (Java's URLEncoder, used by eGov) unless the value also spells spaces as %20, as
    RFC 5987 encoders that keep ``+`` literal do.
    """
    if "%20" not in value and " " not in value:
        value = value.replace("+", " ")
    raw = unquote_to_bytes(value)
    for encoding in (charset, "utf-8", "cp949"):
        if encoding is None:
            continue
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _ext_value(value: str) -> str | None:
    """An RFC 5987 ``charset'language'percent-encoded`` value, decoded."""
    match = _EXT_VALUE.match(value.strip().strip('"'))
    if match is None:
        return _plain_value(value)
    charset = normalize_charset(match.group("charset")) or "utf-8"
    return _decode_percent(match.group("value"), charset)


def _plain_value(value: str) -> str | None:
    """A plain ``filename`` value: percent-encoded, a MIME encoded-word, or the text itself."""
    value = value.strip()
    if _PERCENT.search(value):
        decoded = _decode_percent(value)
        if decoded is not None:
            return decoded
    if _ENCODED_WORD.search(value):
        try:
            return str(make_header(decode_header(value)))
        except (UnicodeDecodeError, LookupError, ValueError):
            pass
    return value


def _basename(name: str | None) -> str | None:
    if name is None:
        return None
    parts = [p for p in re.split(r"[/\\]", name) if p.strip()]
    return parts[-1].strip() if parts else None


def _params(disposition: str) -> list[tuple[str, str]]:
    found = []
    for match in _PARAM.finditer(disposition):
        quoted = match.group("quoted")
        if quoted is not None:
            value = re.sub(r"\\([\"\\])", r"\1", quoted)
        else:
            value = (match.group("token") or "").strip().strip('"')
        found.append((match.group("name").lower(), value))
    return found


def _name_from_url(url: str) -> str | None:
    segment = urlsplit(url).path.rsplit("/", 1)[-1]
    if not segment:
        return None
    name = _decode_percent(segment) if _PERCENT.search(segment) else segment
    if name is None:
        return None
    match = _FILE_LIKE.fullmatch(name)
    if match is None or match.group("ext").lower() in _SCRIPT_EXTENSIONS:
        return None
    return name


def is_clean_name(name: str | None) -> bool:
    """Whether ``name`` reads as text: no replacement, control, private-use or unassigned characters."""
    if not name or not name.strip():
        return False
    return all(unicodedata.category(c) not in ("Cc", "Co", "Cn", "Cs") and c != "\ufffd" for c in name)


def looks_like_filename(text: str | None) -> bool:
    """Whether a link's text reads as a file name (``대용량 붙임 공고문.pdf``), not as "다운로드" or a script."""
    if not text or not is_clean_name(text.strip()):
        return False
    match = _FILE_LIKE.fullmatch(text.strip())
    return match is not None and match.group("ext").lower() not in _SCRIPT_EXTENSIONS


def filename_from_headers(
    headers: httpx.Headers | Mapping[str, str], url: str, listed: str | None = None
) -> str | None:
    """The download's file name from its response headers, else ``listed`` (the link text the page
    showed) when it looks like a file name, else from ``url``; None when none has one.

    ``filename*`` (RFC 5987/6266, any charset) wins over ``filename``; a plain ``filename`` may be
    percent-encoded UTF-8 (or EUC-KR), raw UTF-8 or raw EUC-KR bytes, or an unquoted token.  The result is
    a bare name without directories, but otherwise as the server sent it: pass it to :func:`safe_filename`
    before touching the disk.
    """
    disposition = _raw_disposition(headers)
    if disposition:
        params = _params(disposition)
        for wanted, decode in (("filename*", _ext_value), ("filename", _plain_value)):
            for name, value in params:
                if name == wanted and (found := _basename(decode(value))):
                    return found
    if listed is not None and looks_like_filename(listed):
        return _basename(listed.strip())
    return _name_from_url(url)


# --- safe names ----------------------------------------------------------------------------------

_RESERVED_CHARS = str.maketrans({c: "_" for c in '<>:"|?*'})
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{p}{n}" for p in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]}
)
# Unicode categories that are invisible or reorder text: control, format (bidi overrides, zero-width) and
# lone surrogates (from surrogateescape).  Separators become spaces instead.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _clean_chars(name: str) -> str:
    out = []
    for char in name:
        category = unicodedata.category(char)
        if char in "\t\n\r\x0b\x0c" or category in ("Zl", "Zp", "Zs"):
            out.append(" ")
        elif category not in _DROP_CATEGORIES:
            out.append(char)
    return re.sub(r" {2,}", " ", "".join(out))


def _split_extension(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    # Only a short, space-free suffix counts: "공지. 2024년 일정" has no extension.
    if dot and stem and 0 < len(ext.encode()) <= 16 and " " not in ext:
        return stem, "." + ext
    return name, ""


def _truncate(name: str, limit: int) -> str:
    if len(name.encode()) <= limit:
        return name
    stem, ext = _split_extension(name)
    budget = max(limit - len(ext.encode()), 1)
    encoded = stem.encode()[:budget]
    # Cut on a character boundary: drop a partial UTF-8 sequence at the end.
    stem = encoded.decode("utf-8", errors="ignore").rstrip(". ")
    return stem + ext


def _trim(name: str) -> str:
    # Leading dots hide files on Unix; trailing dots and spaces are silently dropped by Windows.
    return name.lstrip(". ").rstrip(". ")


def safe_filename(name: str, fallback: str = "download") -> str:
    """``name`` made safe to create on Windows, macOS and Linux, or ``fallback`` when nothing is left.

    Keeps only the last path component, drops control and bidi/format characters, replaces the
    characters Windows forbids with ``_``, prefixes Windows device names (``CON.txt`` → ``_CON.txt``),
    removes leading dots (no hidden files) and trailing dots and spaces, NFC-normalises (macOS sends
    decomposed Hangul), and caps the name at 200 bytes of UTF-8 while keeping the extension.
    """
    cleaned = unicodedata.normalize("NFC", _clean_chars(name))
    cleaned = _basename(cleaned) or ""
    cleaned = _trim(cleaned.translate(_RESERVED_CHARS))
    stem = cleaned.split(".", 1)[0].rstrip(" ")
    if stem.upper() in _RESERVED_NAMES:
        cleaned = "_" + cleaned
    cleaned = _trim(_truncate(cleaned, _MAX_BYTES))
    if not cleaned:
        return fallback if fallback == "download" else safe_filename(fallback)
    return cleaned
