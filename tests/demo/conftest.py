"""Fixtures for the demo-server tests: a server with a fixed clock, and fresh HTTP clients."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from noticetui.demo.server import DemoServer
from noticetui.models import SEOUL

NOW = datetime(2026, 1, 10, 14, 30, tzinfo=SEOUL)
"""The demo clock for these tests: early January, so year-less dates of the last year cross a year boundary."""


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    """A sample-board server shared by a test module; tests that stage faults start their own."""
    with DemoServer(now=NOW) as demo:
        yield demo


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """A client with an empty cookie jar: a new visitor, a new session."""
    with httpx.Client(timeout=10) as http:
        yield http


@pytest.fixture
def board_url(server: DemoServer) -> str:
    """The gnuboard5 notice board's list URL."""
    return next(b.url for b in server.boards() if b.engine == "gnuboard")
