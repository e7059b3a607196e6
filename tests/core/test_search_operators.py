"""The search operators' parser: board:, after:, before:, file:, title:, quotes, Korean dates, bad values."""

from datetime import date

import pytest

from noticetui.store.operators import QueryError, SearchQuery, parse_day, parse_search


def test_every_operator_and_the_plain_words() -> None:
    q = parse_search("board:notice after:2026-11-01 before:2026-12-01 file:hwp title:공고 청년 창업")
    assert q == SearchQuery(
        words=("청년", "창업"),
        title_words=("공고",),
        boards=("notice",),
        files=("hwp",),
        after=date(2026, 11, 1),
        before=date(2026, 12, 1),
    )
    assert q.has_filters and q.highlight == ("청년", "창업", "공고")


def test_quotes_keep_spaces_inside_one_value() -> None:
    q = parse_search('title:"사업 공고" "청년 창업" board:"my board"')
    assert q.title_words == ("사업 공고",) and q.words == ("청년 창업",) and q.boards == ("my board",)


def test_an_unclosed_quote_runs_to_the_end() -> None:
    assert parse_search('title:"사업 공고').title_words == ("사업 공고",)


def test_operator_names_ignore_case_and_other_colons_stay_words() -> None:
    q = parse_search("Board:a 10:30 http://x.kr/a TITLE:b")
    assert q.boards == ("a",) and q.title_words == ("b",) and q.words == ("10:30", "http://x.kr/a")


def test_plain_words_alone_have_no_filters() -> None:
    q = parse_search("  공고   모집 ")
    assert q.words == ("공고", "모집") and not q.has_filters


@pytest.mark.parametrize(
    "text",
    ["2026-11-01", "2026.11.01", "2026.11.1.", "2026/11/01", "20261101", "2026년 11월 1일", "2026. 11. 1."],
)
def test_korean_and_iso_dates_are_accepted(text: str) -> None:
    assert parse_day(text) == date(2026, 11, 1)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("after:yesterday", "after: expected a date such as 2026-11-01"),
        ("before:2026-02-30", "before: no such day"),
        ("board:", "board: needs a value"),
        ('title:""', "title: needs a value"),
        ("after:2026-12-01 before:2026-11-01", "is not before"),
        ("after:2026-11-01 before:2026-11-01", "is not before"),
    ],
)
def test_a_bad_operator_value_is_one_clear_error(query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_search(query)
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "after: no such day: '2026-99-01'"), ("ko", "after: 없는 날짜입니다: '2026-99-01'")],
)
def test_a_bad_day_names_its_operator_as_board_errors_do(language: str, expected: str) -> None:
    from noticetui.i18n import set_language

    set_language(language)  # the suite's autouse fixture sets English again
    with pytest.raises(QueryError) as caught:
        parse_search("공고 after:2026-99-01")
    assert str(caught.value) == expected
