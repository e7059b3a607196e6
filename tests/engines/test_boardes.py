"""The board.es engine on saved pages: a kostat-style list (aria-label cells), a mohw-style page
(``a.txt_title``, ``data-label``), views with and without files, the password form and an empty list."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.boardes import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post, Request

from .conftest import SavedPages, at, foreign_pages, load_path, stub

NOW = datetime(2026, 7, 1, 10, 0, tzinfo=SEOUL)
SITE = "https://kostat.example.kr"
LIST_URL = f"{SITE}/board.es?mid=a10301010000&bid=0027"
VIEW_URL = f"{LIST_URL}&act=view&list_no=19252&tag=&nPage=1"


SAVED = SavedPages(ENGINE, "boardes", NOW, LIST_URL, VIEW_URL, "19252", second_url=f"{LIST_URL}&nPage=2")
page, listing, post = SAVED.page, SAVED.listing, SAVED.post


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("boardes") is ENGINE


@pytest.mark.parametrize(
    ("name", "url"),
    [("list_page1", LIST_URL), ("list_page2", f"{LIST_URL}&nPage=2"), ("view", VIEW_URL), ("view_nofiles", VIEW_URL)],
)
def test_board_es_pages_score_high_and_are_detected(name: str, url: str) -> None:
    assert ENGINE.score(url, page(name)) >= 0.8
    assert detect(url, page(name))[0].engine is ENGINE


def test_an_empty_board_is_still_detected() -> None:
    assert detect(LIST_URL, page("list_empty"))[0].engine is ENGINE


@pytest.mark.parametrize(
    "path",
    foreign_pages("boardes"),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_other_engines_pages_score_low_even_at_a_board_es_url(path: Path) -> None:
    doc = load_path(path)
    assert ENGINE.score("https://www.example.kr/index.html", doc) < 0.3
    assert ENGINE.score(LIST_URL, doc) < 0.3


def test_plain_page_scores_zero() -> None:
    assert ENGINE.score("https://example.com/", parse_html("<html><body><p>hello</p></body></html>")) == 0.0


# --- board_url and list_request ---------------------------------------------------------------------


def test_board_url_of_a_post_drops_the_view_fields() -> None:
    assert ENGINE.board_url(VIEW_URL) == LIST_URL


def test_board_url_of_a_later_page_drops_the_page() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&act=list&nPage=7") == LIST_URL


def test_board_url_keeps_a_category_filter() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&cg_code=C01&nPage=2") == f"{LIST_URL}&cg_code=C01"


def test_board_url_of_a_download_points_at_board_es() -> None:
    assert ENGINE.board_url(f"{SITE}/boardDownload.es?bid=0027&list_no=19252&seq=1") == f"{SITE}/board.es?bid=0027"


def test_list_requests_use_npage() -> None:
    assert ENGINE.list_request(LIST_URL, 1) == Request(url=LIST_URL)
    assert ENGINE.list_request(LIST_URL, 3) == Request(url=f"{LIST_URL}&nPage=3")


# --- list rows --------------------------------------------------------------------------------------


def test_keys_are_list_numbers_in_page_order(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["19230", "19101", "19252", "19251", "19249", "19240"]


def test_notices_by_their_badge(first: ListPage, second: ListPage) -> None:
    assert [s.key for s in first.stubs if s.notice] == ["19230", "19101"]
    assert [s.key for s in second.stubs if s.notice] == ["19230"]


def test_titles_leave_out_icons_and_screen_reader_words(first: ListPage) -> None:
    assert stub(first, "19252").title == "2026년 6월 고용동향"
    assert stub(first, "19251").title == "통계 자료 이용 문의드립니다"


def test_a_cut_title_is_read_whole_from_the_title_attribute(first: ListPage) -> None:
    assert (
        stub(first, "19249").title == "「2026년 사회조사」 조사 결과 발표 및 지역별 세부 통계표 공개(시·도별 비교 포함)"
    )


def test_escaped_characters_in_titles(first: ListPage) -> None:
    assert stub(first, "19240").title == "R&D 통계 <개정> 안내"


def test_urls_resolve_the_root_relative_links(first: ListPage) -> None:
    assert stub(first, "19252").url == VIEW_URL
    assert stub(first, "19252").request == Request(url=VIEW_URL, referer=LIST_URL)


def test_authors_views_and_dates_from_the_labelled_cells(first: ListPage) -> None:
    row = stub(first, "19249")
    assert (row.author, row.views, row.posted_at) == ("사회통계기획과", 1204, at(2026, 6, 28))


def test_secret_row_is_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["19251"]


def test_file_cell_sets_has_file(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.has_file] == ["19101", "19252", "19249"]


def test_mohw_variant_reads_txt_title_links_and_data_labels(second: ListPage) -> None:
    row = stub(second, "18990")
    assert (row.title, row.author, row.views, row.posted_at) == (
        "2025년 11월 산업활동동향",
        "산업통계과",
        812,
        at(2025, 12, 30),
    )


def test_pagination_from_npage_links(first: ListPage, second: ListPage) -> None:
    assert (first.next_page, first.last_page) == (2, 342)
    assert (second.next_page, second.last_page) == (None, 2)


def test_total_from_the_count_line(first: ListPage, second: ListPage) -> None:
    assert (first.total, second.total) == (3414, 3414)


def test_empty_list_has_no_rows() -> None:
    assert listing("list_empty").stubs == []


def test_page_without_a_list_is_an_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(parse_html("<html><body><p>점검 중</p></body></html>"), ParseContext(LIST_URL, NOW))


# --- view -------------------------------------------------------------------------------------------


def test_view_title_author_date_and_views(view: Post) -> None:
    assert (view.title, view.author, view.posted_at, view.views) == (
        "2026년 6월 고용동향",
        "고용통계과",
        at(2026, 7, 1),
        1015,
    )


def test_view_body_is_the_contents_div(view: Post) -> None:
    assert view.body_html.strip().startswith("<p>2026년 6월 취업자는") and "고용률" in view.body_html
    assert "첨부파일" not in view.body_html


def test_attachments_are_the_downloads_not_the_previews(view: Post) -> None:
    assert [(a.index, a.name, a.size) for a in view.attachments] == [
        (0, "2026년 6월 고용동향.hwpx", 251392),
        (1, "(붙임) 통계표 & 해설.pdf", 1258291),
    ]


def test_attachment_request_sends_the_view_as_referer(view: Post) -> None:
    assert view.attachments[1].request == Request(
        url=f"{SITE}/boardDownload.es?bid=0027&list_no=19252&seq=3", referer=VIEW_URL, prime=VIEW_URL
    )


def test_view_with_a_dl_info_block_and_no_files() -> None:
    found = post("view_nofiles", key="19230")
    assert (found.title, found.author, found.posted_at, found.views, found.attachments) == (
        "홈페이지 개편 안내",
        "정보화담당관",
        at(2026, 5, 2),
        2310,
        [],
    )


def test_password_form_is_a_secret_post() -> None:
    found = post("password", key="19251")
    assert (found.secret, found.body_html) == (True, "")


def test_a_row_that_opens_only_through_go_view_gets_the_view_url() -> None:
    doc = parse_html(
        "<table><thead><tr><th>번호</th><th>제목</th><th>등록일</th></tr></thead><tbody><tr><td>1</td>"
        '<td aria-label="제목"><a href="#none" onclick="goView(\'555\'); return false;">제목</a></td>'
        '<td aria-label="등록일">2026.06.01</td></tr></tbody></table>'
    )
    row = ENGINE.parse_list(doc, ParseContext(LIST_URL, NOW)).stubs[0]
    assert (row.key, row.url, row.posted_at) == ("555", f"{LIST_URL}&act=view&list_no=555", at(2026, 6, 1))
