"""Neutralising text from web pages before it can reach a terminal.

A post body is written by strangers.  Control characters (ESC, CSI, BEL…) would let it move the cursor,
change colours or retitle the terminal, and bidirectional overrides would let it reorder what the reader
sees (the "Trojan Source" trick).  Every piece of page text goes through :func:`sanitize`.
"""

from __future__ import annotations

import json
import re
from typing import Any

REPLACEMENT = "\ufffd"
"""What a neutralised control character becomes: visible, one cell wide, and inert."""


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # C0 controls except TAB and LF (CR is handled before translation), DEL and the C1 controls
    # (0x9b is a single-byte CSI on some terminals).
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        if code not in (0x09, 0x0A):
            table[code] = REPLACEMENT
    # Embedding/override (LRE, RLE, PDF, LRO, RLO) and isolate (LRI, RLI, FSI, PDI) controls reorder
    # text: made visible so a reader can see that someone tried.
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[code] = REPLACEMENT
    # Invisible marks that only steer direction or are byte-order debris: dropped.  ZWJ (U+200D) stays,
    # emoji sequences need it.
    for code in (0x200E, 0x200F, 0x061C, 0xFEFF):
        table[code] = ""
    # Unicode line and paragraph separators: terminals disagree on them; a plain newline is unambiguous.
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    # Interlinear annotation controls hide text between them on some renderers.
    for code in range(0xFFF9, 0xFFFC):
        table[code] = REPLACEMENT
    return table


_TABLE = _build_table()
# Checking first is much faster than translating: almost no page text needs any change.
_NEEDS_WORK = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "\r]")


def sanitize(text: str) -> str:
    """``text`` with control characters and bidi overrides/isolates neutralised.

    C0/C1 controls (ESC, the 8-bit CSI 0x9b, BEL, DEL…) and the bidi embedding, override and isolate
    characters become U+FFFD; LRM/RLM/ALM and BOMs are dropped; CR LF and lone CR become LF.  Newlines and
    tabs are kept (the renderer expands tabs itself) and so is ZWJ.
    """
    if _NEEDS_WORK.search(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_TABLE)


def sanitize_line(text: str | None) -> str:
    """Page text made safe for one terminal line: :func:`sanitize`, then whitespace folded to single spaces."""
    return " ".join(sanitize(text or "").split())


# Every code point that sanitize neutralises, as JSON writes it escaped.  C0 controls are escaped by
# json.dumps itself; these are the ones it would leave raw with ensure_ascii=False.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _TABLE if code >= 0x20}
_JSON_NEEDS_WORK = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_JSON_ESCAPES)) + "]")


def dumps_json(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON for machine output: Korean kept readable, but DEL, the C1 controls (0x9b is a CSI
    on some terminals), bidi overrides and the other characters :func:`sanitize` neutralises are written as
    ``\\uXXXX`` escapes, so the data stays exact for a parser and inert on a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # Those characters can only stand inside JSON strings, where an escape means the same character.
    return text if _JSON_NEEDS_WORK.search(text) is None else text.translate(_JSON_ESCAPES)


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def drop_controls(text: str) -> str:
    """``text`` without C0 controls (TAB, LF and CR kept), DEL and C1 controls, then :func:`sanitize`d
    (bidi overrides made visible, CRs folded): for feeds, where a control character has no business at
    all and XML forbids most of them."""
    return sanitize(_CONTROLS.sub("", text))
