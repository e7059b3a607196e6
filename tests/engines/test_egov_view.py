"""eGovFrame view pages: the current and legacy ``th``/``td`` tables, the portal's textarea, attachments."""

from __future__ import annotations

from datetime import datetime

import pytest

from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.egov.engine import ENGINE
from noticetui.models import SEOUL, ParseContext, Post, Request

from .test_egov import ARTICLE_LIST, ARTICLE_VIEW, LEGACY_VIEW, NOW, PORTAL_VIEW, page

ARTICLE_ATCH = "dGVzdHNlc3Npb24xMjN8RklMRV8wMDAwMDAwMDAwMDEwNjE%2BLw%3D%3D"
PORTAL_ATCH = "SmFWQTVkN0V0cjZ5K2c9PXxGSUxFXzAwMDAwMDAwMDAwMDMyOQ%3D%3D"


def post(name: str, url: str, key: str) -> Post:
    return ENGINE.parse_post(page(name), ParseContext(url=url, now=NOW), key)


@pytest.fixture(scope="module")
def article() -> Post:
    return post("article_view", ARTICLE_VIEW, "1061")


@pytest.fixture(scope="module")
def legacy() -> Post:
    return post("legacy_view", LEGACY_VIEW, "2198")


@pytest.fixture(scope="module")
def portal() -> Post:
    return post("portal_view", PORTAL_VIEW, "329")


# --- current common component (EgovArticleDetail.jsp) ------------------------------------------------


def test_article_view_has_the_full_title(article: Post) -> None:
    assert article.title == (
        "2026년 지역특화산업 육성사업(R&D) 신규 지원과제 공모 및 사업설명회 개최 안내 - 지역혁신 선도기업 대상 (온라인 접수)"
    )


def test_article_view_facts(article: Post) -> None:
    assert (article.author, article.posted_at, article.views) == (
        "기업지원과",
        datetime(2026, 3, 2, tzinfo=SEOUL),
        18,
    )


def test_article_body_is_the_ck_content_html(article: Post) -> None:
    assert article.body_html.startswith("<p>지역 기업의 성장을 돕기 위한")
    assert "<table" in article.body_html and "게시기간" not in article.body_html


def test_article_attachments_names_sizes_and_indexes(article: Post) -> None:
    assert [(a.index, a.name, a.size) for a in article.attachments] == [
        (0, "2026년_지원사업_공고문.hwpx", 24576),
        (1, "붙임2. 개인정보 수집·이용 동의서(필수 100%)#1.pdf", 1873),
    ]


def test_article_attachment_request_encodes_the_session_bound_id(article: Post) -> None:
    assert article.attachments[1].request == Request(
        f"https://www.example.go.kr/cmm/fms/FileDown.do?atchFileId={ARTICLE_ATCH}&fileSn=1", referer=ARTICLE_VIEW
    )


def test_article_view_key_and_url_are_the_callers(article: Post) -> None:
    assert (article.key, article.url, article.secret) == ("1061", ARTICLE_VIEW, False)


def test_list_page_served_for_a_view_means_a_secret_post() -> None:
    secret = ENGINE.parse_post(page("article_list_page1"), ParseContext(url=ARTICLE_LIST, now=NOW), "1050")
    assert (secret.secret, secret.body_html, secret.title, secret.key) == (True, "", "", "1050")


# --- legacy common component (EgovNoticeInqire.jsp, EUC-KR) -----------------------------------------


def test_legacy_view_facts(legacy: Post) -> None:
    assert (legacy.title, legacy.author, legacy.posted_at, legacy.views) == (
        "[R&D] 2026년 기술개발 과제 공모 안내",
        "기업지원과",
        datetime(2026, 1, 30, tzinfo=SEOUL),
        413,
    )


def test_legacy_body_is_the_bbs_cn_html(legacy: Post) -> None:
    assert legacy.body_html.startswith("<p>중소기업의 기술경쟁력 강화를 위한 <b>2026년 기술개발 과제</b>")
    assert legacy.body_html.endswith("(☎ 02-000-5678)</p>")


