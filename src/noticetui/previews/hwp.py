"""HWP 5.0 (한글) files: an OLE compound file with a ``FileHeader`` stream and ``BodyText/SectionN`` streams.

Only the text is read: one line per paragraph (HWPTAG_PARA_TEXT record), in section order; a table gives
one line per row, its cells joined by tabs.  Text boxes and notes are paragraphs too, so their text appears.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import olefile

from noticetui.i18n import _
from noticetui.previews.common import Preview, PreviewError, sections_note, short_reason
from noticetui.previews.hwp_records import RecordError, iter_records, section_lines
from noticetui.previews.limits import Deadline
from noticetui.previews.sniff import HWP_SIGNATURE, looks_like_hwp

MAX_SECTION_BYTES = 64 * 1024 * 1024
"""The most a compressed section may inflate to; past it we read what we have and say it was cut."""
HEAD_BYTES = 64 * 1024
"""How much of the file is searched for HWP stream names when its directory cannot be read."""
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
_SECTION = re.compile(r"Section(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class FileHeader:
    """What the ``FileHeader`` stream says about the document."""

    version: tuple[int, int, int, int]
    """Major, minor, build, revision: (5, 0, 3, 4) is written "5.0.3.4"."""
    flags: int
    """The property bits: compressed, password, distribution document, script, DRM…"""

    @property
    def compressed(self) -> bool:
        """True when the section streams are raw-deflate compressed."""
        return bool(self.flags & FLAG_COMPRESSED)


def parse_file_header(data: bytes) -> FileHeader:
    """The ``FileHeader`` stream's signature, version and flags; PreviewError when it is not HWP 5."""
    if len(data) < 40 or data[:32].rstrip(b"\x00") != HWP_SIGNATURE:
        raise PreviewError("corrupt HWP: FileHeader has no HWP signature")
    version = int.from_bytes(data[32:36], "little")  # 0xMMnnPPrr
    flags = int.from_bytes(data[36:40], "little")
    parts = (version >> 24 & 0xFF, version >> 16 & 0xFF, version >> 8 & 0xFF, version & 0xFF)
    return FileHeader(version=parts, flags=flags)


def preview_hwp(path: Path, max_chars: int, deadline: Deadline) -> Preview:
    """The text of the HWP 5.0 file at ``path``."""
    try:
        ole = olefile.OleFileIO(str(path))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError… on broken files
        raise PreviewError(f"corrupt HWP: {short_reason(exc)}") from exc
    try:
        return _read(ole, max_chars, deadline, _claims_hwp(path))
    except PreviewError:
        raise
    except Exception as exc:
        raise PreviewError(f"corrupt HWP: {short_reason(exc)}") from exc
    finally:
        ole.close()


def _claims_hwp(path: Path) -> bool:
    """True when the file's first bytes name HWP streams, so a missing FileHeader means damage."""
    with path.open("rb") as handle:
        return looks_like_hwp(handle.read(HEAD_BYTES))


def _read(ole: olefile.OleFileIO, max_chars: int, deadline: Deadline, claims_hwp: bool) -> Preview:
    header = _open_header(ole, claims_hwp)
    sections = _section_streams(ole)
    if not sections:
        raise PreviewError("corrupt HWP: no BodyText sections")
    lines, stopped, cut = _read_sections(ole, sections, header, max_chars, deadline)
    version = ".".join(str(part) for part in header.version)
    count = sections_note(len(sections))
    note = ", ".join(filter(None, [f"HWP {version}", stopped or count, cut]))
    return Preview(kind="hwp", text="\n".join(lines), truncated=bool(stopped or cut), note=note)


def _open_header(ole: olefile.OleFileIO, claims_hwp: bool) -> FileHeader:
    """The file's header, once it is known to be an HWP whose text is readable (else PreviewError)."""
    if not ole.exists("FileHeader"):
        if claims_hwp:
            raise PreviewError("corrupt HWP: the FileHeader stream cannot be read")
        raise PreviewError(_("unsupported file type: ole (a compound file that is not HWP, e.g. old .doc/.xls)"))
    header = parse_file_header(ole.openstream("FileHeader").read())
    _refuse_locked(header)
    return header


def _read_sections(
    ole: olefile.OleFileIO, sections: list[list[str]], header: FileHeader, max_chars: int, deadline: Deadline
) -> tuple[list[str], str, str]:
    """The sections' lines up to the limits, why reading stopped early and which section was cut ('' if none)."""
    lines: list[str] = []
    total = 0
    cut = ""
    for index, stream in enumerate(sections):
        if index and deadline.expired():
            return lines, f"stopped after {index} of {len(sections)} sections: time limit", cut
        data, partial = _section_bytes(ole.openstream(stream).read(), header.compressed, index)
        cut = cut or (f"section {index} cut short" if partial else "")
        try:
            for line in section_lines(iter_records(data, partial=partial)):
                lines.append(line)
                total += len(line) + 1
                if total >= max_chars:
                    return lines, f"stopped in section {index + 1} of {len(sections)}: character limit", cut
        except RecordError as exc:
            raise PreviewError(f"corrupt HWP: section {index}: {exc}") from exc
    return lines, "", cut


def _refuse_locked(header: FileHeader) -> None:
    if header.flags & FLAG_PASSWORD:
        raise PreviewError(_("encrypted HWP (password required)"))
    if header.flags & FLAG_DISTRIBUTION:
        raise PreviewError(_("distribution HWP (배포용 문서): its text is encrypted and cannot be previewed"))
    if header.flags & FLAG_DRM:
        raise PreviewError(_("DRM-protected HWP cannot be previewed"))


def _section_streams(ole: olefile.OleFileIO) -> list[list[str]]:
    numbered: list[tuple[int, list[str]]] = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0].lower() == "bodytext" and (match := _SECTION.fullmatch(entry[1])):
            numbered.append((int(match.group(1)), entry))
    return [entry for _, entry in sorted(numbered)]


def _section_bytes(raw: bytes, compressed: bool, index: int) -> tuple[bytes, bool]:
    """A section's record data, and whether it is only the start of the section (inflation capped or cut)."""
    if not compressed:
        return raw, False
    inflater = zlib.decompressobj(-15)
    try:
        data = inflater.decompress(raw, MAX_SECTION_BYTES)
    except zlib.error as exc:
        raise PreviewError(f"corrupt HWP: section {index} does not inflate ({exc})") from exc
    return data, bool(inflater.unconsumed_tail) or not inflater.eof
