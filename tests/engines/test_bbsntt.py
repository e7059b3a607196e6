"""The selectBbsNttList engine on saved pages: a district list (pinned notices, p-icon marks), its last
page, an empty list, the ftc.go.kr ``nttSn`` variant, a view with files, and the password form."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.bbsntt import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post, Request

from .conftest import SavedPages, at, foreign_pages, load_path, page_id, stub

NOW = datetime(2026, 7, 1, 10, 0, tzinfo=SEOUL)
WWW = "https://www.demo.go.kr/www"
LIST_URL = f"{WWW}/selectBbsNttList.do?key=3543&bbsNo=1184"
VIEW_URL = f"{WWW}/selectBbsNttView.do?key=3543&bbsNo=1184&nttNo=512&pageIndex=1"
ROW_QUERY = "searchCtgry=&searchCnd=all&searchKrwd=&pageIndex=1&integrDeptCode="


SAVED = SavedPages(ENGINE, "bbsntt", NOW, LIST_URL, VIEW_URL, "512")
page, listing = SAVED.page, SAVED.listing


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("bbsntt") is ENGINE


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("list_page1", LIST_URL),
        ("list_page2", f"{LIST_URL}&pageIndex=121"),
        ("list_empty", LIST_URL),
        ("view", VIEW_URL),
    ],
)
def test_bbsntt_pages_score_high_and_are_detected(name: str, url: str) -> None:
    assert ENGINE.score(url, page(name)) >= 0.8
    assert detect(url, page(name))[0].engine is ENGINE


@pytest.mark.parametrize(
    "path",
    foreign_pages("bbsntt"),
    ids=page_id,
)
def test_other_engines_pages_score_low_even_at_a_bbsntt_url(path: Path) -> None:
    doc = load_path(path)
    assert ENGINE.score("https://www.example.kr/index.html", doc) < 0.3
    assert ENGINE.score(LIST_URL, doc) < 0.3


def test_other_p_table_pages_of_the_vendor_are_not_boards() -> None:
    doc = parse_html(
        '<table class="p-table simple"><tbody><tr><td class="p-subject">'
        '<a href="./selectEminwonNewsView.do?key=283&amp;news_epct_no=20960">보도자료</a></td>'
        "<td><time>2026-07-15</time></td></tr></tbody></table>"
    )
    assert ENGINE.score("https://www.example.go.kr/www/selectEminwonNewsList.do?key=283", doc) < 0.3


# --- board_url and list_request ---------------------------------------------------------------------


def test_board_url_of_a_post_is_its_list_without_the_visitors_fields() -> None:
    assert ENGINE.board_url(f"{WWW}/selectBbsNttView.do?key=3543&bbsNo=1184&nttNo=512&{ROW_QUERY}") == LIST_URL


def test_board_url_of_a_later_page_drops_the_page() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&pageIndex=9&pageUnit=10") == LIST_URL


def test_list_requests_use_page_index() -> None:
    assert ENGINE.list_request(LIST_URL, 1) == Request(url=LIST_URL)
    assert ENGINE.list_request(LIST_URL, 2) == Request(url=f"{LIST_URL}&pageIndex=2")


# --- list rows --------------------------------------------------------------------------------------


def test_keys_are_ntt_numbers_in_page_order(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["456", "400", "512", "511", "513", "509"]


def test_pinned_notices_are_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.notice] == ["456", "400"]


def test_titles_leave_the_p_icons_out(first: ListPage) -> None:
    assert [stub(first, k).title for k in ("512", "511", "513")] == [
        "여름철 폭염 대비 무더위쉼터 운영",
        "민원 처리 결과 문의",
        "RE: 민원 처리 결과 문의",
    ]


def test_escaped_title(first: ListPage) -> None:
    assert stub(first, "509").title == "「2026 <지역> 축제」 자원봉사자 모집 & 안내"


def test_urls_resolve_the_relative_links(first: ListPage) -> None:
    url = f"{WWW}/selectBbsNttView.do?key=3543&bbsNo=1184&nttNo=512&{ROW_QUERY}"
    assert stub(first, "512").request == Request(url=url, referer=LIST_URL)


def test_author_views_and_time_cell_date(first: ListPage) -> None:
    row = stub(first, "512")
    assert (row.author, row.views, row.posted_at) == ("안전총괄과", 42, at(2026, 7, 1))


def test_notice_from_last_year_keeps_its_date(first: ListPage) -> None:
    assert stub(first, "400").posted_at == at(2025, 12, 31)


def test_secret_reply_and_file_marks(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["511"]
    assert [s.key for s in first.stubs if s.reply_depth] == ["513"]
    assert [s.key for s in first.stubs if s.has_file] == ["456", "512", "509"]


def test_pagination_and_total(first: ListPage) -> None:
    assert (first.next_page, first.last_page, first.total) == (2, 121, 1205)


def test_last_page_has_no_next() -> None:
    found = listing("list_page2", f"{LIST_URL}&pageIndex=121")
    assert (found.next_page, found.last_page, [s.key for s in found.stubs]) == (None, 121, ["455", "450"])


def test_empty_list_has_no_rows() -> None:
    assert listing("list_empty").stubs == []


def test_ftc_variant_keys_by_ntt_sn_and_reads_the_department_and_date() -> None:
    found = listing("list_ftc", "https://www.ftc.example.kr/www/selectBbsNttList.do?key=205&bordCd=204")
    first_row = found.stubs[0]
    assert [s.key for s in found.stubs] == ["46669", "11352"]
    assert (first_row.title, first_row.author, first_row.posted_at) == (
        "온라인쇼핑몰 표준거래계약서(직매입거래)(25.11월)",
        "유통대리점정책과",
        at(2025, 11, 25),
    )


def test_page_without_a_list_is_an_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(parse_html("<html><body><p>점검 중</p></body></html>"), ParseContext(LIST_URL, NOW))


# --- view -------------------------------------------------------------------------------------------


def test_view_fields(view: Post) -> None:
    assert (view.title, view.author, view.views, view.posted_at) == (
        "여름철 폭염 대비 무더위쉼터 운영",
        "안전총괄과",
        1042,
        at(2026, 7, 1, 9, 30),
    )


def test_view_body_is_the_content_container(view: Post) -> None:
    assert (
        view.body_html.startswith("<p>무더위쉼터를 다음과 같이 운영합니다.</p>")
        and "ntt_cn_container" not in view.body_html
    )


def test_attachments_name_size_and_skip_previews_and_download_all(view: Post) -> None:
    assert [(a.index, a.name, a.size) for a in view.attachments] == [
        (0, "무더위쉼터 지정 현황(2026).hwp", 109056),
        (1, "행동요령 & 비상연락망.pdf", 1572864),
    ]


def test_attachment_request_is_primed_by_the_view(view: Post) -> None:
    assert view.attachments[0].request == Request(
        url=f"{WWW}/downloadBbsFile.do?atchmnflNo=52129", referer=VIEW_URL, prime=VIEW_URL
    )


def test_password_form_is_a_secret_post() -> None:
    found = ENGINE.parse_post(page("password"), ParseContext(VIEW_URL, NOW), "511")
    assert (found.secret, found.body_html) == (True, "")
