"""A yes/no question in a small modal (quitting while work is in flight)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from noticetui.i18n import N_

ResultT = TypeVar("ResultT")


class QuestionScreen(ModalScreen[ResultT]):
    """A question in a box in the middle of the screen, answered by its keys; subclasses say what it asks
    (:meth:`box_text`, plain text: it may hold page text) and bind the answers."""

    DEFAULT_CSS = """
    QuestionScreen {
        align: center middle;
    }
    QuestionScreen > .question-box {
        width: 60;
        max-width: 90%;
        height: auto;
        border: round $warning;
        padding: 1 2;
        background: $surface;
    }
    """
    BOX_ID = "question-box"

    def box_text(self) -> str:
        """The text of the box."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The question."""
        yield Static(Text(self.box_text()), id=self.BOX_ID, classes="question-box", markup=False)


class ConfirmScreen(QuestionScreen[bool]):
    """Asks ``question``; dismissed with True for y, False for n or Esc."""

    BOX_ID = "confirm-box"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def box_text(self) -> str:
        """The question asked."""
        return self.question

    def action_answer(self, sure: bool) -> None:
        """Close with the answer."""
        self.dismiss(sure)
