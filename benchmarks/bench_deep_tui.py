"""Opening a 5,000-level post in the TUI's detail pane: the body drawn by a plain Static (before) and
by :class:`~noticetui.tui.widgets.body_text.BodyText` (after), which draws only the lines on screen.

Run: ``python benchmarks/bench_deep_tui.py`` — per kind of nesting, the wall time from ``show_post`` to
the first frame being painted (Textual's headless driver, 120×40), and the time to page to the end of the
body; median of ``REPEAT`` runs.  Parsing and layout (``bench_deep.py``) are part of both figures.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

from textual.app import App, ComposeResult
from textual.visual import VisualType
from textual.widgets import Static

import noticetui.tui.widgets.detail as detail_module
from noticetui.demo.templates.hostile import NESTINGS, nested
from noticetui.models import Request
from noticetui.store import PostRow
from noticetui.tui.widgets.body_text import BodyText
from noticetui.tui.widgets.detail import DetailPane

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


class PlainBody(Static):
    """The body as it was drawn before: a Static rendering its whole text."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)


class Reader(App[None]):
    """Only the detail pane."""

    def compose(self) -> ComposeResult:
        yield DetailPane(id="detail")


async def one_run(post: PostRow) -> tuple[float, float]:
    """Seconds to the first frame with the post, and to page down to its end."""
    app = Reader()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(DetailPane)
        pane.focus()
        await pilot.pause()
        t0 = time.perf_counter()
        await pane.show_post(post, [])
        await app.workers.wait_for_complete()  # the body is laid out in a thread
        await pilot.pause()
        t1 = time.perf_counter()
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        return t1 - t0, time.perf_counter() - t1


def deep_post(html: str) -> PostRow:
    """A cached post whose body is ``html``."""
    fields = (1, 1, "b", "k", "deep", "http://x/", Request("http://x/"), None, None, None, False, False, 0)
    return PostRow(*fields, None, False, None, False, True, html)


def hostile_html() -> str:
    """The hostile sample board's deep post: div, blockquote, table, ul and ol, 5,000 levels each."""
    five = ("div", "blockquote", "table", "ul")
    return "".join(nested(*NESTINGS[kind]) for kind in five) + nested("<ol><li>o{i} ", "</li></ol>")


def measure(html: str) -> tuple[float, float]:
    """Median seconds of :func:`one_run`."""
    runs = [asyncio.run(one_run(deep_post(html))) for _ in range(REPEAT)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    """Print one line per kind."""
    print(f"{'5,000 levels of':<20} {'before: open':>13} {'end':>7} {'after: open':>12} {'end':>7}")
    cases = {kind: nested(opening, closing) for kind, (opening, closing) in NESTINGS.items()}
    cases["hostile post (5 kinds)"] = hostile_html()
    for kind, html in cases.items():
        detail_module.BodyText = PlainBody  # type: ignore[misc]
        before = measure(html)
        detail_module.BodyText = BodyText  # type: ignore[misc]
        after = measure(html)
        print(f"{kind:<20} {before[0]:10.2f} s {before[1]:5.2f} s {after[0]:9.2f} s {after[1]:5.2f} s")


if __name__ == "__main__":
    main()
