"""JavaScript navigation call arguments told apart by shape, and lists whose keys collapse refused."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from noticetui.engines import get_engine
from noticetui.engines.base import EngineError, check_keys, parse_html
from noticetui.engines.common.js_calls import board_and_post, file_and_serial, post_arg
from noticetui.models import SEOUL, PostStub, Request

from .conftest import FIXTURES, context, load

NOW = datetime(2026, 7, 1, 10, 0, tzinfo=SEOUL)
LLL_LIST = "https://www.hansol.go.kr/lll/cop/bbs/selectBoardList.do?bbsId=BBSMSTR_000000000011"
BOARDES_LIST = "https://kostat.example.kr/board.es?mid=a10301010000&bid=0027"
BBS = "BBSMSTR_000000000011"


@pytest.mark.parametrize("args", [["1234", BBS], [BBS, "1234"]], ids=["sample-order", "board-first"])
def test_board_and_post_ids_are_told_apart_by_shape(args: list[str]) -> None:
    assert board_and_post(args) == (BBS, "1234")


def test_a_board_slug_is_a_board_id_too() -> None:
    assert board_and_post(["1046", "notice"]) == ("notice", "1046")


def test_known_board_code_is_not_taken_for_the_post() -> None:
    assert post_arg(["0027", "19252"], {"0027"}) == "19252"
    assert post_arg(["19252", "0027"], {"0027"}) == "19252"
    assert post_arg(["0027", "19252"]) == "19252"  # a zero-padded code is a board's before a post's


def test_download_call_file_id_and_serial_in_either_order() -> None:
    assert file_and_serial(["FILE_000000000012345", "0"]) == ("FILE_000000000012345", "0")
    assert file_and_serial(["0", "FILE_000000000012345"]) == ("FILE_000000000012345", "0")


def test_egov_list_with_board_id_first_keys_each_row_by_its_ntt_id() -> None:
    listing = get_engine("egov").parse_list(load("egov", "list_swapped"), context(LLL_LIST, NOW))
    assert [s.key for s in listing.stubs] == ["1236", "1235", "1234"]
    first = listing.stubs[0].request
    assert first.method == "POST" and dict(first.form) == {"bbsId": BBS, "nttId": "1236"}
    assert first.url == "https://www.hansol.go.kr/lll/cop/bbs/selectBoardArticle.do"


def _swapped(folder: str, name: str, pattern: str) -> str:
    text = (FIXTURES / folder / f"{name}.html").read_text(encoding="utf-8")
    return re.sub(pattern, lambda m: f"{m['fn']}('{m['b']}', '{m['a']}')", text)


def test_egov_article_list_read_the_same_with_arguments_reversed() -> None:
    engine = get_engine("egov")
    url = "https://www.example.go.kr/cop/bbs/selectArticleList.do?bbsId=BBSMSTR_000000000021"
    before = engine.parse_list(load("egov", "article_list_page1"), context(url, NOW))
    html = _swapped(
        "egov", "article_list_page1", r"(?P<fn>fn_egov_inquire_articledetail)\('(?P<a>\w+)',\s*'(?P<b>\w+)'\)"
    )
    after = engine.parse_list(parse_html(html), context(url, NOW))
    assert [s.key for s in after.stubs] == [s.key for s in before.stubs]
    assert [s.request.form for s in after.stubs] == [s.request.form for s in before.stubs]


def test_boardes_go_view_with_the_board_code_in_either_place() -> None:
    engine = get_engine("boardes")
    before = engine.parse_list(load("boardes", "list_page1"), context(BOARDES_LIST, NOW))
    for order in ("'0027', '\\1'", "'\\1', '0027'"):
        text = (FIXTURES / "boardes" / "list_page1.html").read_text(encoding="utf-8")
        html = re.sub(r"goView\('(\d+)'\)", f"goView({order})", text).replace("list_no=", "list_nr=")
        after = engine.parse_list(parse_html(html), context(BOARDES_LIST, NOW))
        assert [s.key for s in after.stubs] == [s.key for s in before.stubs]


def _stub(key: str, notice: bool = False) -> PostStub:
    return PostStub(
        key=key, title=f"글 {key}", url=f"https://a.kr/{key}", request=Request(f"https://a.kr/{key}"), notice=notice
    )


def test_many_rows_with_one_key_are_an_error_not_a_merge() -> None:
    with pytest.raises(EngineError, match="4 rows share 1 key"):
        check_keys([_stub("BBSMSTR_000000000011") for _ in range(4)])


def test_repeated_pinned_notices_are_not_a_collapse() -> None:
    check_keys([_stub("9", notice=True), _stub("9", notice=True), _stub("3"), _stub("2"), _stub("1")])


def test_engine_list_whose_links_all_carry_one_id_is_refused() -> None:
    text = (FIXTURES / "gnuboard" / "list_page1.html").read_text(encoding="utf-8")
    collapsed = re.sub(r"wr_id=\d+", "wr_id=7", text)
    url = "https://a.kr/bbs/board.php?bo_table=notice"
    with pytest.raises(EngineError, match="share 1 key"):
        get_engine("gnuboard").parse_list(parse_html(collapsed), context(url, NOW))
