"""The command line's human dates: a post's in its site's zone (no 00:00 for a date-only board), a sync's
in the user's zone (never the stored UTC ISO; see tests/core/test_local_dates.py)."""

from __future__ import annotations

from datetime import datetime

from noticetui.cli.format import short_date
from noticetui.models import SEOUL


def test_short_date_shows_a_posts_time_in_its_own_zone() -> None:
    assert short_date(datetime(2026, 3, 5, 9, 10, tzinfo=SEOUL)) == "2026-03-05 09:10"


def test_short_date_of_a_date_only_post_is_the_date_without_a_midnight() -> None:
    shown = short_date(datetime(2026, 3, 5, tzinfo=SEOUL))
    assert shown.rstrip() == "2026-03-05" and len(shown) == len("2026-03-05 09:10")  # columns stay aligned
