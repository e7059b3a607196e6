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

from bench_deep_tui import Reader, deep_post, hostile_html
from textual.pilot import Pilot
from timing import Stalls, probed

from noticetui.demo.templates.hostile import NESTINGS, nested
from noticetui.store import PostRow
from noticetui.tui.widgets.detail import DetailPane

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


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


def main() -> None:
    """One line per post and step."""
    cases = {
        "hostile post (5 kinds)": hostile_html(),
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
