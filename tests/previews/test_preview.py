"""preview_file(): dispatch by content, refusals, limits, and the cleaning of untrusted text."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from noticetui.previews import Preview, PreviewError, limits, preview_file
from noticetui.previews.common import clean_text
from noticetui.previews.limits import run_with_deadline

from .cfb_writer import build_cfb, build_hwp
from .conftest import WriteFile
from .samples import build_hwpx, build_zip, hwpx_paragraph, hwpx_section, jpeg_header, latin_pdf


def test_file_over_max_bytes_is_refused(write_file: WriteFile) -> None:
    path = write_file("big.txt", b"a" * 2_000)
    with pytest.raises(PreviewError, match=r"^file too large to preview: 0\.0 MB \(limit 0\.0 MB\)$"):
        preview_file(path, max_bytes=1_000)


def test_reader_is_chosen_by_content_not_extension(write_file: WriteFile) -> None:
    path = write_file("공고문.hwp", latin_pdf([["Actually a PDF"]]))
    preview = preview_file(path)
    assert preview.kind == "pdf"
    assert "Actually a PDF" in preview.text


def test_html_page_saved_as_pdf_is_refused(write_file: WriteFile) -> None:
    path = write_file("x.pdf", "<script>alert('잘못된 접근입니다.');</script>".encode())
    with pytest.raises(PreviewError, match=r"^unsupported file type: html"):
        preview_file(path)


def test_drm_file_is_refused(write_file: WriteFile) -> None:
    with pytest.raises(PreviewError, match="DRM-protected"):
        preview_file(write_file("d.hwp", b"\x9bDRMONE" + b"\x00" * 500))


def test_empty_file_is_refused(write_file: WriteFile) -> None:
    with pytest.raises(PreviewError, match=r"^empty file$"):
        preview_file(write_file("e.pdf", b""))


def test_spreadsheet_is_an_unsupported_type(write_file: WriteFile) -> None:
    data = build_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(PreviewError, match=r"^unsupported file type: xlsx$"):
        preview_file(write_file("s.xlsx", data))


def test_hwpx_named_zip_is_read_as_hwpx(write_file: WriteFile) -> None:
    data = build_hwpx({"Contents/section0.xml": hwpx_section(hwpx_paragraph("본문"))}, spine=["Contents/section0.xml"])
    assert preview_file(write_file("첨부.zip", data)) == Preview("hwpx", "본문", False, "1 section")


def test_hwp_whose_directory_is_past_the_head_is_still_read(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("noticetui.previews.preview.HEAD_BYTES", 16)  # sniff sees only the OLE magic
    preview = preview_file(write_file("a.hwp", build_hwp([["본문"]])))
    assert (preview.kind, preview.text) == ("hwp", "본문")


def test_missing_file_gives_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(PreviewError, match=r"^cannot read file"):
        preview_file(tmp_path / "nothing.pdf")


def test_image_preview_describes_the_image(write_file: WriteFile) -> None:
    assert preview_file(write_file("행사 포스터.jpg", jpeg_header(800, 600))).text == "jpeg 800×600"


def test_control_escape_and_bidi_characters_are_stripped(write_file: WriteFile) -> None:
    hostile = (
        "공지사항 제목입니다\x1b]0;pwned\x07\x1b[2J 본문\u202e역순\u2066격리\u2069\x85끝\t탭 그리고 본문이 이어집니다"
    )
    preview = preview_file(write_file("h.txt", hostile.encode()))
    assert preview.text == "공지사항 제목입니다]0;pwned[2J 본문역순격리끝\t탭 그리고 본문이 이어집니다"


def test_blank_line_runs_collapse_to_one() -> None:
    assert clean_text("a\n\n\n \n\t\nb\n\n") == "a\n\nb"


def test_unsupported_compound_file_is_named(write_file: WriteFile) -> None:
    with pytest.raises(PreviewError, match="unsupported file type: ole"):
        preview_file(write_file("x.xls", build_cfb({"Workbook": b"\x00" * 10})))


def test_hard_timeout_gives_a_preview_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "GRACE", 0.0)
    release = threading.Event()
    try:
        with pytest.raises(PreviewError, match=r"^preview timed out after 0\.01 s$"):
            run_with_deadline(release.wait, 0.01)
    finally:
        release.set()  # let the abandoned worker thread finish


def test_exception_in_the_worker_is_raised_in_the_caller() -> None:
    def fail() -> None:
        raise PreviewError("corrupt HWP: test")

    with pytest.raises(PreviewError, match="corrupt HWP: test"):
        run_with_deadline(fail, 5.0)


def test_unexpected_reader_exception_becomes_a_preview_error(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, max_chars: int) -> Preview:
        raise KeyError("surprise")

    monkeypatch.setattr("noticetui.previews.text.preview_text", broken)  # the reader is imported on use
    with pytest.raises(PreviewError, match=r"^cannot preview text: 'surprise'$"):
        preview_file(write_file("a.txt", b"hello"))
