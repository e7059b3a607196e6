"""The watched words of each board (``watch = [...]`` in the settings and per board), for highlighting.

Matching itself is :mod:`noticetui.watch`'s, so the TUI highlights exactly what ``sync --notify`` announces.
"""

from __future__ import annotations

from noticetui.config import Config
from noticetui.watch import matches

__all__ = ["matches", "watched_words"]


def watched_words(config: Config) -> dict[str, tuple[str, ...]]:
    """Board name → its watched words (the global ones, then its own); ``""`` → the global ones."""
    common = config.settings.watch
    words = {"": common}
    for board in config.boards:
        words[board.name] = common + tuple(w for w in board.watch if w not in common)
    return words
