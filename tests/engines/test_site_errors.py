"""Site error pages served with status 200 are reported in the site's own words, by every engine; the saved
error pages of each engine are failures, its saved board pages are not, and a page with no post on it is
no post.

The saved pages are tables (folder, page, ...) so that a new engine adds rows here, not more tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from noticetui.engines import all_engines, get_engine
from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.common.site_errors import site_error, stated_error
from noticetui.models import SEOUL, ParseContext

from .conftest import load

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

SAVED_FAILURES = [
    ("bbsntt", "alert", "잘못된 접근입니다."),
    ("boardes", "alert", "정상적인 경로를 통해 다운로드 하시기 바랍니다."),
    ("egov", "error", "알 수 없는 오류가 발생했습니다"),
    ("gnuboard4", "alert", "잘못된 접근입니다."),
    ("kboard", "no_permission", "권한이 없습니다."),
    ("kboard", "wp_die", "This page is restricted from external access."),
    ("rhymix", "error_not_permitted", "권한이 없습니다."),
]
"""Saved error pages (engine folder, page) and the reason the engine must give for each."""

SAVED_BOARD_PAGES = [
    ("bbsntt", "view"),
    ("boardes", "view"),
    ("gnuboard", "list_page1"),
    ("gnuboard", "password"),
    ("gnuboard", "view"),
    ("gnuboard4", "list_page1"),
    ("kboard", "confirm"),
    ("kboard", "list_empty"),
    ("kboard", "list_page1"),
    ("kboard", "view"),
    ("rhymix", "list_empty"),
    ("rhymix", "list_page1"),
    ("rhymix", "read_default"),
    ("rhymix", "secret_xedition"),
]
"""Saved pages of working boards (engine folder, page) that no engine may take for a failure page (eGov's
are in test_egov.py: they carry alert scripts)."""

NOT_A_POST = [
    (
        "bbsntt",
        "list_page1",
        "https://www.demo.go.kr/www/selectBbsNttView.do?key=3543&bbsNo=1184&nttNo=512&pageIndex=1",
        "512",
    ),
    (
        "boardes",
        "list_page1",
        "https://kostat.example.kr/board.es?mid=a10301010000&bid=0027&act=view&list_no=19252&tag=&nPage=1",
        "19252",
    ),
    ("gnuboard", "list_empty", "https://lib.example.kr/bbs/board.php?bo_table=notice&wr_id=40", "40"),
    ("gnuboard4", "list_page1", "http://www.oldlib.or.kr/bbs/board.php?bo_table=notice&wr_id=40&page=1", "40"),
    ("kboard", "list_page1", "https://www.hanbit.example.or.kr/notice/", "1"),
    ("rhymix", "list_page1", "https://www.hanbit-welfare.or.kr/index.php?mid=notice", "4601"),
]
"""Saved pages (engine folder, page) with no post on them, read as the post (URL, key): an engine error."""

NOW = datetime(2025, 3, 5, 15, 0, tzinfo=SEOUL)
"""The fixed moment the "not a post" pages are read at."""

RAW = {"egov"}
"""Folders whose saved pages keep their site's charset (some EUC-KR): read as the fetcher decodes them."""


@pytest.mark.parametrize(("engine", "name", "reason"), SAVED_FAILURES)
def test_a_saved_error_page_is_a_failure_in_its_words(engine: str, name: str, reason: str) -> None:
    assert get_engine(engine).is_failure_page(load(engine, name, raw=engine in RAW)) == reason


@pytest.mark.parametrize(("engine", "name"), SAVED_BOARD_PAGES)
def test_a_saved_board_page_is_no_failure(engine: str, name: str) -> None:
    assert get_engine(engine).is_failure_page(load(engine, name, raw=engine in RAW)) is None


@pytest.mark.parametrize(("engine", "name", "url", "key"), NOT_A_POST)
def test_a_page_without_a_post_is_an_engine_error(engine: str, name: str, url: str, key: str) -> None:
    with pytest.raises(EngineError):
        get_engine(engine).parse_post(load(engine, name, raw=engine in RAW), ParseContext(url=url, now=NOW), key)


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
