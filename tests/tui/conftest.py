"""Fixtures for the TUI tests: a throwaway home whose cache is filled directly, with fixed dates."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.tui.app import NoticeApp

from .seed import CONFIG, NOW, seed


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A NOTICETUI_HOME with two boards configured."""
    root = tmp_path / "home"
    root.mkdir()
    (root / "config.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    """A context over the seeded cache."""
    context = AppContext.for_home(home)
    yield context
    context.close()


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A context over a home with no config and no cache yet (a first start)."""
    context = AppContext.for_home(tmp_path / "empty")
    yield context
    context.close()


@pytest.fixture
def ids(ctx: AppContext) -> dict[str, int]:
    """The ids of the seeded posts, by role."""
    return seed(ctx)


@pytest.fixture
def make_app(ctx: AppContext, ids: dict[str, int]) -> Callable[..., NoticeApp]:
    """A factory for the app over the seeded cache, at the fixed clock, not syncing unless asked."""

    def factory(**options: Any) -> NoticeApp:
        options.setdefault("sync_on_start", False)
        return NoticeApp(ctx, now=lambda: NOW, **options)

    return factory


class FakeBrowser(webbrowser.BackgroundBrowser):
    """A graphical browser (it starts in the background) that only records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("fake-browser")
        self.urls: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        """Record ``url``; report success."""
        self.urls.append(url)
        return True


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app handed to the (graphical) web browser."""
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    return browser.urls


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    """The bundled sample boards on a loopback port."""
    with DemoServer() as server:
        yield server


def demo_home(
    home: Path, demo: DemoServer, engines: tuple[str, ...] = ("gnuboard",), *, images: str = "off", extra: str = ""
) -> Path:
    """Make ``home``: a config following the demo's board of each engine in ``engines`` (one list page each, no
    delay), ``images`` set as given and ``extra`` lines added to ``[settings]``, and no cache yet; returns it."""
    lines = ["[settings]", "delay = 0.0", "per_host = 4", f'images = "{images}"', extra, ""]
    for engine in engines:
        board = next(b for b in demo.boards() if b.engine == engine)
        lines += [
            "[[boards]]",
            f'name = "{board.name}"',
            f'url = "{board.url}"',
            f'engine = "{engine}"',
            "pages = 1",
            "",
        ]
    home.mkdir()
    (home / "config.toml").write_text("\n".join(lines), encoding="utf-8")
    return home


@pytest.fixture
def demo_ctx(tmp_path: Path, demo: DemoServer) -> Iterator[AppContext]:
    """A fresh home following the demo's gnuboard board, with an empty cache."""
    ctx = AppContext.for_home(demo_home(tmp_path / "demo-home", demo))
    yield ctx
    ctx.close()
