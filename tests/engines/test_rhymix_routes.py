"""Rhymix/XE URL shapes: rewritten routes, post ids and page numbers in links, and the page globals."""

from __future__ import annotations

import pytest

from noticetui.engines.base import parse_html
from noticetui.engines.rhymix.routes import Route, document_srl, page_number, paged, parse_route, xe_globals


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("/notice", Route("/", "notice")),
        ("/notice/123", Route("/", "notice", document_srl="123")),
        ("/notice/page/2", Route("/", "notice", page=2)),
        ("/notice/category/5/page/3", Route("/", "notice", category="5", page=3)),
        ("/notice/123/comment/456", Route("/", "notice", document_srl="123")),
        ("/xe/free/21840", Route("/xe/", "free", document_srl="21840")),
    ],
)
def test_rewritten_paths_are_read_from_the_right(path: str, route: Route) -> None:
    assert parse_route(path) == route


def test_a_known_base_tells_a_bare_post_id_from_a_board() -> None:
    assert parse_route("/xe/21840", "/xe/") == Route("/xe/", None, document_srl="21840")


def test_without_a_base_the_segment_before_a_post_id_is_taken_as_the_mid() -> None:
    assert parse_route("/xe/21840").mid == "xe"


def test_the_install_root_names_no_board() -> None:
    assert parse_route("/xe/", "/xe/").mid is None


@pytest.mark.parametrize(
    ("href", "srl"),
    [
        ("/index.php?mid=notice&page=2&document_srl=4601", "4601"),
        ("/xe/free/21877?page=2#comment", "21877"),
        ("https://x.kr/21877", "21877"),
        ("/index.php?mid=notice&page=2", None),
        ("/xe/free/page/2", None),
        ("/xe/?module=file&act=procFileDownload&file_srl=3&sid=ab", None),
        ("/modules/document/tpl/icons/default/new.gif", None),
    ],
)
def test_document_srl_of_a_link(href: str, srl: str | None) -> None:
    assert document_srl(href) == srl


@pytest.mark.parametrize(
    ("href", "number"),
    [
        ("/index.php?mid=notice&page=4", 4),
        ("/xe/free/page/3", 3),
        ("/index.php?mid=notice", None),
        ("/xe/free", None),
    ],
)
def test_page_number_of_a_link(href: str, number: int | None) -> None:
    assert page_number(href) == number


def test_paging_a_query_board_replaces_its_page() -> None:
    assert paged("https://x.kr/index.php?mid=notice&page=2", 5) == "https://x.kr/index.php?mid=notice&page=5"


def test_paging_a_rewritten_board_replaces_its_page_path() -> None:
    assert paged("https://x.kr/free/page/2/", 4) == "https://x.kr/free/page/4"
    assert paged("https://x.kr/free/page/2", 1) == "https://x.kr/free"


def test_globals_are_read_from_rhymix_and_xe_pages() -> None:
    rhymix = parse_html(
        '<script>var request_uri = "https:\\/\\/x.kr\\/";\nvar current_lang = xe.current_lang = "ko";\n'
        'var current_mid = "notice";</script>'
    )
    assert xe_globals(rhymix) == {"request_uri": "https://x.kr/", "current_mid": "notice"}


def test_globals_need_xe_current_lang() -> None:
    other = parse_html('<script>var current_mid = "notice"; var request_uri = "https://x.kr/";</script>')
    assert xe_globals(other) == {}


def test_a_null_mid_is_left_out() -> None:
    doc = parse_html('<script>var current_mid = null; xe.current_lang = "ko";</script>')
    assert "current_mid" not in xe_globals(doc)
