"""Dates as Korean boards print them, and turning them into aware datetimes.

Boards print dates in many shapes: ``2025-03-05``, ``2025. 3. 5.``, ``25.03.05``, ``03-05`` (no year),
``14:22`` (today), ``2020년 7월 17일 오후 3시 5분``, ``3분 전``, ``어제``.  :func:`parse_board_date` reads
one of them into a :class:`PartialDate`, which may lack its year; :func:`resolve` infers the missing years
of a whole list page at once (a list is newest first, so a year boundary shows up as the month going *up*),
and :func:`to_datetime` does the same for a single date.  :func:`on_or_after` dates a reply row, which
is listed under the post it answers however much newer it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

SLACK = timedelta(days=1)
"""How far in the future an inferred date may lie (clock skew, a board a few hours ahead of us)."""


@dataclass(frozen=True)
class PartialDate:
    """A date as read from a page; ``year`` is None when the text had none (``03-05``)."""

    year: int | None
    month: int
    day: int
    hour: int | None = None
    """None when the text had no time of day (it resolves to 00:00)."""
    minute: int | None = None
    second: int | None = None


# --- parsing ---------------------------------------------------------------------------------------

_TIME = r"(?:(?P<ampm>오전|오후|AM|PM|am|pm)\s*)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
_KO_TIME = (
    r"(?:(?P<ampm>오전|오후|AM|PM|am|pm)\s*)?"
    r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"|(?P<kh>\d{1,2})\s*시(?:\s*(?P<kmi>\d{1,2})\s*분)?(?:\s*(?P<ks>\d{1,2})\s*초)?)"
)
_ISO_TIME = r"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
_ISO_ZONE = r"(?:Z|[+-]\d{2}:?\d{2})"
# With a "T" the offset is optional; with a space it must be there (else the plain date form reads it).
_ISO = re.compile(rf"(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?:T{_ISO_TIME}{_ISO_ZONE}?| {_ISO_TIME}{_ISO_ZONE})")
_KOREAN = re.compile(
    rf"(?:(?P<y>\d{{4}}|\d{{2}})\s*년\s*)?(?P<m>\d{{1,2}})\s*월\s*(?P<d>\d{{1,2}})\s*일(?:\s*\([^)]*\))?(?:\s*{_KO_TIME})?"
)
_FULL = re.compile(
    rf"(?<![\d.])(?P<y>\d{{4}})\s*(?P<sep>[-./])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})(?!\d)\.?"
    rf"(?:\s*\([^)]*\))?(?:(?:\s+|T){_TIME})?"
)
_SHORT = re.compile(
    rf"(?<![\d.:/-])(?P<y>\d{{2}})(?P<sep>[-./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d:])\.?(?:\s+{_TIME})?"
)
_MONTH_DAY = re.compile(
    rf"(?<![\d.:/-])(?P<m>\d{{1,2}})(?P<sep>[-./])(?P<d>\d{{1,2}})(?!\d|[-/:]|\.\d)\.?(?:\s+{_TIME})?"
)
_TIME_ONLY = re.compile(rf"(?<![\d:]){_TIME}")
_AGO = re.compile(r"(?P<n>\d+)\s*(?P<unit>초|분|시간|일|주)\s*전")
_DAYS_BACK = {"그저께": 2, "그제": 2, "어제": 1, "오늘": 0}
_DAY_WORD = re.compile(rf"(?P<word>그저께|그제|어제|오늘)(?:\s*{_KO_TIME})?")
_JUST_NOW = re.compile(r"방금|just now", re.I)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _time_parts(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    """Hour, minute and second of a match made with ``_TIME`` or ``_KO_TIME``, with 오전/오후 applied."""
    groups = match.groupdict()
    hour = _int(groups.get("h")) if groups.get("h") else _int(groups.get("kh"))
    if hour is None:
        return None, None, None
    minute = _int(groups.get("mi")) if groups.get("h") else (_int(groups.get("kmi")) or 0)
    second = _int(groups.get("s")) if groups.get("h") else _int(groups.get("ks"))
    ampm = (groups.get("ampm") or "").lower()
    if ampm in ("오후", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "am") and hour == 12:
        hour = 0
    return hour, minute, second


def _year(text: str | None) -> int | None:
    # Two-digit years are this century's: boards date from the web's lifetime, never from 19xx tables.
    if not text:
        return None
    year = int(text)
    return 2000 + year if year < 100 else year


def _from_match(match: re.Match[str]) -> PartialDate:
    hour, minute, second = _time_parts(match)
    year = _year(match.groupdict().get("y"))
    return PartialDate(year, int(match.group("m")), int(match.group("d")), hour, minute, second)


def _from_datetime(moment: datetime, *, with_time: bool = True) -> PartialDate:
    if not with_time:
        return PartialDate(moment.year, moment.month, moment.day)
    return PartialDate(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _iso(text: str, now: datetime) -> PartialDate | None:
    match = _ISO.search(text)
    if not match:
        return None
    try:
        moment = datetime.fromisoformat(match.group(0))
    except ValueError:
        return None
    if moment.tzinfo is not None and now.tzinfo is not None:
        moment = moment.astimezone(now.tzinfo)
    return _from_datetime(moment)


def _relative(text: str, now: datetime) -> PartialDate | None:
    if match := _AGO.search(text):
        count, unit = int(match.group("n")), match.group("unit")
        if unit in ("일", "주"):
            return _from_datetime(now - timedelta(days=count * (7 if unit == "주" else 1)), with_time=False)
        seconds = count * {"초": 1, "분": 60, "시간": 3600}[unit]
        return _from_datetime(now - timedelta(seconds=seconds))
    if match := _DAY_WORD.search(text):
        day = now - timedelta(days=_DAYS_BACK[match.group("word")])
        hour, minute, second = _time_parts(match)
        return PartialDate(day.year, day.month, day.day, hour, minute, second)
    if _JUST_NOW.search(text):
        return _from_datetime(now)
    return None


def _search(pattern: re.Pattern[str]) -> Callable[[str, datetime], PartialDate | None]:
    def parse(text: str, now: datetime) -> PartialDate | None:
        match = pattern.search(text)
        return _from_match(match) if match else None

    return parse


def _time_only(text: str, now: datetime) -> PartialDate | None:
    """A bare ``HH:MM[:SS]``: boards print today's posts with their time alone."""
    match = _TIME_ONLY.search(text)
    if not match:
        return None
    hour, minute, second = _time_parts(match)
    return PartialDate(now.year, now.month, now.day, hour, minute, second)


