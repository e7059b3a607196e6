"""Column widths: whole words first, room taken from columns with slack, stacking before cutting words."""

from __future__ import annotations

from noticetui.render import render_html, to_plain
from noticetui.render.document import Table
from noticetui.render.grid import MIN_CAP, Bounds, column_bounds, fit_columns, place
from noticetui.render.measure import measure

from .helpers import widest

# The head of a press release (보도자료): four columns whose longest words add up to 34 cells.
INFO = (
    "<table><tr><th>보도일시</th><td>2025. 3. 5.(수) 배포 즉시</td><th>담당부서</th><td>일자리정책과</td></tr>"
    "<tr><th>담 당 자</th><td>김민수 주무관</td><th>연 락 처</th><td>02-1234-5678</td></tr></table>"
)


def plain(html: str, width: int) -> str:
    return to_plain(render_html(html), width)


def grid_rows(out: str) -> list[list[str]]:
    """The cell texts of each drawn grid line."""
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in out.split("\n") if line.startswith("│")]


def wide_table(long_cells: int) -> str:
    """Six columns of two-syllable cells; ``long_cells`` rows carry a 20-letter word in their last cell."""
    head = "<tr>" + "<th>구분</th>" * 6 + "</tr>"
    rows = [
        "<tr>" + "<td>가나</td>" * 5 + f"<td>{'abcdefghijklmnopqrst' if r < long_cells else '다라'}</td></tr>"
        for r in range(4)
    ]
    return "<table>" + head + "".join(rows) + "</table>"


def test_longest_word_of_a_column_is_not_capped() -> None:
    doc = render_html("<table><tr><td>가</td><td>일자리정책과</td></tr></table>")
    table = doc.blocks[0]
    assert isinstance(table, Table)
    grid = place(table)
    bounds = column_bounds(grid, {i: measure(p.cell.blocks) for i, p in enumerate(grid.cells)})
    assert bounds.words == [2, 12]
    assert bounds.least == [2, MIN_CAP]


def test_natural_widths_are_used_when_they_fit() -> None:
    assert fit_columns(Bounds([4, 6], [4, 6], [10, 20]), 40) == [10, 20]


def test_every_column_gets_its_longest_word_and_slack_goes_where_it_is_wanted() -> None:
    widths = fit_columns(Bounds([8, 6, 8, 12], [8, 6, 8, 10], [8, 25, 8, 12]), 40)
    assert widths == [8, 12, 8, 12]


def test_when_not_all_words_fit_the_cheapest_columns_get_theirs_first() -> None:
    widths = fit_columns(Bounds([4, 20, 15], [4, 10, 10], [4, 30, 15]), 30)
    assert widths is not None and sum(widths) == 30
    assert widths[0] == 4 and widths[2] == 15


def test_no_widths_when_even_the_capped_minimum_does_not_fit() -> None:
    assert fit_columns(Bounds([12, 12], [10, 10], [30, 30]), 19) is None


def test_narrow_pane_gives_a_column_its_word_from_a_column_with_slack() -> None:
    out = plain(INFO, 53)
    cells = [cell for row in grid_rows(out) for cell in row]
    assert "일자리정책과" in cells and "02-1234-5678" in cells
    assert widest(out) <= 53


def test_small_table_is_stacked_rather_than_cut_a_word() -> None:
    out = plain(INFO, 45)
    assert "┌" not in out
    lines = out.split("\n")
    assert "담당부서: 일자리정책과" in lines and "연 락 처: 02-1234-5678" in lines


def test_small_table_with_one_word_to_cut_is_stacked() -> None:
    html = f"<table><tr><td>가나</td><td>다라</td><td>{'x' * 30}</td></tr></table>"
    out = plain(html, 40)
    assert "┌" not in out and "x" * 30 in out.split("\n")


def test_wide_table_keeps_its_grid_when_few_cells_cut_a_word() -> None:
    out = plain(wide_table(long_cells=2), 54)
    assert out.startswith("┌")
    assert "abcdefghijklmnopqrst" not in out  # cut inside its cell, every letter still shown
    assert "".join(row[-1] for row in grid_rows(out)[1:3]) == "abcdefghijklmnopqrst"


def test_wide_table_is_stacked_when_many_cells_would_cut_a_word() -> None:
    out = plain(wide_table(long_cells=3), 54)
    assert "┌" not in out
    assert out.split("\n").count("구분: abcdefghijklmnopqrst") == 3


def test_word_too_long_for_any_line_does_not_force_stacking() -> None:
    url = "https://www.example.go.kr/upload/" + "x" * 40 + ".pdf"
    out = plain(f"<table><tr><td>첨부</td><td>{url}</td></tr></table>", 40)
    assert out.startswith("┌") and widest(out) <= 40
