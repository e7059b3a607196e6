"""``preview_file``: sniff a downloaded attachment, pick its reader, and enforce the size and time limits."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from noticetui.i18n import N_, _
from noticetui.previews.common import Preview, PreviewError, finish, short_reason
from noticetui.previews.image import preview_image
from noticetui.previews.limits import Deadline, run_with_deadline
from noticetui.previews.sniff import image_kind, sniff, zip_kind

HEAD_BYTES = 1024 * 1024
"""How much of a file is read to sniff it; also enough to find a JPEG's size behind a large EXIF block."""

Reader = Callable[[Path, int, Deadline], Preview]


def _reader(kind: str) -> Reader | None:
    # Each reader is imported when a file of its kind is previewed: pypdf alone costs the TUI's start-up
    # more than 80 ms, and most runs never preview a file.
    if kind == "pdf":
        from noticetui.previews.pdf import preview_pdf

        return preview_pdf
    if kind in ("hwp", "ole"):  # sniffing may not see an HWP's directory; the reader checks for FileHeader
        from noticetui.previews.hwp import preview_hwp

        return preview_hwp
    if kind == "hwpx":
        from noticetui.previews.hwpx import preview_hwpx

        return preview_hwpx
    if kind == "text":
        from noticetui.previews.text import preview_text

        return lambda path, max_chars, _deadline: preview_text(path, max_chars)
    return None


_REFUSALS = {
    "empty": N_("empty file"),
    "html": N_("unsupported file type: html (a web page, often an error page sent instead of the file)"),
    "drm": N_("DRM-protected file (document security wrapper) cannot be previewed"),
    "hwp3": N_("unsupported file type: hwp3 (HWP 3.0 and older)"),
}
_ZIP_KINDS = frozenset({"zip", "hwpx", "docx", "xlsx", "pptx"})


def preview_file(
    path: Path, *, max_chars: int = 200_000, max_bytes: int = 50_000_000, timeout: float = 10.0
) -> Preview:
    """The readable text of the file at ``path``, judged by its content rather than its name.

    PreviewError (one clear line) when the file is too large, of a kind we cannot read, encrypted,
    corrupt, or takes longer than ``timeout`` seconds; no other exception escapes for any file content.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise PreviewError(_("cannot read file: {reason}").format(reason=exc.strerror or short_reason(exc))) from exc
    if size > max_bytes:
        raise PreviewError(
            _("file too large to preview: {size} (limit {limit})").format(
                size=_megabytes(size), limit=_megabytes(max_bytes)
            )
        )
    kind = sniff(head, path.name)
    if kind in _ZIP_KINDS:
        kind = _zip_kind(path, head, kind)
    if image_kind(head) == kind:
        return finish(preview_image(head, kind), max_chars)
    reader = _reader(kind)
    if reader is None:
        raise PreviewError(
            _(_REFUSALS[kind]) if kind in _REFUSALS else _("unsupported file type: {kind}").format(kind=kind)
        )
    deadline = Deadline(timeout)
    try:
        preview = run_with_deadline(lambda: reader(path, max_chars, deadline), timeout)
    except PreviewError:
        raise
    except Exception as exc:  # a reader let something through: still one clear line for the user
        raise PreviewError(_("cannot preview {kind}: {reason}").format(kind=kind, reason=short_reason(exc))) from exc
    return finish(preview, max_chars)


def _zip_kind(path: Path, head: bytes, guess: str) -> str:
    """The zip's kind from its full central directory, which the head may not have reached."""
    try:
        with zipfile.ZipFile(path) as archive:
            return zip_kind(archive.namelist(), head, path.name)
    except Exception:  # a broken zip: the head's guess stands and its reader reports the damage
        return guess


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
