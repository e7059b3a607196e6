"""Small real files for the preview tests, built byte by byte: PDFs, HWPX packages, image headers."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter

# --- PDF -------------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def assemble_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF whose objects 1..n are ``objects`` (object 1 the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def latin_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one page per item of ``pages``, each line shown in Helvetica."""
    n = len(pages)
    font = 3 + 2 * n
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    for i, lines in enumerate(pages):
        content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(_pdf_string(s) + b" '" for s in lines) + b" ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, 4 + 2 * i)
        )
        objects.append(_stream(content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return assemble_pdf(objects)


def korean_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` through a Type0 font whose ToUnicode CMap maps glyph ids to it."""
    chars = list(dict.fromkeys(text))
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    shown = b"".join(b"%04X" % cid[ch] for ch in text)
    mappings = b"\n".join(b"<%04X> <%04X>" % (cid[ch], ord(ch)) for ch in chars)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"%d beginbfchar\n%s\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
        % (len(chars), mappings)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(b"BT /F1 12 Tf 72 720 Td <" + shown + b"> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NanumGothic /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NanumGothic /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
        b"/FontDescriptor 8 0 R >>",
        _stream(cmap),
        b"<< /Type /FontDescriptor /FontName /NanumGothic /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    return assemble_pdf(objects)


def encrypted_pdf(source: bytes, user_password: str) -> bytes:
    """``source`` encrypted with RC4-128 (built into pypdf) under ``user_password`` and an owner password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- HWPX ------------------------------------------------------------------------------------------------

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"


def hwpx_paragraph(*runs: str) -> str:
    """An ``hp:p`` whose runs hold the given inner XML of their ``hp:t`` (so tests can add ``<hp:tab/>``)."""
    body = "".join(f'<hp:run charPrIDRef="0"><hp:t>{run}</hp:t></hp:run>' for run in runs)
    return f'<hp:p id="0" paraPrIDRef="0" styleIDRef="0">{body}<hp:linesegarray/></hp:p>'


def hwpx_table(rows: Sequence[Sequence[str]]) -> str:
    """A paragraph anchoring an ``hp:tbl`` whose cells each hold one paragraph."""
    trs = "".join(
        "<hp:tr>"
        + "".join(
            f'<hp:tc><hp:subList>{hwpx_paragraph(cell)}</hp:subList><hp:cellAddr colAddr="{c}" rowAddr="{r}"/></hp:tc>'
            for c, cell in enumerate(row)
        )
        + "</hp:tr>"
        for r, row in enumerate(rows)
    )
    table = f'<hp:tbl rowCnt="{len(rows)}" colCnt="{len(rows[0])}"><hp:sz width="1000"/>{trs}</hp:tbl>'
    return f'<hp:p id="0"><hp:run charPrIDRef="0">{table}<hp:t/></hp:run></hp:p>'


def hwpx_section(*paragraphs: str, prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') -> str:
    """A whole ``sectionN.xml``."""
    return f'{prolog}<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{"".join(paragraphs)}</hs:sec>'


def content_hpf(section_files: Sequence[str]) -> str:
    """A ``content.hpf`` whose manifest and spine list the header, then ``section_files`` in that order."""
    items = '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
    refs = '<opf:itemref idref="header" linear="yes"/>'
    for i, name in enumerate(section_files):
        items += f'<opf:item id="s{i}" href="{name}" media-type="application/xml"/>'
        refs += f'<opf:itemref idref="s{i}" linear="yes"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
        f"<opf:manifest>{items}</opf:manifest><opf:spine>{refs}</opf:spine></opf:package>"
    )


def build_hwpx(
    sections: dict[str, str], spine: Sequence[str] | None = None, extra: dict[str, bytes] | None = None
) -> bytes:
    """An HWPX package: stored ``mimetype`` first, then the usual parts; ``sections`` maps names to XML.

    ``spine`` lists section file names for ``content.hpf`` (None: no ``content.hpf`` at all).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("version.xml", '<?xml version="1.0"?><hv:HCFVersion xmlns:hv="urn:hv" major="5"/>')
        archive.writestr("META-INF/container.xml", "<container/>")
        archive.writestr("Contents/header.xml", '<?xml version="1.0"?><hh:head xmlns:hh="urn:hh"/>')
        if spine is not None:
            archive.writestr("Contents/content.hpf", content_hpf(spine))
        for name, xml in sections.items():
            archive.writestr(name, xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def build_zip(entries: dict[str, bytes]) -> bytes:
    """A plain deflated zip of ``entries``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- image headers ---------------------------------------------------------------------------------------


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG: SOI, a JFIF APP0 segment, a quantisation table, then SOF0."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(64))
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + dqt + sof + b"\xff\xda\x00\x0c" + b"\x00" * 10


def png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\x00\x00\x00\x00"


def gif_header(width: int, height: int) -> bytes:
    """A GIF89a logical screen descriptor."""
    return b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + b";"


def webp_vp8x_header(width: int, height: int) -> bytes:
    """An extended-format WebP header (VP8X chunk)."""
    chunk = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(chunk)) + b"WEBP" + b"VP8X" + struct.pack("<I", 10) + chunk


def webp_lossless_header(width: int, height: int) -> bytes:
    """A lossless WebP header (VP8L chunk)."""
    bits = (width - 1) | (height - 1) << 14
    chunk = b"\x2f" + struct.pack("<I", bits)
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(chunk)) + b"WEBP" + b"VP8L" + struct.pack("<I", 5) + chunk


def webp_lossy_header(width: int, height: int) -> bytes:
    """A lossy WebP header (VP8 chunk with its key-frame start code)."""
    chunk = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height)
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(chunk)) + b"WEBP" + b"VP8 " + struct.pack("<I", 10) + chunk


def bmp_header(width: int, height: int) -> bytes:
    """A BMP file header and BITMAPINFOHEADER (height negative: rows stored top-down)."""
    info = struct.pack("<IiiHHIIiiII", 40, width, -height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + width * height * 3, 0, 0, 54) + info
