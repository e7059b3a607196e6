"""The session's log of finished work (every board sync and every download), and error wording.

Errors from the core often start with the address (``http://…/list: HTTP 500``); a reader wants the
reason first and the address last, where a cut-off line loses the least.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

_LEADING_URL = re.compile(r"^(?P<url>[a-z][a-z0-9+.-]*://\S+?):\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_PAGE_PREFIX = re.compile(r"^(?P<page>page \d+):\s+(?P<rest>.+)$", re.DOTALL)


def reason_first(error: str) -> str:
    """``error`` with a leading URL moved to the end: ``HTTP 500 Server Error — http://x/list``."""
    error = " ".join(error.split())
    prefix = ""
    page = _PAGE_PREFIX.match(error)
    if page is not None:  # "page 2: http://…: reason" reads "page 2: reason — http://…"
        prefix, error = page["page"] + ": ", page["rest"]
    found = _LEADING_URL.match(error)
    if found is None:
        return prefix + error
    return f"{prefix}{found['rest']} — {found['url']}"


@dataclass(frozen=True)
class LogEntry:
    """One finished piece of work."""

    when: datetime
    kind: str
    """``sync`` or ``download``."""
    subject: str
    """The board's name, or the post's title."""
    ok: bool
    detail: str
    """What happened, in one line (for a failure: the reason first, the address last)."""


@dataclass
class TaskLog:
    """Finished syncs and downloads of this session, oldest first (capped: a long session stays small)."""

    limit: int = 500
    entries: list[LogEntry] = field(default_factory=list)

    def add(self, when: datetime, kind: str, subject: str, ok: bool, detail: str) -> LogEntry:
        """Record one outcome."""
        entry = LogEntry(when, kind, subject, ok, detail if ok else reason_first(detail))
        self.entries.append(entry)
        del self.entries[: -self.limit]
        return entry
