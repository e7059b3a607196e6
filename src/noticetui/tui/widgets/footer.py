"""The footer: Textual's, with the Help key pinned to its right end so narrow terminals never lose it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PINNED = frozenset({"help", "app.help", "close"})
"""Actions whose footer key stays visible however narrow the terminal (docked right): Help, and the way
out of a screen such as the boards editor."""


class KeysFooter(Footer):
    """A compact footer without the palette's key (the help lists Ctrl+P); ``?`` Help docked right."""

    DEFAULT_CSS = """
    KeysFooter FooterKey.-pinned {
        dock: right;
        margin-right: 0;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        """Textual's keys (the active ones: a user's keymap applied), Help marked to be pinned."""
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in PINNED:
                widget.add_class("-pinned")
            yield widget
