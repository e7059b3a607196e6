"""Plain text and CSV files: guess the charset (Korean files are often CP949), line CSV columns up."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from wcwidth import wcswidth

from noticetui.i18n import _
from noticetui.previews.common import Preview, PreviewError, clean_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CELL_WIDTH = 30
"""Columns are padded to their widest cell up to this many terminal cells; longer cells stick out."""
_MAX_ALIGNED_ROWS = 5000


def decode_text(data: bytes, complete: bool = True) -> tuple[str, str]:
    """``data`` as text and the charset used: BOM, then strict UTF-8, then CP949, then Latin-1.

    When ``complete`` is False ``data`` is only the start of a file, and a multibyte character cut at its
    end is dropped instead of counting against the charset.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoder = codecs.getincrementaldecoder(encoding)("replace")
            return decoder.decode(data[len(bom) :], final=complete), encoding
    for encoding in ("utf-8", "cp949"):
        try:
            strict = codecs.getincrementaldecoder(encoding)("strict")
            return strict.decode(data, final=complete), encoding
        except UnicodeDecodeError:
            continue
    # Latin-1 maps every byte, so this never fails; it is the honest last resort for unknown 8-bit text.
    return data.decode("latin-1"), "latin-1"


def preview_text(path: Path, max_chars: int) -> Preview:
    """The text of ``path``; a ``.csv``/``.tsv`` file comes back with its columns lined up."""
    # Four bytes per character is the most any of our charsets needs, so this budget always fills max_chars.
    budget = max_chars * 4 + 16
    try:
        with path.open("rb") as handle:
            data = handle.read(budget + 1)
    except OSError as exc:
        raise PreviewError(_("cannot read file: {reason}").format(reason=exc.strerror or exc)) from exc
    complete = len(data) <= budget
    text, encoding = decode_text(data[:budget], complete=complete)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        text = align_csv(text, "\t" if suffix == ".tsv" else None)
    return Preview(kind="text", text=text, truncated=not complete, note=encoding)


def align_csv(text: str, delimiter: str | None = None) -> str:
    """CSV ``text`` with its columns padded into line; ``text`` unchanged when it does not parse as CSV.

    ``delimiter`` None means: guess among comma, semicolon and tab.
    """
    try:
        if delimiter is None:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        rows = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:
        return text
    if not rows or len(rows) > _MAX_ALIGNED_ROWS:
        return text
    widths: list[int] = []
    for row in rows:
        for i, cell in enumerate(row):
            width = min(_width(cell), MAX_CELL_WIDTH)
            if i == len(widths):
                widths.append(width)
            elif width > widths[i]:
                widths[i] = width
    lines = []
    for row in rows:
        padded = [cell + " " * max(0, widths[i] - _width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _cell(value: str) -> str:
    return " ".join(clean_text(value).split())


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)
