"""eGovFrame list pages: the current common component, the legacy one (EUC-KR) and the portal template."""

from __future__ import annotations

from datetime import datetime

import pytest

from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.egov.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Request

from .conftest import stub
from .test_egov import ARTICLE_LIST, LEGACY_LIST, NOW, PORTAL_LIST, page

ARTICLE_DETAIL = "https://www.example.go.kr/cop/bbs/selectArticleDetail.do"
LEGACY_ARTICLE = "http://www.example.or.kr/home/cop/bbs/selectBoardArticle.do"
PORTAL_ARTICLE = "https://www.egovframe.go.kr/cop/bbs/selectBoardArticle.do"


def listing(name: str, url: str) -> ListPage:
    return ENGINE.parse_list(page(name), ParseContext(url=url, now=NOW))


def day(year: int, month: int, date: int) -> datetime:
    return datetime(year, month, date, tzinfo=SEOUL)


@pytest.fixture(scope="module")
def article() -> ListPage:
    return listing("article_list_page1", ARTICLE_LIST)


@pytest.fixture(scope="module")
def legacy() -> ListPage:
    return listing("legacy_list_page1", LEGACY_LIST)


@pytest.fixture(scope="module")
def portal() -> ListPage:
    return listing("portal_list_page3", PORTAL_LIST)


# --- current common component (EgovArticleList.jsp) --------------------------------------------------


def test_article_keys_are_ntt_ids_with_each_notice_once(article: ListPage) -> None:
    keys = [s.key for s in article.stubs]
    assert keys[:4] == ["1042", "1017", "1061", "1060"]
    assert keys.count("1042") == 1
    assert keys[5:] == ["1055", "1057", "1038"]


def test_article_pinned_notices_are_flagged(article: ListPage) -> None:
    assert [s.key for s in article.stubs if s.notice] == ["1042", "1017"]


def test_article_titles_leave_out_the_comment_count(article: ListPage) -> None:
    assert stub(article, "1060").title == "[보도자료] 시, 스마트도시 조성 업무협약 체결"
    assert stub(article, "1042").title == "홈페이지 시스템 정기 점검 안내"


def test_article_comment_counts_and_zero_without_one(article: ListPage) -> None:
    assert (stub(article, "1060").comments, stub(article, "1042").comments, stub(article, "1055").comments) == (
        3,
        2,
        0,
    )


def test_article_title_is_shown_as_cut_by_the_list(article: ListPage) -> None:
    assert stub(article, "1061").title == "2026년 지역특화산업 육성사업(R&D) 신규 지원과제 공모 및 사"


def test_article_secret_row_without_a_link_is_listed_as_secret(article: ListPage) -> None:
    secret = [s for s in article.stubs if s.secret]
    assert [(s.title, s.author, s.views) for s in secret] == [("신청 자격 관련 문의드립니다", "홍길동", 5)]
    assert secret[0].key.startswith("secret-")


def test_article_secret_key_is_stable_across_pages_and_syncs(article: ListPage) -> None:
    again = listing("article_list_page1", f"{ARTICLE_LIST}&pageIndex=1")
    assert [s.key for s in again.stubs if s.secret] == [s.key for s in article.stubs if s.secret]


def test_article_secret_row_points_at_the_list(article: ListPage) -> None:
    secret = next(s for s in article.stubs if s.secret)
    assert secret.url == ARTICLE_LIST
    assert secret.request == Request(ARTICLE_LIST)


def test_article_reply_icon_alt_text_does_not_make_a_secret(article: ListPage) -> None:
    reply = stub(article, "1057")
    assert (reply.reply_depth, reply.secret, reply.title) == (1, False, "RE: 서류 제출 방법 문의")


def test_article_post_request_posts_the_article_form(article: ListPage) -> None:
    request = stub(article, "1060").request
    assert (request.method, request.url, request.referer) == ("POST", ARTICLE_DETAIL, ARTICLE_LIST)
    assert dict(request.form) == {
        "searchCnd": "0",
        "searchWrd": "",
        "bbsId": "BBSMSTR_000000000021",
        "nttId": "1060",
        "pageIndex": "1",
    }


