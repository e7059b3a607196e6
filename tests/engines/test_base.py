"""The list-row helpers engines share: dating a list's rows and keeping one stub per key."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from noticetui.dates import PartialDate
from noticetui.engines.base import (
    class_set,
    column_role,
    dated_stubs,
    paged_request,
    parse_html,
    style_px,
    unique_stubs,
)
from noticetui.models import SEOUL, PostStub, Request

NOW = datetime(2025, 1, 10, 12, 0, tzinfo=SEOUL)


def _stub(key: str, notice: bool = False) -> PostStub:
    url = f"https://example.kr/view?id={key}"
    return PostStub(key=key, title=f"글 {key}", url=url, request=Request(url=url), notice=notice)


def test_year_less_rows_cross_new_year_going_down_the_column() -> None:
    stubs = [_stub("2"), _stub("1")]
    dated = dated_stubs(stubs, [PartialDate(None, 1, 5), PartialDate(None, 12, 28)], NOW)
    assert [s.posted_at.date().isoformat() if s.posted_at else None for s in dated] == ["2025-01-05", "2024-12-28"]


def test_pinned_notice_is_dated_alone_and_does_not_break_the_column() -> None:
    # A notice from last March sits above January's rows; were it in the column, the rows would move a year back.
    stubs = [_stub("9", notice=True), _stub("2"), _stub("1")]
    dates = [PartialDate(None, 3, 1), PartialDate(None, 1, 5), PartialDate(None, 1, 2)]
    dated = dated_stubs(stubs, dates, NOW)
    assert [s.posted_at.year if s.posted_at else None for s in dated] == [2024, 2025, 2025]


def test_undated_notice_stays_undated() -> None:
    dated = dated_stubs([_stub("9", notice=True)], [None], NOW)
    assert dated[0].posted_at is None


def test_notice_listed_again_among_rows_stays_once_at_its_first_place_flagged() -> None:
    kept = unique_stubs([_stub("5", notice=True), _stub("7"), _stub("5")])
    assert [(s.key, s.notice) for s in kept] == [("5", True), ("7", False)]


def test_row_repeated_later_as_notice_gains_the_notice_flag() -> None:
    kept = unique_stubs([_stub("5"), _stub("5", notice=True)])
    assert [(s.key, s.notice) for s in kept] == [("5", True)]


def test_class_set_splits_on_any_whitespace_and_is_empty_without_a_node() -> None:
    node = parse_html('<p class=" a\tb  notice ">x</p>').css_first("p")
    assert (class_set(node), class_set(None)) == ({"a", "b", "notice"}, set())


def _reply(key: str, depth: int) -> PostStub:
    return replace(_stub(key), reply_depth=depth)


def test_reply_to_a_reply_is_dated_after_the_reply_it_answers_not_only_after_the_thread() -> None:
    # A thread from March 2024; its reply says 12-01 (2024-12-01); the reply to that reply says 11-01,
    # which can only be 2025-11-01: anchored to the thread alone it would be 2024-11-01, before its parent.
    stubs = [_stub("10"), _reply("11", 1), _reply("12", 2)]
    dates = [PartialDate(2024, 3, 1), PartialDate(None, 12, 1), PartialDate(None, 11, 1)]
    dated = dated_stubs(stubs, dates, datetime(2026, 1, 10, 12, 0, tzinfo=SEOUL))
    assert [s.posted_at.date().isoformat() if s.posted_at else None for s in dated] == [
        "2024-03-01",
        "2024-12-01",
        "2025-11-01",
    ]


def test_a_pinned_notice_listed_again_takes_the_date_of_its_regular_row() -> None:
    pinned = replace(_stub("5", notice=True), posted_at=datetime(2025, 3, 1, tzinfo=SEOUL))
    regular = replace(_stub("5"), posted_at=datetime(2024, 3, 1, tzinfo=SEOUL))
    kept = unique_stubs([pinned, _stub("7"), regular])
    assert (kept[0].notice, kept[0].posted_at) == (True, datetime(2024, 3, 1, tzinfo=SEOUL))


def test_column_roles_from_header_words_in_any_engine() -> None:
    headers = ["No", "제목", "작성자", "등록일자", "조회수", "첨부파일", "분류", "담당부서", "Date", "내용"]
    assert [column_role(h) for h in headers] == [
        "number", "title", "author", "date", "views", "file", "category", "author", "date", "body"
    ]  # fmt: skip


def test_headers_that_only_look_like_a_role_are_none() -> None:
    assert [column_role(h) for h in ("게시시작일", "게시기간", "최근 수정일", "Notice", "")] == [None] * 5


def test_page_parameter_is_dropped_on_page_one_and_set_after() -> None:
    deep = "https://a.kr/board.es?mid=a1&bid=0027&nPage=4"
    assert paged_request(deep, "nPage", 1).url == "https://a.kr/board.es?mid=a1&bid=0027"
    assert paged_request(deep, "nPage", 2).url == "https://a.kr/board.es?mid=a1&bid=0027&nPage=2"


def test_style_pixels() -> None:
    assert style_px("margin-left: 0; padding-left:20px", "padding-left") == 20
    assert style_px("border-left:3px", "left") == 0 and style_px("", "padding-left") == 0
