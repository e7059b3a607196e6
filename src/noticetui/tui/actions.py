"""Every user action of the TUI, declared once.

This registry is the one source of the keys: each widget's and screen's ``BINDINGS`` are built from it
(:func:`bindings`), and so are the command palette, the help screen and the README's key table.  A user's
``[keys]`` section in config.toml names an action by :attr:`Action.name` (``refresh = "ctrl+r"``) and is
passed to ``App.set_keymap`` through :attr:`Action.id`.

Labels and tips are English message ids: they are translated where they are shown (footer, help,
palette), so one registry serves every UI language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

from noticetui.i18n import N_

Area = Literal["app", "main", "boards", "posts", "post", "tasks", "boards_editor", "board_form"]
"""Where an action's key works: everywhere, on the main screen, or while a pane (or screen) has focus."""

AREA_TITLES: dict[Area, str] = {
    "app": N_("Everywhere"),
    "main": N_("Main screen"),
    "boards": N_("Boards pane"),
    "posts": N_("Post list"),
    "post": N_("Open post"),
    "tasks": N_("Tasks screen"),
    "boards_editor": N_("Boards editor"),
    "board_form": N_("Add or rename"),  # short: area titles share the help table's key column
}
"""The help screen's and the README's section titles, in this order."""


@dataclass(frozen=True)
class Action:
    """One user action: its name, default keys, where it works, and how it is described."""

    name: str
    """The name the ``[keys]`` section uses, unique across the registry (``refresh``, ``posts.down``)."""
    keys: str
    """Default keys, comma-separated, in Textual's key names (``r``, ``shift+tab``, ``question_mark``)."""
    action: str
    """The Textual action string run on the area's node (``refresh``, ``app.focus_next``, ``sort('date')``)."""
    label: str
    """A short footer label (English message id)."""
    tip: str
    """One line for the help screen and the palette (English message id)."""
    area: Area
    show: bool = False
    """Whether the footer shows it (footer space is scarce: 80 columns hold about ten)."""
    palette: bool = True
    """Whether the command palette lists it (cursor moves and closing keys are not worth listing)."""
    needs_boards: bool = True
    """Whether it means nothing until a board is configured (hidden and inert on the empty state)."""
    key_display: str | None = None

    @property
    def id(self) -> str:
        """The binding id a keymap names: ``noticetui.<name>``."""
        return f"noticetui.{self.name}"

    def binding(self) -> Binding:
        """This action as a Textual binding (with its id, so the user's keymap can move it)."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.tip,
            id=self.id,
        )


def _a(
    name: str,
    keys: str,
    label: str,
    tip: str,
    area: Area,
    *,
    action: str = "",
    show: bool = False,
    palette: bool = True,
    needs_boards: bool = True,
    key_display: str | None = None,
) -> Action:
    return Action(name, keys, action or name, label, tip, area, show, palette, needs_boards, key_display)


ACTIONS: tuple[Action, ...] = (
    # --- everywhere ---------------------------------------------------------------------------------
    _a(
        "quit",
        "q",
        N_("Quit"),
        N_("Quit (asks first while a sync or a download runs)"),
        "app",
        show=True,
        needs_boards=False,
    ),
    _a(
        "help", "question_mark", N_("Help"), N_("Show every key"), "app", show=True, needs_boards=False, key_display="?"
    ),
    _a(
        "command_palette",
        "ctrl+p",
        N_("Commands"),
        N_("Every action, board and recent post by name"),
        "app",
        palette=False,
        needs_boards=False,
    ),
    # --- main screen: moving around ------------------------------------------------------------------
    _a(
        "focus_next",
        "tab",
        N_("Next pane"),
        N_("Move to the next pane"),
        "main",
        action="app.focus_next",
        palette=False,
        needs_boards=False,
    ),
    _a(
        "focus_previous",
        "shift+tab",
        N_("Previous pane"),
        N_("Move to the previous pane"),
        "main",
        action="app.focus_previous",
        palette=False,
        needs_boards=False,
    ),
    _a(
        "toggle_boards",
        "b",
        N_("Board list"),
        N_("Show or hide the boards pane (hidden at first below 100 columns)"),
        "main",
    ),
    _a("next_unread", "n", N_("Next unread"), N_("Open the next unread post, across boards"), "main"),
    _a("prev_unread", "p", N_("Prev unread"), N_("Open the previous unread post, across boards"), "main"),
    _a(
        "history_back",
        "left_square_bracket,alt+left",
        N_("Back"),
        N_("Back to the post read before"),
        "main",
        key_display="[",
    ),
    _a(
        "history_forward",
        "right_square_bracket,alt+right",
        N_("Forward"),
        N_("Forward again to the post read after"),
        "main",
        key_display="]",
    ),
    _a("back", "escape", N_("Back"), N_("Close the search, or leave full screen"), "main", palette=False),
    # --- main screen: syncing -------------------------------------------------------------------------
    _a("refresh_board", "r", N_("Sync"), N_("Sync the highlighted board now"), "main", show=True),
    _a("refresh", "R", N_("Sync all"), N_("Sync every board now"), "main"),
    # --- main screen: what the list shows -------------------------------------------------------------
    _a(
        "search",
        "slash",
        N_("Search"),
        N_("Search titles and bodies (board: after: before: file: title: narrow it)"),
        "main",
        show=True,
    ),
    _a("toggle_unread", "u", N_("Unread"), N_("Show only unread posts, or all"), "main"),
    _a(
        "filter",
        "F",
        N_("Filter"),
        N_("Filter the list: unread, starred, with files, watched words, dates, board"),
        "main",
    ),
    _a("sort", "g", N_("Sort"), N_("Sort the list by date, board, title or views"), "main"),
    _a("reverse_sort", "G", N_("Reverse"), N_("Reverse the list's order"), "main"),
    # --- main screen: marking -------------------------------------------------------------------------
    _a("toggle_read", "N", N_("Read/unread"), N_("Mark the post read, or unread again"), "main"),
    _a("mark_board_read", "A", N_("Board read"), N_("Mark every post of the board (or list) read"), "main"),
    _a("mark_all_read", "C", N_("All read"), N_("Mark every post of every board read"), "main"),
    _a("toggle_star", "asterisk", N_("Star"), N_("Star the post, or take its star away"), "main", key_display="*"),
    # --- main screen: the open post -------------------------------------------------------------------
    _a("download", "d", N_("Download"), N_("Download the open post's attachments"), "main", show=True),
    _a("preview", "v", N_("View file"), N_("Preview an attachment as text"), "main"),
    _a(
        "open_attachment",
        "x",
        N_("Open file"),
        N_("Open a downloaded attachment with the system's application"),
        "main",
    ),
    _a("reveal_attachment", "X", N_("Show folder"), N_("Show the folder the attachments were saved in"), "main"),
    _a("open_browser", "o", N_("Web"), N_("Open the post in the web browser"), "main", show=True),
    _a("open_link", "l", N_("Links"), N_("Open a link or image of the post by number"), "main"),
    _a("copy_url", "y", N_("Copy URL"), N_("Copy the post's web address"), "main"),
    _a("copy_link", "Y", N_("Copy link"), N_("Copy the address of a link or image of the post"), "main"),
    _a("save_post", "s", N_("Save post"), N_("Save the post as text or HTML"), "main"),
    _a(
        "show_changes", "equals_sign", N_("Changes"), N_("Show what changed in an edited post"), "main", key_display="="
    ),
    _a("zoom", "f", N_("Full screen"), N_("Read the post full screen (f or Esc: back)"), "main"),
    _a("images", "i", N_("Images"), N_("Show the post's images inline, or as [image N]"), "main"),
    # --- main screen: boards and the rest ---------------------------------------------------------------
    _a("edit_boards", "E", N_("Boards"), N_("Add, rename, remove or reorder boards"), "main", needs_boards=False),
    _a("tasks", "t", N_("Tasks"), N_("Downloads (cancel, retry) and the log of every sync"), "main", show=True),
    # --- boards pane ----------------------------------------------------------------------------------
    _a("boards.down", "j", N_("Down"), N_("Next board"), "boards", action="cursor_down", palette=False),
    _a("boards.up", "k", N_("Up"), N_("Previous board"), "boards", action="cursor_up", palette=False),
    # --- post list ------------------------------------------------------------------------------------
    _a("posts.down", "j,down", N_("Down"), N_("Next post"), "posts", action="cursor_down", palette=False),
    _a("posts.up", "k,up", N_("Up"), N_("Previous post"), "posts", action="cursor_up", palette=False),
    _a(
        "posts.open",
        "enter",
        N_("Open"),
        N_("Open the post under the cursor"),
        "posts",
        action="choose",
        show=True,
        palette=False,
    ),
    _a("posts.first", "home", N_("First"), N_("First post"), "posts", action="first", palette=False),
    _a("posts.last", "end", N_("Last"), N_("Last post"), "posts", action="last", palette=False),
    _a(
        "posts.page_down",
        "pagedown,space",
        N_("Page down"),
        N_("Next page of posts"),
        "posts",
        action="page_down",
        palette=False,
    ),
    _a(
        "posts.page_up", "pageup", N_("Page up"), N_("Previous page of posts"), "posts", action="page_up", palette=False
    ),
    # --- open post ------------------------------------------------------------------------------------
    _a("detail.down", "j", N_("Down"), N_("Scroll down"), "post", action="scroll_down", palette=False),
    _a("detail.up", "k", N_("Up"), N_("Scroll up"), "post", action="scroll_up", palette=False),
    _a(
        "detail.page_down",
        "space",
        N_("Page down"),
        N_("Scroll a page down"),
        "post",
        action="page_down",
        palette=False,
    ),
    # --- tasks screen ---------------------------------------------------------------------------------
    _a(
        "tasks.close",
        "escape,q,t",
        N_("Close"),
        N_("Back to the boards"),
        "tasks",
        action="close",
        palette=False,
        needs_boards=False,
    ),
    _a(
        "tasks.cancel",
        "c",
        N_("Cancel"),
        N_("Cancel the highlighted download"),
        "tasks",
        action="cancel",
        palette=False,
    ),
    _a("tasks.retry", "r", N_("Retry"), N_("Retry the highlighted download"), "tasks", action="retry", palette=False),
    # --- boards editor (E) ----------------------------------------------------------------------------
    _a(
        "boards_editor.add",
        "a",
        N_("Add"),
        N_("Follow a new board: its address, the engine found and a preview of its rows"),
        "boards_editor",
        action="add",
        show=True,
        palette=False,
        needs_boards=False,
    ),
    _a(
        "boards_editor.rename",
        "e",
        N_("Rename"),
        N_("Change the highlighted board's name and title"),
        "boards_editor",
        action="rename",
        show=True,
        palette=False,
    ),
    _a(
        "boards_editor.remove",
        "D,delete",
        N_("Remove"),
        N_("Stop following the highlighted board (its cached posts stay unless you ask)"),
        "boards_editor",
        action="remove",
        show=True,
        palette=False,
        key_display="D",
    ),
    _a(
        "boards_editor.move_up",
        "K,shift+up",
        N_("Move up"),
        N_("Move the highlighted board up"),
        "boards_editor",
        action="move(-1)",
        show=True,
        palette=False,
        key_display="K",
    ),
    _a(
        "boards_editor.move_down",
        "J,shift+down",
        N_("Move down"),
        N_("Move the highlighted board down"),
        "boards_editor",
        action="move(1)",
        show=True,
        palette=False,
        key_display="J",
    ),
    _a("boards_editor.down", "j", N_("Down"), N_("Next board"), "boards_editor", action="cursor(1)", palette=False),
    _a("boards_editor.up", "k", N_("Up"), N_("Previous board"), "boards_editor", action="cursor(-1)", palette=False),
    _a(
        "boards_editor.close",
        "escape,q,E",
        N_("Close"),
        N_("Back to the boards"),
        "boards_editor",
        action="close",
        show=True,
        palette=False,
        needs_boards=False,
    ),
    # --- adding or renaming a board (from the boards editor) ------------------------------------------
    _a(
        "board_form.save",
        "ctrl+s",
        N_("Save"),
        N_("Save the board (Enter in the last field does too)"),
        "board_form",
        action="save",
        show=True,
        palette=False,
        needs_boards=False,
    ),
    _a(
        "board_form.cancel",
        "escape",
        N_("Cancel"),
        N_("Close without saving"),
        "board_form",
        action="cancel",
        show=True,
        palette=False,
        needs_boards=False,
    ),
)
"""Every action, grouped by area, in the order the help screen lists them."""

BY_NAME: dict[str, Action] = {a.name: a for a in ACTIONS}


def in_area(area: Area) -> list[Action]:
    """The actions whose keys work in ``area``."""
    return [a for a in ACTIONS if a.area == area]


def bindings(area: Area) -> list[Binding]:
    """The ``BINDINGS`` of the node that serves ``area``."""
    return [a.binding() for a in in_area(area)]


def needing_boards() -> frozenset[str]:
    """The main screen's actions that mean nothing until a board is configured."""
    return frozenset(a.action for a in ACTIONS if a.area == "main" and a.needs_boards)
