"""The generic engine on hand-written list pages of boards no engine knows: detection, rows, paging."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines import Detection, all_engines, detect, get_engine
from noticetui.engines.base import Doc, parse_html
from noticetui.engines.generic.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext
from noticetui.sync import DETECT_THRESHOLD, choose_engine

from .conftest import at, stub

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=SEOUL)
NEWS_URL = "https://www.hansol.go.kr/news"
TABLE_URL = "https://www.hansol.or.kr/notice/list.asp?bcode=n1"
CARDS_URL = "https://art.hansol.or.kr/press?offset=12"


def page(name: str) -> Doc:
    return parse_html((FIXTURES / "generic" / f"{name}.html").read_text(encoding="utf-8"))


def listing(name: str, url: str) -> ListPage:
    return ENGINE.parse_list(page(name), ParseContext(url=url, now=NOW))


@pytest.fixture(scope="module")
def news() -> ListPage:
    return listing("news_list", NEWS_URL)


@pytest.fixture(scope="module")
def table() -> ListPage:
    return listing("table_list_page1", TABLE_URL)


@pytest.fixture(scope="module")
def table2() -> ListPage:
    return listing("table_list_page2", f"{TABLE_URL}&cpage=2")


@pytest.fixture(scope="module")
def cards() -> ListPage:
    return listing("cards_offset", CARDS_URL)


# --- registry and detection -------------------------------------------------------------------------


def test_engine_is_registered_by_name() -> None:
    assert get_engine("generic") is ENGINE


@pytest.mark.parametrize(("name", "url"), [("news_list", NEWS_URL), ("table_list_page1", TABLE_URL)])
def test_dated_list_scores_low_but_not_zero(name: str, url: str) -> None:
    assert 0.3 <= ENGINE.score(url, page(name)) < DETECT_THRESHOLD


def test_post_page_with_a_list_link_scores_lowest_of_all() -> None:
    assert ENGINE.score(TABLE_URL, page("view")) == pytest.approx(0.3)


@pytest.mark.parametrize("name", ["plain_page", "list_empty"])
def test_page_without_rows_scores_zero(name: str) -> None:
    assert ENGINE.score(TABLE_URL, page(name)) == 0.0


def test_maintenance_page_scores_zero() -> None:
    doc = parse_html(
        "<html><body><div class='maintenance'><h1>시스템 점검 중입니다</h1><p>점검 시간: 00:00 ~ 06:00</p></div></body></html>"
    )
    assert ENGINE.score("https://example.kr/board", doc) == 0.0


def _other_fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/*.html") if p.parent.name not in ("generic", "profile"))


@pytest.mark.parametrize("path", _other_fixtures(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_other_engines_pages_never_go_to_generic(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # saved EUC-KR pages
        text = raw.decode("cp949", "replace")
    found = detect("https://www.example.kr/board", parse_html(text))
    generic = next(d.score for d in found if d.engine.name == "generic")
    assert generic < DETECT_THRESHOLD
    assert found[0].engine.name != "generic" or found[0].score == 0.0


@pytest.mark.parametrize(
    ("name", "url"), [("news_list", NEWS_URL), ("table_list_page1", TABLE_URL), ("view", TABLE_URL)]
)
def test_detection_falls_back_on_generic_for_unknown_boards(name: str, url: str) -> None:
    found = detect(url, page(name))
    assert found[0].score < DETECT_THRESHOLD  # no engine claims these pages
    chosen = choose_engine(found)
    assert chosen is not None and chosen.engine is ENGINE


def test_detection_prefers_a_confident_engine_over_the_fallback() -> None:
    confident = Detection(all_engines()["gnuboard"], 0.9)
    assert choose_engine([confident, Detection(ENGINE, 0.45)]) is confident


def test_detection_gives_up_when_generic_found_nothing() -> None:
    assert choose_engine(detect(TABLE_URL, page("plain_page"))) is None


# --- rows --------------------------------------------------------------------------------------------


def test_plain_news_list_rows_are_found(news: ListPage) -> None:
    assert [s.key for s in news.stubs] == ["1532", "1530", "1527", "1525", "1519", "1516", "1511", "1508"]


def test_path_number_is_the_key_and_link_the_url(news: ListPage) -> None:
    first = news.stubs[0]
    assert first.url == "https://www.hansol.go.kr/news/1532"
    assert first.request.url == first.url and first.request.referer == NEWS_URL


def test_new_marks_are_not_part_of_titles(news: ListPage) -> None:
    assert news.stubs[0].title == "한솔구, 겨울철 한파 대비 취약계층 안전점검 실시"


def test_list_item_dates_are_read(news: ListPage) -> None:
    assert stub(news, "1527").posted_at == at(2026, 11, 18)


def test_menus_and_side_boxes_are_not_rows(table: ListPage) -> None:
    titles = {s.title for s in table.stubs}
    assert "공지사항" not in titles and "한솔창업재단, 지역 대학과 창업 협력 협약" not in titles


def test_query_parameter_that_changes_per_row_is_the_key(table: ListPage) -> None:
    assert [s.key for s in table.stubs] == ["2990", "2871", "3021", "3018", "3012", "3004", "2998", "2995"]


def test_notice_by_icon_or_word_in_number_cell(table: ListPage) -> None:
    assert [s.key for s in table.stubs if s.notice] == ["2990", "2871"]


def test_cut_title_is_completed_from_title_attribute(table: ListPage) -> None:
    assert stub(table, "3018").title == "2026년 하반기 청년 창업 아카데미 수강생 모집 공고 (~12.5 마감, 선착순 40명)"


def test_comment_counter_is_not_part_of_the_title(table: ListPage) -> None:
    assert "[3]" not in stub(table, "3018").title


def test_columns_are_mapped_by_header(table: ListPage) -> None:
    row = stub(table, "3004")
    assert (row.author, row.views, row.posted_at) == ("사업운영팀", 412, at(2026, 11, 10))


def test_todays_time_only_date_is_today(table: ListPage) -> None:
    assert stub(table, "3021").posted_at == at(2026, 11, 25, 9, 12)


def test_attachment_column_sets_has_file(table: ListPage) -> None:
    assert stub(table, "3018").has_file and not stub(table, "3021").has_file


def test_lock_icon_marks_a_secret_post(table: ListPage) -> None:
    assert [s.key for s in table.stubs if s.secret] == ["3012"]
    assert stub(table, "3012").title == "수강료 환불 문의"


def test_total_is_read(table: ListPage) -> None:
    assert table.total == 57


def test_notices_repeated_on_page_two_keep_their_keys(table: ListPage, table2: ListPage) -> None:
    pinned = {s.key for s in table2.stubs if s.notice}
    assert pinned == {s.key for s in table.stubs if s.notice}
    assert [s.key for s in table2.stubs if not s.notice] == ["2960", "2951", "2937"]


def test_card_title_is_its_heading_and_date_inside_the_link(cards: ListPage) -> None:
    first = cards.stubs[0]
    assert (first.key, first.title) == ("8812", "한솔문화재단, 겨울 방학 어린이 미술 교실 운영")
    assert first.posted_at == at(2026, 11, 20)


def test_empty_board_gives_no_rows() -> None:
    assert listing("list_empty", TABLE_URL).stubs == []


def test_page_of_menu_links_gives_no_rows() -> None:
    assert listing("plain_page", TABLE_URL).stubs == []


def test_every_class_marked_notice_means_no_notice() -> None:
    items = "".join(
        f'<li class="notice-item"><a href="/n/{n}">공지 제목 {n}번째 안내입니다</a><span>2026-11-{n:02d}</span></li>'
        for n in (20, 19, 18, 17)
    )
    found = ENGINE.parse_list(parse_html(f"<ul>{items}</ul>"), ParseContext(NEWS_URL, NOW))
    assert len(found.stubs) == 4 and not any(s.notice for s in found.stubs)


# --- paging ------------------------------------------------------------------------------------------


def test_next_page_from_numbered_links(news: ListPage, table: ListPage, table2: ListPage) -> None:
    assert (news.next_page, table.next_page, table2.next_page) == (2, 2, 3)


def test_last_page_from_the_end_link(table: ListPage) -> None:
    assert table.last_page == 6


def test_last_page_has_no_next() -> None:
    rows = "".join(
        f'<li><a href="/news/{n}">구정 소식 {n}번째 기사입니다</a> <span>2026-10-{n:02d}</span></li>' for n in (9, 8, 7)
    )
    html = f'<ul class="news">{rows}</ul><div class="paging"><a href="?page=1">1</a> <strong>2</strong></div>'
    found = ENGINE.parse_list(parse_html(html), ParseContext(f"{NEWS_URL}?page=2", NOW))
    assert (found.next_page, found.last_page) == (None, 2)


def test_board_url_keeps_a_learnt_page_parameter_at_page_one() -> None:
    assert ENGINE.board_url(f"{TABLE_URL}&cpage=2", page("table_list_page2")) == f"{TABLE_URL}&cpage=1"


def test_list_request_sets_the_learnt_page_parameter() -> None:
    board = ENGINE.board_url(TABLE_URL, page("table_list_page1"))
    assert ENGINE.list_request(board, 4).url == f"{TABLE_URL}&cpage=4"


def test_default_page_parameter_is_page() -> None:
    board = ENGINE.board_url(NEWS_URL, page("news_list"))
    assert board == NEWS_URL
    assert ENGINE.list_request(board, 1).url == NEWS_URL
    assert ENGINE.list_request(board, 3).url == f"{NEWS_URL}?page=3"


def test_record_offset_paging_is_learnt_with_its_step(cards: ListPage) -> None:
    board = ENGINE.board_url(CARDS_URL, page("cards_offset"))
    assert board == "https://art.hansol.or.kr/press?offset=0#step=12"
    assert ENGINE.list_request(board, 3).url == "https://art.hansol.or.kr/press?offset=24"
    assert cards.next_page == 3


def test_post_page_board_url_is_its_list_link() -> None:
    url = "https://www.hansol.or.kr/notice/view.asp?bcode=n1&idx=3018&cpage=1"
    assert ENGINE.board_url(url, page("view")) == "https://www.hansol.or.kr/notice/list.asp?bcode=n1&cpage=1"


def test_image_list_button_is_a_list_link() -> None:
    url = "http://www.hansol.go.kr/sub01/notice.php?mode=view&no=771&page=1"
    assert ENGINE.board_url(url, page("view_table_layout")) == "http://www.hansol.go.kr/sub01/notice.php"
