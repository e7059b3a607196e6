"""What every engine test module shares: where the saved pages live and how to read one.

Engine tests parse saved pages (``tests/fixtures/<engine>/<name>.html``) at a fixed "now" of their own;
these helpers replace the loader each module used to define.  Import them as
``from .conftest import FIXTURES, load, context``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from noticetui.engines.base import Doc, parse_html
from noticetui.models import SEOUL, ListPage, ParseContext, PostStub
from noticetui.net.charset import decode_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
"""The saved pages, one folder per engine (``generic/`` for sites no engine knows)."""


def load(folder: str, name: str, *, raw: bool = False) -> Doc:
    """The saved page ``FIXTURES/folder/name.html``, parsed; ``raw`` decodes it as the fetcher would
    (header-less: BOM, ``<meta>``, then CP949) instead of reading it as UTF-8."""
    path = FIXTURES / folder / f"{name}.html"
    if raw:
        return parse_html(decode_html(path.read_bytes(), None)[0])
    return parse_html(path.read_text(encoding="utf-8"))


def context(url: str, now: datetime) -> ParseContext:
    """The parse context of a page fetched from ``url`` at ``now``."""
    return ParseContext(url=url, now=now)


def stub(found: ListPage, key: str) -> PostStub:
    """The row of ``found`` whose key is ``key``."""
    return next(s for s in found.stubs if s.key == key)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Korean time (the sample boards' zone)."""
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def load_path(path: Path) -> Doc:
    """A saved page at ``path``, decoded as the fetcher would without a header charset."""
    return parse_html(decode_html(path.read_bytes(), None)[0])


def foreign_pages(*own: str) -> list[Path]:
    """Every saved page except those in the folders ``own``: pages an engine must not claim."""
    return sorted(p for p in FIXTURES.glob("*/*.html") if p.parent.name not in own)


def page_id(path: Path) -> str:
    """A readable test id for a saved page (``egov/legacy_view.html``)."""
    return f"{path.parent.name}/{path.name}"
