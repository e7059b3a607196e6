"""HWPX previews: paragraphs in spine order, tables as tab-separated rows, and refusal of unsafe XML."""

from __future__ import annotations

import pytest

from noticetui.previews import PreviewError, preview_file

from .conftest import WriteFile
from .samples import build_hwpx, hwpx_paragraph, hwpx_section, hwpx_table


def one_section(*paragraphs: str) -> bytes:
    return build_hwpx({"Contents/section0.xml": hwpx_section(*paragraphs)}, spine=["Contents/section0.xml"])


def test_korean_paragraphs_become_lines_in_order(write_file: WriteFile) -> None:
    data = one_section(hwpx_paragraph("2026년 지원사업 공고"), hwpx_paragraph("신청 기간: ", "3월 2일까지"))
    preview = preview_file(write_file("a.hwpx", data))
    assert preview.kind == "hwpx"
    assert preview.text.splitlines() == ["2026년 지원사업 공고", "신청 기간: 3월 2일까지"]


def test_table_rows_become_tab_separated_lines(write_file: WriteFile) -> None:
    data = one_section(
        hwpx_paragraph("지원 내용"), hwpx_table([["구분", "금액"], ["일반", "5천만 원"]]), hwpx_paragraph("끝")
    )
    lines = preview_file(write_file("t.hwpx", data)).text.splitlines()
    assert lines == ["지원 내용", "구분\t금액", "일반\t5천만 원", "끝"]


def test_inline_tab_and_line_break_elements_are_kept(write_file: WriteFile) -> None:
    data = one_section(hwpx_paragraph("문의<hp:tab/>02-123-4567<hp:lineBreak/>담당: 김주무관"))
    assert preview_file(write_file("i.hwpx", data)).text == "문의\t02-123-4567\n담당: 김주무관"


def test_sections_follow_the_content_hpf_spine(write_file: WriteFile) -> None:
    sections = {
        "Contents/section0.xml": hwpx_section(hwpx_paragraph("spine second")),
        "Contents/section1.xml": hwpx_section(hwpx_paragraph("spine first")),
    }
    data = build_hwpx(sections, spine=["Contents/section1.xml", "Contents/section0.xml"])
    assert preview_file(write_file("s.hwpx", data)).text.splitlines() == ["spine first", "spine second"]


def test_without_content_hpf_sections_are_read_in_numeric_order(write_file: WriteFile) -> None:
    sections = {f"Contents/section{n}.xml": hwpx_section(hwpx_paragraph(f"section {n}")) for n in (10, 2, 0, 1)}
    preview = preview_file(write_file("n.hwpx", build_hwpx(sections, spine=None)))
    assert preview.text.splitlines() == ["section 0", "section 1", "section 2", "section 10"]
    assert preview.note == "4 sections"


def test_xml_entities_in_text_are_decoded(write_file: WriteFile) -> None:
    data = one_section(hwpx_paragraph("R&amp;D &lt;사업&gt;"))
    assert preview_file(write_file("e.hwpx", data)).text == "R&D <사업>"


def test_doctype_in_a_section_is_refused(write_file: WriteFile) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    data = one_section_with_prolog(bomb, hwpx_paragraph("&lol2;"))
    with pytest.raises(PreviewError, match="DOCTYPE or ENTITY"):
        preview_file(write_file("bomb.hwpx", data))


def one_section_with_prolog(prolog: str, *paragraphs: str) -> bytes:
    section = hwpx_section(*paragraphs, prolog=prolog)
    return build_hwpx({"Contents/section0.xml": section}, spine=["Contents/section0.xml"])


def test_encrypted_hwpx_is_refused(write_file: WriteFile) -> None:
    manifest = (
        b'<odf:manifest xmlns:odf="urn:odf"><odf:file-entry><odf:encryption-data/></odf:file-entry></odf:manifest>'
    )
    data = build_hwpx(
        {"Contents/section0.xml": "\x00\x13garbage"},
        spine=["Contents/section0.xml"],
        extra={"META-INF/manifest.xml": manifest},
    )
    with pytest.raises(PreviewError, match=r"^encrypted HWPX"):
        preview_file(write_file("lock.hwpx", data))


def test_hwpx_without_sections_is_corrupt(write_file: WriteFile) -> None:
    with pytest.raises(PreviewError, match="no Contents/section"):
        preview_file(write_file("none.hwpx", build_hwpx({}, spine=[])))


def test_oversized_part_is_refused(write_file: WriteFile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("noticetui.previews.hwpx.MAX_PART_BYTES", 1000)
    data = one_section(*[hwpx_paragraph("가" * 100)] * 20)
    with pytest.raises(PreviewError, match="too large"):
        preview_file(write_file("big.hwpx", data))


def _nested_tables(depth: int) -> str:
    """``depth`` tables each in the cell of the one before, every level with its own word ``w<level>``."""
    opening = "<hp:p><hp:run><hp:t>w{i}</hp:t><hp:tbl><hp:tr><hp:tc><hp:subList>"
    closing = "</hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>"
    return "".join(opening.format(i=i) for i in range(depth)) + hwpx_paragraph("END") + closing * depth


@pytest.mark.parametrize("depth", [3, 5000])
def test_nested_tables_of_any_depth_keep_every_word(write_file: WriteFile, depth: int) -> None:
    text = preview_file(write_file("deep.hwpx", one_section(_nested_tables(depth)))).text
    assert set(text.split()) == {f"w{i}" for i in range(depth)} | {"END"}


def test_paragraphs_nested_past_the_limit_stay_lines_of_their_own(write_file: WriteFile) -> None:
    deep = "<hp:subList>" * 200 + hwpx_paragraph("one") + hwpx_paragraph("two") + "</hp:subList>" * 200
    text = preview_file(write_file("flat.hwpx", one_section(hwpx_paragraph("start"), deep))).text
    assert text.splitlines() == ["start", "one", "two"]
