"""The watched words of each board (``watch = [...]`` in the settings and per board), for highlighting.

Read with ``getattr`` so the TUI works with a config that does not know the key yet.
"""

from __future__ import annotations

from noticetui.config import Config


def _words(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list | tuple):
        return tuple(w for w in value if isinstance(w, str) and w.strip())
    return ()


def watched_words(config: Config) -> dict[str, tuple[str, ...]]:
    """Board name → its watched words (the global ones, then its own); ``""`` → the global ones."""
    common = _words(getattr(config.settings, "watch", ()))
    words = {"": common}
    for board in config.boards:
        own = _words(getattr(board, "watch", ()))
        words[board.name] = common + tuple(w for w in own if w not in common)
    return words


def matches(title: str, words: tuple[str, ...]) -> list[str]:
    """The watched ``words`` found in ``title`` (case-insensitively), in the order they are listed."""
    folded = title.casefold()
    return [w for w in words if w.casefold() in folded]