def test_legacy_files_use_the_plain_id_under_the_context_path(legacy: Post) -> None:
    assert [(a.name, a.size, a.request) for a in legacy.attachments] == [
        (
            "2026년 기술개발 과제 공고문.pdf",
            1873,
            Request(
                "http://www.example.or.kr/home/cmm/fms/FileDown.do?atchFileId=FILE_000000000002198&fileSn=0",
                referer=LEGACY_VIEW,
            ),
        ),
        (
            "신청서 양식(1).hwpx",
            6120,
            Request(
                "http://www.example.or.kr/home/cmm/fms/FileDown.do?atchFileId=FILE_000000000002198&fileSn=1",
                referer=LEGACY_VIEW,
            ),
        ),
    ]


def test_anonymous_author_stars_are_no_author() -> None:
    html = (
        '<table class="generalTable"><tr><th>제목</th><td>익명 글</td></tr>'
        "<tr><th>작성자</th><td> ****** </td><th>작성시간</th><td>2026-01-02</td></tr>"
        '<tr><th>글내용</th><td><div id="bbs_cn"><p>본문</p></div></td></tr></table>'
    )
    anonymous = ENGINE.parse_post(parse_html(html), ParseContext(url=LEGACY_VIEW, now=NOW), "5")
    assert (anonymous.title, anonymous.author, anonymous.body_html) == ("익명 글", None, "<p>본문</p>")


# --- portal site template (textarea body, data-atch-file-id) -----------------------------------------


def test_portal_view_facts_come_from_the_info_list(portal: Post) -> None:
    assert (portal.title, portal.author, portal.posted_at, portal.views) == (
        "표준프레임워크 4.3 버전 배포 안내",
        "표준프레임워크센터",
        datetime(2026, 2, 3, tzinfo=SEOUL),
        1205,
    )


def test_portal_textarea_text_becomes_paragraphs_with_line_breaks(portal: Post) -> None:
    assert portal.body_html.startswith(
        "<p>표준프레임워크 4.3 버전을 배포합니다.<br>주요 변경 사항은 다음과 같습니다.</p><p>1. Spring Framework 6.1 적용<br>"
    )


def test_portal_textarea_markup_stays_text(portal: Post) -> None:
    assert "2. &lt;c:out&gt; 태그 보안 강화 &amp; XSS 필터 개선" in portal.body_html
    assert "<c:out>" not in portal.body_html


def test_portal_attachments_take_the_size_after_the_link(portal: Post) -> None:
    assert [(a.index, a.name, a.size) for a in portal.attachments] == [
        (0, "eGovFrame 4.3 릴리스 노트.pdf", 1873),
        (1, "설치 가이드.hwpx", 6120),
    ]


def test_portal_attachment_request_comes_from_the_data_attributes(portal: Post) -> None:
    assert portal.attachments[0].request == Request(
        f"https://www.egovframe.go.kr/cmm/fms/FileDown.do?atchFileId={PORTAL_ATCH}&fileSn=0", referer=PORTAL_VIEW
    )


def test_no_login_download_endpoint_is_used_when_the_page_calls_it() -> None:
    html = (
        '<script>function fn_egov_downFile(a, b){window.open("/ctx/cmm/fms/NoLoginFileDown.do?atchFileId="+a+"&fileSn="+b);}'
        '</script><table class="wTable"><tr><th>제목</th><td>t</td></tr><tr><th>내용</th><td class="cnt">본문</td></tr>'
        "<tr><th>첨부파일</th><td><a href=\"javascript:fn_egov_downFile('FILE_000000000000001','2')\">a.pdf</a></td></tr>"
        "</table>"
    )
    ctx = ParseContext(url="https://x.kr/ctx/cop/bbs/selectArticleDetail.do", now=NOW)
    files = ENGINE.parse_post(parse_html(html), ctx, "1").attachments
    assert [(f.index, f.name, f.size, f.request.url if f.request else None) for f in files] == [
        (2, "a.pdf", None, "https://x.kr/ctx/cmm/fms/NoLoginFileDown.do?atchFileId=FILE_000000000000001&fileSn=2")
    ]


def test_page_without_a_view_or_list_is_an_engine_error() -> None:
    with pytest.raises(EngineError):
        post("error", ARTICLE_VIEW, "1")
