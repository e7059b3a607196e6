"""A modal that opens a link or an image of the open post: type its number (or pick it), then Enter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from noticetui.i18n import N_, _
from noticetui.render import sanitize_line
from noticetui.tui.links import Target, describe, find_target


class LinksScreen(ModalScreen[Target | None]):
    """The post's numbered links and images; dismissed with the chosen one (None when closed).

    The number typed is matched as it is typed, so the list shows what Enter will open.
    """

    DEFAULT_CSS = """
    LinksScreen {
        align: center middle;
    }
    LinksScreen > #links-box {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 80%;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    LinksScreen #links-choices {
        height: auto;
        max-height: 20;
        margin: 1 0;
    }
    LinksScreen #links-hint {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="links.close"),
        # The list takes ↓ itself once focused; from the number box, ↓ moves into it.
        Binding("down", "pick", N_("Pick from the list"), show=False, id="links.pick"),
    ]

    def __init__(self, choices: list[Target], title: str = N_("Open a link or image")) -> None:
        super().__init__()
        self.choices = choices
        self.box_title = title
        """The box's title: what Enter does with the choice (open it, copy its address)."""

    def compose(self) -> ComposeResult:
        """The number box, the choices, and a line of help (or of what went wrong)."""
        with Vertical(id="links-box"):
            # Compact widgets: at 80×24 the bordered ones would leave room for three or four choices.
            yield Input(placeholder=_("Number, then Enter (i2 for image 2)"), id="links-number", compact=True)
            yield OptionList(*(Option(t.text()) for t in self.choices), id="links-choices", compact=True)
            yield Static(self.hint(), id="links-hint", markup=False)

    def hint(self) -> Text:
        """What can be typed, and how to leave."""
        return Text(
            _("{choices} · ↓ to pick from the list · Esc closes").format(choices=describe(self.choices)), style="dim"
        )

    def on_mount(self) -> None:
        """Title the box and wait for a number."""
        self.query_one("#links-box").border_title = _(self.box_title)
        self.query_one("#links-number", Input).focus()

    @on(Input.Changed, "#links-number")
    def typed(self, event: Input.Changed) -> None:
        """Highlight what the number typed so far would open."""
        target = find_target(self.choices, event.value)
        if target is not None:
            self.query_one("#links-choices", OptionList).highlighted = self.choices.index(target)
        self.query_one("#links-hint", Static).update(self.hint())

    @on(Input.Submitted, "#links-number")
    def submitted(self, event: Input.Submitted) -> None:
        """Open what the number names, or say why not."""
        target = find_target(self.choices, event.value)
        if target is None:
            typed = sanitize_line(event.value)
            # The typed text is echoed through a Text (never markup) and repr() keeps it on one line.
            message = _("No {typed!r} here: ").format(typed=typed) if typed else _("Type a number first: ")
            message += _("this post has {choices}.").format(choices=describe(self.choices))
            self.query_one("#links-hint", Static).update(Text(message, style="red"))
            return
        self.choose(target)

    @on(OptionList.OptionSelected, "#links-choices")
    def picked(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a choice opens it."""
        self.choose(self.choices[event.option_index])

    def choose(self, target: Target) -> None:
        """Close with ``target`` unless it has no address a browser could open."""
        if not target.openable:
            message = _("{ref} is embedded in the page: it has no web address to open.").format(ref=target.ref)
            self.query_one("#links-hint", Static).update(Text(message, style="red"))
            return
        self.dismiss(target)

    def action_pick(self) -> None:
        """Down from the number box moves into the list."""
        self.query_one("#links-choices", OptionList).focus()

    def action_close(self) -> None:
        """Back to the post without opening anything."""
        self.dismiss(None)
