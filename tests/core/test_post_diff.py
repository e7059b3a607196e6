"""The diff of two versions of a post, as the reader sees them (rendered text, not markup)."""

from rich.cells import cell_len

from noticetui.post_diff import DiffLine, diff_lines, unified, version_text


def test_version_text_is_the_title_then_the_rendered_body() -> None:
    lines = version_text("공고", "<p>첫 문단</p><p>둘째 <b>문단</b></p>", "http://x.kr/")
    assert lines[0] == "공고" and lines[1] == ""
    assert "첫 문단" in lines and "둘째 문단" in lines


def test_page_text_cannot_carry_escape_sequences_into_the_diff() -> None:
    lines = version_text("제목\x1b[31m빨강", "<p>본문\x1b]52;c;aGk=\x07</p>", "http://x.kr/")
    assert not any("\x1b" in line or "\x07" in line for line in lines)


def test_diff_lines_mark_added_and_removed_lines_with_context() -> None:
    old = ["제목", "", "a", "b", "c"]
    new = ["제목", "", "a", "B", "c"]
    got = diff_lines(old, new, context=1)
    assert got[0].kind == "hunk"
    assert got[1:] == [
        DiffLine("same", "a"),
        DiffLine("removed", "b"),
        DiffLine("added", "B"),
        DiffLine("same", "c"),
    ]


def test_a_removed_line_that_starts_with_dashes_is_not_taken_for_a_header() -> None:
    got = diff_lines(["x", "--- 참고 ---"], ["x"])
    assert DiffLine("removed", "--- 참고 ---") in got


def test_unified_names_both_versions_and_is_empty_without_change() -> None:
    text = unified(["a"], ["b"], "previous", "current")
    assert text.splitlines()[:2] == ["--- previous", "+++ current"]
    assert "-a" in text.splitlines() and "+b" in text.splitlines()
    assert unified(["a"], ["a"], "previous", "current") == ""


def test_version_text_keeps_a_tables_columns_lined_up() -> None:
    table = "<table><tr><th>구분</th><th>내용</th></tr><tr><td>사업명</td><td>지역특화산업 육성사업</td></tr></table>"
    rows = [line for line in version_text("공고", table, "http://x.kr/") if line.startswith(("│", "┌", "├", "└"))]
    assert len(rows) >= 4 and len({cell_len(row) for row in rows}) == 1  # every row as wide as the borders
