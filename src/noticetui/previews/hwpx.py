"""HWPX (OWPML, KS X 6101): a zip of XML parts; the text is in ``Contents/sectionN.xml``.

A paragraph is ``hp:p > hp:run > hp:t``; tables (``hp:tbl > hp:tr > hp:tc``), text boxes, headers and
footnotes hold further paragraphs inside a run.  Namespaces differ between HWPX versions (2011, 2016, …),
so elements are matched by local name only.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from noticetui.i18n import _
from noticetui.previews.common import Preview, PreviewError, sections_note, short_reason
from noticetui.previews.limits import Deadline

MAX_PART_BYTES = 64 * 1024 * 1024
"""The largest XML part we inflate: bigger means a zip bomb rather than a grant call."""
_SECTION = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)
_FORBIDDEN = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_INLINE = {"tab": "\t", "lineBreak": "\n", "fwSpace": " ", "nbSpace": "\u00a0", "hyphen": "-"}
MAX_DEPTH = 64
"""Elements nested deeper than this are read flat (one line per paragraph, in document order): a
hostile file of thousands of nested tables keeps its text and cannot exhaust the stack."""


def preview_hwpx(path: Path, max_chars: int, deadline: Deadline) -> Preview:
    """The text of the HWPX file at ``path``, one line per paragraph, table rows tab-separated."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive, max_chars, deadline)
    except PreviewError:
        raise
    except Exception as exc:  # zipfile, zlib, expat and our walk all fail in their own ways on bad input
        raise PreviewError(f"corrupt HWPX: {short_reason(exc)}") from exc


def _read(archive: zipfile.ZipFile, max_chars: int, deadline: Deadline) -> Preview:
    names = archive.namelist()
    if "META-INF/manifest.xml" in names and b"encryption-data" in read_part(archive, "META-INF/manifest.xml"):
        raise PreviewError(_("encrypted HWPX (password required)"))
    sections = section_order(archive, names)
    if not sections:
        raise PreviewError("corrupt HWPX: no Contents/section*.xml part")
    lines: list[str] = []
    total = 0
    stopped = ""
    for index, name in enumerate(sections):
        if total >= max_chars or (index and deadline.expired()):
            reason = "character limit" if total >= max_chars else "time limit"
            stopped = f"stopped after {index} of {len(sections)} sections: {reason}"
            break
        section = section_lines(parse_xml(read_part(archive, name)))
        lines.extend(section)
        total += sum(len(line) + 1 for line in section)
    note = stopped or sections_note(len(sections))
    return Preview(kind="hwpx", text="\n".join(lines), truncated=bool(stopped), note=note)


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """The bytes of part ``name``, refusing parts that inflate past :data:`MAX_PART_BYTES`."""
    # The size in the zip directory can lie, so the read itself is capped too.
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise PreviewError(f"corrupt HWPX: {name} is too large")
    with archive.open(name) as part:
        data = part.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise PreviewError(f"corrupt HWPX: {name} is too large")
    return data


def parse_xml(data: bytes) -> ET.Element:
    """``data`` parsed, refusing DTDs: no DOCTYPE means no entity declarations to expand into a bomb."""
    # Any encoding with NUL bytes (UTF-16/32) would hide a DOCTYPE from the byte search; HWPX is UTF-8.
    if b"\x00" in data[:512]:
        raise PreviewError("corrupt HWPX: XML part is not UTF-8")
    if _FORBIDDEN.search(data):
        raise PreviewError("corrupt HWPX: XML part declares a DOCTYPE or ENTITY")
    return ET.fromstring(data)


def section_order(archive: zipfile.ZipFile, names: list[str]) -> list[str]:
    """The section parts in reading order: the ``content.hpf`` spine when present, else by number."""
    present = set(names)
    ordered: list[str] = []
    if "Contents/content.hpf" in present:
        package = parse_xml(read_part(archive, "Contents/content.hpf"))
        hrefs = {item.get("id", ""): item.get("href", "") for item in package.iter() if _local(item.tag) == "item"}
        for ref in package.iter():
            if _local(ref.tag) != "itemref":
                continue
            name = _resolve(hrefs.get(ref.get("idref", ""), ""), present)
            if name and _SECTION.search(name) and name not in ordered:
                ordered.append(name)
    if ordered:
        return ordered
    numbered = [(int(m.group(1)), n) for n in names if n.startswith("Contents/") and (m := _SECTION.search(n))]
    return [name for _, name in sorted(numbered)]


def _resolve(href: str, present: set[str]) -> str:
    # Hancom writes hrefs relative to the package root ("Contents/section0.xml"); OPF says relative to the
    # .hpf file.  Accept both.
    if not href:
        return ""
    for candidate in (href.lstrip("/"), posixpath.normpath(posixpath.join("Contents", href))):
        if candidate in present:
            return candidate
    return ""


def section_lines(root: ET.Element) -> list[str]:
    """The lines of a section: one per paragraph, one per table row (cells joined by tabs)."""
    lines: list[str] = []
    _walk(root, lines)
    return lines


def _walk(element: ET.Element, out: list[str], depth: int = 0) -> None:
    if depth >= MAX_DEPTH:
        _flat(element, out)
        return
    for child in element:
        name = _local(child.tag)
        if name == "p":
            _paragraph(child, out, depth + 1)
        elif name == "tbl":
            _table(child, out, depth + 1)
        else:
            _walk(child, out, depth + 1)


def _flat(element: ET.Element, out: list[str]) -> None:
    """Every paragraph's text under ``element`` without recursion (``iter`` keeps its own stack)."""
    line: list[str] | None = None
    for item in element.iter():
        name = _local(item.tag)
        if name == "p":
            if line:
                out.append("".join(line))
            line = []
        elif name == "t":
            (line if line is not None else out).append(_t_text(item))
    if line:
        out.append("".join(line))


def _paragraph(paragraph: ET.Element, out: list[str], depth: int) -> None:
    parts: list[str] = []
    nested: list[ET.Element] = []
    for run in paragraph:
        if _local(run.tag) != "run":
            nested.append(run)
            continue
        for item in run:
            if _local(item.tag) == "t":
                parts.append(_t_text(item))
            else:
                nested.append(item)
    # Tables, text boxes and notes anchored in this paragraph follow its own text.
    anchored: list[str] = []
    for item in nested:
        if _local(item.tag) == "tbl":
            _table(item, anchored, depth + 1)
        else:
            _walk(item, anchored, depth + 1)
    text = "".join(parts)
    if text or not anchored:  # a paragraph that only anchors a table is not a blank line
        out.append(text)
    out.extend(anchored)


def _table(table: ET.Element, out: list[str], depth: int) -> None:
    for child in table:
        if _local(child.tag) != "tr":
            _walk(child, out, depth + 1)  # a caption
            continue
        cells = []
        for cell in child:
            if _local(cell.tag) != "tc":
                continue
            inner: list[str] = []
            _walk(cell, inner, depth + 2)
            cells.append(" ".join(" ".join(line.split()) for line in inner if line.strip()))
        out.append("\t".join(cells))


def _t_text(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(_INLINE.get(_local(child.tag), ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _local(tag: object) -> str:
    # Comments and processing instructions have a function as their tag.
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