def test_article_post_url_is_the_get_form_of_the_same_fields(article: ListPage) -> None:
    assert stub(article, "1060").url == f"{ARTICLE_DETAIL}?bbsId=BBSMSTR_000000000021&nttId=1060"


def test_article_authors_views_and_dates(article: ListPage) -> None:
    row = stub(article, "1038")
    assert (row.author, row.views, row.posted_at) == ("총무과", 214, day(2025, 10, 2))


def test_article_notices_keep_their_own_dates(article: ListPage) -> None:
    assert stub(article, "1017").posted_at == day(2025, 3, 14)


def test_article_first_page_links_up_to_page_four(article: ListPage) -> None:
    assert (article.next_page, article.last_page) == (2, 4)


def test_article_last_page_repeats_the_notices_flagged() -> None:
    last = listing("article_list_page4", f"{ARTICLE_LIST}&pageIndex=4")
    assert [(s.key, s.notice) for s in last.stubs] == [("1042", True), ("1017", True), ("1009", False)]
    assert stub(last, "1009").comments == 1


def test_article_last_page_has_no_next_page() -> None:
    last = listing("article_list_page4", f"{ARTICLE_LIST}&pageIndex=4")
    assert (last.next_page, last.last_page) == (None, 4)


def test_article_empty_board_has_no_rows() -> None:
    empty = listing("article_list_empty", ARTICLE_LIST)
    assert (empty.stubs, empty.next_page, empty.last_page) == ([], None, 1)


# --- legacy common component (EUC-KR EgovNoticeList.jsp) ---------------------------------------------


def test_legacy_rows_decode_from_euc_kr(legacy: ListPage) -> None:
    assert [s.title for s in legacy.stubs][:2] == ["설 연휴 도서관 휴관 안내", "[R&D] 2026년 기술개발 과제 공모 안내"]


def test_legacy_deleted_row_without_a_link_is_left_out(legacy: ListPage) -> None:
    assert [s.key for s in legacy.stubs] == ["2203", "2198", "2191", "2194", "2170"]
    assert all("삭제" not in s.title for s in legacy.stubs)


def test_legacy_post_request_posts_bbs_id_and_ntt_id_under_the_context_path(legacy: ListPage) -> None:
    request = stub(legacy, "2198").request
    assert request == Request(
        LEGACY_ARTICLE,
        method="POST",
        form=(("bbsId", "BBSMSTR_000000000011"), ("nttId", "2198")),
        referer=LEGACY_LIST,
    )


def test_legacy_reply_row_has_depth_one(legacy: ListPage) -> None:
    assert [s.reply_depth for s in legacy.stubs] == [0, 0, 0, 1, 0]


def test_legacy_has_no_notices_secrets_or_comment_counts(legacy: ListPage) -> None:
    assert not any(s.notice or s.secret or s.comments is not None for s in legacy.stubs)


def test_legacy_dates_and_views(legacy: ListPage) -> None:
    assert (stub(legacy, "2194").posted_at, stub(legacy, "2194").views) == (day(2026, 1, 6), 27)


def test_legacy_image_button_pagination_gives_the_last_page(legacy: ListPage) -> None:
    assert (legacy.next_page, legacy.last_page) == (2, 14)


def test_legacy_second_page_title_entities_are_decoded() -> None:
    second = listing("legacy_list_page2", LEGACY_LIST)
    assert [s.title for s in second.stubs][1] == "<수정> 2025년 상반기 기간제 근로자 채용 공고"
    assert (second.next_page, second.last_page) == (3, 14)


def test_legacy_empty_board_has_no_rows() -> None:
    assert listing("legacy_list_empty", LEGACY_LIST).stubs == []


# --- portal site template (EgovNoticeList.jsp with a form per row) -----------------------------------


