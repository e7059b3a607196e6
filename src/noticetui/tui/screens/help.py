"""The help screen: every key, gathered from the bindings themselves so it cannot fall out of date."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from noticetui.i18n import N_, _

MOUSE_HELP = N_("Click a board to list it, a post to open it, an attachment to preview it; the wheel scrolls.")


class HelpScreen(ModalScreen[None]):
    """A table of keys per area of the screen; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-box {
        width: 80%;
        max-width: 90;
        height: 80%;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", N_("Close"), id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def key_table(self) -> Table:
        """One row per binding: its keys as the footer shows them, and what it does."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.sections:
            table.add_row(Text(_(title), style="bold underline"), "")
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                keys = [self.app.get_key_display(binding.with_key(k.strip())) for k in binding.key.split(",")]
                said = binding.tooltip or binding.description
                description = _(said) if said else binding.action  # _("") would be the catalogue header
                table.add_row(Text(" / ".join(keys)), Text(description))
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
