"""The gnuboard5 engine on saved pages of the basic skin, its theme copy, an older copy and the gallery."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import get_engine
from noticetui.engines.base import parse_html
from noticetui.engines.gnuboard.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post, Request

from .conftest import SavedPages, at, stub

NOW = datetime(2025, 1, 3, 15, 0, tzinfo=SEOUL)
SITE = "https://lib.example.kr/bbs/board.php"
LIST_URL = f"{SITE}?bo_table=notice"
VIEW_URL = f"{SITE}?bo_table=notice&wr_id=40"
QA_VIEW_URL = f"{SITE}?bo_table=qa&wr_id=129"


SAVED = SavedPages(ENGINE, "gnuboard", NOW, LIST_URL, VIEW_URL, "40", second_url=f"{LIST_URL}&page=2")
page, listing, post = SAVED.page, SAVED.listing, SAVED.post


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("gnuboard") is ENGINE
    assert ENGINE.label == "Gnuboard 5"


@pytest.mark.parametrize(("name", "url"), [("list_page1", LIST_URL), ("view", VIEW_URL)])
def test_gnuboard_pages_score_high(name: str, url: str) -> None:
    assert ENGINE.score(url, page(name)) >= 0.9


def test_unrelated_page_scores_about_zero() -> None:
    doc = parse_html("<html><body><h1>Welcome</h1><ul><li><a href='/about'>About</a></li></ul></body></html>")
    assert ENGINE.score("https://example.com/index.html", doc) < 0.05


def test_gnuboard_url_with_foreign_markup_is_not_a_confident_match() -> None:
    doc = parse_html("<html><body><table><tr><td><a href='?wr_id=3'>글</a></td></tr></table></body></html>")
    assert ENGINE.score(LIST_URL, doc) < 0.5


def test_gnuboard_markup_at_a_short_url_still_scores_above_half() -> None:
    assert ENGINE.score("https://lib.example.kr/notice", page("list_page1")) > 0.5


# --- board_url and list_request ---------------------------------------------------------------------


def test_board_url_of_a_post_url_keeps_only_bo_table() -> None:
    url = f"{SITE}?bo_table=notice&wr_id=40&page=3&sfl=wr_subject&stx=휴관"
    assert ENGINE.board_url(url) == LIST_URL


def test_board_url_of_a_page_url_drops_the_page() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&page=7") == LIST_URL


def test_board_url_keeps_the_category() -> None:
    assert ENGINE.board_url(f"{SITE}?bo_table=notice&wr_id=3&sca=%ED%96%89%EC%82%AC") == (
        f"{LIST_URL}&sca=%ED%96%89%EC%82%AC"
    )


def test_board_url_of_a_download_url_points_at_board_php() -> None:
    url = "https://lib.example.kr/bbs/download.php?bo_table=notice&wr_id=40&no=0"
    assert ENGINE.board_url(url) == LIST_URL


def test_short_post_url_is_kept_without_the_page() -> None:
    assert ENGINE.board_url("https://lib.example.kr/notice/123") == "https://lib.example.kr/notice/123"


def test_short_post_url_uses_the_board_the_page_names() -> None:
    assert ENGINE.board_url("https://lib.example.kr/notice/40", page("view")) == LIST_URL


def test_first_list_page_has_no_page_parameter() -> None:
    assert ENGINE.list_request(LIST_URL, 1) == Request(url=LIST_URL)


def test_later_list_pages_ask_for_their_page() -> None:
    assert ENGINE.list_request(LIST_URL, 3) == Request(url=f"{LIST_URL}&page=3")


# --- list rows --------------------------------------------------------------------------------------


def test_keys_are_wr_ids_in_page_order(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["40", "12", "131", "130", "129", "133", "128", "127"]


def test_titles_carry_no_icons_counters_or_screen_reader_text(first: ListPage) -> None:
    assert [s.title for s in first.stubs[:4]] == [
        "2025년 설 연휴 휴관 안내",
        "개인정보 처리방침 변경 안내",
        "1월 독서 프로그램 일정",
        "대출 연장 문의드립니다",
    ]


def test_titles_inside_a_bo_tit_link_with_comment_count_are_clean(second: ListPage) -> None:
    assert stub(second, "126").title == "도서 기증 캠페인 결과 보고"


def test_older_skin_title_with_comment_count_inside_the_link_is_clean() -> None:
    assert stub(listing("view_with_list", QA_VIEW_URL), "129").title == "주차장 이용 시간 문의"


def test_urls_are_absolute_post_links(first: ListPage) -> None:
    assert stub(first, "131").url == f"{LIST_URL}&wr_id=131"


def test_post_request_sends_the_list_page_as_referer(first: ListPage) -> None:
    assert stub(first, "131").request == Request(url=f"{LIST_URL}&wr_id=131", referer=LIST_URL)


def test_author_is_the_name_without_the_side_view_menu(first: ListPage) -> None:
    assert [s.author for s in first.stubs[2:5]] == ["김사서", "홍길동", "이영희"]


def test_author_without_side_view_is_the_plain_name(second: ListPage) -> None:
    assert stub(second, "124").author == "박민수"


def test_pinned_notices_are_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.notice] == ["40", "12"]


def test_secret_row_is_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["130"]


def test_reply_row_has_depth_one(first: ListPage) -> None:
    assert [(s.key, s.reply_depth) for s in first.stubs if s.reply_depth] == [("133", 1)]


def test_nested_reply_depth_comes_from_the_indent(second: ListPage) -> None:
    assert stub(second, "134").reply_depth == 2


def test_comment_counts(first: ListPage) -> None:
    assert [s.comments for s in first.stubs[:5]] == [3, None, 2, None, 1]


def test_attachment_icon_sets_has_file(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.has_file] == ["40", "128"]


def test_category_from_the_category_link(first: ListPage) -> None:
    assert [s.category for s in first.stubs[:4]] == ["안내", "안내", "행사", None]


def test_views_with_thousands_separator(first: ListPage) -> None:
    assert [s.views for s in first.stubs] == [1020, 88, 15, 3, 41, 12, 230, 1734]


def test_todays_row_gets_todays_date_and_time(first: ListPage) -> None:
    assert stub(first, "131").posted_at == at(2025, 1, 3, 14, 22)


def test_december_rows_of_a_january_list_are_last_year(first: ListPage) -> None:
    assert [stub(first, k).posted_at for k in ("130", "129", "128")] == [
        at(2025, 1, 2),
        at(2024, 12, 31),
        at(2024, 12, 24),
    ]


def test_reply_newer_than_its_december_parent_is_this_year(first: ListPage) -> None:
    assert stub(first, "133").posted_at == at(2025, 1, 2)


def test_notices_are_dated_on_their_own(first: ListPage) -> None:
    # 03-02 would be in the future this year; the notice above it must not drag it either way.
    assert [s.posted_at for s in first.stubs[:2]] == [at(2024, 12, 30), at(2024, 3, 2)]


def test_second_page_rows_are_dated_back_in_time(second: ListPage) -> None:
    assert [s.posted_at for s in second.stubs] == [
        at(2024, 12, 13),
        at(2024, 11, 30),
        at(2024, 12, 2),
        at(2025, 1, 2),
        at(2024, 10, 28),
    ]


def rows_html(*rows: tuple[int, int, str]) -> str:
    """A minimal basic-skin table: (wr_id, reply depth, date cell) per row."""
    cells = "".join(
        f'<tr><td class="td_num2">{wr_id}</td><td class="td_subject" style="padding-left:{depth * 10}px">'
        + ('<img src="/skin/board/basic/img/icon_reply.gif" class="icon_reply" alt="답변글">' if depth else "")
        + f'<div class="bo_tit"><a href="{LIST_URL}&amp;wr_id={wr_id}">글 {wr_id}</a></div></td>'
        f'<td class="td_name sv_use"><span class="sv_guest">손님</span></td><td class="td_num">1</td>'
        f'<td class="td_datetime">{date}</td></tr>'
        for wr_id, depth, date in rows
    )
    return f'<div id="bo_list"><div class="tbl_head01"><table><tbody>{cells}</tbody></table></div></div>'


def test_reply_is_dated_after_its_parent_even_a_year_back() -> None:
    html = rows_html((9, 0, "01-10"), (8, 0, "12-20"), (7, 0, "11-30"), (10, 1, "12-02"))
    late_in_the_year = datetime(2025, 12, 25, 12, 0, tzinfo=SEOUL)
    result = ENGINE.parse_list(parse_html(html), ParseContext(url=LIST_URL, now=late_in_the_year))
    assert [s.posted_at for s in result.stubs] == [
        at(2025, 1, 10),
        at(2024, 12, 20),
        at(2024, 11, 30),
        at(2024, 12, 2),
    ]


def test_first_page_pagination(first: ListPage) -> None:
    assert (first.next_page, first.last_page, first.total) == (2, 14, 137)


def test_second_page_pagination(second: ListPage) -> None:
    assert (second.next_page, second.last_page) == (3, 14)


def test_last_page_has_no_next_page() -> None:
    html = (
        '<div id="bo_list"><table><tbody></tbody></table></div><nav class="pg_wrap"><span class="pg">'
        f'<a href="{LIST_URL}&amp;page=1" class="pg_page pg_start">처음</a>'
        f'<a href="{LIST_URL}&amp;page=13" class="pg_page">13</a>'
        '<strong class="pg_current">14</strong></span></nav>'
    )
    result = ENGINE.parse_list(parse_html(html), ParseContext(url=LIST_URL, now=NOW))
    assert (result.next_page, result.last_page) == (None, 14)


def test_empty_board_has_no_rows() -> None:
    result = listing("list_empty", f"{SITE}?bo_table=data")
    assert (result.stubs, result.next_page, result.last_page, result.total) == ([], None, None, 0)


def test_list_under_a_view_page_includes_the_row_being_read() -> None:
    result = listing("view_with_list", QA_VIEW_URL)
    assert [s.key for s in result.stubs] == ["131", "130", "129", "133", "128"]


def test_older_skin_with_date_before_views_maps_columns_by_header() -> None:
    row = stub(listing("view_with_list", QA_VIEW_URL), "129")
    assert (row.views, row.posted_at, row.comments) == (41, at(2024, 12, 31), 1)


def test_older_skin_image_icons_mark_secret_file_and_reply() -> None:
    result = listing("view_with_list", QA_VIEW_URL)
    flags = [(s.key, s.secret, s.has_file, s.reply_depth) for s in result.stubs[1:]]
    assert flags == [
        ("130", True, False, 0),
        ("129", False, False, 0),
        ("133", False, False, 1),
        ("128", False, True, 0),
    ]


def test_gallery_skin_rows() -> None:
    result = listing("gallery", f"{SITE}?bo_table=gallery")
    assert [(s.key, s.title, s.notice, s.comments, s.views) for s in result.stubs] == [
        ("9", "사진 게시 규칙", True, None, 310),
        ("14", "성탄 음악회 현장", False, 4, 58),
    ]


def test_gallery_skin_dates() -> None:
    result = listing("gallery", f"{SITE}?bo_table=gallery")
    assert [s.posted_at for s in result.stubs] == [at(2024, 6, 1), at(2024, 12, 24)]


# --- view page --------------------------------------------------------------------------------------


def test_view_title_without_category(view: Post) -> None:
    assert view.title == "2025년 설 연휴 휴관 안내"


def test_view_category(view: Post) -> None:
    assert view.category == "안내"


def test_view_author_is_the_name_only(view: Post) -> None:
    assert view.author == "관리자"


def test_view_count(view: Post) -> None:
    assert view.views == 1020


def test_view_datetime_from_two_digit_year(view: Post) -> None:
    assert view.posted_at == at(2024, 12, 30, 9, 10)


def test_view_key_and_url_are_the_callers(view: Post) -> None:
    assert (view.key, view.url, view.secret) == ("40", VIEW_URL, False)


def test_body_keeps_its_html(view: Post) -> None:
    assert "<strong>1월 28일 ~ 1월 30일</strong>" in view.body_html
    assert 'alt="무인반납기 위치"' in view.body_html


def test_body_starts_with_the_inline_image_attachment(view: Post) -> None:
    assert view.body_html.startswith('<img src="https://lib.example.kr/data/file/notice/thumb-3f0a9e2b_poster')


def test_body_leaves_out_comments_and_navigation(view: Post) -> None:
    assert "반납함은 어디에" not in view.body_html
    assert "이전글" not in view.body_html


def test_attachment_names_and_indexes(view: Post) -> None:
    assert [(a.index, a.name) for a in view.attachments] == [
        (0, "2025년_설연휴_휴관안내.hwp"),
        (2, "무인반납기 이용 안내 (2025).pdf"),
    ]


def test_attachment_sizes_in_bytes(view: Post) -> None:
    assert [a.size for a in view.attachments] == [round(24.5 * 1024), round(1.2 * 1024 * 1024)]


def test_attachment_request_primes_the_session_with_the_view_page(view: Post) -> None:
    request = view.attachments[0].request
    assert request == Request(
        url=(
            "https://lib.example.kr/bbs/download.php?bo_table=notice&wr_id=40&no=0"
            "&nonce=Ab3dE9xYzq%7C1735528200%7C9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6"
        ),
        referer=VIEW_URL,
        prime=VIEW_URL,
    )


def test_older_view_skin_reads_author_date_and_views() -> None:
    result = post("view_with_list", QA_VIEW_URL, "129")
    assert (result.title, result.author, result.posted_at, result.views) == (
        "주차장 이용 시간 문의",
        "이영희",
        at(2024, 12, 31, 18, 40),
        41,
    )


def test_view_page_with_list_below_keeps_only_its_own_body() -> None:
    result = post("view_with_list", QA_VIEW_URL, "129")
    assert result.body_html == "주말에도 주차장을 이용할 수 있나요?<br>토요일 오후에 방문하려고 합니다."
    assert result.attachments == []


def test_password_page_is_a_secret_post_without_body() -> None:
    url = "https://lib.example.kr/bbs/password.php?w=s&bo_table=notice&wr_id=130"
    result = post("password", url, "130")
    assert (result.key, result.secret, result.body_html) == ("130", True, "")


# --- failure pages ----------------------------------------------------------------------------------


def test_alert_page_is_a_failure_with_its_message() -> None:
    reason = ENGINE.is_failure_page(page("alert"))
    assert reason is not None and reason.startswith("글이 존재하지 않습니다.")


def test_a_view_title_cut_by_the_skin_is_taken_whole_from_the_page_title() -> None:
    from noticetui.engines.base import parse_html
    from noticetui.engines.gnuboard.engine import ENGINE

    full = "2026년 지역특화산업 육성사업(R&D) 신규 지원과제 공모 및 사업설명회 개최 안내 - 지역혁신 선도기업 대상 (온라인 접수)"
    html = (
        f"<html><head><title>{full.replace('&', '&amp;')} &gt; 공지사항 | 데모</title></head><body>"
        f'<article id="bo_v"><h2 id="bo_v_title"><span class="bo_v_tit">{full[:69].replace("&", "&amp;")}…</span></h2>'
        '<section id="bo_v_info"></section><div id="bo_v_con"><p>본문</p></div></article></body></html>'
    )
    from datetime import datetime

    from noticetui.models import SEOUL, ParseContext

    post = ENGINE.parse_post(
        parse_html(html), ParseContext("http://x/bbs/board.php?bo_table=n&wr_id=1", datetime.now(SEOUL)), "1"
    )
    assert post.title == full


def test_gnuboard4_pages_score_zero_despite_the_shared_url_shape() -> None:

    from noticetui.engines.base import parse_html
    from noticetui.engines.gnuboard.engine import ENGINE
    from noticetui.net.charset import decode_html

    # Board pages only: an alert page has no markup of either version to tell them apart.
    fixtures = [
        p
        for p in sorted((Path(__file__).parent.parent / "fixtures" / "gnuboard4").glob("*.html"))
        if b"g4_" in p.read_bytes()
    ]
    assert len(fixtures) >= 4
    for path in fixtures:
        text, _ = decode_html(path.read_bytes(), None)
        assert ENGINE.score("http://x.kr/bbs/board.php?bo_table=notice", parse_html(text)) < 0.3, path.name


# --- the upstream gallery skin's .gall_info, and older skins' labelled items -------------------------


def test_gallery_author_is_read_from_gall_info() -> None:
    result = ENGINE.parse_list(page("gallery_info"), ParseContext(url=f"{SITE}?bo_table=photo", now=NOW))
    assert [(s.key, s.author, s.views) for s in result.stubs] == [
        ("3", "관리자", 812),
        ("41", "김사서", 77),
        ("40", "박민지", 3),
        ("39", "이관장", 154),
    ]
    assert result.stubs[2].secret


def test_older_gallery_skin_reads_its_labelled_items() -> None:
    html = """<div id="bo_gall"><ul id="gall_ul"><li class="gall_li"><ul class="gall_con">
    <li class="gall_href"><a href="https://lib.example.kr/bbs/board.php?bo_table=photo&wr_id=7"><img src="t.jpg"></a></li>
    <li class="gall_text_href"><a href="https://lib.example.kr/bbs/board.php?bo_table=photo&wr_id=7">가을 음악회</a></li>
    <li><span class="gall_subject">작성자 </span><span class="sv_member">김사서</span></li>
    <li><span class="gall_subject">작성일 </span>10-03</li>
    <li><span class="gall_subject">조회 </span>41</li></ul></li></ul></div>"""
    result = ENGINE.parse_list(parse_html(html), ParseContext(url=f"{SITE}?bo_table=photo", now=NOW))
    assert [(s.key, s.title, s.author, s.views, s.posted_at) for s in result.stubs] == [
        ("7", "가을 음악회", "김사서", 41, at(2024, 10, 3))
    ]


def test_rows_dated_without_a_year_say_so() -> None:
    result = listing("list_page1")
    guessed = {s.key: s.year_guessed for s in result.stubs}
    dated = {s.key: s.posted_at for s in result.stubs}
    # MM-DD rows had their year inferred; a HH:MM row (today) did not.
    assert all(guessed[k] for k, m in dated.items() if m is not None and (m.hour, m.minute) == (0, 0))
    assert not any(guessed[k] for k, m in dated.items() if m is not None and (m.hour, m.minute) != (0, 0))
    assert any(guessed.values())
