"""Wall-time sampling shared by the benchmark scripts (imported as ``timing``: they run as scripts)."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


def wall_times(fn: Callable[[], object], repeat: int) -> list[float]:
    """The wall time of each of ``repeat`` calls of ``fn``, in seconds, shortest first."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``, in milliseconds."""
    return statistics.median(wall_times(fn, repeat)) * 1000


@dataclass
class Stalls:
    """What a probe on the UI loop saw while a step ran (seconds)."""

    lags: list[float]
    """How late each 5 ms sleep of the probe woke, in order: the UI could not answer a key meanwhile."""
    bursts: list[float]
    """The UI thread's own CPU time between two wakes: the work done on the loop, without the waits a
    loaded machine (or the GIL) adds to it."""
    wall: float
    """How long the step took."""

    @property
    def worst(self) -> float:
        """The longest stall."""
        return max(self.lags, default=0.0)

    @property
    def p99(self) -> float:
        """The 99th percentile stall."""
        return sorted(self.lags)[int(len(self.lags) * 0.99)] if self.lags else 0.0

    @property
    def burst(self) -> float:
        """The longest CPU burst of the UI thread."""
        return max(self.bursts, default=0.0)


async def probed(step: Callable[[], Awaitable[object]], tick: float = 0.005) -> Stalls:
    """Run ``step`` while a probe task on the same event loop sleeps ``tick`` again and again."""
    stalls = Stalls([], [], 0.0)
    done = False

    async def probe() -> None:
        while not done:
            t0, c0 = time.perf_counter(), time.thread_time()
            await asyncio.sleep(tick)
            stalls.lags.append(time.perf_counter() - t0 - tick)
            stalls.bursts.append(time.thread_time() - c0)

    task = asyncio.create_task(probe())
    await asyncio.sleep(0)  # the probe's first tick starts before the step
    t0 = time.perf_counter()
    await step()
    stalls.wall = time.perf_counter() - t0
    done = True
    await task
    return stalls
