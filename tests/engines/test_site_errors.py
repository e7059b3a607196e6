"""Site error pages served with status 200 are reported in the site's own words, by every engine."""

from __future__ import annotations

import pytest

from noticetui.engines import all_engines
from noticetui.engines.base import parse_html
from noticetui.engines.common.site_errors import site_error, stated_error

_FRAME = (
    "<html><head><title>한솔시청</title></head><body><header id='header'><ul class='gnb'><li><a href='/a'>시정소식</a>"
    "</li><li><a href='/b'>열린시장실</a></li><li><a href='/c'>분야별정보</a></li></ul></header>"
    "<div id='container'><div class='lnb'><a href='/n'>공지사항</a><a href='/p'>보도자료</a></div>"
    "<div id='contents'>{}</div></div><footer id='footer'>(12345) 한솔시 중앙로 1 한솔시청 대표전화 031-000-0000"
    "</footer></body></html>"
)
ERROR_PAGES = {
    "missing": (_FRAME.format("<div class='error_box'><p>해당 게시물이 존재하지 않습니다.</p></div>"), "해당 게시물이 존재하지 않습니다."),
    "bad-access": (_FRAME.format("<div class='msg'><strong>잘못된 접근입니다.</strong></div>"), "잘못된 접근입니다."),
    "deleted": (_FRAME.format("<p class='txt'>삭제된 게시물입니다.</p><a href='/n'>목록</a>"), "삭제된 게시물입니다."),
    "no-permission": (_FRAME.format("<div><h3>안내</h3><p>글을 읽을 권한이 없습니다.</p></div>"), "글을 읽을 권한이 없습니다."),
    "alert-back": (
        _FRAME.format("<script>alert('존재하지 않는 게시물입니다.'); history.back();</script>") * 1,
        "존재하지 않는 게시물입니다.",
    ),
    "bare-alert": ("<script>alert('비밀글은 작성자만 볼 수 있습니다.');location.href='/';</script>", "비밀글은 작성자만"),
}  # fmt: skip


@pytest.mark.parametrize("engine", sorted(all_engines()))
@pytest.mark.parametrize("case", sorted(ERROR_PAGES))
def test_every_engine_reports_a_site_error_page_in_its_words(engine: str, case: str) -> None:
    html, words = ERROR_PAGES[case]
    reason = all_engines()[engine].is_failure_page(parse_html(html))
    assert reason is not None and words in reason


def test_empty_list_is_not_an_error() -> None:
    page = _FRAME.format("<table><tr><th>제목</th></tr><tr><td>등록된 게시물이 존재하지 않습니다.</td></tr></table>")
    assert site_error(parse_html(page)) is None


def test_a_post_that_mentions_an_error_phrase_is_not_an_error_page() -> None:
    prose = (
        "<div class='view'><p>삭제된 게시물은 복구할 수 없습니다.</p>"
        + "<p>게시판 운영 원칙을 안내합니다.</p>" * 80
        + "</div>"
    )
    assert site_error(parse_html(_FRAME.format(prose))) is None


def test_an_alert_inside_a_handler_is_not_the_pages_answer() -> None:
    script = (
        "<script>function fn_delete(){ alert('권한이 없습니다.'); history.back(); }</script>"
        + "<p>게시판 본문 문장입니다.</p>" * 30
    )
    assert site_error(parse_html(_FRAME.format(script))) is None


def test_stated_error_finds_the_words_on_a_long_page() -> None:
    page = _FRAME.format("<p>해당 게시물이 존재하지 않습니다.</p>" + "<p>관련 안내 문구입니다.</p>" * 80)
    assert stated_error(parse_html(page)) == "해당 게시물이 존재하지 않습니다."
