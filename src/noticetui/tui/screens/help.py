"""The help screen: every key from the action registry, as the user's keymap has them now."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from noticetui.i18n import N_, _
from noticetui.tui.actions import AREA_TITLES, in_area
from noticetui.tui.keymap import active_keys
from noticetui.tui.keytable import MOUSE_HELP, keys_label


def help_rows(keymap: Mapping[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per area (titled as :data:`AREA_TITLES`), each action's active keys and its tip, translated."""
    return [
        (_(title), [(keys_label(active_keys(a, keymap)), _(a.tip)) for a in in_area(area)])
        for area, title in AREA_TITLES.items()
        if in_area(area)
    ]


class HelpScreen(ModalScreen[None]):
    """A table of keys per area of the screen; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-box {
        width: 90%;
        min-width: 38;
        max-width: 90;
        height: 90%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", N_("Close"), id="help.close"),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = dict(keymap)
        """The user's keymap as applied (binding id → keys): the table shows these keys, not the defaults."""

    def key_table(self) -> Table:
        """One row per action: its active keys and what it does."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, rows in help_rows(self.keymap):
            table.add_row(Text(title, style="bold underline"), "")
            for keys, tip in rows:
                table.add_row(Text(keys), Text(tip))
            table.add_row("", "")
        table.add_row(Text(_("Mouse"), style="bold underline"), Text(_(MOUSE_HELP)))
        return table

    def compose(self) -> ComposeResult:
        """The table in a scrollable box."""
        with VerticalScroll(id="help-box"):
            yield Static(self.key_table(), markup=False)

    def on_mount(self) -> None:
        """Title the box."""
        self.query_one("#help-box").border_title = _("noticetui keys")

    def action_close(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)
