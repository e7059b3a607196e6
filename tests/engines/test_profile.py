"""User CSS profiles on hand-written pages: selectors in, stubs and posts out, clear errors on bad profiles."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import Doc, EngineError, parse_html
from noticetui.engines.profile.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, Post

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=SEOUL)
LIST_URL = "https://www.hansol-uc.or.kr/bid/list.php?pg=2"
VIEW_URL = "https://www.hansol-uc.or.kr/bid/view.php?bid=102&pg=2"
PROFILE = {
    "rows": "div.board-wrap > div.bid-row",
    "title": "span.t",
    "link": "span.t a",
    "date": ".when",
    "author": ".who",
    "views": ".cnt",
    "notice": ".flag",
    "body": "div.bid-text",
    "post_title": ".bid-head .name",
    "post_date": ".bid-meta .stamp",
    "post_author": ".bid-meta .dep",
    "attachments": "div.bid-files span",
    "next_page": "div.pg a:last-child",
    "page_param": "pg",
}


def page(name: str, folder: str = "profile") -> Doc:
    return parse_html((FIXTURES / folder / f"{name}.html").read_text(encoding="utf-8"))


def options(**changes: str | None) -> dict[str, Any]:
    profile = {k: v for k, v in {**PROFILE, **changes}.items() if v is not None}
    return {"profile": profile}


def listing(**changes: str | None) -> ListPage:
    return ENGINE.parse_list(page("list"), ParseContext(LIST_URL, NOW, options(**changes)))


def post(**changes: str | None) -> Post:
    return ENGINE.parse_post(page("view"), ParseContext(VIEW_URL, NOW, options(**changes)), "102")


@pytest.fixture(scope="module")
def rows() -> ListPage:
    return listing()


def test_engine_is_registered_and_never_detected() -> None:
    assert get_engine("profile") is ENGINE
    assert ENGINE.score(LIST_URL, page("list")) == 0.0
    assert next(d.score for d in detect(LIST_URL, page("list")) if d.engine is ENGINE) == 0.0


def test_rows_selector_gives_one_stub_per_row(rows: ListPage) -> None:
    assert [s.key for s in rows.stubs] == ["77", "102", "99", "95"]


def test_row_fields_come_from_their_selectors(rows: ListPage) -> None:
    second = rows.stubs[1]
    assert (second.title, second.author, second.views) == ("한솔천 생태공원 조경 공사 입찰 공고", "공원사업부", 88)
    assert second.posted_at == datetime(2026, 11, 21, tzinfo=SEOUL)
    assert second.url == "https://www.hansol-uc.or.kr/bid/view.php?bid=102&pg=2"


def test_notice_selector_marks_rows(rows: ListPage) -> None:
    assert [s.notice for s in rows.stubs] == [True, False, False, False]


def test_next_page_selector_and_page_param_give_the_next_page(rows: ListPage) -> None:
    assert rows.next_page == 3


def test_missing_next_page_link_means_last_page() -> None:
    assert listing(next_page="div.pg a.next").next_page is None


def test_page_param_sets_the_list_request() -> None:
    board = "https://www.hansol-uc.or.kr/bid/list.php"
    assert ENGINE.list_request_for(board, 1, options()).url == board
    assert ENGINE.list_request_for(board, 3, options()).url == f"{board}?pg=3"


def test_without_page_param_the_url_decides() -> None:
    board = "https://x.kr/list.do?pageIndex=1"
    assert ENGINE.list_request(board, 2).url == "https://x.kr/list.do?pageIndex=2"


def test_row_selectors_default_to_the_generic_reading() -> None:
    found = listing(title=None, link=None)
    assert found.stubs[1].title == "한솔천 생태공원 조경 공사 입찰 공고"


def test_post_fields_come_from_their_selectors() -> None:
    found = post()
    assert (found.title, found.author) == ("한솔천 생태공원 조경 공사 입찰 공고", "공원사업부")
    assert found.posted_at == datetime(2026, 11, 21, 14, 0, tzinfo=SEOUL)
    assert found.body_html.startswith("<p>한솔천 생태공원 조경 공사의 입찰을")


def test_attachment_selector_may_select_the_links_holders() -> None:
    found = post()
    assert [(a.name, a.size) for a in found.attachments] == [("입찰공고문.pdf", 215040), ("설계도면.zip", 4404019)]
    assert found.attachments[0].request is not None and found.attachments[0].request.referer == VIEW_URL


def test_body_defaults_to_the_densest_block() -> None:
    assert "개찰 일시" in post(body=None).body_html


def test_rows_matching_nothing_names_selector_and_url() -> None:
    with pytest.raises(
        EngineError, match=re.escape(f'profile selector rows = "table.list tr" matched nothing on {LIST_URL}')
    ):
        listing(rows="table.list tr")


def test_title_matching_no_row_is_an_error() -> None:
    with pytest.raises(EngineError, match=re.escape('profile selector title = "td.subject"')):
        listing(title="td.subject")


def test_body_matching_nothing_is_an_error() -> None:
    with pytest.raises(
        EngineError, match=re.escape(f'profile selector body = "#bbsContent" matched nothing on {VIEW_URL}')
    ):
        post(body="#bbsContent")


def test_invalid_css_is_reported_as_such() -> None:
    with pytest.raises(EngineError, match=re.escape('profile selector date = "td[[" is not valid CSS')):
        listing(date="td[[")


def test_unknown_key_is_reported() -> None:
    with pytest.raises(EngineError, match='unknown key "row"'):
        ENGINE.parse_list(page("list"), ParseContext(LIST_URL, NOW, {"profile": {"rows": "div", "row": "x"}}))


def test_profile_without_rows_is_reported() -> None:
    with pytest.raises(EngineError, match="needs a rows selector"):
        ENGINE.parse_list(page("list"), ParseContext(LIST_URL, NOW, {}))


def test_profile_reads_a_generic_table_board_with_notice_cells() -> None:
    table = {
        "rows": "table.bbs_list tbody tr",
        "title": "td.subject a",
        "date": "td:nth-child(5)",
        "notice": ".ico_notice",
    }
    url = "https://www.hansol.or.kr/notice/list.asp?bcode=n1"
    found = ENGINE.parse_list(page("table_list_page1", "generic"), ParseContext(url, NOW, {"profile": table}))
    assert [s.key for s in found.stubs if s.notice] == ["2871"]
    assert found.stubs[2].posted_at == datetime(2026, 11, 25, 9, 12, tzinfo=SEOUL)


def test_password_page_gives_a_secret_post() -> None:
    doc = page("password", "generic")
    found = ENGINE.parse_post(doc, ParseContext(VIEW_URL, NOW, options(body=".board-body")), "3012")
    assert found.secret and found.body_html == ""


# --- onclick link templates --------------------------------------------------------------------------

SCRIPT_LIST = """<table class="list"><tbody>
<tr><td>3</td><td class="subj"><a href="#" onclick="fnView(1046); return false;">겨울학기 수강생 모집</a></td>
<td class="d">2026-11-16</td></tr>
<tr onclick="fnView('1045')"><td>2</td><td class="subj"><a href="javascript:;">도서관 휴관 안내</a></td>
<td class="d">2026-11-10</td></tr>
</tbody></table>"""
SCRIPT_PROFILE = {
    "rows": "table.list tbody tr",
    "title": "td.subj",
    "date": "td.d",
    "onclick": r"fnView\('?(\d+)'?\)",
    "view": "view.do?seq={1}",
}


def test_an_onclick_pattern_fills_the_view_template() -> None:
    found = ENGINE.parse_list(parse_html(SCRIPT_LIST), ctx("https://edu.hansol.kr/board/list.do", SCRIPT_PROFILE))
    assert [(s.key, s.url) for s in found.stubs] == [
        ("1046", "https://edu.hansol.kr/board/view.do?seq=1046"),
        ("1045", "https://edu.hansol.kr/board/view.do?seq=1045"),
    ]
    assert found.stubs[1].title == "도서관 휴관 안내"


def test_an_onclick_pattern_needs_its_view_template() -> None:
    with pytest.raises(EngineError, match="onclick and view go together"):
        ENGINE.parse_list(parse_html(SCRIPT_LIST), ctx(LIST_URL, {"rows": "tr", "onclick": r"fnView\((\d+)\)"}))


def test_an_invalid_onclick_pattern_is_named() -> None:
    with pytest.raises(EngineError, match="not a valid regular expression"):
        ENGINE.parse_list(parse_html(SCRIPT_LIST), ctx(LIST_URL, {**SCRIPT_PROFILE, "onclick": "fnView(("}))


def ctx(url: str, profile: dict[str, str]) -> ParseContext:
    return ParseContext(url, NOW, {"profile": profile})


# --- JSON list profiles ------------------------------------------------------------------------------

API_URL = "https://www.hansol.go.kr/api/board/list?bbsId=B0001&page=1"
API_JSON = """{"result": "ok", "data": {"totalCount": 23, "list": [
  {"nttId": 9001, "nttSj": "공지: <필독> 누리집 점검", "frstRegistPnttm": "2026-11-01 09:00:00",
   "ntcrNm": "정보팀", "inqireCo": "1,024", "noticeAt": "Y"},
  {"nttId": 9088, "nttSj": "겨울철 제설 대책 안내", "frstRegistPnttm": "2026-11-17T10:20:00+09:00",
   "ntcrNm": "도로과", "inqireCo": 12, "noticeAt": "N"},
  {"nttId": 9087, "nttSj": "한솔천 산책로 공사", "frstRegistPnttm": "2026.11.12", "ntcrNm": "건설과",
   "inqireCo": 7, "noticeAt": "N"}]}}"""
API_PROFILE: dict[str, Any] = {
    "json": True,
    "rows": "data.list",
    "key": "nttId",
    "title": "nttSj",
    "date": "frstRegistPnttm",
    "author": "ntcrNm",
    "views": "inqireCo",
    "notice": "noticeAt",
    "view": "/board/view.do?bbsId=B0001&nttId={nttId}",
    "total": "data.totalCount",
}


def json_listing(text: str = API_JSON, url: str = API_URL, **changes: Any) -> ListPage:
    profile = {**API_PROFILE, **changes}
    return ENGINE.parse_list(parse_html(text), ParseContext(url, NOW, {"profile": profile}))


def test_a_json_profile_reads_rows_by_key_paths() -> None:
    found = json_listing()
    assert [(s.key, s.title, s.author, s.views, s.notice) for s in found.stubs] == [
        ("9001", "공지: <필독> 누리집 점검", "정보팀", 1024, True),
        ("9088", "겨울철 제설 대책 안내", "도로과", 12, False),
        ("9087", "한솔천 산책로 공사", "건설과", 7, False),
    ]
    assert found.stubs[1].url == "https://www.hansol.go.kr/board/view.do?bbsId=B0001&nttId=9088"
    assert found.stubs[1].posted_at == datetime(2026, 11, 17, 10, 20, tzinfo=SEOUL)
    assert found.total == 23


def test_a_json_profile_pages_until_the_total_is_reached() -> None:
    assert json_listing().next_page == 2
    assert json_listing(url=API_URL.replace("page=1", "page=8")).next_page is None


def test_a_json_profile_on_a_page_that_is_no_json_names_the_url() -> None:
    with pytest.raises(EngineError, match="did not answer JSON"):
        json_listing("<html><body>점검 중</body></html>")


def test_a_json_profile_with_rows_that_are_no_array_says_so() -> None:
    with pytest.raises(EngineError, match="no array"):
        json_listing(rows="data.totalCount")


def test_a_json_profile_needs_a_post_url() -> None:
    profile = {k: v for k, v in API_PROFILE.items() if k != "view"}
    with pytest.raises(EngineError, match="view"):
        ENGINE.parse_list(parse_html(API_JSON), ParseContext(API_URL, NOW, {"profile": profile}))
