"""A press release (보도자료) pasted from HWP/Word: every character of it must survive the cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from noticetui.render import render_html, to_plain, to_rich
from noticetui.render.document import DECORATION, Mark
from noticetui.render.layout import layout

from .helpers import collapse, content_text, non_space, text_nodes, widest

SOURCE = (Path(__file__).parent / "golden" / "press_release.html").read_text(encoding="utf-8")
BASE = "https://www.hanbit.go.kr/bbs/board.php?bo_table=press&wr_id=101"
PANE_WIDTHS = [53, 76, 116]
"""The TUI's detail pane at 80×24, full screen at 80 columns, and at 120 columns."""


@pytest.mark.parametrize("width", [80, 120])
def test_every_text_node_appears_character_for_character(width: int) -> None:
    out = collapse(to_plain(render_html(SOURCE, BASE), width))
    missing = [node for node in text_nodes(SOURCE) if node not in out]
    assert missing == []


@pytest.mark.parametrize("width", [80, 120])
def test_no_visible_character_is_lost_or_invented(width: int) -> None:
    doc = render_html(SOURCE, BASE)
    assert non_space(content_text(layout(doc, width))) == non_space(" ".join(text_nodes(SOURCE)))


def test_no_visible_character_is_lost_when_tables_are_stacked() -> None:
    # At 40 columns the 4-column table is shown row by row: header names repeat as labels.
    doc = render_html(SOURCE, BASE)
    shown = non_space(content_text(layout(doc, 40), exclude=DECORATION & ~(Mark.LABEL | Mark.REPEAT)))
    assert non_space(" ".join(text_nodes(SOURCE))) <= shown


@pytest.mark.parametrize("width", [40, 80, 120])
def test_no_line_exceeds_the_width(width: int) -> None:
    assert widest(to_plain(render_html(SOURCE, BASE), width)) <= width


def test_office_noise_does_not_show() -> None:
    out = to_plain(render_html(SOURCE, BASE))
    for noise in ("mso-", "MsoNormal", "o:p", "TrackMoves", "Normal", "표준 표", "supportLists", "endif"):
        assert noise not in out


def test_smart_quotes_and_numeric_references_are_decoded() -> None:
    out = to_plain(render_html(SOURCE, BASE), 120)
    assert "“2025년 청년 창업 지원사업”" in out and "‘전담 멘토링’" in out and "☎ 02-1234-5678" in out


def test_photo_caption_is_recorded_and_shown() -> None:
    doc = render_html(SOURCE, BASE)
    assert doc.images[0].caption == "▲ 박지영 한빛시장(가운데)이 지난 4일 청년 창업가들과 간담회를 하고 있다."
    assert doc.images[0].src == "https://www.hanbit.go.kr/data/editor/2503/20250305_startup.jpg"


def test_footnote_lines_stay_as_written() -> None:
    lines = to_plain(render_html(SOURCE, BASE)).split("\n")
    assert "* 창업기업: 「중소기업창업 지원법」 제2조에 따른 업력 7년 이내 기업" in lines
    assert "** 자세한 사항은 일자리정책과(☎ 02-1234-5678)로 문의" in lines


def test_tables_are_drawn_with_the_header_rule() -> None:
    out = to_plain(render_html(SOURCE, BASE))
    assert "│  구분  │          지원 대상           │    지원 금액    │    비고     │" in out
    assert "╞════════╪" in out


def test_bold_title_is_bold_in_rich_output() -> None:
    text = to_rich(render_html(SOURCE, BASE), 100)
    start = text.plain.index("보도자료")
    assert any(span.start <= start < span.end and "bold" in str(span.style) for span in text.spans)


def table_words() -> list[str]:
    """Every word written in a table cell of the press release."""
    tree = LexborHTMLParser(SOURCE)
    return [word for cell in tree.css("td, th") for word in cell.text().replace("\xa0", " ").split()]


@pytest.mark.parametrize("width", PANE_WIDTHS)
def test_table_words_are_never_cut_at_the_tui_pane_widths(width: int) -> None:
    # Only the grid lines: the footnote repeats 일자리정책과 and the phone number outside the table.
    lines = [line for line in to_plain(render_html(SOURCE, BASE), width).split("\n") if line.startswith("│")]
    cut = [word for word in table_words() if not any(word in line for line in lines)]
    assert cut == []


@pytest.mark.parametrize("width", PANE_WIDTHS)
def test_tables_stay_grids_at_the_tui_pane_widths(width: int) -> None:
    out = to_plain(render_html(SOURCE, BASE), width)
    assert out.count("┌") == 2 and widest(out) <= width


@pytest.mark.parametrize("width", PANE_WIDTHS)
def test_rich_and_plain_output_are_laid_out_alike(width: int) -> None:
    doc = render_html(SOURCE, BASE)
    assert to_rich(doc, width).plain == to_plain(doc, width)
