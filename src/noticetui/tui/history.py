"""The posts read in this session, as a browser's back/forward stack (``[`` and ``]``, as in frogmouth)."""

from __future__ import annotations

HISTORY_SIZE = 200
"""How many posts the stack remembers (the oldest go first)."""


class History:
    """Post ids in the order they were opened, with a position that back and forward move."""

    def __init__(self, size: int = HISTORY_SIZE) -> None:
        self.size = size
        self.items: list[int] = []
        self.position = -1
        """The index of the post shown last (-1 before any)."""

    @property
    def current(self) -> int | None:
        """The post at the position, if any."""
        return self.items[self.position] if 0 <= self.position < len(self.items) else None

    def visit(self, post_id: int) -> None:
        """A post was opened (not through back or forward): what lay ahead of the position is dropped."""
        if post_id == self.current:
            return
        del self.items[self.position + 1 :]
        self.items.append(post_id)
        del self.items[: max(len(self.items) - self.size, 0)]
        self.position = len(self.items) - 1

    def back(self) -> int | None:
        """Step back: the post read before, or None at the start."""
        if self.position <= 0:
            return None
        self.position -= 1
        return self.items[self.position]

    def forward(self) -> int | None:
        """Step forward again: the post read after, or None at the end."""
        if self.position >= len(self.items) - 1:
            return None
        self.position += 1
        return self.items[self.position]

    def forget(self, post_id: int) -> None:
        """Drop a post that is no longer cached (the position stays on the same post where it can)."""
        before = sum(1 for i in self.items[: self.position + 1] if i == post_id)
        self.items = [i for i in self.items if i != post_id]
        self.position = min(max(self.position - before, 0 if self.items else -1), len(self.items) - 1)