# Most specific first: the first form found decides (an invalid date is then None, not another guess).
_PARSERS: tuple[Callable[[str, datetime], PartialDate | None], ...] = (
    _iso,
    _search(_KOREAN),
    _search(_FULL),
    _search(_SHORT),
    _relative,
    _search(_MONTH_DAY),
    _time_only,
)


def _valid(p: PartialDate) -> bool:
    try:
        # A year-less date is checked against a leap year so that 02-29 stays possible.
        date(p.year if p.year is not None else 2000, p.month, p.day)
    except ValueError:
        return False
    if p.year is not None and not 1900 <= p.year <= 2200:
        return False
    return (
        (p.hour is None or 0 <= p.hour <= 23)
        and (p.minute is None or 0 <= p.minute <= 59)
        and (p.second is None or 0 <= p.second <= 59)
    )


def parse_board_date(text: str, now: datetime) -> PartialDate | None:
    """The date in ``text`` (labels such as "작성일 :" around it are ignored), or None.

    ``now`` (aware, in the board's zone) fills in today's date for a bare ``HH:MM`` and anchors relative
    forms ("3분 전", "어제").  Impossible dates (month 13, Feb 30, 25:00) give None.
    """
    text = text.replace("\xa0", " ")
    for parser in _PARSERS:
        found = parser(text, now)
        if found is not None:
            return found if _valid(found) else None
    return None


# --- resolving -------------------------------------------------------------------------------------


def _build(p: PartialDate, year: int, now: datetime) -> datetime | None:
    try:
        return datetime(year, p.month, p.day, p.hour or 0, p.minute or 0, p.second or 0, tzinfo=now.tzinfo)
    except ValueError:  # 02-29 in a year that has none
        return None


