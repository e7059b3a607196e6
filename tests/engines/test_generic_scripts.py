"""The generic engine on boards whose rows and pages open by script: ``fnView(1046)``, ``tr onclick``,
``javascript:goPage(2)``; and sync trying the guessed GET page parameters of such a board."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import httpx

from noticetui.config import BoardConfig
from noticetui.engines import detect
from noticetui.engines.base import parse_html
from noticetui.engines.generic import ENGINE
from noticetui.engines.js_calls import Scripts, parse_call, split_args
from noticetui.models import SEOUL, ListPage, ParseContext
from noticetui.net.fetch import Fetcher
from noticetui.sync import BoardSyncResult, choose_engine, read_list

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "generic"
NOW = datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL)
GET_URL = "https://edu.hansol.go.kr/board/list.do?menuNo=200123"
POST_URL = "https://www.hansol.or.kr/news/list.asp"


def text(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


def listing(name: str, url: str) -> ListPage:
    return ENGINE.parse_list(parse_html(text(name)), ParseContext(url=url, now=NOW))


def test_call_arguments_are_read_with_their_quotes_removed() -> None:
    assert parse_call("fnView(1046); return false;") == ("fnView", ["1046"])
    assert parse_call("javascript:fn_egov_inqire_notice('BBSMSTR_01', \"12\")") == (
        "fn_egov_inqire_notice",
        ["BBSMSTR_01", "12"],
    )
    assert split_args("") == []


def test_void_and_return_are_no_navigation() -> None:
    assert parse_call("javascript:void(0)") is None
    assert parse_call("javascript:;") is None


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
            stubs = await read_list(board, ENGINE, fetcher, 2, BoardSyncResult("edu"), lambda _p: None)
        return [s.key for s in stubs]

    keys = asyncio.run(run())
    assert keys == ["1001", "1046", "1045", "1040", "1039", "1038", "1037"]
    assert asked[1:] == [f"{GET_URL}&pageIndex=2", f"{GET_URL}&page=2"]
