"""Retry-After parsing and the backoff schedule."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from noticetui.net.polite import backoff_delay, host_key, retry_after_seconds

NOW = datetime(2025, 3, 4, 9, 0, 0, tzinfo=UTC)


def test_retry_after_in_seconds() -> None:
    assert retry_after_seconds("12", NOW) == 12.0


def test_retry_after_as_http_date() -> None:
    assert retry_after_seconds(format_datetime(NOW + timedelta(seconds=30), usegmt=True), NOW) == 30.0


def test_retry_after_in_the_past_means_now() -> None:
    assert retry_after_seconds("Tue, 04 Mar 2025 08:00:00 GMT", NOW) == 0.0


def test_retry_after_is_capped() -> None:
    assert retry_after_seconds("86400", NOW) == 60.0
    assert retry_after_seconds("Wed, 05 Mar 2025 09:00:00 GMT", NOW) == 60.0


def test_unreadable_retry_after_is_ignored() -> None:
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds("", NOW) is None
    assert retry_after_seconds("nan", NOW) is None


def test_backoff_doubles_with_bounded_jitter() -> None:
    rng = random.Random(7)
    for attempt, base in enumerate([0.5, 1.0, 2.0, 4.0]):
        delays = [backoff_delay(attempt, rng) for _ in range(50)]
        assert all(base <= d <= base * 1.5 for d in delays)
        assert len(set(delays)) > 1  # jittered, not lockstep


def test_host_key_separates_hosts_and_ports_not_paths() -> None:
    assert host_key("http://Board.Test/a?x=1") == host_key("http://board.test/b")
    assert host_key("http://board.test:8080/") != host_key("http://board.test/")
