"""Block structure: paragraphs, breaks, headings, spacers, hidden content, pre."""

from __future__ import annotations

from noticetui.render import render_html, to_plain


def plain(html: str, width: int = 80, base: str = "") -> str:
    return to_plain(render_html(html, base), width)


def test_whitespace_collapses_like_a_browser() -> None:
    assert plain("<p>  가나\n\t  다라   <b> 마바 </b>  사 </p>") == "가나 다라 마바 사"


def test_nbsp_is_kept_as_a_space_and_not_collapsed() -> None:
    assert plain("<p>가&nbsp;&nbsp;&nbsp;나</p>") == "가   나"


def test_br_breaks_the_line() -> None:
    assert plain("<p>첫째<br>둘째</p>") == "첫째\n둘째"


def test_a_final_br_adds_no_empty_line() -> None:
    assert plain("<div>첫째<br></div><div>둘째</div>") == "첫째\n둘째"


def test_paragraphs_are_set_apart_by_one_blank_line() -> None:
    assert plain("<p>하나</p><p>둘</p>") == "하나\n\n둘"


def test_divs_are_blocks_without_margins() -> None:
    assert plain("<div>하나</div><div>둘<div>안</div>끝</div>") == "하나\n둘\n안\n끝"


def test_many_brs_give_one_blank_line() -> None:
    assert plain("<p>위<br><br><br><br>아래</p>") == "위\n\n아래"


def test_nbsp_spacer_paragraphs_collapse_to_one_blank_line() -> None:
    html = "<p>위</p><p>&nbsp;</p><p>&nbsp;</p><p><span>&nbsp;</span></p><p>아래</p>"
    assert plain(html) == "위\n\n아래"


def test_editor_spaced_paragraphs_read_as_lines() -> None:
    # An editor that spaces with <p>&nbsp;</p> gives its paragraphs no margin.
    html = "<p>첫 줄</p><p>둘째 줄</p><p>&nbsp;</p><p>새 문단</p>"
    assert plain(html) == "첫 줄\n둘째 줄\n\n새 문단"


def test_nbsp_in_table_cells_does_not_make_the_post_compact() -> None:
    html = "<p>하나</p><p>둘</p><table><tr><td>&nbsp;</td><td>칸</td></tr></table>"
    assert plain(html).startswith("하나\n\n둘\n\n┌")


def test_never_more_than_one_blank_line() -> None:
    html = "<p>a</p><p>&nbsp;</p><br><br><hr><p>&nbsp;</p><h2>b</h2><p><br><br></p><div><br></div><p>c</p>"
    out = plain(html)
    assert "\n\n\n" not in out
    assert not out.startswith("\n") and not out.endswith("\n")


def test_headings_are_set_apart_and_h1_underlined() -> None:
    out = plain("<p>앞</p><h1>제목</h1><p>뒤</p>")
    assert out == "앞\n\n제목\n════\n\n뒤"


def test_h3_is_set_apart_without_underline() -> None:
    assert plain("앞<h3>소제목</h3>뒤") == "앞\n\n소제목\n\n뒤"


def test_hr_is_a_full_width_rule() -> None:
    assert plain("<p>a</p><hr><p>b</p>", width=20) == "a\n\n" + "─" * 20 + "\n\nb"


def test_pre_keeps_whitespace_and_expands_tabs() -> None:
    out = plain("<pre>a  b\n\tc\n  d</pre>")
    assert out == "a  b\n        c\n  d"


def test_textarea_body_is_shown_as_written() -> None:
    # eGov pages put the body in a readonly <textarea>.
    assert plain("<textarea readonly>첫 줄\n  둘째 줄 &lt;b&gt;</textarea>") == "첫 줄\n  둘째 줄 <b>"


def test_script_style_noscript_template_and_comments_are_not_shown() -> None:
    html = (
        "<script>var a='스크립트';</script><style>p{}</style><noscript>노스크립트</noscript>"
        "<template><p>템플릿</p></template><!-- 주석 --><p>본문</p>"
    )
    assert plain(html) == "본문"


def test_hidden_elements_are_not_shown() -> None:
    html = (
        '<p>보임<span hidden>a</span><span style="display: none">b</span>'
        '<span style="visibility:hidden">c</span><span style="DISPLAY:NONE">d</span></p>'
    )
    assert plain(html) == "보임"


def test_aria_hidden_hides_only_empty_icons() -> None:
    html = '<p><i class="fa fa-lock" aria-hidden="true"></i>잠금 <span aria-hidden="true">글자</span></p>'
    assert plain(html) == "잠금 글자"


def test_word_conditional_comment_sections_keep_their_text() -> None:
    html = (
        "<p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; "
        "</span></span><![endif]>첫 항목<o:p></o:p></p>"
    )
    assert plain(html) == "1. 첫 항목"


def test_word_xml_in_conditional_comments_is_not_shown() -> None:
    html = "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->본문"
    assert plain(html) == "본문"


def test_unknown_office_tags_keep_their_text() -> None:
    assert plain('<p><st1:PersonName w:st="on">홍길동</st1:PersonName> <o:p>씨</o:p></p>') == "홍길동 씨"


def test_centered_paragraph_is_centered() -> None:
    assert plain('<p align="center">가운데</p>', width=20) == " " * 7 + "가운데"


def test_right_aligned_paragraph_is_right_aligned() -> None:
    assert plain('<p style="text-align: right">끝.</p>', width=10) == " " * 7 + "끝."


def test_blockquote_lines_carry_a_bar() -> None:
    assert plain("<blockquote><p>인용</p><p>둘째</p></blockquote>") == "│ 인용\n│\n│ 둘째"


def test_definition_list_indents_definitions() -> None:
    assert plain("<dl><dt>접수처</dt><dd>민원실</dd></dl>") == "접수처\n  민원실"
