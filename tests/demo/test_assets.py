"""Every sample file is a real, small file of its type."""

from __future__ import annotations

import io
import struct
import zipfile

import pypdf
import pytest

from noticetui.demo import assets


def jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from a JPEG's start-of-frame segment."""
    pos = 2
    while pos < len(data):
        marker, length = data[pos + 1], struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    raise ValueError("no SOF segment")


@pytest.mark.parametrize("name", assets.ALL)
def test_every_sample_file_is_small(name: str) -> None:
    assert 0 < len(assets.asset(name)) < 40 * 1024


def test_unknown_sample_file_is_refused() -> None:
    with pytest.raises(KeyError):
        assets.asset("../pyproject.toml")


def test_pdf_parses_and_holds_english_and_korean_text() -> None:
    data = assets.asset(assets.PDF)
    assert data.startswith(b"%PDF-1.")
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "application form" in text
    assert "신청서 양식" in text


def test_hwpx_is_a_zip_with_the_stored_mimetype_first() -> None:
    data = assets.asset(assets.HWPX)
    assert data.startswith(b"PK\x03\x04")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/hwp+zip"
        assert z.testzip() is None
        names = set(z.namelist())
        for required in ("version.xml", "META-INF/container.xml", "Contents/content.hpf", "Contents/header.xml"):
            assert required in names
        section = z.read("Contents/section0.xml").decode("utf-8")
    assert "<hp:p " in section and "<hp:run " in section
    assert "<hp:t>2026년 청년 창업 지원사업 공고</hp:t>" in section


@pytest.mark.parametrize("name", assets.IMAGES)
def test_jpegs_are_real_jpegs_of_the_stated_size(name: str) -> None:
    data = assets.asset(name)
    assert data.startswith(b"\xff\xd8\xff")
    assert data.endswith(b"\xff\xd9")
    assert jpeg_size(data) == assets.IMAGE_SIZES[name]


def test_text_file_is_korean_in_cp949_not_utf8() -> None:
    data = assets.asset(assets.TXT_CP949)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "휴관 안내" in data.decode("cp949")
