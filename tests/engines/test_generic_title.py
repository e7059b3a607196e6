"""The generic post title: the heading in the body's own container beats a section name <title> repeats."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("cell", ["<td colspan='3' class='subject'>", "<td colspan='3'>"])
def test_a_one_line_body_in_a_facts_table_is_the_body_and_its_labelled_title_wins(cell: str) -> None:
    """A short notice in a ``th``/``td`` view table: the labels and their values outweighed the body's one
    paragraph, so the box around the table became the "body" and the section heading its title."""
    doc = parse_html(
        "<html><head><title>회원가입 안내 &lt; 고시공고 &lt; 한빛시청</title></head><body>"
        "<div id='content'><div class='location'>홈 &gt; 열린시정 &gt; 고시공고</div>"
        "<h3 class='cont_title'>고시공고</h3><table class='bbs-view'><caption>게시글 상세 보기</caption><tbody>"
        f"<tr><th scope='row'>제 목</th>{cell}통합관리시스템 회원가입 안내</td></tr>"
        "<tr><th>담당부서</th><td>지역경제과 기업지원팀</td><th>게시일</th><td>2026.04.07</td></tr>"
        "<tr><th>조회수</th><td>1,041</td><th>첨부파일</th><td>없음</td></tr>"
        "<tr><td colspan='4' class='view-cont'><p>지원사업은 통합관리시스템에서 신청합니다.</p></td></tr>"
        "</tbody></table></div></body></html>"
    )
    body = find_body(doc)
    assert body is not None and body.text().strip() == "지원사업은 통합관리시스템에서 신청합니다."
    title, _node = find_title(doc, body)
    assert title == "통합관리시스템 회원가입 안내"
