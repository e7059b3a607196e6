"""Suite-wide fixtures: the whole suite runs at one pinned instant.

The sample boards generate their posts from "now", and engines infer years from it, so a suite that read
the wall clock would pass at one hour and fail at the next. Every test runs at ``PINNED_NOW`` (the clock
still ticks from there, so timeouts and sleeps behave). ``NOTICETUI_TEST_NOW`` (ISO 8601) moves the
instant, which is how the clock-boundary runs try the suite at month and year ends.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

SEOUL = ZoneInfo("Asia/Seoul")
DEFAULT_NOW = datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL)


def pinned_now() -> datetime:
    """The instant the suite runs at: ``NOTICETUI_TEST_NOW`` when set, else ``DEFAULT_NOW``."""
    raw = os.environ.get("NOTICETUI_TEST_NOW")
    if not raw:
        return DEFAULT_NOW
    moment = datetime.fromisoformat(raw)
    return moment if moment.tzinfo else moment.replace(tzinfo=SEOUL)


PINNED_NOW = pinned_now()


@pytest.fixture(scope="session", autouse=True)
def _pinned_clock() -> Iterator[datetime]:
    """Travel to ``PINNED_NOW`` for the whole session; the clock ticks on from there."""
    with time_machine.travel(PINNED_NOW, tick=True):
        yield PINNED_NOW


FakeProgram = Callable[[str, str], Path]
"""``fake_program(name, printf_args)``: see :func:`fake_program`."""


@pytest.fixture
def fake_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeProgram:
    """Make programs that record how they were called: ``fake_program("xdg-open", '"%s" "$1"')`` puts a
    shell script ``xdg-open`` on PATH (with only /usr/bin and /bin besides) that writes
    ``printf <printf_args>`` to a file, and returns that file's path. The file appears whole (written
    aside, then moved), so a test polling for it never reads half of it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")

    def make(name: str, printf_args: str) -> Path:
        marker = tmp_path / f"{name}.called"
        script = bin_dir / name
        script.write_text(
            f'#!/bin/sh\nprintf {printf_args} > "{marker}.tmp" && mv "{marker}.tmp" "{marker}"\n', encoding="utf-8"
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        return marker

    return make


@pytest.fixture(autouse=True)
def _english_in_seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with the UI in English and times shown in Seoul's zone, whatever the machine's
    locale and zone (tests of Korean or of another zone say so themselves); and ends the same way."""
    from noticetui.i18n import resolve_language, set_language
    from noticetui.local_dates import set_user_zone

    if resolve_language("auto") != "en":  # a Korean desktop: the CLI's "auto" would answer in Korean
        monkeypatch.setenv("LC_ALL", "C.UTF-8")
    set_language("en")
    set_user_zone(SEOUL)
    yield
    set_language("en")
    set_user_zone(None)
