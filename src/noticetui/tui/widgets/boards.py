"""The boards pane: "All boards" and each followed board with its unread count."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from noticetui.render import sanitize_line
from noticetui.tui.actions import bindings
from noticetui.tui.format import OneLine
from noticetui.tui.sources import ALL_BOARDS, STARRED, BoardEntry

SYNCING_MARK = "⟳"
"""Put before a board's count while that board syncs."""


def entry_prompt(entry: BoardEntry, syncing: bool = False) -> OneLine:
    """How a board reads in the pane, always on one line: its title (cut with "…" when long), then flush
    right a mark while it syncs, its unread count and a mark when its last sync failed."""
    title = Text(sanitize_line(entry.label) or entry.key, style="" if entry.configured else "dim italic")
    counts = Text()
    if syncing:
        counts.append(SYNCING_MARK + " ", style="bold cyan")
    if entry.unread:
        counts.append(f"{entry.unread}", style="bold")
    if entry.error:
        counts.append(" !" if entry.unread else "!", style="bold red")
    return OneLine(title, counts)


def shown(entry: BoardEntry) -> tuple[str, bool, int, bool]:
    """What of ``entry`` its line shows (the rest, post counts and sync times, changes far more often)."""
    return entry.label, entry.configured, entry.unread, bool(entry.error)


class BoardsPane(OptionList):
    """The list of boards; highlighting one shows its posts."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("boards")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[BoardEntry] = []
        self.syncing: frozenset[str] = frozenset()
        """The boards whose sync runs (their lines carry :data:`SYNCING_MARK`)."""

    def set_syncing(self, names: frozenset[str]) -> None:
        """Mark the boards ``names`` (and "All boards" while any is marked) as syncing, unmark the others."""
        marked = names | {ALL_BOARDS} if names else names
        changed = marked ^ self.syncing
        self.syncing = marked
        for index, entry in enumerate(self.entries):
            if entry.key in changed:
                self.replace_option_prompt_at_index(index, entry_prompt(entry, entry.key in marked))

    def set_entries(self, entries: list[BoardEntry]) -> None:
        """Show ``entries``; when the same boards are listed, only their counts change (no new highlight)."""
        if [e.key for e in entries] == [e.key for e in self.entries]:
            for index, entry in enumerate(entries):
                # Only what the line shows: re-rendering a board's line costs the UI a few ms each.
                if shown(entry) != shown(self.entries[index]):
                    self.replace_option_prompt_at_index(index, entry_prompt(entry, entry.key in self.syncing))
            self.entries = entries
            return
        before = self.current
        self.entries = entries
        highlighted = self.highlighted
        self.set_options(Option(entry_prompt(e, e.key in self.syncing)) for e in entries)
        keys = [e.key for e in entries]
        if before is not None and before.key in keys:
            # A line came or went above it ("★ Starred" with the first star): the same board stays highlighted.
            self.highlighted = keys.index(before.key)
        else:
            self.highlighted = min(highlighted or 0, len(entries) - 1) if entries else None

    def count_read(self, board: str, starred: bool = False) -> None:
        """One post of ``board`` was just read: one fewer unread there and in "All boards" (and in
        "★ Starred" when it is ``starred``)."""
        self.count_unread(board, -1, starred)

    def count_unread(self, board: str, delta: int, starred: bool = False) -> None:
        """``delta`` more unread posts in ``board``, in "All boards" (and in "★ Starred" when ``starred``)."""
        for key in (board, ALL_BOARDS, *((STARRED,) if starred else ())):
            self.adjust(key, unread=delta)

    def adjust(self, key: str, *, unread: int = 0, posts: int = 0) -> None:
        """Change the counts of line ``key`` in place (never below zero)."""
        for index, entry in enumerate(self.entries):
            if entry.key == key and entry.unread + unread >= 0:
                self.entries[index] = replace(entry, unread=entry.unread + unread, posts=max(entry.posts + posts, 0))
                self.replace_option_prompt_at_index(index, entry_prompt(self.entries[index], key in self.syncing))

    @property
    def current(self) -> BoardEntry | None:
        """The highlighted board."""
        index = self.highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None
