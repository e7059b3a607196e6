"""The boards editor's two small questions: a board's new name and title, and whether removing a board
should also delete its cached posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label, Static

from noticetui.config import BoardConfig
from noticetui.i18n import N_, _, ngettext
from noticetui.render import sanitize_line
from noticetui.tui.actions import bindings
from noticetui.tui.translated import TranslatedModal

Rename = Callable[[str, str], str | None]
"""Applies a new name and title; returns why it could not (one line), or None once it is done."""

Removal = Literal["keep", "purge"]
"""Remove the board and keep its cached posts, or delete them too."""


class RenameBoardScreen(TranslatedModal[bool]):
    """Name and title fields; Enter (or Ctrl+S) saves through ``apply``, Esc cancels."""

    DEFAULT_CSS = """
    RenameBoardScreen { align: center middle; }
    RenameBoardScreen > #rename-box {
        width: 70; max-width: 95%; height: auto;
        border: round $accent; padding: 0 1; background: $surface;
    }
    RenameBoardScreen #rename-state { color: $error; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("board_form")]

    def __init__(self, board: BoardConfig, apply: Rename) -> None:
        super().__init__()
        self.board = board
        self.apply = apply

    def compose(self) -> ComposeResult:
        """The two fields, filled with what the board has now."""
        with Vertical(id="rename-box") as box:
            box.border_title = _("Rename {name}").format(name=sanitize_line(self.board.name))
            yield Label(_("Name (used on the command line)"))
            yield Input(self.board.name, id="rename-name")
            yield Label(_("Title (shown in the boards pane; empty: the site's own)"))
            yield Input(self.board.title, id="rename-title")
            yield Static("", id="rename-state", markup=False)
        yield Footer(compact=True)

    @on(Input.Submitted)
    def action_save(self) -> None:
        """Apply the fields; a refusal stays on screen in one line."""
        name = self.query_one("#rename-name", Input).value.strip()
        title = self.query_one("#rename-title", Input).value.strip()
        problem = self.apply(name, title)
        if problem:
            self.query_one("#rename-state", Static).update(Text(sanitize_line(problem)))
        else:
            self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(False)


class RemoveBoardScreen(TranslatedModal[Removal | None]):
    """y removes the board and keeps its cached posts (as ``noticetui remove`` does), p deletes them too,
    n or Esc keeps the board."""

    DEFAULT_CSS = """
    RemoveBoardScreen { align: center middle; }
    RemoveBoardScreen > #remove-box {
        width: 70; max-width: 95%; height: auto;
        border: round $warning; padding: 1 2; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('keep')", N_("Remove"), id="remove_board.keep"),
        Binding("p", "answer('purge')", N_("Remove and delete posts"), id="remove_board.purge"),
        Binding("n,escape", "answer('')", N_("Keep"), id="remove_board.no"),
    ]

    def __init__(self, name: str, posts: int) -> None:
        super().__init__()
        self.board_name = name
        self.posts = posts

    def compose(self) -> ComposeResult:
        """The question, with what happens to the cached posts."""
        name = sanitize_line(self.board_name)
        text = _("Stop following {name}? It is removed from config.toml.").format(name=name)
        if self.posts:
            text += "\n" + ngettext(
                "Its {count} cached post stays (listed greyed under the boards) unless you delete it too.",
                "Its {count} cached posts stay (listed greyed under the boards) unless you delete them too.",
                self.posts,
            ).format(count=self.posts)
            text += "\n\n" + _("y: remove, keep the posts   p: remove and delete the posts   n: cancel")
        else:
            text += "\n\n" + _("y: remove   n: cancel")
        yield Static(Text(text), id="remove-box", markup=False)

    def action_answer(self, answer: str) -> None:
        """Close with the answer (p means nothing when there is nothing cached)."""
        if answer == "purge" and not self.posts:
            return
        self.dismiss("keep" if answer == "keep" else "purge" if answer == "purge" else None)