def _year_less(p: PartialDate, year: int, now: datetime) -> datetime | None:
    """``p`` in ``year``, or in an earlier year when that would lie in the future or not exist."""
    for candidate in (year, year - 1, year - 2, year - 3, year - 4):
        moment = _build(p, candidate, now)
        if moment is not None and moment <= now + SLACK:
            return moment
    return None


def resolve(dates: Sequence[PartialDate | None], now: datetime, *, newest_first: bool = True) -> list[datetime | None]:
    """A list page's column of dates as aware datetimes in ``now``'s zone (None stays None).

    Year-less dates are walked down the list: the first takes ``now``'s year unless that lies in the
    future, each next one the year of the row above, minus one when its month-day is later than the row
    above's (the list crossed New Year going back in time).  Dates with a year anchor the walk.  Pass
    pinned notice rows separately: they are not in date order.
    """
    order = list(dates) if newest_first else list(reversed(dates))
    resolved: list[datetime | None] = []
    above: datetime | None = None
    for p in order:
        moment: datetime | None = None
        if p is not None and p.year is not None:
            moment = _build(p, p.year, now)
        elif p is not None:
            year = now.year
            if above is not None:
                later = (p.month, p.day) > (above.month, above.day)
                year = above.year - 1 if later else above.year
            moment = _year_less(p, year, now)
        resolved.append(moment)
        above = moment if moment is not None else above
    return resolved if newest_first else list(reversed(resolved))


def _shifted(moment: datetime, years: int) -> datetime | None:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 02-29 into a year that has none
        return None


def anchor_years(
    listed: Sequence[datetime | None], exact: Sequence[datetime | None], guessed: Sequence[bool]
) -> list[datetime | None]:
    """A list's dates (newest first) with their guessed years corrected by the exact dates known for some
    rows (read from the posts' own pages); ``guessed`` says which rows' years were inferred (``MM-DD``).

    A row whose exact date shows the same day in another year proves the list's year guess wrong by that
    many years: the guessed rows below it, down to the next row with an exact date, are wrong by as many
    (a secret post whose page cannot be read takes 2024-05-30 from the post under it, not 2025-05-30).
    Guessed rows above the first such row follow it too.  Rows whose list showed the year stay as listed.
    """
    result: list[datetime | None] = list(listed)
    shift = 0
    first: tuple[int, int] | None = None
    for index, (seen, known) in enumerate(zip(listed, exact, strict=True)):
        if known is not None:
            result[index] = known
            same_day = seen is not None and (seen.month, seen.day) == (known.month, known.day)
            shift = known.year - seen.year if seen is not None and same_day and guessed[index] else 0
            if first is None:
                first = (index, shift)
        elif seen is not None and shift and guessed[index]:
            result[index] = _shifted(seen, shift) or seen
    if first is not None and first[1]:
        for index in range(first[0]):
            seen = listed[index]
            if seen is not None and exact[index] is None and guessed[index]:
                result[index] = _shifted(seen, first[1]) or seen
    return result


def on_or_after(p: PartialDate, anchor: datetime, now: datetime) -> datetime | None:
    """``p`` on or after ``anchor``'s day: a reply row, listed under the post it answers, is never older.

    A year-less ``p`` takes the first year that puts it there; when that lies in the future it falls
    back on :func:`to_datetime`'s most recent past year.  A dated ``p`` is taken as it is.
    """
    if p.year is not None:
        return _build(p, p.year, now)
    for year in range(anchor.year, anchor.year + 5):
        moment = _build(p, year, now)
        if moment is not None and moment.date() >= anchor.date():
            return moment if moment <= now + SLACK else _year_less(p, now.year, now)
    return None


def to_datetime(p: PartialDate, now: datetime) -> datetime:
    """One date (a view page's) as an aware datetime in ``now``'s zone; a missing year is inferred.

    A year-less date that cannot exist in any recent year (02-29 in none of them) raises ValueError.
    """
    moment = _build(p, p.year, now) if p.year is not None else _year_less(p, now.year, now)
    if moment is None:
        raise ValueError(f"impossible date {p}")
    return moment
