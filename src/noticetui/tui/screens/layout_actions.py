"""The main screen's layout on small terminals: the boards pane collapses and comes back with ``b``."""

from __future__ import annotations

from textual import on
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList


class LayoutActions(Screen[None]):
    """``b`` shows or hides the boards pane.  Below 100 columns it starts hidden (CSS: ``-narrow``), so the
    list and the post keep the width; the key then shows it, and choosing a board hides it again."""

    # Unannotated: Textual declares it as ``ClassVar[...] | None``, which mypy takes for an instance variable.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012
    """Below 20 rows the list and the post share the height evenly (the list keeps a few rows)."""

    boards_toggled: reactive[bool] = reactive(False, init=False)
    """Whether the user flipped the boards pane from its default for the width (shown when wide)."""

    @property
    def narrow(self) -> bool:
        """Whether the screen is below the width where the boards pane is shown by default."""
        return self.has_class("-narrow")

    @property
    def boards_shown(self) -> bool:
        """Whether the boards pane is on screen now."""
        return self.boards_toggled == self.narrow

    def action_toggle_boards(self) -> None:
        """Show the boards pane (and move to it), or hide it (and move to the list)."""
        self.boards_toggled = not self.boards_toggled

    def watch_boards_toggled(self, toggled: bool) -> None:
        """Flip the CSS class; focus follows the pane, so a key never goes to a hidden widget."""
        self.set_class(toggled, "-boards-toggled")
        boards = self.query("#boards")
        if not boards:
            return
        if self.boards_shown:
            boards.first().focus()
        elif self.focused is boards.first():
            self.query_one("#posts").focus()

    @on(OptionList.OptionSelected, "#boards")
    def board_chosen_on_narrow(self) -> None:
        """After a board is chosen on a narrow screen, give its width back to the list."""
        if self.narrow and self.boards_toggled:
            self.boards_toggled = False
