"""Wall-time sampling shared by the benchmark scripts (imported as ``timing``: they run as scripts)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
