"""File names from Content-Disposition as real Korean boards send them, through httpx, and safe names."""

from __future__ import annotations

import base64
import unicodedata
from urllib.parse import quote, quote_plus

import httpx
import pytest

from noticetui.net.disposition import filename_from_headers, safe_filename

DOWNLOAD_URL = "http://board.test/bbs/download.php?bo_table=notice&wr_id=7&no=0"


async def served(raw: bytes, *extra: tuple[bytes, bytes]) -> httpx.Headers:
    """The headers httpx hands over when a server sends ``Content-Disposition: <raw bytes>``."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=[(b"content-disposition", raw), *extra], content=b"%PDF")

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        response = await client.get(DOWNLOAD_URL)
        return response.headers


async def test_gnuboard_rawurlencoded_filename() -> None:
    name = "휴관 안내(3월).hwp"
    headers = await served(f'attachment; filename="{quote(name, safe="")}"'.encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == name


async def test_rhymix_percent_encoded_inner_dots() -> None:
    encoded = quote("2024.03.학사일정", safe="").replace(".", "%2e") + ".pdf"
    headers = await served(f'attachment; filename="{encoded}"'.encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == "2024.03.학사일정.pdf"


async def test_egov_rfc5987_with_plus_for_space() -> None:
    name = "사업 계획서 (최종).hwp"
    headers = await served(f"attachment; filename*=UTF-8''{quote_plus(name)}".encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == name


async def test_rfc5987_wins_over_plain_filename() -> None:
    raw = "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''" + quote("점검 결과.pdf", safe="")
    headers = await served(raw.encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == "점검 결과.pdf"


async def test_rfc5987_keeps_plus_when_spaces_are_percent_encoded() -> None:
    headers = await served(b"attachment; filename*=utf-8''C%2B%2B%20%EA%B3%BC%EC%A0%9C+1.zip")
    assert filename_from_headers(headers, DOWNLOAD_URL) == "C++ 과제+1.zip"


async def test_rfc5987_euc_kr_with_language() -> None:
    raw = b"attachment; filename*=EUC-KR'ko'" + quote("똠양꿍 공지.hwp", safe="", encoding="cp949").encode()
    headers = await served(raw)
    assert filename_from_headers(headers, DOWNLOAD_URL) == "똠양꿍 공지.hwp"


async def test_kboard_raw_utf8_bytes() -> None:
    name = "입학 안내문 [2025].pdf"
    headers = await served(b'attachment; filename="' + name.encode() + b'"')
    assert filename_from_headers(headers, DOWNLOAD_URL) == name


async def test_raw_utf8_bytes_when_httpx_falls_back_to_latin1() -> None:
    name = "입학 안내문.pdf"
    # One non-UTF-8 header elsewhere makes httpx decode the whole block as latin-1.
    headers = await served(b'attachment; filename="' + name.encode() + b'"', (b"x-note", b"\xff"))
    assert headers["content-disposition"] != f'attachment; filename="{name}"'
    assert filename_from_headers(headers, DOWNLOAD_URL) == name


async def test_raw_euc_kr_bytes() -> None:
    name = "똠방 공지사항.hwp"
    headers = await served(b'attachment; filename="' + name.encode("cp949") + b'"')
    assert filename_from_headers(headers, DOWNLOAD_URL) == name


def test_plain_mapping_holding_latin1_decoded_bytes() -> None:
    value = 'attachment; filename="강의계획서.docx"'.encode().decode("latin-1")
    assert filename_from_headers({"Content-Disposition": value}, DOWNLOAD_URL) == "강의계획서.docx"


def test_plain_mapping_holding_proper_text() -> None:
    headers = {"content-disposition": 'inline; filename="강의계획서.docx"'}
    assert filename_from_headers(headers, DOWNLOAD_URL) == "강의계획서.docx"


async def test_unquoted_token() -> None:
    headers = await served(b"attachment; filename=report_2024.xlsx; size=1024")
    assert filename_from_headers(headers, DOWNLOAD_URL) == "report_2024.xlsx"


async def test_unquoted_name_with_spaces_and_korean() -> None:
    headers = await served("attachment;filename=공지 사항.hwp".encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == "공지 사항.hwp"


async def test_mime_encoded_word() -> None:
    word = base64.b64encode("공지.pdf".encode()).decode()
    headers = await served(f'attachment; filename="=?UTF-8?B?{word}?="'.encode())
    assert filename_from_headers(headers, DOWNLOAD_URL) == "공지.pdf"


async def test_directories_are_stripped_from_the_header_name() -> None:
    headers = await served(b'attachment; filename="../../etc/passwd"')
    assert filename_from_headers(headers, DOWNLOAD_URL) == "passwd"


def test_url_path_used_without_header() -> None:
    url = "http://board.test/files/download/502/3f2a/%EC%A0%90%EA%B2%80.pdf"
    assert filename_from_headers(httpx.Headers(), url) == "점검.pdf"


def test_script_url_is_not_a_file_name() -> None:
    assert filename_from_headers(httpx.Headers({"content-type": "file/unknown"}), DOWNLOAD_URL) is None


def test_empty_disposition_falls_back_to_url() -> None:
    headers = httpx.Headers({"content-disposition": "attachment"})
    assert filename_from_headers(headers, "http://board.test/data/file/notice/a1b2.hwp") == "a1b2.hwp"


# --- safe_filename -------------------------------------------------------------------------------


def test_traversal_keeps_only_the_last_component() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("..\\..\\Windows\\system.ini") == "system.ini"


@pytest.mark.parametrize("name", ["..", "...", "/", " . ", ""])
def test_nothing_left_gives_the_fallback(name: str) -> None:
    assert safe_filename(name) == "download"
    assert safe_filename(name, fallback="첨부파일") == "첨부파일"


@pytest.mark.parametrize("name", ["CON.txt", "con", "nul.tar.gz", "COM1.hwp", "Lpt9 .pdf", "aux"])
def test_windows_device_names_are_defused(name: str) -> None:
    assert safe_filename(name) == "_" + name


def test_similar_but_legal_names_are_kept() -> None:
    assert safe_filename("CONTENT.txt") == "CONTENT.txt"
    assert safe_filename("COM10.txt") == "COM10.txt"


def test_escape_sequences_are_removed() -> None:
    safe = safe_filename("a\x1b[31m.pdf")
    assert "\x1b" not in safe
    assert safe.endswith(".pdf")


def test_bidi_override_is_removed() -> None:
    assert safe_filename("\u202egpj.exe") == "gpj.exe"
    assert safe_filename("보고서\u2066\u2069\u200f.hwp") == "보고서.hwp"


def test_nul_and_newlines() -> None:
    assert safe_filename("a\x00b\nc.pdf") == "ab c.pdf"


def test_windows_reserved_characters_are_replaced() -> None:
    assert safe_filename('Q&A: "무엇"<이>|왜?*.pdf') == "Q&A_ _무엇__이__왜__.pdf"


def test_trailing_dots_and_spaces_and_leading_dots() -> None:
    assert safe_filename("보고서.hwp. . ") == "보고서.hwp"
    assert safe_filename(".htaccess") == "htaccess"


def test_korean_name_and_extension_kept() -> None:
    assert safe_filename("2024년 1학기 수강신청 안내.hwp") == "2024년 1학기 수강신청 안내.hwp"


def test_nfd_korean_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "공지사항.hwp")
    assert nfd != "공지사항.hwp"
    assert safe_filename(nfd) == "공지사항.hwp"


def test_long_name_capped_at_200_bytes_keeping_extension() -> None:
    name = "가" * 100 + ".hwpx"  # 305 bytes of UTF-8
    safe = safe_filename(name)
    assert len(safe.encode()) <= 200
    assert safe.endswith(".hwpx")
    assert safe.startswith("가" * 60)
    assert set(safe.removesuffix(".hwpx")) == {"가"}


def test_long_name_without_extension_capped() -> None:
    safe = safe_filename("x" * 300)
    assert safe == "x" * 200
