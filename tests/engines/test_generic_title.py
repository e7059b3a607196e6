"""The generic post title: the heading in the body's own container beats a section name <title> repeats."""

from __future__ import annotations

from noticetui.engines.base import parse_html
from noticetui.engines.generic.body import find_body
from noticetui.engines.generic.post import find_title


def test_the_posts_own_heading_beats_the_section_name_the_page_title_repeats() -> None:
    doc = parse_html(
        "<html><head><title>공연소식 | 한솔문화예술회관</title></head><body><div id='content'>"
        "<h2 class='page-title'>공연소식</h2><div class='view-wrap'><h3 class='view-title'>합창단 정기연주회</h3>"
        "<div class='view-body'><p>한솔 시립합창단의 정기연주회에 시민 여러분을 초대합니다. 많은 관람 바랍니다.</p>"
        "<p>일시는 12월 12일 토요일 오후 다섯 시, 장소는 대공연장입니다. 예매는 누리집에서 받습니다.</p></div>"
        "</div></div></body></html>"
    )
    title, _node = find_title(doc, find_body(doc))
    assert title == "합창단 정기연주회"
