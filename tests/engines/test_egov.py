"""The eGovFrame engine: registry, detection, board URLs, list requests and failure pages.

Also holds what the other eGovFrame test modules share: the saved pages (some EUC-KR, declared only in
their ``<meta>``) and the URLs they were saved from.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import Doc, parse_html
from noticetui.engines.egov.engine import ENGINE
from noticetui.models import SEOUL, Request

from .conftest import foreign_pages, load, load_path

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=SEOUL)

LEGACY_LIST = "http://www.example.or.kr/home/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_000000000011"
LEGACY_VIEW = "http://www.example.or.kr/home/cop/bbs/selectBoardArticle.do"
ARTICLE_LIST = "https://www.example.go.kr/cop/bbs/selectArticleList.do?bbsId=BBSMSTR_000000000021"
ARTICLE_VIEW = "https://www.example.go.kr/cop/bbs/selectArticleDetail.do"
PORTAL_LIST = "https://www.egovframe.go.kr/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_AAAAAAAAAAAA&pageIndex=3"
PORTAL_VIEW = (
    "https://www.egovframe.go.kr/cop/bbs/selectBoardArticle.do?bbsId=BBSMSTR_AAAAAAAAAAAA&nttId=329"
    "&bbsTyCode=BBST01&bbsAttrbCode=BBSA03&authFlag=Y&searchCnd=&searchWrd=&pageIndex=3"
)

URLS = {
    "legacy_list_page1": LEGACY_LIST,
    "legacy_list_page2": LEGACY_LIST,
    "legacy_list_empty": LEGACY_LIST,
    "legacy_view": LEGACY_VIEW,
    "article_list_page1": ARTICLE_LIST,
    "article_list_page4": f"{ARTICLE_LIST}&pageIndex=4",
    "article_list_empty": ARTICLE_LIST,
    "article_view": ARTICLE_VIEW,
    "portal_list_page3": PORTAL_LIST,
    "portal_view": PORTAL_VIEW,
}
"""Every saved board page and the URL it was saved from."""


def page(name: str) -> Doc:
    """A saved eGovFrame page, parsed (decoded as the fetcher decodes it: some are EUC-KR)."""
    return load("egov", name, raw=True)


OTHER_ENGINES = foreign_pages("egov")


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("egov") is ENGINE


@pytest.mark.parametrize("name", sorted(URLS))
def test_egov_pages_score_high(name: str) -> None:
    assert ENGINE.score(URLS[name], page(name)) >= 0.8


@pytest.mark.parametrize("name", sorted(URLS))
def test_detect_picks_egov_on_its_pages(name: str) -> None:
    assert detect(URLS[name], page(name))[0].engine is ENGINE


@pytest.mark.parametrize("path", OTHER_ENGINES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_other_engines_pages_score_low(path: Path) -> None:
    url = "https://www.example.kr/bbs/board.php?bo_table=notice"
    assert ENGINE.score(url, load_path(path)) < 0.3


def test_plain_page_scores_about_zero() -> None:
    doc = parse_html("<html><body><h1>환영합니다</h1><a href='/about'>소개</a></body></html>")
    assert ENGINE.score("https://www.example.kr/index.html", doc) < 0.05


def test_egov_url_with_foreign_markup_is_not_a_confident_match() -> None:
    doc = parse_html("<html><body><table><tr><td><a href='/x'>공지</a></td></tr></table></body></html>")
    assert ENGINE.score(ARTICLE_LIST, doc) < 0.5


def test_egov_markup_at_a_site_specific_url_still_scores_above_half() -> None:
    assert ENGINE.score("https://www.example.go.kr/board/notice.do?menuNo=200123", page("article_list_page1")) > 0.6


# --- board URLs ------------------------------------------------------------------------------------


def test_board_url_of_a_legacy_view_url_is_its_list() -> None:
    url = "http://www.example.or.kr/home/cop/bbs/selectBoardArticle.do?bbsId=BBSMSTR_000000000011&nttId=2198"
    assert ENGINE.board_url(url) == LEGACY_LIST


def test_board_url_of_an_article_detail_url_is_the_article_list() -> None:
    url = f"{ARTICLE_VIEW}?bbsId=BBSMSTR_000000000021&nttId=1061&searchCnd=0&searchWrd=&pageIndex=2"
    assert ENGINE.board_url(url) == ARTICLE_LIST


def test_board_url_of_a_portal_view_keeps_only_the_board_id() -> None:
    expected = "https://www.egovframe.go.kr/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_AAAAAAAAAAAA"
    assert ENGINE.board_url(PORTAL_VIEW) == expected


def test_board_url_drops_the_page_index() -> None:
    assert ENGINE.board_url(f"{ARTICLE_LIST}&pageIndex=4") == ARTICLE_LIST


def test_board_url_keeps_site_parameters() -> None:
    url = "https://www.example.go.kr/cop/bbs/selectBoardList.do?menuNo=300012&bbsId=BBSMSTR_000000000031"
    assert ENGINE.board_url(f"{url}&pageIndex=2") == url


def test_board_url_of_a_posted_view_takes_the_board_from_the_page() -> None:
    assert ENGINE.board_url(LEGACY_VIEW, page("legacy_view")) == LEGACY_LIST


# --- list requests ---------------------------------------------------------------------------------


def test_select_board_list_pages_are_posted_like_frm() -> None:
    request = ENGINE.list_request(LEGACY_LIST, 3)
    assert request == Request(
        "http://www.example.or.kr/home/cop/bbs/selectBoardList.do",
        method="POST",
        form=(("bbsId", "BBSMSTR_000000000011"), ("pageIndex", "3")),
    )


def test_posted_list_request_keeps_site_parameters_in_the_body_only() -> None:
    url = "https://www.example.go.kr/cop/bbs/selectBoardList.do?menuNo=300012&bbsId=BBSMSTR_000000000031"
    request = ENGINE.list_request(f"{url}&pageIndex=7", 1)
    assert request.url == "https://www.example.go.kr/cop/bbs/selectBoardList.do"
    assert request.form == (("menuNo", "300012"), ("bbsId", "BBSMSTR_000000000031"), ("pageIndex", "1"))


def test_first_article_list_page_is_the_board_url() -> None:
    assert ENGINE.list_request(f"{ARTICLE_LIST}&pageIndex=3", 1) == Request(ARTICLE_LIST)


def test_later_article_list_pages_ask_for_their_page_index() -> None:
    assert ENGINE.list_request(ARTICLE_LIST, 4) == Request(f"{ARTICLE_LIST}&pageIndex=4")


# --- failure pages ---------------------------------------------------------------------------------


def test_not_supported_browser_page_is_a_failure() -> None:
    doc = parse_html("<html><body><p>오류</p><p>Not supported browser</p></body></html>")
    assert ENGINE.is_failure_page(doc) == "Not supported browser"


def test_alert_page_is_a_failure_with_its_message() -> None:
    doc = parse_html("<html><head><script>alert('잘못된 접근입니다.');history.back();</script></head></html>")
    assert ENGINE.is_failure_page(doc) == "잘못된 접근입니다."


@pytest.mark.parametrize("name", sorted(URLS))
def test_board_pages_are_not_failures_despite_their_alert_scripts(name: str) -> None:
    assert ENGINE.is_failure_page(page(name)) is None
