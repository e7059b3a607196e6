"""The KBoard engine on saved pages of the ``default`` skin: a permalink board, a ``?page_id=`` board with
an older copy of the skin, a view page with download buttons and the password form (its saved error pages
are rows of the tables in test_site_errors.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import Doc, EngineError, parse_html
from noticetui.engines.kboard import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post

from .conftest import SavedPages, at, foreign_pages, load, stub

NOW = datetime(2025, 3, 5, 15, 0, tzinfo=SEOUL)
SITE = "https://www.hanbit.example.or.kr"
LIST_URL = f"{SITE}/notice/"
VIEW_URL = f"{LIST_URL}?mod=document&uid=131"
PAGE_ID_URL = "https://www.saebom.example.ac.kr/?pageid=3&page_id=5"
OWN = {
    "list_page1": LIST_URL,
    "list_page2": f"{LIST_URL}?pageid=2",
    "list_page_id": PAGE_ID_URL,
    "list_empty": f"{SITE}/press/",
    "view": VIEW_URL,
    "confirm": f"{LIST_URL}?mod=document&uid=130",
}


def page(name: str, engine_dir: str = "kboard") -> Doc:
    return load(engine_dir, name)


SAVED = SavedPages(ENGINE, "kboard", NOW, LIST_URL, VIEW_URL, "131", second_url=OWN["list_page2"])


def listing(name: str) -> ListPage:
    return SAVED.listing(name, OWN[name])


@pytest.fixture(scope="module")
def page_id_board() -> ListPage:
    return listing("list_page_id")


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("kboard") is ENGINE


@pytest.mark.parametrize("name", sorted(OWN))
def test_kboard_pages_score_high(name: str) -> None:
    assert ENGINE.score(OWN[name], page(name)) >= 0.8


@pytest.mark.parametrize("name", ["list_page1", "list_page_id", "view"])
def test_detect_picks_kboard_on_its_pages(name: str) -> None:
    assert detect(OWN[name], page(name))[0].engine is ENGINE


def _foreign_fixtures() -> list[Path]:
    return foreign_pages("kboard")


@pytest.mark.parametrize("path", _foreign_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_other_engines_pages_score_low(path: Path) -> None:
    doc = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    assert ENGINE.score("https://www.example.go.kr/board/list.do", doc) < 0.3


def test_plain_wordpress_page_scores_low() -> None:
    doc = parse_html(
        "<html><head><meta name='generator' content='WordPress 6.5.3'>"
        "<link rel='stylesheet' href='/wp-content/plugins/kboard/skin/default/style.css'></head>"
        "<body><article><h1>재단소개</h1><p>인사말</p></article></body></html>"
    )
    assert ENGINE.score("https://www.hanbit.example.or.kr/about/", doc) < 0.3


def test_document_url_without_kboard_markup_scores_low() -> None:
    doc = parse_html("<html><body><table><tr><td><a href='?uid=3'>글</a></td></tr></table></body></html>")
    assert ENGINE.score(VIEW_URL, doc) < 0.3


# --- URLs --------------------------------------------------------------------------------------------


def test_board_url_of_a_permalink_document_is_the_page() -> None:
    assert ENGINE.board_url(f"{LIST_URL}?pageid=2&mod=document&uid=131") == LIST_URL


def test_board_url_of_a_page_id_document_keeps_page_id() -> None:
    url = "https://www.saebom.example.ac.kr/?pageid=1&page_id=5&mod=document&uid=14"
    assert ENGINE.board_url(url) == "https://www.saebom.example.ac.kr/?page_id=5"


def test_board_url_keeps_the_category() -> None:
    url = f"{LIST_URL}?category1=%EA%B3%B5%EB%AA%A8&mod=document&uid=131"
    assert ENGINE.board_url(url) == f"{LIST_URL}?category1=%EA%B3%B5%EB%AA%A8"


def test_board_url_of_a_download_url_is_the_page() -> None:
    url = f"{LIST_URL}?uid=131&action=kboard_file_download&kboard-file-download-nonce=1a2b3c4d5e&file=file1"
    assert ENGINE.board_url(url) == LIST_URL


def test_board_url_of_the_board_is_unchanged() -> None:
    assert (
        ENGINE.board_url("https://www.saebom.example.ac.kr/?page_id=5") == "https://www.saebom.example.ac.kr/?page_id=5"
    )


def test_first_list_page_has_no_pageid() -> None:
    assert ENGINE.list_request(LIST_URL, 1).url == LIST_URL


def test_later_list_pages_add_pageid_to_the_page_query() -> None:
    url = ENGINE.list_request("https://www.saebom.example.ac.kr/?page_id=5", 3).url
    assert url == "https://www.saebom.example.ac.kr/?page_id=5&pageid=3"


# --- list pages --------------------------------------------------------------------------------------


def test_keys_are_uids_in_page_order(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["98", "91", "131", "130", "132", "127", "125", "122", "120"]


def test_titles_leave_out_new_mark_comment_count_and_mobile_summary(first: ListPage) -> None:
    assert stub(first, "131").title == "[모집] 2025 청년 문화기획자 아카데미 참가자 모집"
    assert stub(first, "98").title == "2025년 상반기 대관 일정 안내"


def test_titles_decode_entities(first: ListPage) -> None:
    assert stub(first, "127").title == "R&D 지원사업 설명회 개최 결과"
    assert stub(first, "125").title == "<수정> 2025년 기간제 근로자 채용 공고"


def test_urls_are_absolute_document_links_with_decoded_ampersands(first: ListPage) -> None:
    assert stub(first, "131").url == f"{LIST_URL}?mod=document&uid=131"


def test_document_urls_leave_out_the_list_page(second: ListPage) -> None:
    assert stub(second, "118").url == f"{LIST_URL}?mod=document&uid=118"


def test_post_request_sends_the_list_page_as_referer(second: ListPage) -> None:
    assert stub(second, "118").request.referer == f"{LIST_URL}?pageid=2"


def test_author_from_the_dropdown_is_the_name_alone(first: ListPage) -> None:
    assert stub(first, "127").author == "홍보담당"


def test_author_with_avatar_is_the_name_alone(first: ListPage) -> None:
    assert stub(first, "125").author == "총무과"


def test_notice_rows_are_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.notice] == ["98", "91"]


def test_notice_listed_again_as_a_row_gives_one_flagged_stub(second: ListPage) -> None:
    assert [s.key for s in second.stubs].count("91") == 1
    assert stub(second, "91").notice


def test_secret_rows_are_flagged(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["130", "132"]


def test_older_skin_lock_image_flags_secret(page_id_board: ListPage) -> None:
    assert stub(page_id_board, "14").secret
    assert not stub(page_id_board, "9").secret


def test_reply_row_has_depth_one(first: ListPage) -> None:
    assert stub(first, "132").reply_depth == 1
    assert stub(first, "130").reply_depth == 0


def test_nested_reply_depth_comes_from_the_indent(page_id_board: ListPage) -> None:
    assert [stub(page_id_board, k).reply_depth for k in ("14", "15", "17")] == [0, 1, 2]


def test_reply_title_has_no_icons(page_id_board: ListPage) -> None:
    assert stub(page_id_board, "17").title == "RE: RE: 수강료 환불 문의"


def test_comment_counts_in_parentheses(first: ListPage) -> None:
    assert (stub(first, "131").comments, stub(first, "125").comments, stub(first, "122").comments) == (2, 12, None)


def test_views_are_integers(first: ListPage, page_id_board: ListPage) -> None:
    assert stub(first, "125").views == 2356
    assert stub(page_id_board, "3").views == 1540


def test_todays_rows_show_the_time(first: ListPage) -> None:
    assert stub(first, "131").posted_at == at(2025, 3, 5, 14, 5)


def test_older_rows_show_the_date_with_its_year(first: ListPage) -> None:
    assert stub(first, "127").posted_at == at(2025, 3, 4)
    assert stub(first, "120").posted_at == at(2024, 12, 30)


def test_notices_keep_their_own_dates(first: ListPage) -> None:
    assert stub(first, "98").posted_at == at(2025, 2, 20)


def test_total_with_thousands_separator(first: ListPage) -> None:
    assert first.total == 1023


def test_first_page_pagination(first: ListPage) -> None:
    assert (first.next_page, first.last_page) == (2, 103)


def test_second_page_pagination(second: ListPage) -> None:
    assert (second.next_page, second.last_page) == (3, 103)


def test_last_page_has_no_next_page(page_id_board: ListPage) -> None:
    assert (page_id_board.next_page, page_id_board.last_page, page_id_board.total) == (None, 3, 23)


def test_page_id_board_urls_resolve_against_the_site(page_id_board: ListPage) -> None:
    assert stub(page_id_board, "9").url == "https://www.saebom.example.ac.kr/?page_id=5&mod=document&uid=9"


def test_empty_board_has_no_rows_and_one_page() -> None:
    empty = listing("list_empty")
    assert (empty.stubs, empty.next_page, empty.last_page, empty.total) == ([], None, 1, 0)


def test_redirect_links_give_their_post_id_as_key() -> None:
    doc = parse_html(
        '<div id="kboard-default-list"><div class="kboard-list"><table><tbody><tr>'
        '<td class="kboard-list-uid">3</td><td class="kboard-list-title">'
        '<a href="/?kboard_content_redirect=44">휴관 안내</a></td><td class="kboard-list-date">2025.01.02</td>'
        "</tr></tbody></table></div></div>"
    )
    rows = ENGINE.parse_list(doc, ParseContext(url=LIST_URL, now=NOW)).stubs
    assert [(s.key, s.title, s.url) for s in rows] == [("44", "휴관 안내", f"{SITE}/?kboard_content_redirect=44")]


def test_page_without_a_list_is_an_engine_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(page("view"), ParseContext(url=VIEW_URL, now=NOW))


# --- view pages --------------------------------------------------------------------------------------


def test_view_title(view: Post) -> None:
    assert view.title == "[모집] 2025 청년 문화기획자 아카데미 참가자 모집"


def test_view_author_from_the_dropdown(view: Post) -> None:
    assert view.author == "문화사업팀"


def test_view_datetime_and_views(view: Post) -> None:
    assert (view.posted_at, view.views) == (at(2025, 3, 5, 14, 5), 38)


def test_view_category(view: Post) -> None:
    assert view.category == "공모"


def test_view_key_and_url_are_the_callers(view: Post) -> None:
    assert (view.key, view.url) == ("131", VIEW_URL)


def test_body_keeps_its_html(view: Post) -> None:
    assert "<strong>2025 청년 문화기획자 아카데미</strong>" in view.body_html
    assert "67c7f0a1e2b3d.jpg" in view.body_html


def test_body_leaves_out_buttons_comments_and_navigation(view: Post) -> None:
    for junk in (
        "좋아요",
        "온라인으로도 신청할 수 있나요",
        "대관 신청 관련 문의드립니다",
        "모집요강.hwp",
        "Powered by",
    ):
        assert junk not in view.body_html


def test_attachment_names_and_indexes(view: Post) -> None:
    assert [(a.index, a.name) for a in view.attachments] == [
        (0, "모집요강.hwp"),
        (1, "참가신청서 양식.hwpx"),
        (2, "[붙임] 개인정보 수집·이용 동의서(필수).pdf"),
    ]


def test_attachment_url_comes_from_the_onclick(view: Post) -> None:
    request = view.attachments[1].request
    assert request is not None
    assert request.url == (
        f"{LIST_URL}?uid=131&action=kboard_file_download&kboard-file-download-nonce=1a2b3c4d5e&file=file2"
    )


def test_attachment_request_sends_and_primes_the_view_page(view: Post) -> None:
    request = view.attachments[0].request
    assert request is not None
    assert (request.referer, request.prime) == (VIEW_URL, VIEW_URL)


def test_older_skin_attachment_link_is_read_from_its_href() -> None:
    doc = parse_html(
        '<div id="kboard-default-document"><div class="kboard-document-wrap">'
        '<div class="kboard-title"><p>자료</p></div><div class="kboard-content"><div class="content-view">본문</div></div>'
        '<div class="kboard-attach">첨부파일 : <a href="/?action=kboard_file_download&#038;uid=9&#038;file=file1">'
        "강의계획서.pdf</a></div></div></div>"
    )
    files = ENGINE.parse_post(doc, ParseContext(url="https://www.saebom.example.ac.kr/?page_id=5", now=NOW), "9")
    assert [(a.name, a.request.url if a.request else "") for a in files.attachments] == [
        ("강의계획서.pdf", "https://www.saebom.example.ac.kr/?action=kboard_file_download&uid=9&file=file1")
    ]


def test_password_form_is_a_secret_post_without_body() -> None:
    secret = ENGINE.parse_post(page("confirm"), ParseContext(url=OWN["confirm"], now=NOW), "130")
    assert (secret.secret, secret.body_html, secret.key) == (True, "", "130")
