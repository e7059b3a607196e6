"""A small modal that asks which one: an attachment to open, a format to save in.  Dismissed with the
position of the choice picked (None when closed)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from noticetui.i18n import _


class ChoiceScreen(ModalScreen[int | None]):
    """A titled list of choices (Rich ``Text``, never markup); Enter picks, Esc closes."""

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    ChoiceScreen > #choice-box {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 80%;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    ChoiceScreen #choice-list {
        height: auto;
        max-height: 16;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="choice.close")]

    def __init__(self, title: str, choices: list[Text]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        """The choices and a line of help, in a box titled with the question."""
        with Vertical(id="choice-box") as box:
            box.border_title = Text(self.title_text)
            yield OptionList(*(Option(c) for c in self.choices), id="choice-list", compact=True)
            yield Static(Text(_("Enter picks · Esc closes"), style="dim"), markup=False)

    def on_mount(self) -> None:
        """Start on the first choice."""
        choices = self.query_one("#choice-list", OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        """Close with the choice picked."""
        self.dismiss(event.option_index)

    def action_close(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
