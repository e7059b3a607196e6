"""The TUI's event-loop stalls while it syncs every demo board (issue 7.4).

Run: ``python benchmarks/bench_tui_sync.py [--runs N]``.  The app runs in Textual's headless driver against
the bundled sample boards (every board, bodies included, no politeness delay so that the sync is as dense
as it gets).  A probe task on the app's own event loop sleeps 5 ms again and again and records how late
it wakes: the worst overshoot is the longest time the UI could not answer a key.  Target: under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
from pathlib import Path

from timing import probed

from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.tui.app import NoticeApp

TICK = 0.005


def write_config(home: Path, demo: DemoServer, exclude: tuple[str, ...] = ()) -> None:
    """Follow every demo board (but those whose name holds a word of ``exclude``), two list pages each,
    no delay between requests."""
    lines = ['[settings]\ndelay = 0.0\nper_host = 4\nimages = "off"\n']
    for board in demo.boards():
        if any(word in board.name for word in exclude):
            continue
        lines.append(f'[[boards]]\nname = "{board.name}"\nurl = "{board.url}"\nengine = "{board.engine}"\npages = 2\n')
    (home / "config.toml").write_text("\n".join(lines), encoding="utf-8")


async def one_run(
    demo: DemoServer, idle: float = 0.0, exclude: tuple[str, ...] = ()
) -> tuple[float, float, float, int, float]:
    """(worst stall, 99th percentile stall, sync seconds, posts stored, worst CPU burst) of one sync from an
    empty cache.  The CPU burst is the UI thread's own CPU time between two wakes of the probe: the work
    done on the UI loop, without the waits a loaded machine (or the GIL) adds to it.

    With ``idle``, no sync: the probe runs that many seconds on the idle app (the machine's floor).
    """
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        write_config(home, demo, exclude)
        ctx = AppContext.for_home(home)
        app = NoticeApp(ctx, sync_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            # Start-up (first layout, screen resume) is not what is measured: let it finish first.
            await pilot.pause()
            await asyncio.sleep(0.5)
            await pilot.pause()

            async def sync() -> None:
                if idle:
                    await asyncio.sleep(idle)
                else:
                    await pilot.press("r")
                    await pilot.pause()
                    await app.workers.wait_for_complete()

            stalls = await probed(sync, TICK)
        posts = ctx.store.count_posts()
        ctx.close()
    return stalls.worst, stalls.p99, stalls.wall, posts, stalls.burst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="leave out the boards whose name holds this word (e.g. hostile: its 5,000-level post takes lexbor"
        " ~0.3 s to parse)",
    )
    args = parser.parse_args()
    with DemoServer() as demo:
        floor = asyncio.run(one_run(demo, idle=3.0))
        results = [asyncio.run(one_run(demo, exclude=tuple(args.exclude))) for _ in range(args.runs)]
    print(f"idle app (no sync), 3 s:  worst stall {floor[0] * 1000:6.1f} ms, p99 {floor[1] * 1000:5.1f} ms")
    for worst, p99, elapsed, posts, burst in results:
        print(
            f"sync {elapsed:5.2f} s, {posts} posts: worst stall {worst * 1000:6.1f} ms, p99 {p99 * 1000:5.1f} ms,"
            f" worst UI CPU burst {burst * 1000:5.1f} ms"
        )
    print(f"median worst UI-loop stall: {statistics.median(r[0] for r in results) * 1000:.1f} ms (target < 50 ms)")
    print(f"median worst UI CPU burst:  {statistics.median(r[4] for r in results) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
