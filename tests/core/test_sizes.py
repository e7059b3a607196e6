"""Byte counts for people."""

import pytest

from noticetui.sizes import human_size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (25088, "24.5 KB"),
        (5 * 1024**2, "5.0 MB"),
        (3 * 1024**3, "3.0 GB"),
    ],
)
def test_sizes_read_like_a_file_manager(size: int, text: str) -> None:
    assert human_size(size) == text


def test_unknown_size_is_the_callers_choice() -> None:
    assert human_size(None) == ""
    assert human_size(None, "?") == "?"