def test_portal_keys_skip_the_expired_row(portal: ListPage) -> None:
    assert [s.key for s in portal.stubs] == ["331", "329", "330", "301"]


def test_portal_hard_coded_author_is_not_read(portal: ListPage) -> None:
    assert {s.author for s in portal.stubs} == {None}


def test_portal_post_request_submits_the_row_form(portal: ListPage) -> None:
    request = stub(portal, "329").request
    assert (request.method, request.url, request.referer) == ("GET", PORTAL_ARTICLE, PORTAL_LIST)
    assert dict(request.form) == {
        "bbsId": "BBSMSTR_AAAAAAAAAAAA",
        "nttId": "329",
        "bbsTyCode": "BBST01",
        "bbsAttrbCode": "BBSA03",
        "authFlag": "Y",
        "searchCnd": "",
        "searchWrd": "",
        "pageIndex": "3",
    }


def test_portal_post_url_leaves_out_search_and_paging(portal: ListPage) -> None:
    expected = f"{PORTAL_ARTICLE}?bbsId=BBSMSTR_AAAAAAAAAAAA&nttId=329&bbsTyCode=BBST01&bbsAttrbCode=BBSA03&authFlag=Y"
    assert stub(portal, "329").url == expected


def test_portal_titles_are_trimmed_and_unescaped(portal: ListPage) -> None:
    assert stub(portal, "301").title == "홈페이지 시스템 정기 점검 안내 <긴급>"


def test_portal_reply_row_has_depth_one(portal: ListPage) -> None:
    assert [s.reply_depth for s in portal.stubs] == [0, 0, 1, 0]


def test_portal_renew_pagination(portal: ListPage) -> None:
    assert (portal.next_page, portal.last_page) == (4, 4)


def test_portal_posted_row_form_of_older_templates_is_posted() -> None:
    html = (
        '<div class="board_list"><table><thead><tr><th>번호</th><th>제목</th><th>작성일</th></tr></thead><tbody>'
        '<tr><td>1</td><td><form name="subForm" method="post" action="/portal/cop/bbs/selectBoardArticle.do">'
        '<input type="hidden" name="bbsId" value="BBSMSTR_1"><input type="hidden" name="nttId" value="7">'
        '<a href="" onclick="event.preventDefault(); parentNode.submit();" class="lnk">제목</a></form></td>'
        "<td>2026-01-02</td></tr></tbody></table></div>"
    )
    ctx = ParseContext(url="https://x.kr/portal/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_1", now=NOW)
    request = ENGINE.parse_list(parse_html(html), ctx).stubs[0].request
    assert (request.method, request.url, request.form) == (
        "POST",
        "https://x.kr/portal/cop/bbs/selectBoardArticle.do",
        (("bbsId", "BBSMSTR_1"), ("nttId", "7")),
    )


def test_page_without_a_list_table_is_an_engine_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(parse_html("<html><body><p>점검 중</p></body></html>"), ParseContext("https://x.kr/", NOW))


def test_secret_row_of_a_posted_list_points_at_the_board_by_get() -> None:
    html = (
        '<form name="articleForm" method="post"><input name="bbsId" type="hidden" value="BBSMSTR_000000000021">'
        '<table class="board_list"><thead><tr><th>번호</th><th>제목</th><th>작성자</th><th>작성일</th><th>조회수</th>'
        '</tr></thead><tbody><tr><td>1</td><td class="left"><img src="/images/egovframework/com/cop/bbs/icon_lock.png"'
        ' alt="secret">&nbsp;비밀 문의</td><td>홍길동</td><td>2026-01-02</td><td>3</td></tr></tbody></table></form>'
    )
    posted = "https://www.example.go.kr/cop/bbs/selectArticleList.do"
    secret = ENGINE.parse_list(parse_html(html), ParseContext(url=posted, now=NOW)).stubs[0]
    assert (secret.secret, secret.url, secret.request) == (True, ARTICLE_LIST, Request(ARTICLE_LIST))
