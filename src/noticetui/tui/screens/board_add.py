"""Adding a board from the TUI: its address, the engine detection of ``noticetui add`` (in the back room),
a preview of the rows found, a suggested name, then Save or Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Footer, Input, Label, Static

from noticetui.config import BoardConfig
from noticetui.i18n import _, ngettext
from noticetui.render import sanitize_line
from noticetui.tui.actions import bindings
from noticetui.tui.backend import Backend
from noticetui.tui.translated import TranslatedModal

if TYPE_CHECKING:  # the CLI's detection brings engines and httpx: loaded when a board is added
    from noticetui.cli.boards_cmds import Found
    from noticetui.context import AppContext

PREVIEW_ROWS = 6
"""How many of the rows found the preview shows."""

Save = Callable[[BoardConfig], str | None]
"""Saves a board; returns why it could not (one line), or None once it is saved."""


def preview_text(found: Found) -> Text:
    """The engine found, the board's address and its first rows (date, title), page text sanitised."""
    confidence = _("chosen") if found.score is None else _("confidence {score}").format(score=f"{found.score:.2f}")
    engine = _("Engine: {engine} ({label}), {confidence}").format(
        engine=found.engine.name, label=found.engine.label, confidence=confidence
    )
    text = Text(no_wrap=True, overflow="ellipsis")  # a long title is cut, never pushes the form off screen
    text.append(engine, style="bold")
    text.append("\n" + sanitize_line(found.board_url), style="dim")
    for stub in found.listing.stubs[:PREVIEW_ROWS]:
        # The date alone: many boards list no time, and a column of "00:00" says nothing.
        text.append(f"\n{stub.posted_at:%Y-%m-%d}  " if stub.posted_at else "\n" + " " * 12)
        if stub.notice:
            text.append(_("[notice] "), style="bold")
        text.append(sanitize_line(stub.title))
    more = len(found.listing.stubs) - PREVIEW_ROWS
    if more > 0:
        more_rows = ngettext(
            "… and {count} more row on the first page", "… and {count} more rows on the first page", more
        )
        text.append("\n" + more_rows.format(count=more), style="dim")
    return text


@dataclass
class Detected(Message):
    """The address was read: an engine and (perhaps) rows were found."""

    url: str
    found: Found


@dataclass
class DetectionFailed(Message):
    """The address could not be used; ``error`` is one line."""

    url: str
    error: str


class AddBoardScreen(TranslatedModal[BoardConfig | None]):
    """Enter in the address field detects; Enter in the name field (or Save) saves; Esc cancels."""

    DEFAULT_CSS = """
    AddBoardScreen { align: center middle; }
    AddBoardScreen > #add-box {
        width: 90; max-width: 95%; height: auto; max-height: 100%; overflow-y: auto;
        border: round $accent; padding: 0 1; background: $surface;
    }
    AddBoardScreen #add-state { height: auto; max-height: 3; }
    AddBoardScreen #add-state.-error { color: $error; }
    AddBoardScreen #add-preview { height: auto; max-height: 9; }
    AddBoardScreen #add-buttons { height: auto; align-horizontal: right; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("board_form")]

    def __init__(self, ctx: AppContext, backend: Backend, save: Save) -> None:
        super().__init__()
        self.ctx = ctx
        self.backend = backend
        self.save_board = save
        self.found: Found | None = None
        """What the last detection found (None until one succeeds with rows)."""

    def compose(self) -> ComposeResult:
        """Address, state line, preview, name, buttons."""
        with Vertical(id="add-box") as box:
            box.border_title = _("Add a board")
            yield Label(_("Address of the board's list page (Enter: look at it)"))
            yield Input(placeholder="https://example.kr/bbs/board.php?bo_table=notice", id="add-url")
            yield Static("", id="add-state", markup=False)
            yield Static("", id="add-preview", markup=False)
            yield Label(_("Name (used on the command line)"))
            yield Input(id="add-name", disabled=True)
            with Horizontal(id="add-buttons"):
                yield Button(_("Save"), id="add-save", variant="primary", disabled=True, compact=True)
                yield Button(_("Cancel"), id="add-cancel", compact=True)
        yield Footer(compact=True)

    def say(self, message: str, *, error: bool = False) -> None:
        """One line under the address: what is happening, or what went wrong."""
        state = self.query_one("#add-state", Static)
        state.update(Text(sanitize_line(message)))
        state.set_class(error, "-error")

    @on(Input.Submitted, "#add-url")
    def url_submitted(self, event: Input.Submitted) -> None:
        """Look at the address (a second Enter while it is being read starts over)."""
        from noticetui.cli.boards_cmds import check_url, followed_as
        from noticetui.cli.parser import UsageError

        url = event.value.strip()
        self.found = None
        self._ready(False)
        self.query_one("#add-preview", Static).update("")
        try:
            check_url(url)
        except UsageError as exc:
            self.say(str(exc), error=True)
            return
        if name := followed_as(self.ctx, url):
            self.say(_("Already followed as {name}").format(name=name), error=True)
            return
        self.say(_("Looking at {url}…").format(url=url))
        self.detect(url)

    @work(exclusive=True, exit_on_error=False, group="detect")
    async def detect(self, url: str) -> None:
        """``noticetui add``'s detection on the session's fetcher, in the back room."""
        from noticetui.cli.boards_cmds import inspect_url
        from noticetui.net.errors import error_line

        async def job(backend: Backend) -> Found:
            return await inspect_url(url, None, await backend.fetcher())

        try:
            found = await self.backend.run(job)
        except Exception as exc:  # unreachable, no engine, a page that is no board: all one line here
            # The CLI's advice names its option; here the same choice is made on the command line.
            line = error_line(exc).replace("; use --engine", "; noticetui add URL --engine E can choose one")
            self.post_message(DetectionFailed(url, line))
        else:
            self.post_message(Detected(url, found))

    @on(DetectionFailed)
    def detection_failed(self, message: DetectionFailed) -> None:
        """Say why the address cannot be followed."""
        self.say(message.error, error=True)

    @on(Detected)
    def detected(self, message: Detected) -> None:
        """Show the engine and rows found, and offer a name (unless nothing fits)."""
        from noticetui.cli.boards_cmds import followed_as, suggest_name

        found = message.found
        self.query_one("#add-preview", Static).update(preview_text(found))
        if not found.listing.stubs:
            self.say(_("The {engine} engine found no posts on this page").format(engine=found.engine.name), error=True)
            return
        if name := followed_as(self.ctx, found.board_url):
            self.say(_("Already followed as {name}").format(name=name), error=True)
            return
        self.found = found
        rows = len(found.listing.stubs)
        self.say(
            ngettext(
                "Found {count} row. Choose a name, then Save (Enter).",
                "Found {count} rows. Choose a name, then Save (Enter).",
                rows,
            ).format(count=rows)
        )
        field = self.query_one("#add-name", Input)
        field.value = suggest_name(found.board_url, {b.name for b in self.ctx.config.boards})
        self._ready(True)
        field.focus()

    def _ready(self, ready: bool) -> None:
        self.query_one("#add-name", Input).disabled = not ready
        self.query_one("#add-save", Button).disabled = not ready

    @on(Input.Submitted, "#add-name")
    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        """Save the board found under the name given (a refusal is said in the state line)."""
        if self.found is None:
            return
        name = self.query_one("#add-name", Input).value.strip()
        board = BoardConfig(name=name, url=self.found.board_url, engine=self.found.engine.name)
        problem = self.save_board(board)
        if problem:
            self.say(problem, error=True)
        else:
            self.dismiss(board)

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
