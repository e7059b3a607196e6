"""The UI loop's longest stall while the detail pane opens a deep post, and while it lays it out again.

Run: ``python benchmarks/bench_ui_loop_body.py`` (this checkout), and for the "before" figures the same
script against an older checkout: ``PYTHONPATH=/tmp/old/src python benchmarks/bench_ui_loop_body.py``
(the script only uses ``DetailPane.show_post`` and waits for the app's workers, so it runs on both).

A probe task on the app's own event loop sleeps 5 ms again and again and records how late it wakes: the
worst overshoot is the longest time the UI could not answer a key.  Measured from ``show_post`` until the
body is painted (Textual's headless driver, 120×40), then from a resize to 100 columns until the body is
painted again at the new width.  Also printed: the UI thread's own worst CPU burst between two wakes (the
work done on the loop, apart from the GIL and a loaded machine), and the wall time until the body shows.
Median of ``BENCH_REPEAT`` runs (default 3).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from noticetui.demo.templates.hostile import NESTINGS, nested
from noticetui.models import Request
from noticetui.store import PostRow
from noticetui.tui.widgets.detail import DetailPane

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
TICK = 0.005


class Reader(App[None]):
    """Only the detail pane."""

    def compose(self) -> ComposeResult:
        yield DetailPane(id="detail")


@dataclass
class Stalls:
    """What the probe saw during one step: worst lateness, worst UI-thread CPU burst, wall time."""

    worst: float
    burst: float
    wall: float


async def probed(step: Callable[[], Awaitable[None]]) -> Stalls:
    """Run ``step`` with the probe ticking on the same loop."""
    lags: list[float] = [0.0]
    bursts: list[float] = [0.0]
    done = False

    async def probe() -> None:
        while not done:
            t0, c0 = time.perf_counter(), time.thread_time()
            await asyncio.sleep(TICK)
            lags.append(time.perf_counter() - t0 - TICK)
            bursts.append(time.thread_time() - c0)

    task = asyncio.create_task(probe())
    await asyncio.sleep(0)  # the probe's first tick starts before the step
    t0 = time.perf_counter()
    await step()
    wall = time.perf_counter() - t0
    done = True
    await task
    return Stalls(max(lags), max(bursts), wall)


async def one_run(post: PostRow) -> tuple[Stalls, Stalls]:
    """The stalls of opening ``post``, then of laying it out again after a resize."""
    app = Reader()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(DetailPane)
        await pilot.pause()
        await asyncio.sleep(0.3)  # start-up is not what is measured

        async def shown(pilot: Pilot[None]) -> None:
            await app.workers.wait_for_complete()
            await pilot.pause()

        async def open_post() -> None:
            await pane.show_post(post, [])
            await shown(pilot)

        async def resize() -> None:
            await pilot.resize_terminal(100, 40)
            await shown(pilot)

        return await probed(open_post), await probed(resize)


def deep_post(html: str) -> PostRow:
    """A cached post whose body is ``html``."""
    fields = (1, 1, "b", "k", "deep", "http://x/", Request("http://x/"), None, None, None, False, False, 0)
    return PostRow(*fields, None, False, None, False, True, html)


def main() -> None:
    """One line per post and step."""
    five = ("div", "blockquote", "table", "ul")
    cases = {
        "hostile post (5 kinds)": "".join(nested(*NESTINGS[k]) for k in five) + nested("<ol><li>o{i} ", "</li></ol>"),
        "table (2 columns)": nested(*NESTINGS["table (2 columns)"]),
    }
    print(f"{'5,000 levels of':<24} {'step':<7} {'worst stall':>12} {'UI CPU burst':>13} {'body shown':>11}")
    for name, html in cases.items():
        runs = [asyncio.run(one_run(deep_post(html))) for _ in range(REPEAT)]
        for index, step in enumerate(("open", "resize")):
            stalls = [run[index] for run in runs]
            worst = statistics.median(s.worst for s in stalls) * 1000
            burst = statistics.median(s.burst for s in stalls) * 1000
            wall = statistics.median(s.wall for s in stalls)
            print(f"{name:<24} {step:<7} {worst:9.0f} ms {burst:10.0f} ms {wall:9.2f} s")


if __name__ == "__main__":
    main()
