"""PDF previews: text page by page, encryption, corruption and the limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError

from noticetui.previews import PreviewError, preview_file
from noticetui.previews.limits import Deadline
from noticetui.previews.pdf import preview_pdf

from .conftest import WriteFile
from .samples import assemble_pdf, encrypted_pdf, korean_pdf, latin_pdf


def fake_clock(values: list[float]) -> Iterator[float]:
    """A clock that reads out ``values`` then stays at the last one."""
    yield from values
    while True:
        yield values[-1]


def test_single_page_text_is_extracted(write_file: WriteFile) -> None:
    path = write_file("a.pdf", latin_pdf([["Grant call 2026", "Deadline: March 20"]]))
    preview = preview_file(path)
    assert preview.kind == "pdf"
    assert "Grant call 2026" in preview.text
    assert "Deadline: March 20" in preview.text
    assert preview.note == "1 page"


def test_pages_are_separated_by_page_marker_lines(write_file: WriteFile) -> None:
    path = write_file("a.pdf", latin_pdf([["First page"], ["Second page"], ["Third page"]]))
    lines = preview_file(path).text.splitlines()
    assert lines.index("--- page 2 ---") < lines.index("Second page") < lines.index("--- page 3 ---")
    assert lines.index("First page") < lines.index("--- page 2 ---")
    assert "--- page 1 ---" not in lines


def test_korean_text_is_read_through_the_tounicode_map(write_file: WriteFile) -> None:
    path = write_file("k.pdf", korean_pdf("중소기업 지원사업 공고"))
    assert "중소기업 지원사업 공고" in preview_file(path).text


def test_pdf_with_a_user_password_is_refused_as_encrypted(write_file: WriteFile) -> None:
    path = write_file("e.pdf", encrypted_pdf(latin_pdf([["Secret"]]), user_password="1234"))
    with pytest.raises(PreviewError, match=r"^encrypted PDF \(password required\)$"):
        preview_file(path)


def test_pdf_locked_only_by_an_owner_password_is_read(write_file: WriteFile) -> None:
    path = write_file("o.pdf", encrypted_pdf(latin_pdf([["Open to all readers"]]), user_password=""))
    assert "Open to all readers" in preview_file(path).text


def test_aes_pdf_without_the_crypto_package_gives_a_clear_error(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_file("aes.pdf", encrypted_pdf(latin_pdf([["x"]]), user_password=""))

    def needs_crypto(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_crypto)
    with pytest.raises(PreviewError, match="AES encryption needs the 'cryptography' package"):
        preview_file(path)


def test_corrupt_pdf_gives_a_corrupt_pdf_error(write_file: WriteFile) -> None:
    path = write_file("c.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF")
    with pytest.raises(PreviewError, match=r"^corrupt PDF"):
        preview_file(path)


def test_one_unreadable_page_does_not_hide_the_others(write_file: WriteFile, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_file("p.pdf", latin_pdf([["Good page"], ["Broken page"]]))
    original = PageObject.extract_text

    def flaky(self: PageObject, *args: object, **kwargs: object) -> str:
        text = original(self)
        if "Broken" in text:
            raise ValueError("bad content stream")
        return text

    monkeypatch.setattr(PageObject, "extract_text", flaky)
    text = preview_file(path).text
    assert "Good page" in text
    assert "[page 2: text could not be read]" in text


def test_pdf_without_text_says_it_has_no_text_layer(write_file: WriteFile) -> None:
    path = write_file("scan.pdf", latin_pdf([[]]))
    preview = preview_file(path)
    assert preview.text == ""
    assert "no text layer" in preview.note


def test_text_beyond_max_chars_is_cut_and_marked_truncated(write_file: WriteFile) -> None:
    path = write_file("long.pdf", latin_pdf([["A" * 80] * 20] * 3))
    preview = preview_file(path, max_chars=500)
    assert len(preview.text) == 500
    assert preview.truncated


def test_pages_stop_at_the_deadline_and_keep_what_was_read(write_file: WriteFile) -> None:
    path = write_file("slow.pdf", latin_pdf([["Page one text"], ["Page two text"], ["Page three text"]]))
    clock = fake_clock([0.0, 5.0])  # the deadline is set at 0; the first check, before page 2, sees 5
    preview = preview_pdf(path, 10_000, Deadline(1.0, clock=lambda: next(clock)))
    assert "Page one text" in preview.text
    assert "Page two text" not in preview.text
    assert preview.truncated
    assert preview.note == "stopped after 1 of 3 pages: time limit"


def test_pdf_with_no_pages_is_corrupt(write_file: WriteFile) -> None:
    data = assemble_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    with pytest.raises(PreviewError, match="no pages"):
        preview_file(write_file("empty.pdf", data))


def test_the_page_count_is_in_korean_in_a_korean_run(write_file: WriteFile) -> None:
    from noticetui.i18n import set_language

    set_language("ko")  # the suite's autouse fixture sets English again
    preview = preview_file(write_file("a.pdf", latin_pdf([["one"], ["two"]])))
    assert preview.note == "2쪽"
