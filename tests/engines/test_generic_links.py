"""The link helpers of the generic engine: post keys, page parameters written into board URLs."""

from __future__ import annotations

from noticetui.engines.generic.links import (
    Paging,
    board_url_with,
    key_param,
    list_url_of_post,
    page_url,
    paging_of_url,
    row_key,
)


def test_key_is_the_parameter_that_changes_per_link() -> None:
    hrefs = [f"https://x.kr/view.do?menuNo=12&articleSeq={n}&pageIndex=2" for n in (31, 30, 27)]
    assert key_param(hrefs) == "articleSeq"


def test_known_id_name_wins_over_another_changing_parameter() -> None:
    hrefs = [f"https://x.kr/read.php?nttId={n}&ts={n * 7}" for n in (5, 4, 3)]
    assert key_param(hrefs) == "nttId"


def test_a_single_link_trusts_only_known_id_names() -> None:
    assert key_param(["https://x.kr/view.php?code=7&no=12"]) == "no"
    assert key_param(["https://x.kr/view.php?code=7&x=12"]) is None


def test_page_parameters_are_never_keys() -> None:
    hrefs = [f"https://x.kr/list.php?page={n}" for n in (1, 2, 3)]
    assert key_param(hrefs) is None


def test_row_key_falls_back_on_the_path_number_then_the_link() -> None:
    assert row_key("https://x.kr/news/2026/1532/winter-safety", None) == "1532"
    assert row_key("https://x.kr/news/winter-safety?page=2#top", None) == "https://x.kr/news/winter-safety"


def test_paging_of_url_finds_a_known_page_parameter() -> None:
    assert paging_of_url("https://x.kr/list.do?bbsId=B1&pageIndex=1") == Paging("pageIndex")
    assert paging_of_url("https://x.kr/news") == Paging("page")


def test_offset_step_lives_in_the_fragment() -> None:
    paging = paging_of_url("https://x.kr/press?offset=0#step=12")
    assert paging == Paging("offset", 12)
    assert (paging.value(1), paging.value(3), paging.page_of(24)) == (0, 24, 3)


def test_page_url_sets_the_parameter_in_place() -> None:
    assert (
        page_url("https://x.kr/list.asp?cpage=1&bcode=n1", Paging("cpage"), 5)
        == "https://x.kr/list.asp?cpage=5&bcode=n1"
    )


def test_first_page_url_is_the_board_url_itself() -> None:
    assert page_url("https://x.kr/news", Paging("page"), 1) == "https://x.kr/news"


def test_board_url_drops_the_default_page_parameter() -> None:
    assert board_url_with("https://x.kr/news?page=4", Paging("page")) == "https://x.kr/news"


def test_board_url_keeps_another_page_parameter_at_one() -> None:
    assert board_url_with("https://x.kr/list.do?pageIndex=4&bbsId=B1", Paging("pageIndex")) == (
        "https://x.kr/list.do?pageIndex=1&bbsId=B1"
    )


def test_list_url_of_a_post_from_its_own_url() -> None:
    assert list_url_of_post("https://x.kr/board/boardView.do?bbsId=B1&nttId=5&pageIndex=2") == (
        "https://x.kr/board/boardList.do?bbsId=B1"
    )
    assert list_url_of_post("https://x.kr/plain/news/view?idx=3") == "https://x.kr/plain/news"
    assert list_url_of_post("https://x.kr/news/1532") == "https://x.kr/news"
