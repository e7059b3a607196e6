"""Dates as the user reads them: in the user's own time zone, in the style of the UI language.

Posts are stored in their site's zone and sync times in UTC; what a person reads is converted here, once.
A post whose site gave only a day (stored at midnight) keeps that day: moving a bare date across zones
would invent an hour and could change the day.  JSON output does not come here: it stays ISO 8601 with
its offset.
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from noticetui.i18n import _, language

_zone: tzinfo | None = None
"""The user's zone when set (:func:`set_user_zone`); else the system's."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def set_user_zone(zone: tzinfo | None) -> None:
    """Show times in ``zone`` from now on (None: the system's zone)."""
    global _zone
    _zone = zone


def has_time(moment: datetime) -> bool:
    """Whether ``moment`` carries a time of day (boards that give only a date are stored at midnight)."""
    return moment.time() != time(0, 0)


def to_user(moment: datetime) -> datetime:
    """``moment`` in the user's zone; a naive one, or one that is only a day, stays as it is."""
    if moment.tzinfo is None or not has_time(moment):
        return moment
    return moment.astimezone(_zone) if _zone is not None else moment.astimezone()


def user_now(now: datetime) -> datetime:
    """``now`` (aware) in the user's zone."""
    return now.astimezone(_zone) if _zone is not None else now.astimezone()


def date_time(moment: datetime) -> str:
    """``2026-12-05 14:30`` in the user's zone; ``2026-12-05`` for a day without a time."""
    local = to_user(moment)
    return local.strftime("%Y-%m-%d %H:%M" if has_time(moment) else "%Y-%m-%d")


def stamp(moment: datetime) -> str:
    """An instant (a sync, a replaced version) as ``2026-12-05 14:30`` in the user's zone."""
    local = user_now(moment) if moment.tzinfo else moment
    return local.strftime("%Y-%m-%d %H:%M")


def stored_stamp(text: str | None) -> str:
    """A stored ISO 8601 instant as :func:`stamp` shows it; what cannot be read is shown as it is."""
    moment = parse_stored(text)
    return stamp(moment) if moment is not None else (text or "")


def day(moment: datetime, now: datetime | None = None) -> str:
    """The day in words: ``12월 5일`` / ``Dec 5``, with the year when it is not ``now``'s."""
    local = to_user(moment)
    same_year = now is not None and user_now(now).year == local.year
    if language() == "ko":
        text = f"{local.month}월 {local.day}일"
        return text if same_year else f"{local.year}년 {text}"
    text = f"{_MONTHS[local.month - 1]} {local.day}"
    return text if same_year else f"{text}, {local.year}"


def when(moment: datetime, now: datetime) -> str:
    """When something happened (an instant, such as a sync), briefly: ``today 14:30`` / ``오늘 14:30``,
    ``Dec 5 14:30`` / ``12월 5일 14:30``, with the year when it is not this year's."""
    local = user_now(moment) if moment.tzinfo else moment
    clock = local.strftime("%H:%M")
    if local.date() == user_now(now).date():
        return _("today {time}").format(time=clock)
    return f"{day(local, now)} {clock}"


def parse_stored(text: str | None) -> datetime | None:
    """A stored ISO 8601 instant (``2026-12-05T05:30:00+00:00``), or None when absent or unreadable."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else None
