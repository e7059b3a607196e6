"""Where inline images go in a laid-out body, and how the body is cut around them (no app needed)."""

from __future__ import annotations

from noticetui.render import Document, render_html, to_rich
from noticetui.tui.image_layout import MAX_IMAGES, image_lines, shown_images, split_lines

BASE = "http://site.kr/bbs/view?id=1"


def laid_out(html: str, width: int = 40) -> tuple[Document, list[str], list[int]]:
    """The document, its lines at ``width``, and the line each shown image goes below."""
    doc = render_html(html, BASE)
    text = to_rich(doc, width)
    return doc, text.plain.split("\n"), image_lines(text, shown_images(doc))


def test_an_image_goes_below_its_placeholder_and_above_its_caption() -> None:
    _doc, lines, cuts = laid_out('<p>앞 문단</p><p><img src="/a.jpg" alt="조감도"></p><p>▲ 사업 조감도</p>')
    assert lines[cuts[0]] == "[image 1: 조감도]"
    assert "▲ 사업 조감도" in lines[cuts[0] + 1 :]


def test_a_wrapped_alt_text_puts_the_image_below_its_last_line() -> None:
    alt = "시청 앞 광장에서 열린 청년 창업 박람회 [현장] 개막식 모습을 위에서 내려다본 사진"
    _doc, lines, cuts = laid_out(f'<p><img src="/a.jpg" alt="{alt}"></p><p>다음 문단</p>', width=30)
    assert lines[cuts[0]].endswith("사진]")
    assert cuts[0] > 0 and lines[0].startswith("[image 1:")


def test_an_image_in_a_table_cell_goes_below_the_whole_table() -> None:
    cells = '<tr><td><img src="/a.jpg" alt="지도"></td><td>위치</td></tr><tr><td>1</td><td>2</td></tr>'
    html = f"<table>{cells}</table>"
    _doc, lines, cuts = laid_out(f"{html}<p>표 다음</p>")
    assert lines[cuts[0]].startswith("└")  # the grid's bottom border
    assert not any(line.startswith("│") for line in lines[cuts[0] + 1 :])


def test_two_images_on_one_line_share_it_and_leave_an_empty_piece_between() -> None:
    html = '<p><img src="/a.jpg" alt="A"><img src="/b.jpg" alt="B"></p><p>끝</p>'
    _doc, _lines, cuts = laid_out(html)
    assert cuts[0] == cuts[1]
    text = to_rich(render_html(html, BASE), 40)
    pieces = split_lines(text, cuts)
    assert [p.end - p.first for p in pieces][1] == 0 and pieces[1].text.plain == ""


def test_the_pieces_hold_every_line_once_in_order() -> None:
    html = "".join(f'<p>문단 {n}</p><p><img src="/{n}.jpg" alt="사진 {n}"></p>' for n in range(3))
    doc = render_html(html, BASE)
    text = to_rich(doc, 40)
    pieces = split_lines(text, image_lines(text, shown_images(doc)))
    assert len(pieces) == 4
    assert "\n".join(p.text.plain for p in pieces if p.end > p.first) == text.plain
    assert [p.first for p in pieces[1:]] == [p.end for p in pieces[:-1]]


def test_the_pieces_keep_the_styles() -> None:
    doc = render_html('<p><b>굵게</b></p><p><img src="/a.jpg" alt="A"></p><p><b>뒤</b></p>', BASE)
    text = to_rich(doc, 40)
    pieces = split_lines(text, image_lines(text, shown_images(doc)))
    assert any(span.style and "bold" in str(span.style) for span in pieces[-1].text.spans)


def test_page_text_that_looks_like_a_placeholder_before_it_does_not_move_a_later_image() -> None:
    html = '<p>그림 [image 2: 가짜] 설명</p><p><img src="/a.jpg" alt="A"></p><p><img src="/b.jpg" alt="B"></p>'
    _doc, lines, cuts = laid_out(html)
    assert lines[cuts[1]] == "[image 2: B]"


def test_only_fetchable_images_are_shown_and_at_most_eight() -> None:
    many = "".join(f'<img src="/{n}.jpg" alt="{n}">' for n in range(12))
    doc = render_html(f'<p><img alt="주소 없음"><img src="javascript:x">{many}</p>', BASE)
    shown = shown_images(doc)
    assert len(shown) == MAX_IMAGES == 8
    assert [image.number for image in shown] == list(range(3, 11))
    assert shown_images(render_html('<p><img src="data:image/png;base64,iVBORw0KGgo="></p>', BASE))
