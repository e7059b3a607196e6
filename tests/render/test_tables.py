"""Tables: grids fitted to the width, spans, header rules, nesting, unwrapping and stacking."""

from __future__ import annotations

import pytest

from noticetui.render import cell_width, render_html, to_plain
from noticetui.render.layout import layout

from .helpers import collapse, content_text, non_space, text_nodes, widest


def plain(html: str, width: int = 80) -> str:
    return to_plain(render_html(html), width)


def test_simple_table_is_a_box_drawn_grid() -> None:
    out = plain("<table><tr><td>가</td><td>b</td></tr><tr><td>c</td><td>라라</td></tr></table>")
    assert out.split("\n") == [
        "┌────┬──────┐",
        "│ 가 │ b    │",
        "├────┼──────┤",
        "│ c  │ 라라 │",
        "└────┴──────┘",
    ]


def test_korean_cells_count_two_columns_per_syllable() -> None:
    lines = plain("<table><tr><td>한글</td><td>ab</td></tr></table>").split("\n")
    assert {cell_width(line) for line in lines} == {cell_width("│ 한글 │ ab │")}


def test_header_row_is_set_apart_by_a_double_rule() -> None:
    out = plain("<table><thead><tr><th>번호</th><th>제목</th></tr></thead><tr><td>1</td><td>가</td></tr></table>")
    assert out.split("\n")[2] == "╞══════╪══════╡"
    assert out.split("\n")[1] == "│ 번호 │ 제목 │"


def test_leading_th_row_is_a_header_row_without_thead() -> None:
    out = plain("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>")
    assert "═" in out.split("\n")[2]


def test_colspan_merges_columns() -> None:
    out = plain("<table><tr><td colspan=2>합친 칸</td></tr><tr><td>a</td><td>b</td></tr></table>")
    assert out.split("\n") == [
        "┌─────────┐",
        "│ 합친 칸 │",
        "├────┬────┤",
        "│ a  │ b  │",
        "└────┴────┘",
    ]


def test_rowspan_keeps_the_cell_open_across_rows() -> None:
    out = plain("<table><tr><td rowspan=2>구분</td><td>a</td></tr><tr><td>b</td></tr></table>").split("\n")
    assert out[2].startswith("│      ├")
    assert out[3] == "│      │ b │"


def test_long_cells_wrap_and_keep_every_character() -> None:
    cell = "가나다라마바사 아자차카타파하 " * 6
    html = f"<table><tr><th>항목</th><th>내용</th></tr><tr><td>설명</td><td>{cell}</td></tr></table>"
    out = plain(html, width=40)
    assert widest(out) <= 40
    assert non_space(cell) <= non_space(out)


def test_long_url_in_a_cell_is_hard_wrapped_not_cut() -> None:
    url = "https://www.example.go.kr/upload/2025/03/" + "x" * 60 + ".pdf"
    out = plain(f"<table><tr><td>첨부</td><td>{url}</td></tr></table>", width=40)
    assert widest(out) <= 40
    assert url in "".join(line.strip("│ ").split("│")[-1].strip() for line in out.split("\n"))


def test_nested_table_is_drawn_inside_its_cell() -> None:
    html = "<table><tr><td>밖</td><td><table><tr><td>안1</td><td>안2</td></tr></table></td></tr></table>"
    lines = plain(html).split("\n")
    assert any(line.startswith("│ 밖 │ ┌") for line in lines)
    assert any("│ 안1 │ 안2 │" in line for line in lines)


def test_one_cell_layout_table_is_unwrapped() -> None:
    assert plain("<table><tr><td><p>문단 하나</p><p>문단 둘</p></td></tr></table>") == "문단 하나\n\n문단 둘"


def test_single_column_layout_table_is_unwrapped() -> None:
    assert plain("<table><tr><td>첫째</td></tr><tr><td>둘째</td></tr></table>") == "첫째\n둘째"


def test_unwrapped_header_cell_is_not_centred() -> None:
    assert plain("<table><tr><th>머리</th></tr><tr><td>몸</td></tr></table>") == "머리\n몸"


def test_presentation_table_is_unwrapped() -> None:
    assert plain('<table role="presentation"><tr><td>왼쪽</td><td>오른쪽</td></tr></table>') == "왼쪽\n오른쪽"


def test_table_too_wide_for_the_width_is_stacked_row_by_row() -> None:
    heads = "".join(f"<th>{m}월</th>" for m in range(1, 13))
    cells = "".join(f"<td>{1000 + m:,}</td>" for m in range(1, 13))
    html = f"<table><tr><th>구분</th>{heads}</tr><tr><td>민원 접수</td>{cells}</tr></table>"
    out = plain(html, width=60)
    assert "┌" not in out
    lines = out.split("\n")
    assert "구분: 민원 접수" in lines and "12월: 1,012" in lines
    assert widest(out) <= 60


def test_stacked_table_uses_row_headers_as_labels() -> None:
    html = (
        "<table><tr><th>제목</th><td>공공근로 참여자 모집</td><th>작성자</th><td>관리자</td>"
        "<th>등록일</th><td>2025-03-05</td><th>조회</th><td>1,020</td></tr></table>"
    )
    out = plain(html, width=30)
    assert out.split("\n")[1:5] == ["제목: 공공근로 참여자 모집", "작성자: 관리자", "등록일: 2025-03-05", "조회: 1,020"]


def test_stacked_rowspan_cell_is_repeated_for_each_row() -> None:
    row = "".join(f"<td>{n:05}</td>" for n in range(8))
    html = (
        f"<table><tr><th>구분</th>{'<th>값</th>' * 8}</tr><tr><td rowspan=2>공통</td>{row}</tr><tr>{row}</tr></table>"
    )
    out = plain(html, width=30)
    assert out.count("구분: 공통") == 2


@pytest.mark.parametrize("width", [30, 45, 80, 120])
def test_tables_never_exceed_the_width_nor_lose_text(width: int) -> None:
    html = (
        "<table><tr><th rowspan=2>구분</th><th colspan=2>2024년 예산 집행 현황</th></tr>"
        "<tr><th>예산</th><th>집행률(%)</th></tr>"
        "<tr><td>인건비 및 복리후생비</td><td>1,234,567,890</td><td>98.7</td></tr>"
        "<tr><td>운영비</td><td colspan=2>https://budget.example.go.kr/report/2024/operating-costs.xlsx</td></tr>"
        "</table>"
    )
    doc = render_html(html)
    out = to_plain(doc, width)
    assert widest(out) <= width
    # Every text node survives (as a whole when the grid is kept, as characters when stacked).
    assert non_space(" ".join(text_nodes(html))) <= non_space(content_text(layout(doc, width), exclude=0))


def test_grid_keeps_each_short_cell_on_one_line() -> None:
    html = "<table><tr><th>구분</th><th>내용</th></tr><tr><td>장소</td><td>한빛시청 대회의실</td></tr></table>"
    out = collapse(to_plain(render_html(html), 80))
    assert "│ 장소 │ 한빛시청 대회의실 │" in out
