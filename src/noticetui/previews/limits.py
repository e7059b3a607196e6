"""Time limits for previewers: a cooperative deadline, and a thread that stops waiting when it is past."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from noticetui.i18n import _
from noticetui.previews.common import PreviewError

T = TypeVar("T")

GRACE = 0.5
"""Seconds the hard limit waits beyond the deadline, so that a previewer that checks its deadline between
pages can return what it has read rather than lose it to the hard limit."""


class Deadline:
    """A point in time a previewer should stop by; previewers ask :meth:`expired` between units of work."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        """A deadline ``seconds`` from now as measured by ``clock`` (tests pass a fake clock)."""
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def expired(self) -> bool:
        """True once the deadline has passed."""
        return self._clock() >= self._end


def run_with_deadline(work: Callable[[], T], timeout: float) -> T:
    """The result of ``work()``, run in a daemon thread; PreviewError when it takes past ``timeout``.

    Python cannot kill a thread, so a parser stuck inside a library call keeps running in the background
    after we give up; it is a daemon so it never holds up the program's exit.  Exceptions from ``work``
    are raised here, in the caller's thread.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the caller's thread, which decides what it means
            failure.append(exc)

    thread = threading.Thread(target=target, name="noticetui-preview", daemon=True)
    thread.start()
    thread.join(max(timeout, 0.0) + GRACE)
    if thread.is_alive():
        raise PreviewError(_("preview timed out after {seconds} s").format(seconds=f"{timeout:g}"))
    if failure:
        raise failure[0]
    return outcome[0]
