"""PDF text, page by page, through pypdf."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from noticetui.i18n import _, ngettext
from noticetui.previews.common import Preview, PreviewError, short_reason
from noticetui.previews.limits import Deadline

# pypdf logs a warning for every oddity of a broken file.  With no handler configured anywhere, Python's
# last-resort handler would print them over the TUI; a NullHandler stops that, and an application that sets
# up logging still receives them through propagation.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def page_marker(number: int) -> str:
    """The line put between pages: ``--- page 2 ---`` before the second page's text."""
    return f"--- page {number} ---"


def preview_pdf(path: Path, max_chars: int, deadline: Deadline) -> Preview:
    """The text of the PDF at ``path``; stops early (``truncated``) at ``max_chars`` or at ``deadline``."""
    reader, count = _open(path)
    parts: list[str] = []
    total = 0
    read = failed = 0
    has_text = False
    stopped = ""
    for index in range(count):
        if total >= max_chars:
            stopped = f"stopped after {read} of {count} pages: character limit"
            break
        if index and deadline.expired():
            stopped = f"stopped after {read} of {count} pages: time limit"
            break
        if index:
            parts.append(page_marker(index + 1))
        text = _page_text(reader, index)
        if text is None:
            failed += 1
            text = f"[page {index + 1}: text could not be read]"
        else:
            has_text = has_text or bool(text.strip())
        parts.append(text)
        total += len(text)
        read += 1
    if failed == read:
        raise PreviewError("corrupt PDF: no page could be read")
    body = "\n".join(parts)
    note = stopped or _count_note(count)
    if not has_text:
        note += ", " + _("no text layer (scanned images?)")
    return Preview(kind="pdf", text=body, truncated=bool(stopped), note=note)


def _open(path: Path) -> tuple[PdfReader, int]:
    """The PDF, unlocked when an empty password opens it, and its page count (PreviewError otherwise)."""
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            _unlock(reader)
        count = len(reader.pages)
    except PreviewError:
        raise
    except FileNotDecryptedError as exc:
        raise PreviewError(_("encrypted PDF (password required)")) from exc
    except Exception as exc:  # pypdf raises many types on broken files; all mean the same to the user
        raise PreviewError(f"corrupt PDF: {short_reason(exc)}") from exc
    if count == 0:
        raise PreviewError("corrupt PDF: no pages")
    return reader, count


def _unlock(reader: PdfReader) -> None:
    """Decrypt with the empty password, which opens the many PDFs locked only against printing or edits."""
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        # AES needs the optional `cryptography` package; RC4 is built into pypdf.
        raise PreviewError(_("encrypted PDF (AES encryption needs the 'cryptography' package)")) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise PreviewError(_("encrypted PDF (password required)"))


def _page_text(reader: PdfReader, index: int) -> str | None:
    try:
        return reader.pages[index].extract_text()
    except Exception:  # one broken page should not hide the others
        return None


def _count_note(count: int) -> str:
    return ngettext("{count} page", "{count} pages", count).format(count=count)
