"""Before ``--demo`` quits: the files downloaded in its throwaway home would be deleted with it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual.binding import Binding, BindingType

from noticetui.i18n import N_, _, ngettext
from noticetui.tui.screens.confirm import QuestionScreen

KeepChoice = Literal["keep", "discard"]
"""``keep``: copy the files to the user's downloads folder, then quit; ``discard``: quit without them."""


class KeepDownloadsScreen(QuestionScreen[KeepChoice | None]):
    """Says how many files would be lost and where keeping them puts them; None when the user stays."""

    DEFAULT_CSS = """
    KeepDownloadsScreen > .question-box {
        width: 72;
        max-width: 95%;
    }
    """
    BOX_ID = "keep-box"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('keep')", N_("Keep"), id="demo_quit.keep"),
        Binding("d", "choose('discard')", N_("Discard"), id="demo_quit.discard"),
        Binding("escape,n", "choose(None)", N_("Stay"), id="demo_quit.stay"),
    ]

    def __init__(self, files: list[Path], dest: Path) -> None:
        super().__init__()
        self.files = files
        self.dest = dest

    def box_text(self) -> str:
        """The warning, the files' names and the keys."""
        count = ngettext(
            "You downloaded {n} file in the demo's throwaway home; quitting deletes it.",
            "You downloaded {n} files in the demo's throwaway home; quitting deletes them.",
            len(self.files),
        ).format(n=len(self.files))
        names = "\n".join(f"  {p.name}" for p in self.files[:5])
        more = len(self.files) - 5
        if more > 0:
            names += "\n  " + _("… and {n} more").format(n=more)
        keys = _("k: keep them in {folder} and quit   d: quit and discard   Esc: stay").format(folder=self.dest)
        return f"{count}\n\n{names}\n\n{keys}"  # shown as text, not markup: file names come from web pages

    def action_choose(self, choice: KeepChoice | None) -> None:
        """Close with the user's choice."""
        self.dismiss(choice)
