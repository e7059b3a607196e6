"""Dates as the user reads them: the user's zone, the UI language's style."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from noticetui.i18n import set_language
from noticetui.local_dates import date_time, day, parse_stored, set_user_zone, to_user, when

SEOUL = ZoneInfo("Asia/Seoul")
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 5, 6, 0, tzinfo=UTC)  # 15:00 in Seoul, 07:00 in Berlin


def test_a_post_with_a_time_is_shown_in_the_users_zone() -> None:
    set_user_zone(BERLIN)
    assert date_time(datetime(2026, 12, 5, 14, 30, tzinfo=SEOUL)) == "2026-12-05 06:30"


def test_a_post_with_only_a_day_keeps_its_day() -> None:
    set_user_zone(BERLIN)
    posted = datetime(2026, 12, 5, 0, 0, tzinfo=SEOUL)  # 16:00 on the 4th in Berlin, but the site said the 5th
    assert to_user(posted) == posted and date_time(posted) == "2026-12-05"


def test_days_read_as_each_language_writes_them() -> None:
    moment = datetime(2026, 12, 5, 14, 30, tzinfo=SEOUL)
    set_language("ko")
    assert day(moment, NOW) == "12월 5일"
    assert day(datetime(2025, 3, 1, 9, 0, tzinfo=SEOUL), NOW) == "2025년 3월 1일"
    set_language("en")
    assert day(moment, NOW) == "Dec 5"
    assert day(datetime(2025, 3, 1, 9, 0, tzinfo=SEOUL), NOW) == "Mar 1, 2025"


def test_a_sync_time_is_local_and_says_today_in_the_ui_language() -> None:
    synced = parse_stored("2026-12-05T05:30:00+00:00")
    assert synced is not None
    set_language("ko")
    assert when(synced, NOW) == "오늘 14:30"
    assert when(datetime(2026, 12, 1, 1, 0, tzinfo=UTC), NOW) == "12월 1일 10:00"
    set_language("en")
    set_user_zone(BERLIN)
    assert when(synced, NOW) == "today 06:30"
    assert when(datetime(2025, 12, 1, 1, 0, tzinfo=UTC), NOW) == "Dec 1, 2025 02:00"


def test_a_stored_time_that_cannot_be_read_is_none() -> None:
    assert parse_stored(None) is None
    assert parse_stored("yesterday") is None
    assert parse_stored("2026-12-05T05:30:00") is None  # no offset: which zone is unknown


def test_a_stored_instant_is_stamped_in_the_users_zone() -> None:
    from noticetui.local_dates import stored_stamp

    assert stored_stamp("2026-12-05T05:30:00+00:00") == "2026-12-05 14:30"  # the suite's zone is Seoul's
    set_user_zone(BERLIN)
    assert stored_stamp("2026-12-05T05:30:00+00:00") == "2026-12-05 06:30"
    assert stored_stamp("not a date") == "not a date"
