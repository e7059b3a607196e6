"""The list-row helpers engines share: dating a list's rows and keeping one stub per key."""

from __future__ import annotations

from datetime import datetime

from noticetui.dates import PartialDate
from noticetui.engines.base import class_set, dated_stubs, parse_html, unique_stubs
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
