"""Politeness towards each site: a cap on concurrent requests, a pace between them, and patient retries.

Korean public-sector servers are often small and rate-limited; a follower of fifty boards must look like
one careful reader, not a crawler.  Hosts are independent: a slow site never holds up another.
"""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

__all__ = ["MAX_RETRY_AFTER", "HostGates", "Sleep", "backoff_delay", "host_key", "retry_after_seconds"]

Sleep = Callable[[float], Awaitable[None]]
"""How to wait; injectable so tests never really sleep."""

MAX_RETRY_AFTER = 60.0
"""The longest ``Retry-After`` honoured, in seconds: beyond that the run would look hung."""

BACKOFF_BASE = 0.5
BACKOFF_CAP = 30.0


def host_key(url: str) -> str:
    """What politeness is counted per: the URL's host and port, lower-cased."""
    return urlsplit(url).netloc.lower()


def backoff_delay(attempt: int, rng: random.Random, first: float = BACKOFF_BASE) -> float:
    """Seconds to wait before retry number ``attempt + 1``: ``first`` (0.5), 1, 2, 4… plus up to half again
    of jitter, capped at 30 s.

    The jitter keeps many boards on one server from retrying in lockstep.
    """
    base = min(first * 2.0**attempt, BACKOFF_CAP)
    return base + rng.uniform(0.0, base / 2)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` value (seconds or an HTTP date) as seconds from ``now``, capped at 60; None if
    absent or unreadable.  A date in the past means "now" (0)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    next_start: float = field(default=-math.inf)
    """The start time reserved by the request queued last."""
    last_sent: float = field(default=-math.inf)
    """When the host's latest request actually went out."""


class HostGates:
    """Per-host admission: at most ``per_host`` requests in flight and ``delay`` seconds between starts."""

    def __init__(self, per_host: int, delay: float, sleep: Sleep, clock: Callable[[], float]) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        self._per_host = per_host
        self._delay = max(delay, 0.0)
        self._sleep = sleep
        self._clock = clock
        self._hosts: dict[str, _Host] = {}

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        """Hold one of the host's request slots, entered no sooner than the host's pace allows."""
        host = self._hosts.get(key := host_key(url))
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Semaphore(self._per_host))
        async with host.semaphore:
            # Reserve a start time before sleeping (no await in between), so requests queued behind
            # each other get successive start times instead of all waking at once.
            now = self._clock()
            start = max(now, host.next_start)
            host.next_start = start + self._delay
            if start > now:
                await self._sleep(start - now)
            # A reserved start can slip (a busy event loop wakes the previous request late) while this
            # one wakes on time: check the gap to the request actually sent last, right before sending.
            while (gap := self._clock() - host.last_sent) < self._delay:
                await self._sleep(self._delay - gap)
            host.last_sent = self._clock()
            host.next_start = max(host.next_start, host.last_sent + self._delay)
            yield
