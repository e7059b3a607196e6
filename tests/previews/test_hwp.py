"""HWP 5.0 previews: compound file, FileHeader flags, compressed sections, records and control characters."""

from __future__ import annotations

import io
import struct
import zlib

import olefile
import pytest

from noticetui.previews import PreviewError, preview_file
from noticetui.previews.hwp_records import (
    HWPTAG_PARA_TEXT,
    Record,
    RecordError,
    iter_records,
    para_text,
    section_lines,
)

from .cfb_writer import (
    TABLE_CONTROL,
    HwpTable,
    build_cfb,
    build_hwp,
    encode_para_text,
    file_header,
    hwp_record,
)
from .conftest import WriteFile


def test_compressed_sections_give_korean_paragraphs(write_file: WriteFile) -> None:
    data = build_hwp([["2026년 지원사업 공고", "신청 기간: 3월 2일 ~ 3월 20일"]], compressed=True)
    preview = preview_file(write_file("a.hwp", data))
    assert preview.kind == "hwp"
    assert preview.text.splitlines() == ["2026년 지원사업 공고", "신청 기간: 3월 2일 ~ 3월 20일"]


def test_uncompressed_sections_are_read_as_is(write_file: WriteFile) -> None:
    data = build_hwp([["압축하지 않은 문서"]], compressed=False)
    assert preview_file(write_file("u.hwp", data)).text == "압축하지 않은 문서"


def test_sections_are_read_in_numeric_order(write_file: WriteFile) -> None:
    sections = [[f"구역 {n}"] for n in range(12)]
    preview = preview_file(write_file("s.hwp", build_hwp(sections)))
    assert preview.text.splitlines() == [f"구역 {n}" for n in range(12)]
    assert preview.note == "HWP 5.0.3.0, 12 sections"


def test_password_flag_gives_encrypted_hwp(write_file: WriteFile) -> None:
    data = build_hwp([["비밀"]], password=True)
    with pytest.raises(PreviewError, match=r"^encrypted HWP \(password required\)$"):
        preview_file(write_file("p.hwp", data))


def test_distribution_document_cannot_be_previewed(write_file: WriteFile) -> None:
    data = build_hwp([["배포용"]], distribution=True)
    with pytest.raises(PreviewError, match="distribution HWP"):
        preview_file(write_file("d.hwp", data))


def test_tab_control_is_a_tab_and_its_parameters_are_skipped(write_file: WriteFile) -> None:
    data = build_hwp([["문의\t02-123-4567"]])
    assert preview_file(write_file("t.hwp", data)).text == "문의\t02-123-4567"


def test_line_break_control_is_a_newline(write_file: WriteFile) -> None:
    data = build_hwp([["첫 줄\n둘째 줄"]])
    assert preview_file(write_file("l.hwp", data)).text == "첫 줄\n둘째 줄"


def test_extended_control_inside_text_leaves_no_garbage(write_file: WriteFile) -> None:
    data = build_hwp([[f"앞{TABLE_CONTROL}뒤", "\x12자동 번호 뒤"]])  # 0x12: auto number, also 8 units
    assert preview_file(write_file("x.hwp", data)).text.splitlines() == ["앞뒤", "자동 번호 뒤"]


def test_table_rows_become_tab_separated_lines(write_file: WriteFile) -> None:
    table = HwpTable([["구분", "지원 내용"], ["일반", "최대 5천만 원"]])
    data = build_hwp([["표 앞 문단", table, "표 뒤 문단"]])
    lines = preview_file(write_file("tbl.hwp", data)).text.splitlines()
    assert lines == ["표 앞 문단", "구분\t지원 내용", "일반\t최대 5천만 원", "표 뒤 문단"]


def test_long_paragraph_uses_the_extended_record_size(write_file: WriteFile) -> None:
    long_text = "가나다라마바사아자차카타파하" * 200  # 2,800 characters: a 5,602-byte record
    data = build_hwp([[long_text, "다음 문단"]])
    assert preview_file(write_file("long.hwp", data)).text.splitlines() == [long_text, "다음 문단"]


def test_compound_file_without_fileheader_is_unsupported_ole(write_file: WriteFile) -> None:
    path = write_file("old.doc", build_cfb({"WordDocument": b"\x00" * 5000}))
    with pytest.raises(PreviewError, match=r"^unsupported file type: ole"):
        preview_file(path)


def test_bad_fileheader_signature_is_corrupt(write_file: WriteFile) -> None:
    data = build_cfb({"FileHeader": b"NOT HWP".ljust(256, b"\x00"), "BodyText/Section0": b""})
    with pytest.raises(PreviewError, match="no HWP signature"):
        preview_file(write_file("bad.hwp", data))


def test_section_that_does_not_inflate_is_corrupt(write_file: WriteFile) -> None:
    data = build_cfb({"FileHeader": file_header(flags=1), "BodyText/Section0": b"\xff\xff\xff\xff not deflate"})
    with pytest.raises(PreviewError, match=r"^corrupt HWP: section 0 does not inflate"):
        preview_file(write_file("z.hwp", data))


