"""The modal of ``s``: save the open post as text or as HTML, under a path the reader can change."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from noticetui.i18n import _
from noticetui.post_export import Format

FORMATS: tuple[tuple[Format, str], ...] = (("text", ".txt"), ("html", ".html"))


class SavePostScreen(ModalScreen[tuple[Format, Path] | None]):
    """Pick the format (the path's extension follows it), edit the path, Enter saves; Esc closes."""

    DEFAULT_CSS = """
    SavePostScreen {
        align: center middle;
    }
    SavePostScreen > #save-box {
        width: 90%;
        max-width: 110;
        height: auto;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    SavePostScreen #save-format {
        height: auto;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="save.close")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        """The path offered for text (``.txt``); HTML swaps the extension."""
        self.format: Format = "text"

    def compose(self) -> ComposeResult:
        """The format choice, the path, a line of help."""
        with Vertical(id="save-box"):
            labels = [_("Text, as noticetui show prints it (.txt)"), _("HTML page with the sanitised body (.html)")]
            yield OptionList(*(Option(Text(label)) for label in labels), id="save-format", compact=True)
            yield Input(str(self.path), id="save-path", compact=True)
            hint = _("Enter: next, then save · an existing file is never overwritten · Esc closes")
            yield Static(Text(hint, style="dim"), id="save-hint", markup=False)

    def on_mount(self) -> None:
        """Title the box; start on the format."""
        self.query_one("#save-box").border_title = _("Save the post")
        formats = self.query_one("#save-format", OptionList)
        formats.highlighted = 0
        formats.focus()

    @on(OptionList.OptionHighlighted, "#save-format")
    def format_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The path's extension follows the format (a path the reader typed keeps its own)."""
        fmt, suffix = FORMATS[event.option_index]
        field = self.query_one("#save-path", Input)
        old = next(s for f, s in FORMATS if f == self.format)
        if field.value.endswith(old):
            field.value = field.value.removesuffix(old) + suffix
        self.format = fmt

    @on(OptionList.OptionSelected, "#save-format")
    def format_chosen(self) -> None:
        """Enter on a format moves on to the path."""
        self.query_one("#save-path", Input).focus()

    @on(Input.Submitted, "#save-path")
    def submitted(self, event: Input.Submitted) -> None:
        """Save where the path says (asks again when it is empty)."""
        value = event.value.strip()
        if not value:
            self.query_one("#save-hint", Static).update(Text(_("Type a path first."), style="red"))
            return
        self.dismiss((self.format, Path(value).expanduser()))

    def action_close(self) -> None:
        """Back to the post without saving."""
        self.dismiss(None)
