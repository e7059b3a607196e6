"""What every engine test module shares: where the saved pages live and how to read one.

Engine tests parse saved pages (``tests/fixtures/<engine>/<name>.html``) at a fixed "now" of their own;
these helpers replace the loader each module used to define.  Import them as
``from .conftest import FIXTURES, load, context``.

A module that tests one engine on its saved pages declares them once, ``SAVED = SavedPages(ENGINE,
"gnuboard", NOW, LIST_URL, VIEW_URL, "40")``, reads them with ``SAVED.page``/``SAVED.listing``/``SAVED.post``
and takes the fixtures ``first``, ``second`` (``list_page1``/``list_page2``) and ``view`` defined here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines.base import Doc, Engine, parse_html
from noticetui.models import SEOUL, ListPage, ParseContext, Post, PostStub
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


@dataclass(frozen=True)
class SavedPages:
    """One engine's saved pages (``FIXTURES/folder``), read at ``now`` as pages of the board ``list_url``."""

    engine: Engine
    """The engine under test."""
    folder: str
    """The folder of ``FIXTURES`` holding its pages."""
    now: datetime
    """The moment the pages are read at (dates without a year are inferred from it)."""
    list_url: str
    """Where the first list page (``list_page1``) was saved from."""
    view_url: str
    """Where the post ``view`` was saved from."""
    view_key: str
    """The key of the post ``view``."""
    second_url: str = ""
    """Where ``list_page2`` was saved from (empty: the folder has no second page)."""

    def page(self, name: str) -> Doc:
        """The saved page ``name``, parsed."""
        return load(self.folder, name)

    def listing(self, name: str, url: str = "") -> ListPage:
        """The saved list page ``name`` read by the engine, as fetched from ``url`` (default: ``list_url``)."""
        return self.engine.parse_list(self.page(name), ParseContext(url=url or self.list_url, now=self.now))

    def post(self, name: str = "view", url: str = "", key: str = "") -> Post:
        """The saved post page ``name`` read by the engine as the post ``key`` fetched from ``url`` (defaults:
        ``view_url`` and ``view_key``)."""
        context = ParseContext(url=url or self.view_url, now=self.now)
        return self.engine.parse_post(self.page(name), context, key or self.view_key)


@pytest.fixture(scope="module")
def saved(request: pytest.FixtureRequest) -> SavedPages:
    """The ``SAVED`` pages the test module declares."""
    pages = getattr(request.module, "SAVED", None)
    assert isinstance(pages, SavedPages), f"{request.module.__name__} declares no SAVED = SavedPages(...)"
    return pages


@pytest.fixture(scope="module")
def first(saved: SavedPages) -> ListPage:
    """The module's saved first list page (``list_page1``), read by its engine."""
    return saved.listing("list_page1")


@pytest.fixture(scope="module")
def second(saved: SavedPages) -> ListPage:
    """The module's saved second list page (``list_page2``), read by its engine."""
    assert saved.second_url, "SAVED has no second_url"
    return saved.listing("list_page2", saved.second_url)


@pytest.fixture(scope="module")
def view(saved: SavedPages) -> Post:
    """The module's saved post page (``view``), read by its engine."""
    return saved.post()