def test_section_inflating_past_the_cap_is_read_in_part(write_file: WriteFile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("noticetui.previews.hwp.MAX_SECTION_BYTES", 200)
    data = build_hwp([[f"문단 {n}" for n in range(100)]])
    preview = preview_file(write_file("cap.hwp", data))
    assert preview.text.splitlines()[0] == "문단 0"
    assert "문단 99" not in preview.text
    assert preview.truncated
    assert "section 0 cut short" in preview.note


def test_escape_sequences_in_hwp_text_are_stripped(write_file: WriteFile) -> None:
    records = hwp_record(HWPTAG_PARA_TEXT, 1, "안녕\x1b[31m빨강\u202e".encode("utf-16-le") + b"\r\x00")
    data = build_cfb({"FileHeader": file_header(flags=0), "BodyText/Section0": records})
    assert preview_file(write_file("esc.hwp", data)).text == "안녕[31m빨강"


# --- the record layer ----------------------------------------------------------------------------------


def test_record_header_fields_are_unpacked() -> None:
    data = struct.pack("<I", 67 | 3 << 10 | 4 << 20) + b"abcd"
    assert list(iter_records(data)) == [Record(67, 3, b"abcd")]


def test_extended_size_follows_a_size_field_of_0xfff() -> None:
    payload = bytes(range(256)) * 20
    data = struct.pack("<II", 66 | 0xFFF << 20, len(payload)) + payload + struct.pack("<I", 67)
    assert [(r.tag, len(r.payload)) for r in iter_records(data)] == [(66, 5120), (67, 0)]


def test_record_cut_short_raises_unless_data_is_partial() -> None:
    data = struct.pack("<I", 67 | 100 << 20) + b"short"
    with pytest.raises(RecordError):
        list(iter_records(data))
    assert list(iter_records(data, partial=True)) == []


def test_para_text_skips_controls_found_only_at_even_offsets() -> None:
    # U+0100 is bytes 00 01: the 01 00 across two characters must not be read as a control.
    payload = "\u0100\u0100".encode("utf-16-le") + encode_para_text("\u0100")
    assert para_text(payload) == "\u0100\u0100\u0100"


def test_para_text_with_odd_length_drops_the_stray_byte() -> None:
    assert para_text("공고".encode("utf-16-le") + b"\x41") == "공고"


def test_caption_before_the_table_body_stays_a_paragraph() -> None:
    records = [
        Record(71, 1, b" lbt" + b"\x00" * 40),
        Record(72, 2, b"\x00" * 8),  # caption list header: before the TABLE record
        Record(66, 2, b""),
        Record(HWPTAG_PARA_TEXT, 3, encode_para_text("표 1. 지원 규모")),
        Record(77, 2, struct.pack("<IHH", 0, 1, 1)),
        Record(72, 2, struct.pack("<HHIHH", 1, 0, 0, 0, 0)),
        Record(HWPTAG_PARA_TEXT, 3, encode_para_text("셀")),
        Record(66, 0, b""),
        Record(HWPTAG_PARA_TEXT, 1, encode_para_text("다음")),
    ]
    assert list(section_lines(records)) == ["표 1. 지원 규모", "셀", "다음"]


# --- the test writer itself ------------------------------------------------------------------------------


def test_cfb_writer_output_reads_back_through_olefile() -> None:
    streams = {
        "Small": b"x" * 100,  # mini stream
        "Big": bytes(range(256)) * 20,  # regular sectors
        "Store/Inner/Deep": b"deep",
        "Empty": b"",
        **{f"S{n}": bytes([n]) * n for n in range(1, 20)},  # enough siblings for a multi-level tree
    }
    ole = olefile.OleFileIO(io.BytesIO(build_cfb(streams)))
    for path, data in streams.items():
        assert ole.openstream(path).read() == data


def test_cfb_writer_hwp_sections_are_raw_deflate() -> None:
    ole = olefile.OleFileIO(io.BytesIO(build_hwp([["압축"]], compressed=True)))
    raw = zlib.decompress(ole.openstream("BodyText/Section0").read(), -15)
    texts = [para_text(r.payload) for r in iter_records(raw) if r.tag == HWPTAG_PARA_TEXT]
    assert texts == ["압축"]


def test_character_limit_stops_reading_and_marks_truncated(write_file: WriteFile) -> None:
    data = build_hwp([[f"문단 {n:02d}" for n in range(50)], ["다음 구역"]])
    preview = preview_file(write_file("many.hwp", data), max_chars=30)
    assert preview.text.startswith("문단 00\n문단 01")
    assert len(preview.text) <= 30
    assert preview.truncated
    assert preview.note == "HWP 5.0.3.0, stopped in section 1 of 2: character limit"


def test_paragraph_without_text_record_is_a_blank_line() -> None:
    records = [
        Record(66, 0, struct.pack("<I", 5) + b"\x00" * 18),
        Record(HWPTAG_PARA_TEXT, 1, encode_para_text("첫째")),
        Record(66, 0, struct.pack("<I", 0x80000001) + b"\x00" * 18),  # only the paragraph break
        Record(66, 0, struct.pack("<I", 3) + b"\x00" * 18),
        Record(HWPTAG_PARA_TEXT, 1, encode_para_text("셋째")),
    ]
    assert list(section_lines(records)) == ["첫째", "", "셋째"]


def test_empty_paragraphs_of_a_built_file_survive_as_one_blank_line(write_file: WriteFile) -> None:
    data = build_hwp([["제목", "", "본문"]])
    assert preview_file(write_file("blank.hwp", data)).text == "제목\n\n본문"


def test_the_remark_is_in_korean_in_a_korean_run(write_file: WriteFile) -> None:
    from noticetui.i18n import set_language

    set_language("ko")  # the suite's autouse fixture sets English again
    preview = preview_file(write_file("s.hwp", build_hwp([["첫째"], ["둘째"]])))
    assert preview.note == "HWP 5.0.3.0, 구역 2개"
