"""Neutralising text from web pages before it can reach a terminal.

A post body is written by strangers.  Control characters (ESC, CSI, BEL…) would let it move the cursor,
change colours or retitle the terminal, and bidirectional overrides would let it reorder what the reader
sees (the "Trojan Source" trick).  Every piece of page text goes through :func:`sanitize`.
"""

from __future__ import annotations

import re

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
