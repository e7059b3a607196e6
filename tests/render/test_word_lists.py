"""Lists pasted from Word: the marker Word writes out as text keeps one space before the item, not a gap."""

from __future__ import annotations

from noticetui.render import render_html, to_plain, to_rich

# The shape Word gives the clipboard (and that boards store): conditional sections as bogus comments.
WORD_ITEM = (
    "<p class=MsoListParagraph style='margin-left:38.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span lang=EN-US style='mso-list:Ignore'>{marker}<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>{text}</span></p>"
)


def plain(html: str, width: int = 80) -> str:
    return to_plain(render_html(html), width)


def test_gap_after_word_list_marker_collapses_to_one_space() -> None:
    html = WORD_ITEM.format(marker="1.", text="모집 기간") + WORD_ITEM.format(marker="2.", text="신청 방법")
    assert plain(html) == "1. 모집 기간\n\n2. 신청 방법"


def test_gap_collapses_in_the_brief_shape_without_mso_list_ignore() -> None:
    html = (
        "<p class=MsoListParagraph><![if !supportLists]><span>1.<span style='font:7.0pt \"Times New Roman\"'>"
        "&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>모집 기간</p>"
    )
    assert plain(html) == "1. 모집 기간"


def test_gap_collapses_when_the_conditionals_are_real_comments() -> None:
    html = "<p><!--[if !supportLists]-->가.&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;\n  <!--[endif]--><b>접수</b> 기간</p>"
    assert plain(html) == "가. 접수 기간"


def test_gap_collapses_in_a_mso_list_ignore_span_whose_comments_were_stripped() -> None:
    html = "<p><span style='mso-list: Ignore'>※<span style='font:7.0pt'>&nbsp;&nbsp;&nbsp; </span></span>유의</p>"
    assert plain(html) == "※ 유의"


def test_picture_bullet_conditional_does_not_end_the_marker_early() -> None:
    html = (
        "<p><![if !supportLists]><span style='mso-list:Ignore'><![if !vml]><img src='/b.gif' alt='·'>"
        "<![endif]><span>&nbsp;&nbsp;&nbsp; </span></span><![endif]>항목</p>"
    )
    assert plain(html).split("\n")[0] == "[image 1: ·] 항목"


def test_marker_of_only_spaces_is_dropped() -> None:
    html = "<p>앞&nbsp;&nbsp;<![if !supportLists]><span>&nbsp;&nbsp;&nbsp; </span><![endif]>뒤</p>"
    assert plain(html) == "앞  뒤"


def test_nbsp_outside_list_markers_is_still_one_space_each() -> None:
    html = WORD_ITEM.format(marker="1.", text="가&nbsp;&nbsp;&nbsp;나")
    assert plain(html) == "1. 가   나"


def test_other_word_conditionals_leave_spacing_alone() -> None:
    html = "<p>가<![if !vml]>&nbsp;&nbsp;&nbsp;<![endif]>나</p>"
    assert plain(html) == "가   나"


def test_marker_characters_stay_page_text_in_rich_output() -> None:
    html = WORD_ITEM.format(marker="1.", text="모집 기간")
    text = to_rich(render_html(html), 40)
    assert text.plain == "1. 모집 기간" and not text.spans
