"""The text search works on, and how a body is stored (cache v5).

Search sees a text as its *runs*: the maximal sequences of letters and digits after NFKC normalisation and
lower-casing, joined by single spaces ("R&D 사업공고!" → ``r d 사업공고``).  A word is found exactly where
its own runs occur in that string (see :mod:`noticetui.store.search`).

A body is stored as one zlib stream of its runs, a NUL, then its HTML, behind a one-byte format mark.  The
runs cost about 150 bytes per post that way (zlib finds them in the HTML that follows), and they let search
check a candidate without parsing HTML, and rebuild its index without parsing either.  Older caches held
the HTML alone, compressed (v3) or plain (v2): :func:`decompress_body` still reads those.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

from selectolax.lexbor import LexborHTMLParser

_RUN = re.compile(r"[^\W_]+")
# At each letter or digit: it and the next one when that is a letter or digit too (one C-level pass).
_TOKEN = re.compile(r"(?=([^\W_]{1,2}))")
_MARK = b"\x05"  # never the first byte of a zlib stream (those start 0x?8), so v3 blobs stay readable
_STEP = 2048  # bytes of runs inflated at a time when looking for words
_LEVEL = 6  # level 9 is no smaller on notice bodies (0.2%) and no faster to read


def runs(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, NFKC-normalised and lower-cased."""
    return _RUN.findall(unicodedata.normalize("NFKC", text).lower())


def runs_text(text: str) -> str:
    """The runs of ``text`` joined by single spaces: what a word is looked for in."""
    return " ".join(runs(text))


def index_tokens(text: str) -> str:
    """The space-separated tokens the index stores for ``text``: each run's bigrams, then its last character."""
    return " ".join(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))


def body_search_text(html: str) -> str:
    """The text of a body for search (tags dropped, scripts and styles left out)."""
    if not html:
        return ""
    doc = LexborHTMLParser(html)
    for junk in doc.css("script, style, template"):
        junk.decompose()
    root = doc.body or doc.root
    return " ".join((root.text(separator=" ") if root is not None else "").split())


def compress_body(html: str) -> bytes:
    """The stored form of a body: its runs and its HTML, compressed together."""
    plain = runs_text(body_search_text(html))
    return _MARK + zlib.compress(f"{plain}\0{html}".encode(), _LEVEL)


def _split(stored: str | bytes | None) -> tuple[bytes, str]:
    """The runs (UTF-8) and the HTML of a stored body, whatever its version."""
    if stored is None:
        return b"", ""
    if isinstance(stored, str):  # cache v2: plain HTML
        return runs_text(body_search_text(stored)).encode(), stored
    if stored[:1] != _MARK:  # cache v3: compressed HTML alone
        html = zlib.decompress(stored).decode("utf-8")
        return runs_text(body_search_text(html)).encode(), html
    data = zlib.decompress(stored[1:])
    cut = data.index(b"\0")  # runs never hold a NUL; the HTML after it may
    return data[:cut], data[cut + 1 :].decode("utf-8")


def decompress_body(stored: str | bytes | None) -> str:
    """A body's HTML from its stored form (any cache version)."""
    return _split(stored)[1]


def stored_runs(stored: str | bytes | None) -> bytes:
    """A stored body's runs text, UTF-8 encoded (what candidates are checked against)."""
    if isinstance(stored, bytes) and stored[:1] == _MARK:
        # Only as far as the NUL: the HTML after it is not needed.
        inflate = zlib.decompressobj()
        data = inflate.decompress(stored[1:], 8192)
        while b"\0" not in data and inflate.unconsumed_tail:
            data += inflate.decompress(inflate.unconsumed_tail, 65536)
        return data.partition(b"\0")[0]
    return _split(stored)[0]


def runs_hold(stored: str | bytes | None, needles: list[bytes]) -> bool:
    """Whether a stored body's runs hold every one of ``needles`` (UTF-8).

    Inflates only as far as it must: most matches are found in the first kilobytes of a body.
    """
    if not (isinstance(stored, bytes) and stored[:1] == _MARK):
        runs = _split(stored)[0]
        return all(n in runs for n in needles)
    inflate = zlib.decompressobj()
    data, tail, left = b"", stored[1:], list(needles)
    while left:
        data += inflate.decompress(tail, _STEP)
        tail = inflate.unconsumed_tail
        end = data.find(b"\0")
        seen = data if end < 0 else data[:end]
        left = [n for n in left if n not in seen]
        if end >= 0 or not tail:
            break
    return not left


def stored_tokens(stored: str | bytes | None) -> str:
    """The index tokens of a stored body (its runs are already normalised: no HTML parse)."""
    return " ".join(_TOKEN.findall(stored_runs(stored).decode("utf-8")))
