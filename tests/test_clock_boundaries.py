"""The date-sensitive tests pass at the awkward instants too, not only at the suite's pinned one.

The sample boards date their posts from "now" and the engines infer missing years from it, so an instant
near midnight, New Year or a leap day can break what passes at ``DEFAULT_NOW`` (it has: a post key that
moved just after midnight). This test reruns the tests that sync every sample board and compare it with
the ground truth, at each instant below, in subprocesses (``NOTICETUI_TEST_NOW``; see ``conftest.py``).
They run side by side: each is mostly waiting on loopback HTTP, so the whole check takes ~20 s.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTANTS = {
    "2026-12-31T23:59+09:00": "the last minute of a year in Seoul",
    "2027-01-01T00:00+09:00": "New Year's first minute in Seoul (still 2026 in UTC); today's posts are at 00:00",
    "2027-03-01T00:00+09:00": "a month boundary just after a February with no 29th",
    "2028-02-29T12:00+09:00": "a leap day",
    "2029-01-03T14:30+09:00": "a post of 2028-02-29 listed without its year in 2029, across New Year",
}
SELECTION = "sync_lists_every_post or exact_titles_and_dates or gnuboard4_site"
"""The ground-truth tests of every board module, and the gnuboard4 site tests that once chose posts by key."""
DEADLINE = 100.0


def run_at(instant: str) -> subprocess.Popen[str]:
    """Start the selected integration tests at ``instant``."""
    # One process each (``-n 0``): the five instants already run side by side.
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-k", SELECTION, "tests/integration"]
    env = {**os.environ, "NOTICETUI_TEST_NOW": instant}
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.timeout(DEADLINE + 20)
def test_the_sample_boards_read_right_at_every_clock_boundary() -> None:
    started = time.monotonic()
    runs = {instant: run_at(instant) for instant in INSTANTS}
    failures: list[str] = []
    for instant, run in runs.items():
        try:
            output, _ = run.communicate(timeout=max(1.0, DEADLINE - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            run.kill()
            output, _ = run.communicate()
            failures.append(f"{instant} ({INSTANTS[instant]}): still running after {DEADLINE:.0f} s")
            continue
        passed = re.search(r"(\d+) passed", output)
        # Every board module contributes at least one test: a selection that matched little means a rename.
        if run.returncode != 0 or passed is None or int(passed.group(1)) < 12:
            failures.append(f"{instant} ({INSTANTS[instant]}):\n{output[-3000:]}")
    assert not failures, "\n\n".join(failures)
