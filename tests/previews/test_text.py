"""Text and CSV previews: charset detection and column alignment."""

from __future__ import annotations

from wcwidth import wcswidth

from noticetui.previews import preview_file
from noticetui.previews.text import align_csv, decode_text

from .conftest import WriteFile

KOREAN = "공지사항: 2026년 상반기 채용 안내\n접수 기간 3월 2일~20일\n"


def test_utf8_text_is_decoded_as_utf8(write_file: WriteFile) -> None:
    preview = preview_file(write_file("a.txt", KOREAN.encode()))
    assert preview.text == KOREAN.strip("\n")
    assert preview.note == "utf-8"


def test_cp949_text_is_decoded_as_cp949(write_file: WriteFile) -> None:
    preview = preview_file(write_file("a.txt", KOREAN.encode("cp949")))
    assert preview.text == KOREAN.strip("\n")
    assert preview.note == "cp949"


def test_utf8_bom_is_removed(write_file: WriteFile) -> None:
    assert preview_file(write_file("b.txt", b"\xef\xbb\xbf" + "안내".encode())).text == "안내"


def test_utf16_with_bom_is_decoded(write_file: WriteFile) -> None:
    preview = preview_file(write_file("w.txt", "\ufeff윈도우 메모장".encode("utf-16-le")))
    assert preview.text == "윈도우 메모장"
    assert preview.note == "utf-16-le"


def test_undecodable_bytes_fall_back_to_latin1() -> None:
    # 0x81 0x20 is invalid in UTF-8 and in CP949 (0x20 cannot follow a lead byte).
    assert decode_text(b"caf\xe9 \x81 ok") == ("caf\xe9 \x81 ok", "latin-1")


def test_prefix_cut_inside_a_character_still_decodes_as_utf8() -> None:
    data = "가나다".encode()
    assert decode_text(data[:-1], complete=False) == ("가나", "utf-8")


def test_crlf_line_ends_become_lf(write_file: WriteFile) -> None:
    assert preview_file(write_file("crlf.txt", b"one\r\ntwo\rthree")).text == "one\ntwo\nthree"


def test_large_text_file_is_truncated_at_max_chars(write_file: WriteFile) -> None:
    preview = preview_file(write_file("big.txt", ("가" * 1000).encode()), max_chars=100)
    assert preview.text == "가" * 100
    assert preview.truncated


def test_csv_columns_line_up_by_display_width(write_file: WriteFile) -> None:
    data = "이름,부서,전화\n김철수,기획재정과,02-111-2222\nLee,IT,010-1234-5678\n".encode("cp949")
    lines = preview_file(write_file("list.csv", data)).text.splitlines()
    assert [line.split() for line in lines] == [
        ["이름", "부서", "전화"],
        ["김철수", "기획재정과", "02-111-2222"],
        ["Lee", "IT", "010-1234-5678"],
    ]
    # The third column starts at the same terminal column on every line.
    starts = {wcswidth(line[: line.index(line.split()[2])]) for line in lines}
    assert len(starts) == 1


def test_csv_quoted_cells_keep_their_commas() -> None:
    assert align_csv('a,b\n"1,000",x\n').splitlines() == ["a      b", "1,000  x"]


def test_text_that_is_not_csv_is_left_alone() -> None:
    text = "just one line of prose"
    assert align_csv(text) == text
