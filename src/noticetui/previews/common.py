"""What every previewer shares: the result type, the error type, and the cleaning of untrusted text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from noticetui.i18n import ngettext
from noticetui.net.errors import error_line


@dataclass(frozen=True)
class Preview:
    """The readable text of a file, ready to print.

    ``text`` is plain text with ``\\n`` line ends and ``\\t`` tabs only: no control characters, no escape
    sequences, no bidi overrides.  It is still not markup-safe: show it as plain text, never as Rich markup.
    """

    kind: str
    """What the file really is, as :func:`noticetui.previews.sniff` names it (``pdf``, ``hwp``, ``jpeg``…)."""
    text: str
    """The text, at most ``max_chars`` characters."""
    truncated: bool
    """True when the file holds more than ``text`` shows (size, time or character limit reached)."""
    note: str = ""
    """A short human remark such as ``"3 pages"`` or ``"HWP 5.1.0.1, 2 sections"``."""


class PreviewError(Exception):
    """A file cannot be previewed; ``str(error)`` is one clear line meant for the user."""


# C0 controls except \t and \n, DEL, C1 controls, and the bidi embedding/override/isolate characters and
# marks: page text with these could move the cursor, recolour the terminal, or reorder what users read.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def clean_text(text: str) -> str:
    """``text`` made safe for a terminal: CR/CRLF become LF, unsafe characters go, blank runs shrink.

    Runs of blank lines collapse to one blank line because HWP and PDF files use empty paragraphs for
    spacing, which would otherwise fill the preview pane with nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def finish(preview: Preview, max_chars: int) -> Preview:
    """``preview`` with cleaned text cut to ``max_chars`` characters (``truncated`` set when cut)."""
    text = clean_text(preview.text)
    truncated = preview.truncated
    if len(text) > max_chars:
        text, truncated = text[:max_chars], True
    return Preview(kind=preview.kind, text=text, truncated=truncated, note=preview.note)


def short_reason(exc: BaseException) -> str:
    """A one-line description of ``exc`` for an error message (its text, or its type when it has none)."""
    return error_line(exc, limit=160)


def sections_note(count: int) -> str:
    """How many sections an HWP or HWPX document has, in the UI language (the preview's remark)."""
    return ngettext("{count} section", "{count} sections", count).format(count=count)
