"""The Rhymix/XE engine on saved pages: a Rhymix ``default`` skin board with query URLs, an XE 1.x
``xedition`` board with rewritten URLs in a subdirectory, their post pages (post above the list), secret
posts, an empty board and the system message page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import Doc, EngineError, parse_html
from noticetui.engines.rhymix.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post, Request

from .conftest import at, foreign_pages, load, load_path, stub

NOW = datetime(2025, 3, 6, 10, 0, tzinfo=SEOUL)
SITE = "https://www.hanbit-welfare.or.kr"
LIST_URL = f"{SITE}/index.php?mid=notice"
READ_URL = f"{LIST_URL}&document_srl=4601"
SECRET_URL = f"{LIST_URL}&document_srl=4619"
XE = "http://www.ourvillage.kr/xe"
XE_LIST = f"{XE}/free"
XE_READ = f"{XE}/free/21840?page=2"
XE_SECRET = f"{XE}/free/21795?page=2"
XE_DOWNLOAD = f"{XE}/?module=file&act=procFileDownload"
SID_4603 = "3f2a9c0b7d1e4f5a6b7c8d9e0f1a2b3c"
PAGES = {
    "list_page1": LIST_URL,
    "list_page2": f"{XE_LIST}/page/2",
    "list_empty": f"{SITE}/index.php?mid=archive",
    "read_default": READ_URL,
    "read_xedition": XE_READ,
    "secret_default": SECRET_URL,
    "secret_xedition": XE_SECRET,
}
# A plausible URL for each other engine's saved pages.
FOREIGN_URLS = {
    "gnuboard": "https://lib.example.kr/bbs/board.php?bo_table=notice",
    "egov": "https://www.example.go.kr/cop/bbs/selectBoardList.do",
    "kboard": "https://www.example.kr/notice/?mod=list",
}


def page(name: str) -> Doc:
    return load("rhymix", name)


def listing(name: str) -> ListPage:
    return ENGINE.parse_list(page(name), ParseContext(url=PAGES[name], now=NOW))


def post(name: str, key: str) -> Post:
    return ENGINE.parse_post(page(name), ParseContext(url=PAGES[name], now=NOW), key)


@pytest.fixture(scope="module")
def first() -> ListPage:
    return listing("list_page1")


@pytest.fixture(scope="module")
def second() -> ListPage:
    return listing("list_page2")


@pytest.fixture(scope="module")
def read() -> Post:
    return post("read_default", "4601")


@pytest.fixture(scope="module")
def xe_read() -> Post:
    return post("read_xedition", "21840")


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("rhymix") is ENGINE


@pytest.mark.parametrize("name", sorted(PAGES))
def test_rhymix_pages_score_high(name: str) -> None:
    assert ENGINE.score(PAGES[name], page(name)) >= 0.8


@pytest.mark.parametrize("name", sorted(PAGES))
def test_detect_picks_rhymix_on_its_pages(name: str) -> None:
    assert detect(PAGES[name], page(name))[0].engine.name == "rhymix"


def _foreign_fixtures() -> list[Path]:
    return foreign_pages("rhymix")


@pytest.mark.parametrize("path", _foreign_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_other_engines_pages_score_low(path: Path) -> None:
    url = FOREIGN_URLS.get(path.parent.name, "https://www.example.kr/board/list")
    assert ENGINE.score(url, load_path(path)) < 0.3  # some are EUC-KR


def test_plain_page_at_a_mid_url_scores_low() -> None:
    doc = parse_html("<html><body><h1>안내</h1><a href='?mid=notice&document_srl=1'>글</a></body></html>")
    assert ENGINE.score(LIST_URL, doc) < 0.3


# --- board_url and list_request ---------------------------------------------------------------------


def test_board_url_of_a_query_post_url_keeps_only_the_mid() -> None:
    url = f"{LIST_URL}&page=3&search_target=title&search_keyword=채용&document_srl=4601"
    assert ENGINE.board_url(url) == LIST_URL


def test_board_url_of_a_query_page_url_drops_the_page() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&page=7") == LIST_URL


def test_board_url_keeps_the_category() -> None:
    assert ENGINE.board_url(f"{LIST_URL}&category=311&page=2") == f"{LIST_URL}&category=311"


def test_board_url_keeps_an_xe_virtual_site_id() -> None:
    assert ENGINE.board_url(f"{SITE}/index.php?vid=youth&mid=notice&page=2") == (
        f"{SITE}/index.php?vid=youth&mid=notice"
    )


def test_board_url_of_a_document_srl_without_mid_uses_the_pages_mid() -> None:
    assert ENGINE.board_url(f"{SITE}/index.php?document_srl=4601", page("read_default")) == LIST_URL


def test_board_url_of_a_rewritten_post_is_its_board() -> None:
    assert ENGINE.board_url(XE_READ, page("read_xedition")) == XE_LIST


def test_board_url_of_a_rewritten_page_url_is_its_board_without_the_page() -> None:
    assert ENGINE.board_url(f"{XE_LIST}/page/2") == XE_LIST


def test_board_url_of_a_bare_document_srl_uses_the_pages_mid_and_base() -> None:
    assert ENGINE.board_url(f"{XE}/21840", page("read_xedition")) == XE_LIST


def test_board_url_of_a_rewritten_category_page_keeps_the_category() -> None:
    assert ENGINE.board_url(f"{XE_LIST}/category/311/page/4") == f"{XE_LIST}/category/311"


def test_first_query_list_page_has_no_page_parameter() -> None:
    assert ENGINE.list_request(LIST_URL, 1) == Request(url=LIST_URL)


def test_later_query_list_pages_ask_for_their_page() -> None:
    assert ENGINE.list_request(LIST_URL, 3) == Request(url=f"{LIST_URL}&page=3")


def test_rewritten_boards_page_with_a_page_path() -> None:
    assert ENGINE.list_request(XE_LIST, 2) == Request(url=f"{XE_LIST}/page/2")
    assert ENGINE.list_request(XE_LIST, 1) == Request(url=XE_LIST)


def test_rewritten_category_boards_page_after_the_category() -> None:
    assert ENGINE.list_request(f"{XE_LIST}/category/311", 2).url == f"{XE_LIST}/category/311/page/2"


# --- list rows --------------------------------------------------------------------------------------


def test_notices_come_first_and_are_flagged(first: ListPage) -> None:
    assert [(s.key, s.notice) for s in first.stubs[:3]] == [("4512", True), ("3977", True), ("4630", False)]


def test_a_notice_listed_again_among_the_rows_is_one_flagged_stub(first: ListPage) -> None:
    assert [s.key for s in first.stubs].count("4512") == 1
    assert stub(first, "4512").notice


def test_keys_are_document_srls_in_page_order(first: ListPage) -> None:
    assert [s.key for s in first.stubs] == ["4512", "3977", "4630", "4619", "4601", "4588", "4470", "4302"]


def test_titles_carry_no_icons_or_reply_counts(first: ListPage) -> None:
    assert stub(first, "4619").title == "프로그램 신청 방법 문의드립니다"
    assert stub(first, "4601").title == "[채용] 2025년 사회복지사(계약직) 채용 공고"


def test_a_styled_notice_title_is_its_text(first: ListPage) -> None:
    assert stub(first, "4512").title == "2025년 상반기 프로그램 수강생 모집 안내"


def test_reply_counts_become_comment_counts(first: ListPage) -> None:
    assert [stub(first, key).comments for key in ("4601", "4512", "4630")] == [12, 2, None]


def test_authors_leave_out_level_icons(first: ListPage) -> None:
    assert stub(first, "4601").author == "총무팀"


def test_an_image_nickname_gives_its_alt_text(first: ListPage) -> None:
    assert stub(first, "4588").author == "사진담당"


def test_guest_authors_are_read_like_members(first: ListPage) -> None:
    assert stub(first, "4619").author == "김영희"


def test_list_dates_are_days_in_the_board_zone(first: ListPage) -> None:
    assert stub(first, "4630").posted_at == at(2025, 3, 5)
    assert stub(first, "3977").posted_at == at(2024, 12, 30)


def test_views_with_thousands_separators_are_ints(first: ListPage) -> None:
    assert (stub(first, "4601").views, stub(first, "4630").views) == (1532, 31)


def test_secret_icon_marks_a_secret_post(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.secret] == ["4619"]


def test_file_icon_marks_posts_with_files(first: ListPage) -> None:
    assert [s.key for s in first.stubs if s.has_file] == ["4630", "4601"]


def test_rows_link_absolute_urls_fetched_with_the_list_as_referer(first: ListPage) -> None:
    row = stub(first, "4630")
    assert row.url == f"{LIST_URL}&document_srl=4630"
    assert row.request == Request(url=row.url, referer=LIST_URL)


def test_pagination_gives_the_next_and_last_page(first: ListPage) -> None:
    assert (first.next_page, first.last_page) == (2, 8)


def test_notices_repeat_on_later_pages_as_one_flagged_stub(second: ListPage) -> None:
    assert [s.key for s in second.stubs] == ["20311", "21877", "21840", "21795", "20288"]
    assert stub(second, "20311").notice


def test_rewritten_row_links_resolve_under_the_install_path(second: ListPage) -> None:
    assert stub(second, "21877").url == f"{XE_LIST}/21877?page=2"


def test_xedition_pagination_after_the_search_form_is_read(second: ListPage) -> None:
    assert (second.next_page, second.last_page) == (3, 3)


def test_xe_icons_without_a_skin_folder_still_mark_secret_and_file(second: ListPage) -> None:
    assert stub(second, "21795").secret and stub(second, "21840").has_file


def test_empty_board_has_no_rows_and_no_next_page() -> None:
    empty = listing("list_empty")
    assert (empty.stubs, empty.next_page) == ([], None)


def test_the_list_under_a_post_is_read_with_the_current_row_marked() -> None:
    under = listing("read_default")
    assert [s.key for s in under.stubs] == ["4512", "3977", "4630", "4619", "4601", "4588", "4470", "4302"]
    assert stub(under, "4601").title == "[채용] 2025년 사회복지사(계약직) 채용 공고"


def test_the_comment_pagination_under_a_post_is_not_the_lists() -> None:
    assert listing("read_default").next_page == 2


def test_a_page_without_a_board_list_is_an_error() -> None:
    with pytest.raises(EngineError):
        ENGINE.parse_list(page("error_not_permitted"), ParseContext(url=LIST_URL, now=NOW))


# --- post pages -------------------------------------------------------------------------------------


def test_post_header_fields_are_read(read: Post) -> None:
    assert (read.title, read.author, read.posted_at, read.views) == (
        "[채용] 2025년 사회복지사(계약직) 채용 공고",
        "총무팀",
        at(2025, 2, 27, 14, 5),
        1532,
    )


def test_body_is_the_document_alone_not_the_list_or_comments(read: Post) -> None:
    assert "사회복지사를 다음과 같이 채용합니다" in read.body_html
    assert "경력 인정 범위" not in read.body_html and "경로식당" not in read.body_html
    assert "rhymix_content" not in read.body_html


def test_body_keeps_inline_images(read: Post) -> None:
    assert 'src="/files/attach/images/101/601/004/8f3a2c1d9e7b4a60.jpg"' in read.body_html


def test_files_have_names_sizes_and_download_requests(read: Post) -> None:
    assert [(a.index, a.name, a.size) for a in read.attachments] == [
        (0, "2025년 채용공고문.hwp", 100864),
        (1, "응시원서(서식).hwpx", 1268777),
        (2, "개인정보 동의서.pdf", 850),
    ]


def test_downloads_send_the_post_as_referer(read: Post) -> None:
    request = read.attachments[0].request
    assert request == Request(
        url=f"{SITE}/index.php?module=file&act=procFileDownload&file_srl=4603&sid={SID_4603}",
        referer=READ_URL,
        prime=READ_URL,
    )


def test_xedition_header_fields_and_category_are_read(xe_read: Post) -> None:
    assert (xe_read.title, xe_read.category, xe_read.author, xe_read.posted_at, xe_read.views) == (
        "마을 도서관 겨울방학 특강 신청하세요",
        "마을소식",
        "도서관지기",
        at(2024, 12, 20, 16, 47),
        120,
    )


def test_xe1_body_wrapper_is_read(xe_read: Post) -> None:
    assert xe_read.body_html.startswith("<p>겨울방학을 맞아 어린이 특강을 엽니다.</p>")


def test_xe1_download_links_resolve_under_the_install_path(xe_read: Post) -> None:
    assert [a.request.url for a in xe_read.attachments if a.request] == [
        f"{XE_DOWNLOAD}&file_srl=21843&sid=5d41402abc4b2a76b9719d911017c592&module_srl=185",
        f"{XE_DOWNLOAD}&file_srl=21844&sid=7d793037a0760186574b0282f2f435e7&module_srl=185",
    ]
    assert [a.name for a in xe_read.attachments] == ["특강 신청서.hwp", "특강 포스터.jpg"]


def test_secret_post_is_empty_and_secret_but_keeps_its_header() -> None:
    secret = post("secret_default", "4619")
    assert (secret.secret, secret.body_html, secret.attachments) == (True, "", [])
    assert (secret.title, secret.author, secret.posted_at, secret.views) == (
        "프로그램 신청 방법 문의드립니다",
        "김영희",
        at(2025, 3, 4, 21, 16),
        3,
    )


def test_xedition_secret_form_marks_the_post_secret_with_its_guest_author() -> None:
    secret = post("secret_xedition", "21795")
    assert (secret.secret, secret.body_html, secret.author) == (True, "", "익명")


# --- failure pages ----------------------------------------------------------------------------------


def test_alert_page_is_a_failure() -> None:
    doc = parse_html('<html><body><script>alert("삭제된 게시물입니다.");history.back();</script></body></html>')
    assert ENGINE.is_failure_page(doc) == "삭제된 게시물입니다."
