"""The boards editor (E): the followed boards in config order, to add (a), rename (e), remove (D) and
reorder (K/J).  Every change is written to config.toml at once (comments and other keys kept) and the
main screen's boards pane follows it."""

from __future__ import annotations

from typing import ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from noticetui.board_edits import name_problem, rename
from noticetui.config import BoardConfig, ConfigError
from noticetui.config_write import add_board, move_board, remove_board
from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.store import StoreError
from noticetui.tui.actions import bindings
from noticetui.tui.backend import Backend
from noticetui.tui.screens.board_add import AddBoardScreen
from noticetui.tui.screens.board_rename import Removal, RemoveBoardScreen, RenameBoardScreen
from noticetui.tui.translated import TranslatedModal
from noticetui.tui.widgets.footer import KeysFooter


class BoardsOwner(Protocol):
    """What the editor asks of the screen whose boards it edits."""

    ctx: AppContext
    backend: Backend

    @property
    def sync_running(self) -> bool:
        """Whether a sync runs now (renaming or removing a board waits for it to end)."""
        ...

    def boards_changed(self, added: str | None = None) -> None:
        """``ctx.config`` changed: show its boards (and sync ``added``, a board just added)."""

    def purge_board(self, name: str) -> object:
        """Delete the cached posts of board ``name`` (in the back room)."""


def board_line(board: BoardConfig) -> Text:
    """A board as the editor lists it: name, title, engine, then its address dimmed."""
    text = Text(sanitize_line(board.name), style="bold")
    if board.title:
        text.append("  " + sanitize_line(board.title))
    text.append(f"  [{sanitize_line(board.engine)}]", style="cyan")
    text.append("\n  " + sanitize_line(board.url), style="dim")
    return text


class BoardsEditor(TranslatedModal[None]):
    """The list of configured boards and the keys that change it; one line says what happened."""

    DEFAULT_CSS = """
    BoardsEditor { align: center middle; }
    BoardsEditor > #editor-box {
        width: 95%; height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    BoardsEditor #editor-list { height: 1fr; }
    BoardsEditor #editor-state { height: auto; max-height: 2; }
    BoardsEditor #editor-state.-error { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("boards_editor")]

    def __init__(self, owner: BoardsOwner) -> None:
        super().__init__()
        self.owner = owner
        self.ctx = owner.ctx

    def compose(self) -> ComposeResult:
        """The boards, the state line and the editor's keys."""
        with Vertical(id="editor-box") as box:
            box.border_title = _("Boards")
            yield OptionList(id="editor-list")
            yield Static("", id="editor-state", markup=False)
        yield KeysFooter()  # Close pinned right: at 40 columns the other keys push it out

    def on_mount(self) -> None:
        """List the boards (or say how to add the first one)."""
        self.fill()
        self.query_one("#editor-list", OptionList).focus()

    def fill(self, keep: str | None = None) -> None:
        """List the configured boards in config order, the highlight on ``keep`` (else where it was)."""
        listing = self.query_one("#editor-list", OptionList)
        boards = self.ctx.config.boards
        was = listing.highlighted
        listing.set_options(Option(board_line(b)) for b in boards)
        names = [b.name for b in boards]
        if not boards:
            self.say(_("No boards yet: press a to add one."))
        elif keep in names:
            listing.highlighted = names.index(keep)
        else:
            listing.highlighted = min(was or 0, len(boards) - 1)

    def say(self, message: str, *, error: bool = False) -> None:
        """Show one line under the list."""
        state = self.query_one("#editor-state", Static)
        state.update(Text(sanitize_line(message)))
        state.set_class(error, "-error")

    @property
    def current(self) -> BoardConfig | None:
        """The highlighted board."""
        index = self.query_one("#editor-list", OptionList).highlighted
        boards = self.ctx.config.boards
        return boards[index] if index is not None and index < len(boards) else None

    def _changing(self) -> BoardConfig | None:
        """The highlighted board, unless a sync runs (it writes under the board's name)."""
        if self.owner.sync_running:
            self.say(_("A sync is running: rename or remove once it ends."), error=True)
            return None
        return self.current

    # --- actions ------------------------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        """j/k move through the boards."""
        listing = self.query_one("#editor-list", OptionList)
        if delta > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_close(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)

    def action_add(self) -> None:
        """Ask for an address, detect, preview, name, save."""
        self.app.push_screen(AddBoardScreen(self.ctx, self.owner.backend, self._save_new), self._added)

    def _save_new(self, board: BoardConfig) -> str | None:
        problem = name_problem(self.ctx, board.name)
        if problem:
            return problem
        try:
            self.ctx.config = add_board(self.ctx.paths.config_file, board)
        except (ConfigError, OSError) as exc:
            return str(exc)
        return None

    def _added(self, board: BoardConfig | None) -> None:
        if board is None:
            return
        self.fill(keep=board.name)
        self.say(_("Added {name}: syncing it.").format(name=board.name))
        self.owner.boards_changed(added=board.name)

    def action_rename(self) -> None:
        """Change the highlighted board's name and title."""
        board = self._changing()
        if board is None:
            return

        def apply(name: str, title: str) -> str | None:
            try:
                rename(self.ctx, board.name, name, title)
            except (ConfigError, StoreError, OSError) as exc:
                return str(exc)
            return None

        def renamed(done: bool | None) -> None:
            if done:
                new = self.current
                self.fill(keep=new.name if new else None)
                self.say(_("Renamed {name}.").format(name=board.name))
                self.owner.boards_changed()

        self.app.push_screen(RenameBoardScreen(board, apply), renamed)

    def action_remove(self) -> None:
        """Stop following the highlighted board, after asking (and asking about its cached posts)."""
        board = self._changing()
        if board is None:
            return
        cached = self.ctx.store.board(board.name)

        def answered(answer: Removal | None) -> None:
            if answer is None:
                return
            try:
                self.ctx.config = remove_board(self.ctx.paths.config_file, board.name)
            except (ConfigError, OSError) as exc:
                self.say(str(exc), error=True)
                return
            if answer == "purge":
                self.owner.purge_board(board.name)
                self.say(_("Removed {name} and deleted its cached posts.").format(name=board.name))
            else:
                self.say(_("Removed {name}; its cached posts stay.").format(name=board.name))
            self.fill()
            self.owner.boards_changed()

        self.app.push_screen(RemoveBoardScreen(board.name, cached.posts if cached else 0), answered)

    def action_move(self, offset: int) -> None:
        """Move the highlighted board up (-1) or down (+1) in config.toml and in the boards pane."""
        board = self.current
        if board is None:
            return
        try:
            self.ctx.config = move_board(self.ctx.paths.config_file, board.name, offset)
        except (ConfigError, OSError) as exc:
            self.say(str(exc), error=True)
            return
        self.fill(keep=board.name)
        self.owner.boards_changed()
