"""sniff(): the real kind of a file from its first bytes, whatever its name says."""

from __future__ import annotations

import pytest

from noticetui.previews import sniff

from .cfb_writer import build_cfb, build_hwp
from .samples import (
    bmp_header,
    build_hwpx,
    build_zip,
    gif_header,
    hwpx_paragraph,
    hwpx_section,
    jpeg_header,
    latin_pdf,
    png_header,
    webp_vp8x_header,
)

ALERT_PAGE = "<script>alert('잘못된 접근입니다.');history.back();</script>".encode()


def test_pdf_is_recognised_by_its_header_whatever_the_name() -> None:
    assert sniff(latin_pdf([["Hello"]]), "공고문.hwp") == "pdf"


def test_pdf_with_junk_before_its_header_is_still_pdf() -> None:
    assert sniff(b"\r\n\x00junk" + latin_pdf([["Hello"]])) == "pdf"


def test_html_alert_page_saved_as_pdf_is_html() -> None:
    assert sniff(ALERT_PAGE, "x.pdf") == "html"


def test_full_html_error_page_with_bom_and_doctype_is_html() -> None:
    page = "\ufeff\n<!DOCTYPE html>\n<html><head><title>오류</title></head><body>권한이 없습니다</body></html>"
    assert sniff(page.encode("utf-8"), "x.hwp") == "html"


def test_euc_kr_html_page_is_html() -> None:
    page = "<html><meta charset='euc-kr'><body>파일이 존재하지 않습니다.</body></html>"
    assert sniff(page.encode("cp949"), "x.pdf") == "html"


@pytest.mark.parametrize(
    "head",
    [b"\x9bDRMONE  This Document is encrypted", b"SCDSA002\x00\x00\x00\x00", b"<##SoftCamp##>DSCP", b"\x00DRMONE"],
)
def test_drm_wrapped_files_are_drm(head: bytes) -> None:
    assert sniff(head + b"\x00" * 64, "계획서.hwp") == "drm"


def test_empty_bytes_are_empty() -> None:
    assert sniff(b"", "x.pdf") == "empty"


def test_hwp_compound_file_is_hwp() -> None:
    assert sniff(build_hwp([["본문"]])[:8192], "a.hwp") == "hwp"


def test_other_compound_file_is_ole() -> None:
    assert sniff(build_cfb({"WordDocument": b"\x00" * 100}), "a.hwp") == "ole"


def test_hwp3_file_is_hwp3() -> None:
    assert sniff(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\x00" * 100) == "hwp3"


def test_hwpx_package_is_hwpx() -> None:
    data = build_hwpx({"Contents/section0.xml": hwpx_section(hwpx_paragraph("안녕"))}, spine=["Contents/section0.xml"])
    assert sniff(data, "a.zip") == "hwpx"


def test_hwpx_without_mimetype_is_recognised_by_its_contents() -> None:
    data = build_zip({"Contents/content.hpf": b"<x/>", "Contents/section0.xml": b"<x/>"})
    assert sniff(data) == "hwpx"


@pytest.mark.parametrize(
    ("entry", "kind"),
    [("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx")],
)
def test_office_zips_are_named_by_their_parts(entry: str, kind: str) -> None:
    data = build_zip({"[Content_Types].xml": b"<Types/>", entry: b"<x/>"})
    assert sniff(data, "file.zip") == kind


def test_plain_zip_is_zip_even_when_named_hwpx() -> None:
    data = build_zip({"a.txt": b"a", "b/c.txt": b"c"})
    assert sniff(data, "공고.hwpx") == "zip"


def test_zip_whose_entries_are_out_of_sight_takes_its_subkind_from_the_name() -> None:
    head = build_zip({"[Content_Types].xml": b"<Types/>" * 2000, "word/document.xml": b"<x/>"})[:200]
    assert sniff(head, "신청서.docx") == "docx"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (jpeg_header(640, 480), "jpeg"),
        (png_header(10, 10), "png"),
        (gif_header(10, 10), "gif"),
        (webp_vp8x_header(10, 10), "webp"),
        (bmp_header(4, 4), "bmp"),
    ],
)
def test_images_are_named_by_their_magic(head: bytes, kind: str) -> None:
    assert sniff(head, "image.pdf") == kind


def test_text_starting_with_bm_is_not_a_bitmap() -> None:
    assert sniff(b"BMW 520d 2018 sale, contact 010-1234-5678\n") == "text"


def test_utf8_korean_text_is_text() -> None:
    assert sniff("공지사항\n신청 기간: 3월 2일\n".encode()) == "text"


def test_cp949_korean_text_is_text() -> None:
    assert sniff("공지사항\n신청 기간: 3월 2일\n".encode("cp949")) == "text"


def test_utf8_text_cut_inside_a_character_is_still_text() -> None:
    data = ("가나다라" * 100).encode()
    assert sniff(data[:-1]) == "text"


def test_utf16_text_with_bom_is_text() -> None:
    assert sniff("\ufeff공지".encode("utf-16-le")) == "text"


def test_binary_garbage_is_unknown() -> None:
    assert sniff(bytes([0, 1, 2, 3, 255, 254, 7, 8]) * 20) == "unknown"


def test_xml_that_is_not_html_is_text() -> None:
    assert sniff(b'<?xml version="1.0"?><rss><channel/></rss>') == "text"
