"""Korean board dates: every printed form, and inferring the year of year-less list dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from noticetui.dates import PartialDate, anchor_years, on_or_after, parse_board_date, resolve, to_datetime
from noticetui.models import SEOUL

NOW = datetime(2025, 3, 5, 15, 30, tzinfo=SEOUL)
NEW_YEAR = datetime(2025, 1, 3, 10, 0, tzinfo=SEOUL)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def parsed(text: str, now: datetime = NOW) -> PartialDate:
    result = parse_board_date(text, now)
    assert result is not None, text
    return result


# --- parse_board_date: absolute forms ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["2020-07-17", "2020.07.17", "2020/07/17", "2020. 7. 17.", "2020.7.17"])
def test_full_dates_in_every_separator_style(text: str) -> None:
    assert parsed(text) == PartialDate(2020, 7, 17)


def test_labels_around_a_date_are_ignored() -> None:
    assert parsed("등록일 : 2021-11-02 조회 15") == PartialDate(2021, 11, 2)


def test_date_followed_by_time_keeps_the_time() -> None:
    assert parsed("2024-12-31 23:59") == PartialDate(2024, 12, 31, 23, 59)


def test_date_followed_by_time_with_seconds() -> None:
    assert parsed("2024.12.31 08:05:09") == PartialDate(2024, 12, 31, 8, 5, 9)


def test_weekday_between_date_and_time_is_skipped() -> None:
    assert parsed("2025-03-04(화) 10:00") == PartialDate(2025, 3, 4, 10, 0)


@pytest.mark.parametrize("text", ["25.03.01", "25-03-01", "25/03/01"])
def test_two_digit_years_are_this_century(text: str) -> None:
    assert parsed(text) == PartialDate(2025, 3, 1)


def test_two_digit_year_with_time_as_on_gnuboard_view_pages() -> None:
    assert parsed("24-12-30 09:10") == PartialDate(2024, 12, 30, 9, 10)


@pytest.mark.parametrize("text", ["03-01", "03.01", "3/1"])
def test_month_day_without_year(text: str) -> None:
    assert parsed(text) == PartialDate(None, 3, 1)


def test_time_alone_is_today() -> None:
    assert parsed("14:22") == PartialDate(2025, 3, 5, 14, 22)


def test_time_alone_with_seconds_is_today() -> None:
    assert parsed("09:01:02") == PartialDate(2025, 3, 5, 9, 1, 2)


def test_korean_date() -> None:
    assert parsed("2020년 7월 17일") == PartialDate(2020, 7, 17)


def test_korean_date_with_afternoon_hour_and_minute() -> None:
    assert parsed("2020년 7월 17일 오후 3시 5분") == PartialDate(2020, 7, 17, 15, 5)


def test_korean_date_with_morning_clock_time() -> None:
    assert parsed("2020년 7월 17일 오전 11:40") == PartialDate(2020, 7, 17, 11, 40)


def test_korean_noon_and_midnight() -> None:
    assert parsed("2020년 7월 17일 오후 12시").hour == 12
    assert parsed("2020년 7월 17일 오전 12시").hour == 0


def test_korean_date_without_year() -> None:
    assert parsed("7월 17일") == PartialDate(None, 7, 17)


def test_iso_8601_with_offset_is_moved_into_the_board_zone() -> None:
    assert parsed("2020-07-17T15:05:00+00:00") == PartialDate(2020, 7, 18, 0, 5, 0)


def test_iso_8601_in_utc_z() -> None:
    assert parsed('<time datetime="2024-12-31T16:00:00Z">') == PartialDate(2025, 1, 1, 1, 0, 0)


# --- parse_board_date: relative forms ---------------------------------------------------------------


def test_minutes_ago() -> None:
    assert parsed("3분 전") == PartialDate(2025, 3, 5, 15, 27, 0)


def test_hours_ago_across_midnight() -> None:
    assert parsed("2시간 전", at(2025, 3, 5, 1, 0)) == PartialDate(2025, 3, 4, 23, 0, 0)


def test_days_ago_has_no_time() -> None:
    assert parsed("2일 전") == PartialDate(2025, 3, 3)


def test_yesterday() -> None:
    assert parsed("어제") == PartialDate(2025, 3, 4)


def test_yesterday_on_new_years_day_is_last_year() -> None:
    assert parsed("어제 23:10", at(2025, 1, 1, 9, 0)) == PartialDate(2024, 12, 31, 23, 10)


def test_just_now() -> None:
    assert parsed("방금") == PartialDate(2025, 3, 5, 15, 30, 0)


# --- parse_board_date: rejects ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2025-13-01", "2025-02-30", "2023-02-29", "13-01", "02-30", "25:10", "12:61"])
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_board_date(text, NOW) is None


@pytest.mark.parametrize("text", ["", "공지", "조회 1,020", "v1.5.3", "Total 137건"])
def test_text_without_a_date_is_none(text: str) -> None:
    assert parse_board_date(text, NOW) is None


def test_leap_day_without_year_is_possible() -> None:
    assert parsed("02-29") == PartialDate(None, 2, 29)


# --- to_datetime ------------------------------------------------------------------------------------


def test_to_datetime_is_aware_in_the_board_zone() -> None:
    moment = to_datetime(PartialDate(2025, 3, 1, 9, 5), NOW)
    assert moment == at(2025, 3, 1, 9, 5)
    assert moment.utcoffset() == timedelta(hours=9)


def test_missing_time_is_midnight() -> None:
    assert to_datetime(PartialDate(2025, 3, 1), NOW) == at(2025, 3, 1, 0, 0)


def test_month_day_equal_to_today_is_this_year() -> None:
    assert to_datetime(PartialDate(None, 3, 5), NOW) == at(2025, 3, 5)


def test_future_month_day_is_last_year() -> None:
    assert to_datetime(PartialDate(None, 3, 20), NOW) == at(2024, 3, 20)


def test_tomorrow_is_within_the_slack() -> None:
    assert to_datetime(PartialDate(None, 3, 6), NOW) == at(2025, 3, 6)


def test_leap_day_goes_back_to_the_last_leap_year() -> None:
    assert to_datetime(PartialDate(None, 2, 29), NOW) == at(2024, 2, 29)


def test_to_datetime_uses_the_zone_of_now() -> None:
    utc_now = NOW.astimezone(UTC)
    assert to_datetime(PartialDate(2025, 3, 1), utc_now).tzinfo is UTC


# --- resolve ----------------------------------------------------------------------------------------


def year_less(*month_days: tuple[int, int]) -> list[PartialDate | None]:
    return [PartialDate(None, m, d) for m, d in month_days]


def test_january_list_with_december_rows_goes_back_a_year() -> None:
    dates = [parsed("09:12", NEW_YEAR), *year_less((1, 2), (12, 31), (12, 24))]
    assert resolve(dates, NEW_YEAR) == [
        at(2025, 1, 3, 9, 12),
        at(2025, 1, 2),
        at(2024, 12, 31),
        at(2024, 12, 24),
    ]


def test_first_year_less_row_in_the_future_is_last_year() -> None:
    assert resolve(year_less((12, 20), (12, 1)), NEW_YEAR) == [at(2024, 12, 20), at(2024, 12, 1)]


def test_two_year_boundaries_in_one_list() -> None:
    dates = year_less((1, 2), (6, 1), (1, 5), (11, 30))
    assert resolve(dates, NEW_YEAR) == [at(2025, 1, 2), at(2024, 6, 1), at(2024, 1, 5), at(2023, 11, 30)]


def test_same_month_day_as_the_row_above_keeps_its_year() -> None:
    assert resolve(year_less((12, 31), (12, 31)), NEW_YEAR) == [at(2024, 12, 31), at(2024, 12, 31)]


def test_a_dated_row_anchors_the_rows_below() -> None:
    dates = [*year_less((1, 2)), PartialDate(2022, 5, 1), *year_less((4, 30), (12, 25))]
    assert resolve(dates, NEW_YEAR) == [at(2025, 1, 2), at(2022, 5, 1), at(2022, 4, 30), at(2021, 12, 25)]


def test_unreadable_rows_stay_none_and_do_not_break_the_walk() -> None:
    assert resolve([*year_less((1, 2)), None, *year_less((12, 30))], NEW_YEAR) == [
        at(2025, 1, 2),
        None,
        at(2024, 12, 30),
    ]


def test_oldest_first_lists_are_walked_from_the_bottom() -> None:
    dates = year_less((12, 24), (12, 31), (1, 2))
    assert resolve(dates, NEW_YEAR, newest_first=False) == [
        at(2024, 12, 24),
        at(2024, 12, 31),
        at(2025, 1, 2),
    ]


def test_resolve_never_returns_a_date_past_the_slack() -> None:
    resolved = resolve(year_less((3, 1), (2, 1), (1, 5)), NEW_YEAR)
    assert all(moment is not None and moment <= NEW_YEAR + timedelta(days=1) for moment in resolved)


def test_resolve_of_an_empty_column_is_empty() -> None:
    assert resolve([], NOW) == []


# --- on_or_after ------------------------------------------------------------------------------------


def test_reply_listed_under_a_december_post_is_in_january() -> None:
    assert on_or_after(PartialDate(None, 1, 2), at(2024, 12, 31), NEW_YEAR) == at(2025, 1, 2)


def test_reply_on_the_same_day_keeps_the_parents_year() -> None:
    assert on_or_after(PartialDate(None, 12, 31, 18, 0), at(2024, 12, 31), NEW_YEAR) == at(2024, 12, 31, 18, 0)


def test_reply_that_would_be_in_the_future_falls_back_on_the_past() -> None:
    assert on_or_after(PartialDate(None, 2, 1), at(2024, 12, 31), NEW_YEAR) == at(2024, 2, 1)


# --- anchoring guessed years to exact dates from post pages -----------------------------------------


def test_a_secret_post_takes_its_year_from_the_exact_dates_around_it() -> None:
    listed = [_at(2026, 6, 2), _at(2026, 5, 30), _at(2026, 5, 28)]
    exact = [_at(2024, 6, 2, 9, 10), None, _at(2024, 5, 28, 17, 0)]
    assert anchor_years(listed, exact, [True] * 3) == [exact[0], _at(2024, 5, 30), exact[2]]


def test_guessed_rows_above_the_first_exact_date_follow_it_but_not_todays() -> None:
    listed = [_at(2026, 11, 18, 14, 2), _at(2026, 6, 5), _at(2026, 6, 2)]
    exact = [None, None, _at(2025, 6, 2, 8, 0)]
    assert anchor_years(listed, exact, [False, True, True]) == [listed[0], _at(2025, 6, 5), exact[2]]


def test_exact_dates_that_agree_with_the_list_move_nothing() -> None:
    listed = [_at(2026, 6, 2), _at(2026, 5, 30)]
    assert anchor_years(listed, [_at(2026, 6, 2, 9, 0), None], [True, True]) == [_at(2026, 6, 2, 9, 0), listed[1]]


def test_a_list_that_shows_its_years_is_never_moved() -> None:
    listed = [_at(2026, 6, 2), _at(2026, 5, 30)]
    exact = [_at(2025, 6, 2, 9, 0), None]  # a post page misread: the list's own years stand
    assert anchor_years(listed, exact, [False, False]) == [exact[0], listed[1]]


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)
