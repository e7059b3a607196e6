"""A yes/no question in a small modal (quitting while work is in flight)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from noticetui.i18n import N_


class ConfirmScreen(ModalScreen[bool]):
    """Asks ``question``; dismissed with True for y, False for n or Esc."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > #confirm-box {
        width: 60;
        max-width: 90%;
        height: auto;
        border: round $warning;
        padding: 1 2;
        background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question."""
        yield Static(Text(self.question), id="confirm-box", markup=False)

    def action_answer(self, sure: bool) -> None:
        """Close with the answer."""
        self.dismiss(sure)
