"""The generic engine on boards whose rows and pages open by script: ``fnView(1046)``, ``tr onclick``,
``javascript:goPage(2)``; and sync trying the guessed GET page parameters of such a board."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import httpx
from selectolax.lexbor import LexborNode

from noticetui.config import BoardConfig
from noticetui.engines import detect
from noticetui.engines.base import parse_html
from noticetui.engines.common.js_targets import Scripts, node_call
from noticetui.engines.generic.engine import ENGINE
from noticetui.models import SEOUL, ListPage, ParseContext, PostStub
from noticetui.net.fetch import Fetcher
from noticetui.sync import BoardSyncResult, StopRule, choose_engine, read_list

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "generic"
NOW = datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL)
GET_URL = "https://edu.hansol.go.kr/board/list.do?menuNo=200123"
POST_URL = "https://www.hansol.or.kr/news/list.asp"


def text(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


def listing(name: str, url: str) -> ListPage:
    return ENGINE.parse_list(parse_html(text(name)), ParseContext(url=url, now=NOW))


def link(html: str) -> LexborNode:
    node = parse_html(html).css_first("a")
    assert node is not None
    return node


def test_a_links_call_is_read_from_its_onclick_or_its_javascript_href() -> None:
    assert node_call(link('<a href="#" onclick="fnView(1046); return false;">x</a>')) == ("fnView", ["1046"])
    assert node_call(link("<a href=\"javascript:fn_view('BBS_01', '12')\">x</a>")) == ("fn_view", ["BBS_01", "12"])


def test_void_and_empty_scripts_are_no_navigation() -> None:
    assert node_call(link('<a href="javascript:void(0)">x</a>')) is None
    assert node_call(link('<a href="javascript:;">x</a>')) is None


def test_a_call_of_an_unknown_function_makes_no_request() -> None:
    scripts = Scripts.of(parse_html(text("onclick_get")), GET_URL)
    assert scripts.request("fnElsewhere", ["1"]) is None


def test_rows_with_script_links_become_posts_keyed_by_their_argument() -> None:
    found = listing("onclick_get", GET_URL)
    assert [s.key for s in found.stubs] == ["1001", "1046", "1045", "1040"]
    assert found.stubs[1].title == "겨울학기 수강생 모집 공고 (12월 개강)"
    assert found.stubs[1].request.url == "https://edu.hansol.go.kr/board/view.do?menuNo=200123&seq=1046"
    assert found.stubs[0].notice


def test_a_row_onclick_that_fills_and_posts_a_form_gives_a_post_request() -> None:
    found = listing("onclick_post", POST_URL)
    assert [s.key for s in found.stubs] == ["21877", "21870", "21862"]
    request = found.stubs[0].request
    assert request.method == "POST"
    assert request.url == "https://www.hansol.or.kr/portal/bbs/selectBoardArticle.do"
    assert dict(request.form) == {"bbsId": "BBSMSTR_000000000031", "nttId": "21877", "pageIndex": "1"}
    assert found.stubs[0].title == "한솔군, 농촌 인력 지원센터 개소"
    assert found.stubs[2].posted_at == datetime(2026, 11, 5, tzinfo=SEOUL)


def test_script_paging_is_read_for_next_and_last_page() -> None:
    found = listing("onclick_post", POST_URL)
    assert (found.next_page, found.last_page) == (2, 13)


def test_script_paging_through_a_post_form_offers_the_form_field_and_the_common_guesses() -> None:
    board = ENGINE.board_url(GET_URL, parse_html(text("onclick_get")))
    urls = [r.url for r in ENGINE.list_requests_for(board, 2)]
    assert urls == [f"{GET_URL}&pageIndex=2", f"{GET_URL}&page=2"]
    assert ENGINE.list_requests_for(board, 1)[0].url == GET_URL


def test_add_recognises_a_script_board_through_the_generic_engine() -> None:
    chosen = choose_engine(detect(GET_URL, parse_html(text("onclick_get"))))
    assert chosen is not None and chosen.engine.name == "generic"


def test_sync_keeps_the_guessed_page_parameter_that_brings_new_rows() -> None:
    first = text("onclick_get")
    second = first.replace("fnView(1046)", "fnView(1039)").replace("fnView(1045)", "fnView(1038)")
    second = second.replace("fnView(1040)", "fnView(1037)")
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        # The site reads pageIndex only from a POST: a GET with it shows page 1 again.
        body = second if request.url.params.get("page") == "2" else first
        return httpx.Response(200, text=body, headers={"content-type": "text/html; charset=utf-8"})

    async def run() -> list[str]:
        board_url = ENGINE.board_url(GET_URL, parse_html(first))
        board = BoardConfig(name="edu", url=board_url, engine="generic")
        async with Fetcher(transport=httpx.MockTransport(handler), delay=0) as fetcher:
            stubs = await read_list(
                board, ENGINE, fetcher, _all_pages(2), BoardSyncResult("edu"), lambda _p: None, _keep
            )
        return [s.key for s in stubs]

    keys = asyncio.run(run())
    assert keys == ["1001", "1046", "1045", "1040", "1039", "1038", "1037"]
    assert asked[1:] == [f"{GET_URL}&pageIndex=2", f"{GET_URL}&page=2"]


def _all_pages(pages: int) -> StopRule:
    return StopRule(pages, routine=False)


def _keep(_number: int, rows: list[PostStub]) -> set[str]:
    """A store that keeps nothing and calls every row new."""
    return {s.key for s in rows}


def test_the_guess_that_worked_is_tried_first_on_the_next_pages() -> None:
    base = text("onclick_get")
    pages = {
        n: base.replace("fnView(1046)", f"fnView({n}46)")
        .replace("fnView(1045)", f"fnView({n}45)")
        .replace("fnView(1040)", f"fnView({n}40)")
        for n in (2, 3)
    }
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        number = int(request.url.params.get("page", "1"))
        body = pages.get(number, base)
        return httpx.Response(200, text=body, headers={"content-type": "text/html; charset=utf-8"})

    async def run() -> None:
        board = BoardConfig(name="edu", url=ENGINE.board_url(GET_URL, parse_html(base)), engine="generic")
        async with Fetcher(transport=httpx.MockTransport(handler), delay=0) as fetcher:
            await read_list(board, ENGINE, fetcher, _all_pages(3), BoardSyncResult("edu"), lambda _p: None, _keep)

    asyncio.run(run())
    assert asked[1:] == [f"{GET_URL}&pageIndex=2", f"{GET_URL}&page=2", f"{GET_URL}&page=3"]


# --- card lists with dates and slugs in their paths -------------------------------------------------

CARDS_URL = "https://www.hansolart.kr/news/"


def test_card_keys_are_never_the_month_of_a_dated_path() -> None:
    found = listing("cards_path", CARDS_URL)
    keys = [s.key for s in found.stubs]
    assert keys == [
        "https://www.hansolart.kr/2026/11/winter-festival-opens-1532/",
        "https://www.hansolart.kr/2026/11/artist-residency-call-1528/",
        "https://www.hansolart.kr/2026/11/concert-hall-reopening/",
        "https://www.hansolart.kr/2026/10/autumn-book-fair/",
    ]


def test_card_dates_come_from_time_datetime() -> None:
    found = listing("cards_path", CARDS_URL)
    assert found.stubs[0].posted_at == datetime(2026, 11, 16, 10, 20, tzinfo=SEOUL)


def test_path_paging_is_learnt_and_followed() -> None:
    board = ENGINE.board_url(CARDS_URL, parse_html(text("cards_path")))
    assert ENGINE.list_request(board, 1).url == CARDS_URL
    assert ENGINE.list_request(board, 3).url == "https://www.hansolart.kr/news/page/3/"
    assert listing("cards_path", CARDS_URL).next_page == 2


def test_the_last_path_page_has_no_next_page() -> None:
    next_link = '<a class="next page-numbers" href="https://www.hansolart.kr/news/page/2/">다음</a>'
    html = text("cards_path").replace(next_link, "")
    html = html.replace('<link rel="next" href="https://www.hansolart.kr/news/page/2/">', "")
    found = listing_html(html, "https://www.hansolart.kr/news/page/3/")
    assert (found.next_page, found.last_page) == (None, 3)


def test_a_rel_next_link_alone_gives_path_paging() -> None:
    html = text("cards_path").split('<nav class="navigation')[0] + "</main></body></html>"
    found = listing_html(html, CARDS_URL)
    assert found.next_page == 2
    board = ENGINE.board_url(CARDS_URL, parse_html(html))
    assert ENGINE.list_request(board, 2).url == "https://www.hansolart.kr/news/page/2/"


def story_list(*rows: tuple[str, str]) -> str:
    """A plain ``<ul>`` of story links, one ``(path, date)`` a row, each with a long enough title."""
    ordinals = ("첫", "두", "세", "네")
    items = (
        f'<li><a href="{path}">{ordinals[i]} 번째 지역 소식 기사 제목</a> <span class="date">{date}</span></li>'
        for i, (path, date) in enumerate(rows)
    )
    return "<ul>" + "".join(items) + "</ul>"


def test_two_paths_with_one_number_are_two_posts() -> None:
    html = story_list(
        ("/2026/11/05/first-story", "2026-11-05"),
        ("/2026/11/05/second-story", "2026-11-05"),
        ("/2026/11/04/third-story", "2026-11-04"),
    )
    found = listing_html(html, "https://news.hansol.kr/")
    assert len({s.key for s in found.stubs}) == 3


def test_a_path_number_shared_by_two_paths_is_no_key() -> None:
    html = story_list(
        ("/news/7/first-story", "2026-11-05"),
        ("/news/7/second-story", "2026-11-05"),
        ("/news/6/third-story", "2026-11-04"),
    )
    keys = [s.key for s in listing_html(html, "https://news.hansol.kr/").stubs]
    assert keys == [
        "https://news.hansol.kr/news/7/first-story",
        "https://news.hansol.kr/news/7/second-story",
        "https://news.hansol.kr/news/6/third-story",
    ]


def listing_html(html: str, url: str) -> ListPage:
    return ENGINE.parse_list(parse_html(html), ParseContext(url=url, now=NOW))


def test_add_finds_the_posts_of_a_script_board() -> None:
    from noticetui.cli.boards_cmds import inspect_url

    page = text("onclick_get")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=page, headers={"content-type": "text/html; charset=utf-8"})

    async def run() -> tuple[str, list[str], str]:
        async with Fetcher(transport=httpx.MockTransport(handler), delay=0) as fetcher:
            found = await inspect_url(GET_URL, None, fetcher)
        return found.engine.name, [s.key for s in found.listing.stubs], found.board_url

    engine, keys, board_url = asyncio.run(run())
    assert engine == "generic"
    assert keys == ["1001", "1046", "1045", "1040"]
    assert board_url == f"{GET_URL}#param=pageIndex&guess=1"


def test_paging_by_a_function_the_page_does_not_show_is_a_guess() -> None:
    html = text("onclick_get").replace("function goPage(pageNo)", "function goPageUnused(pageNo)")
    board = ENGINE.board_url(GET_URL, parse_html(html))
    assert [r.url for r in ENGINE.list_requests_for(board, 3)] == [f"{GET_URL}&page=3", f"{GET_URL}&pageIndex=3"]
    assert listing_html(html, GET_URL).next_page == 2


# --- how the page's functions are read ---------------------------------------------------------------


def scripts_of(js: str, form: str = "") -> Scripts:
    return Scripts.of(
        parse_html(f"<html><body>{form}<script>{js}</script></body></html>"), "https://x.hansol.kr/bbs/list.do"
    )


def test_a_url_built_in_a_local_variable_is_followed() -> None:
    scripts = scripts_of("function goView(no) { var url = '/bbs/view.do?no=' + no; location.href = url; }")
    request = scripts.request("goView", ["77"])
    assert request is not None and request.url == "https://x.hansol.kr/bbs/view.do?no=77"


def test_an_arrow_function_is_read() -> None:
    scripts = scripts_of(
        "const openPost = (id, kind) => { window.location.href = `x`; location.href = '/p/' + kind + '/' + id; };"
    )
    request = scripts.request("openPost", ["5", "news"])
    assert request is not None and request.url == "https://x.hansol.kr/p/news/5"


def test_a_jquery_form_submitted_in_a_chain_is_posted() -> None:
    form = '<form id="frm" method="post" action="/bbs/list.do"><input type="hidden" name="seq" value=""></form>'
    js = "function fnView(seq) { $('#seq').val(seq); $('#frm').attr('action', '/bbs/view.do').submit(); }"
    request = scripts_of(js, form).request("fnView", ["9"])
    assert request is not None
    assert (request.method, request.url, dict(request.form)) == (
        "POST",
        "https://x.hansol.kr/bbs/view.do",
        {"seq": "9"},
    )


def test_a_url_from_an_unknown_variable_is_not_guessed() -> None:
    assert scripts_of("function goView(no) { location.href = BASE + no; }").request("goView", ["1"]) is None


def test_a_posted_form_sends_its_chosen_options() -> None:
    form = (
        '<form name="f" method="post" action="/bbs/view.do"><input type="hidden" name="id">'
        '<select name="cate"><option value="all">전체</option><option value="n" selected>공지</option></select></form>'
    )
    request = scripts_of("function go(id) { document.f.id.value = id; document.f.submit(); }", form).request(
        "go", ["3"]
    )
    assert request is not None and dict(request.form) == {"id": "3", "cate": "n"}
