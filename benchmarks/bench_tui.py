"""TUI first paint with 100,000 cached posts in 50 boards, against a bare Textual app.

Run: ``python benchmarks/bench_tui.py``.  "First paint" is the time from creating the app to the first
screen being ready in Textual's headless test driver (mounted, laid out, first frame rendered), syncing off.
Also reports the resident memory after opening, to show that the list is loaded lazily.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import build

from noticetui.config import BoardConfig, Config
from noticetui.context import AppContext
from noticetui.tui.app import NoticeApp


class BareApp(App[None]):
    """The floor: a Textual app with a label and a footer."""

    def compose(self) -> ComposeResult:
        yield Static("hello")
        yield Footer()


async def first_paint(make: object) -> float:
    assert callable(make)
    t0 = time.perf_counter()
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        t0 = time.perf_counter()
        build(home / "noticetui.sqlite3").close()
        print(f"built the 100,000-post cache in {time.perf_counter() - t0:.1f} s")
        ctx = AppContext.for_home(home)
        ctx.config = Config(boards=[BoardConfig(name=b.name, url=b.url, engine=b.engine) for b in ctx.store.boards()])
        bare = [asyncio.run(first_paint(BareApp)) for _ in range(5)]
        full = [asyncio.run(first_paint(lambda: NoticeApp(ctx, sync_on_start=False))) for _ in range(5)]
        print(f"bare Textual app first paint:       median {statistics.median(bare) * 1000:7.1f} ms")
        print(f"noticetui (100,000 posts) first paint: median {statistics.median(full) * 1000:7.1f} ms")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory of the whole run: {rss:.0f} MB")
        ctx.close()


if __name__ == "__main__":
    main()
