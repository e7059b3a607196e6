"""Lists: bullets by depth, numbering, start/type/reversed/value, hanging indent."""

from __future__ import annotations

from noticetui.render import render_html, to_plain


def plain(html: str, width: int = 80) -> str:
    return to_plain(render_html(html), width)


def test_unordered_list_items_get_bullets() -> None:
    assert plain("<ul><li>하나</li><li>둘</li></ul>") == "• 하나\n• 둘"


def test_nested_lists_are_indented_with_other_bullets() -> None:
    out = plain("<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>")
    assert out == "• a\n  ◦ b\n    ▪ c"


def test_ordered_list_is_numbered() -> None:
    assert plain("<ol><li>하나</li><li>둘</li></ol>") == "1. 하나\n2. 둘"


def test_ordered_list_honours_start() -> None:
    assert plain('<ol start="9"><li>a</li><li>b</li></ol>') == " 9. a\n10. b"


def test_ordered_list_honours_type() -> None:
    assert plain('<ol type="a"><li>x</li><li>y</li></ol>') == "a. x\nb. y"
    assert plain('<ol type="I"><li>x</li><li>y</li><li>z</li><li>w</li></ol>').split("\n")[-1] == " IV. w"


def test_reversed_list_counts_down() -> None:
    assert plain("<ol reversed><li>a</li><li>b</li><li>c</li></ol>") == "3. a\n2. b\n1. c"


def test_li_value_resets_the_count() -> None:
    assert plain('<ol><li>a</li><li value="5">b</li><li>c</li></ol>') == "1. a\n5. b\n6. c"


def test_wrapped_item_text_hangs_under_the_text() -> None:
    out = plain("<ul><li>가나다 라마바 사아자 차카타</li></ul>", width=12)
    assert out == "• 가나다\n  라마바\n  사아자\n  차카타"


def test_list_written_beside_li_nests_under_previous_item() -> None:
    assert plain("<ul><li>바깥</li><ul><li>안</li></ul></ul>") == "• 바깥\n  ◦ 안"


def test_list_is_set_apart_from_paragraphs() -> None:
    assert plain("<p>앞</p><ul><li>a</li></ul><p>뒤</p>") == "앞\n\n• a\n\n뒤"
