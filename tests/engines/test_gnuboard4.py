"""The gnuboard4 engine on saved pages of the table-based ``basic`` skin (EUC-KR sites, stored as UTF-8)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import EngineError, parse_html
from noticetui.engines.gnuboard4 import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post, Request

from .conftest import SavedPages, at, foreign_pages, load_path, stub

NOW = datetime(2025, 1, 3, 15, 0, tzinfo=SEOUL)
SITE = "http://www.oldlib.or.kr/bbs"
LIST_URL = f"{SITE}/board.php?bo_table=notice"
VIEW_URL = f"{LIST_URL}&wr_id=40&page=1"


SAVED = SavedPages(ENGINE, "gnuboard4", NOW, LIST_URL, VIEW_URL, "40", second_url=f"{LIST_URL}&page=2")
page, listing = SAVED.page, SAVED.listing


def foreign_fixtures() -> list[Path]:
    return foreign_pages("gnuboard4")


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("gnuboard4") is ENGINE


@pytest.mark.parametrize(
    ("name", "url"), [("list_page1", LIST_URL), ("list_page2", f"{LIST_URL}&page=2"), ("view", VIEW_URL)]
)
def test_gnuboard4_pages_score_high(name: str, url: str) -> None:
    assert ENGINE.score(url, page(name)) >= 0.8


@pytest.mark.parametrize(
    ("name", "url"),
    [("list_page1", LIST_URL), ("view", VIEW_URL), ("password", f"{SITE}/password.php?w=s&bo_table=notice&wr_id=130")],
)
def test_detect_picks_gnuboard4(name: str, url: str) -> None:
    assert detect(url, page(name))[0].engine is ENGINE


@pytest.mark.parametrize("path", foreign_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_other_engines_pages_score_low_even_at_a_gnuboard_url(path: Path) -> None:
    doc = load_path(path)
    assert ENGINE.score("https://www.example.kr/index.html", doc) < 0.3
    assert ENGINE.score(LIST_URL, doc) < 0.3


def test_gnuboard5_globals_rule_gnuboard4_out() -> None:
    doc = parse_html('<script>var g5_url = "https://x"; var g4_path = "..";</script><span id="writeContents"></span>')
    assert ENGINE.score(LIST_URL, doc) == 0.0


def test_plain_page_scores_zero() -> None:
    doc = parse_html("<html><body><h1>Welcome</h1><table><tr><td>a</td></tr></table></body></html>")
    assert ENGINE.score("https://example.com/", doc) == 0.0


# --- board_url and list_request ---------------------------------------------------------------------


def test_board_url_of_a_post_keeps_only_bo_table() -> None:
    assert ENGINE.board_url(f"{VIEW_URL}&sfl=wr_subject&stx=%C8%DE%B0%FC") == LIST_URL


def test_board_url_of_a_download_or_password_url_points_at_board_php() -> None:
    assert ENGINE.board_url(f"{SITE}/download.php?bo_table=notice&wr_id=40&no=0") == LIST_URL
    assert ENGINE.board_url(f"{SITE}/password.php?w=s&bo_table=notice&wr_id=130") == LIST_URL


def test_board_url_keeps_the_category() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&sca=%BE%C8%B3%BB&page=3") == f"{LIST_URL}&sca=%BE%C8%B3%BB"


def test_list_requests_ask_for_their_page() -> None:
    assert ENGINE.list_request(LIST_URL, 1) == Request(url=LIST_URL)
    assert ENGINE.list_request(LIST_URL, 4) == Request(url=f"{LIST_URL}&page=4")


# --- list rows --------------------------------------------------------------------------------------


def test_rows_in_page_order_with_each_notice_once(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["40", "12", "131", "130", "133", "128", "127"]


def test_pinned_notices_are_flagged_and_nothing_else(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.notice] == ["40", "12"]


def test_a_title_with_notice_text_is_not_a_notice(first: ListPage) -> None:
    assert stub(first, "128").title.startswith("[공지]") and not stub(first, "128").notice


def test_notices_pinned_on_a_later_page_stay_flagged(second: ListPage) -> None:
    assert [s.key for s in second.stubs if s.notice] == ["40", "12"]


def test_titles_are_the_link_text_without_icons_or_counters(first: ListPage) -> None:
    assert [s.title for s in first.stubs[2:5]] == [
        "1월 독서 프로그램 <겨울방학> 일정",
        "대출 연장 문의드립니다",
        "RE: 대출 연장 문의드립니다",
    ]


def test_urls_are_absolute_and_requests_send_the_list_as_referer(first: ListPage) -> None:
    assert stub(first, "131").url == f"{LIST_URL}&wr_id=131&page=1"
    assert stub(first, "131").request == Request(url=f"{LIST_URL}&wr_id=131&page=1", referer=LIST_URL)


def test_authors_come_from_the_side_view_name_span(first: ListPage) -> None:
    assert [s.author for s in first.stubs[2:]] == ["김사서", "홍길동", "관리자", "문화팀", "이영희"]


def test_views_with_thousands_separator(first: ListPage) -> None:
    assert [s.views for s in first.stubs] == [1020, 88, 15, 3, 1, 230, 41]


def test_todays_rows_show_the_time(first: ListPage) -> None:
    assert stub(first, "131").posted_at == at(2025, 1, 3, 14, 22)


def test_december_rows_of_a_january_list_are_last_year(first: ListPage) -> None:
    assert stub(first, "128").posted_at == at(2024, 12, 27)


def test_secret_rows_are_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["130", "133"]


def test_reply_depth_comes_from_the_nbsp_indent(first: ListPage, second: ListPage) -> None:
    assert (stub(first, "133").reply_depth, stub(second, "119").reply_depth) == (1, 2)


def test_reply_is_dated_after_the_post_it_answers(second: ListPage) -> None:
    assert stub(second, "119").posted_at == at(2024, 11, 22)


def test_comment_counts_from_the_win_comment_and_plain_links(first: ListPage, second: ListPage) -> None:
    assert [s.comments for s in first.stubs[:3]] == [3, None, 2]
    assert stub(second, "118").comments == 4


def test_file_icon_sets_has_file(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.has_file] == ["40", "128"]


def test_category_from_the_sca_link(first: ListPage) -> None:
    assert [s.category for s in first.stubs[:4]] == ["안내", "안내", "행사", None]


def test_admin_checkbox_column_does_not_shift_the_cells(second: ListPage) -> None:
    assert (stub(second, "117").author, stub(second, "117").views) == ("박민수", 9)


def test_other_boards_posts_in_a_side_box_are_not_rows() -> None:
    assert listing("list_empty").stubs == []


def test_next_and_last_page_read_the_last_page_parameter(first: ListPage) -> None:
    assert (first.next_page, first.last_page) == (2, 83)


def test_last_page_has_no_next(second: ListPage) -> None:
    assert (second.next_page, second.last_page) == (None, 2)


def test_total_from_the_total_counter(first: ListPage) -> None:
    assert first.total == 1234


def test_a_page_that_is_no_gnuboard4_list_is_an_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(parse_html("<html><body><p>점검 중</p></body></html>"), ParseContext(LIST_URL, NOW))


# --- view -------------------------------------------------------------------------------------------


def test_view_title_without_the_category_prefix(view: Post) -> None:
    assert (view.title, view.category) == ("2025년 설 연휴 휴관 안내", "안내")


def test_view_author_views_and_exact_date(view: Post) -> None:
    assert (view.author, view.views, view.posted_at) == ("관리자", 1020, at(2024, 12, 30, 9, 10))


def test_view_body_keeps_the_text_a_misnested_paragraph_pushed_out_of_the_span(view: Post) -> None:
    body = parse_html(view.body_html)
    text = body.body.text() if body.body is not None else ""
    assert "설 연휴 기간 동안 도서관이 휴관합니다." in text and "이용에 참고하시기 바랍니다." in text
    assert "열람실" in text


def test_view_body_holds_the_inline_image_but_not_the_comments(view: Post) -> None:
    assert "target_resize_image" in view.body_html and "홍길동" not in view.body_html


def test_view_body_drops_the_empty_anti_injection_anchors(view: Post) -> None:
    assert 'href=""' not in view.body_html


def test_attachments_from_file_download_calls(view: Post) -> None:
    assert [(a.index, a.name, a.size) for a in view.attachments] == [
        (1, "휴관안내문.hwp", 25088),
        (2, "사서's 메모 & 일정표.txt", 512),
    ]


def test_attachment_request_is_relative_to_bbs_and_primed_by_the_view(view: Post) -> None:
    assert view.attachments[0].request == Request(
        url=f"{SITE}/download.php?bo_table=notice&wr_id=40&no=1&page=1", referer=VIEW_URL, prime=VIEW_URL
    )


def test_goto_password_script_is_a_secret_post() -> None:
    post = ENGINE.parse_post(page("secret_redirect"), ParseContext(f"{LIST_URL}&wr_id=130", NOW), "130")
    assert (post.secret, post.body_html) == (True, "")


def test_password_form_is_a_secret_post() -> None:
    url = f"{SITE}/password.php?w=s&bo_table=notice&wr_id=130"
    assert ENGINE.parse_post(page("password"), ParseContext(url, NOW), "130").secret


def test_rows_without_a_header_are_read_by_the_shape_of_their_cells() -> None:
    doc = parse_html(
        '<script>var g4_path = "..";</script><form name="fboardlist"><table><tr>'
        "<td>7</td><td><a href='../bbs/board.php?bo_table=notice&wr_id=9'>제목 없는 표</a></td>"
        "<td><span class='guest'>최영</span></td><td>12-24</td><td>1,500</td></tr></table></form>"
    )
    row = ENGINE.parse_list(doc, ParseContext(LIST_URL, NOW)).stubs[0]
    assert (row.key, row.author, row.posted_at, row.views) == ("9", "최영", at(2024, 12, 24), 1500)
