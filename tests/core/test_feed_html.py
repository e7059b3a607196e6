"""A post body as feed HTML: structure kept, everything that could run or reach outside dropped."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from noticetui.feed_html import clean_html, safe_url, summary_text

BASE = "https://www.example.go.kr/bbs/view.do?id=7"


def tags(html: str) -> list[str]:
    """The tag names of every element of ``html``, in document order."""
    body = LexborHTMLParser(html).body
    assert body is not None
    return [node.tag for node in body.traverse() if node.tag and node.tag[0] not in "-!" and node.tag != "body"]


def test_tables_stay_tables_with_their_spans() -> None:
    html = clean_html(
        '<table class="x"><tr><th colspan="2" style="width:9px">구분</th></tr><tr><td>1</td><td rowspan="2">2</td></tr></table>',
        BASE,
    )
    assert tags(html) == ["table", "tbody", "tr", "th", "tr", "td", "td"]
    assert 'colspan="2"' in html and 'rowspan="2"' in html and "style" not in html and "class" not in html


def test_links_stay_links_and_become_absolute() -> None:
    html = clean_html('<p><a href="../file.do?a=1&amp;b=2">공고문</a> <a href="#top">위로</a></p>', BASE)
    assert '<a href="https://www.example.go.kr/file.do?a=1&amp;b=2">공고문</a>' in html
    assert '<a href="https://www.example.go.kr/bbs/view.do?id=7#top">위로</a>' in html


def test_images_keep_an_absolute_source_and_alt() -> None:
    html = clean_html('<img src="/img/a.png" alt="사진" onerror="steal()">', BASE)
    assert html == '<img src="https://www.example.go.kr/img/a.png" alt="사진">'


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " java\tscript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ],
)
def test_dangerous_urls_are_dropped_but_the_text_stays(href: str) -> None:
    html = clean_html(f'<a href="{href}">링크</a><img src="{href}" alt="그림">', BASE)
    assert html == "링크"


def test_scripts_styles_frames_and_form_controls_go_with_their_content() -> None:
    html = clean_html(
        "<script>alert(1)</script><style>p{}</style><iframe src='https://x'>frame</iframe>"
        "<form action='/x'><p>양식 안 글</p><input name=q><button>보내기</button><textarea>t</textarea></form>"
        "<object data='x'>obj</object><svg><script>x</script></svg><noscript>ns</noscript>",
        BASE,
    )
    assert "양식 안 글" in html
    for word in ("alert", "frame", "보내기", "obj", "script", "ns", "<form", "<input", "<t"):
        assert word not in html


def test_event_handlers_and_unknown_attributes_are_dropped() -> None:
    html = clean_html('<p onclick="x()" style="color:red" id="a" class="b">글</p><div onmouseover=x>둘</div>', BASE)
    assert html == "<p>글</p><div>둘</div>"


def test_unknown_tags_are_unwrapped_and_their_text_kept() -> None:
    html = clean_html("<center><font color=red>빨강</font><custom-el>사용자</custom-el></center>", BASE)
    assert html == "<div>빨강 사용자</div>"


def test_text_that_looks_like_markup_stays_text() -> None:
    html = clean_html("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 더</p>", BASE)
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 더</p>"


def test_control_characters_are_dropped() -> None:
    html = clean_html('<p title="x">a\x1b[2Jb\x07c\x9bd</p><a href="https://e.kr/\x1b]2;x\x07">l</a>', BASE)
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html) is None
    assert "a[2Jbcd" in html


def test_a_body_nested_five_thousand_deep_keeps_every_word() -> None:
    depth = 5000
    body = "".join(f"<div><blockquote>w{i} " for i in range(depth)) + "바닥" + "</blockquote></div>" * depth
    html = clean_html(body, BASE)
    words = set(re.sub("<[^>]*>", " ", html).split())
    assert words >= {f"w{i}" for i in range(depth)} | {"바닥"}
    assert html.count("<div>") + html.count("<blockquote>") <= 64


def test_an_empty_body_is_empty() -> None:
    assert clean_html("  ", BASE) == "" and summary_text("", 10) == ""


def test_summary_is_one_line_without_scripts() -> None:
    text = summary_text("<p>첫 줄</p>\n<script>x()</script><table><tr><td>칸</td></tr></table><p>둘째\n줄</p>")
    assert text == "첫 줄 칸 둘째 줄"


def test_summary_is_cut_at_the_limit() -> None:
    text = summary_text("<p>" + "가" * 600 + "</p>", limit=100)
    assert len(text) == 100 and text.endswith("…")


def test_safe_url_keeps_http_https_and_mailto_only() -> None:
    assert safe_url("mailto:a@b.kr", BASE) == "mailto:a@b.kr"
    assert safe_url("//cdn.example.kr/x.png", BASE) == "https://cdn.example.kr/x.png"
    assert safe_url("ftp://x/y", BASE) is None
    assert safe_url("x.pdf", "") is None  # nothing to make it absolute against
