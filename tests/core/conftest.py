"""Fixtures the core tests share: an empty cache of their own."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from noticetui.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty cache in the test's own directory, closed after the test."""
    s = Store.open(tmp_path / "cache.sqlite3")
    yield s
    s.close()
