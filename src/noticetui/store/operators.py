"""Search operators: ``board:notice after:2026-11-01 before:2026-12-01 file:hwp title:공고 words…``.

A pure parser (text in, :class:`SearchQuery` out).  Only the names in :data:`OPERATORS` are operators, so
a word such as ``10:30`` or ``https://…`` stays a word.  Double quotes keep spaces inside one value
(``title:"사업 공고"``, ``"청년 창업"``).  A bad value raises :class:`QueryError`, whose text is one line
that says what was expected.

Dates: ``after:D`` keeps posts from day D on, ``before:D`` posts before day D (so ``after:2026-11-01
before:2026-12-01`` is November); days are Korean days (+09:00), the boards' own.  Dates are written
``2026-11-01``, ``2026.11.01``, ``2026.11.1.``, ``2026/11/01``, ``20261101`` or ``2026년 11월 1일``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from noticetui.i18n import _

OPERATORS = ("board", "after", "before", "file", "title")
"""The operator names a query understands (``name:value``)."""


class QueryError(ValueError):
    """A query (or a date) that cannot be understood; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the words to find and the filters that narrow the results."""

    words: tuple[str, ...] = ()
    """Words found in the title or the body (a quoted phrase is one word)."""
    title_words: tuple[str, ...] = ()
    """Words that must be in the title (``title:``)."""
    boards: tuple[str, ...] = ()
    """Board names (``board:``; several: any of them)."""
    files: tuple[str, ...] = ()
    """Pieces of an attachment's name (``file:hwp``; several: a post with each)."""
    after: date | None = None
    """Posts from this day on (``after:``)."""
    before: date | None = None
    """Posts before this day (``before:``)."""

    @property
    def highlight(self) -> tuple[str, ...]:
        """The words to highlight in the titles of the results."""
        return tuple(w for phrase in (*self.words, *self.title_words) for w in phrase.split())

    @property
    def has_filters(self) -> bool:
        """Whether any operator narrows the results."""
        return bool(self.boards or self.files or self.after or self.before)


_DATE = re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_day(text: str) -> date:
    """A day written ``2026-11-01``, ``2026.11.01``, ``2026.11.1.``, ``2026/11/01``, ``20261101`` or
    ``2026년 11월 1일``; anything else raises :class:`QueryError`."""
    value = text.strip()
    match = _DATE.fullmatch(value) or _COMPACT.fullmatch(value)
    if match is None:
        raise QueryError(_("expected a date such as 2026-11-01 or 2026.11.01, got {text!r}").format(text=text))
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise QueryError(_("no such day: {text!r}").format(text=text)) from None


# An optional operator name, then a quoted value (the closing quote may be missing) or a bare one.
_TOKEN = re.compile(r'(?:(?P<name>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S+))?')


def _pieces(text: str) -> list[tuple[str, str]]:
    """``(operator, value)`` pairs; operator ``""`` for a plain word."""
    found: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(text):
        name = (match["name"] or "").lower()
        value = match["quoted"] if match["quoted"] is not None else match["bare"] or ""
        if name and name not in OPERATORS:
            # Not an operator ("10:30", "http://…"): the whole token is a word.
            found.append(("", match.group(0).strip('"')))
        elif name or value.strip():
            found.append((name, " ".join(value.split())))
    return found


def parse_search(text: str) -> SearchQuery:
    """The words and operators of ``text`` (see the module's docstring)."""
    words: list[str] = []
    title: list[str] = []
    boards: list[str] = []
    files: list[str] = []
    after: date | None = None
    before: date | None = None
    for name, value in _pieces(text):
        if not name:
            words.append(value)
            continue
        if not value:
            raise QueryError(
                _("{name}: needs a value (for example {example})").format(name=name, example=_EXAMPLES[name])
            )
        if name == "title":
            title.append(value)
        elif name == "board":
            boards.append(value)
        elif name == "file":
            files.append(value)
        elif name == "after":
            after = _operator_day(name, value)
        else:
            before = _operator_day(name, value)
    if after is not None and before is not None and after >= before:
        raise QueryError(
            _("after:{after} is not before before:{before}: nothing can match").format(
                after=after.isoformat(), before=before.isoformat()
            )
        )
    return SearchQuery(tuple(words), tuple(title), tuple(boards), tuple(files), after, before)


def _operator_day(name: str, value: str) -> date:
    """The day of ``after:``/``before:``; its error names the operator, as every operator's error does."""
    try:
        return parse_day(value)
    except QueryError as exc:
        raise QueryError(_("{name}: {problem}").format(name=name, problem=exc)) from None


_EXAMPLES = {
    "board": "board:notice",
    "after": "after:2026-11-01",
    "before": "before:2026-12-01",
    "file": "file:hwp",
    "title": "title:공고",
}
