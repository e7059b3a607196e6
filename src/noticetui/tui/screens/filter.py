"""The filter modal (F) and the sort chooser (g): what the post list shows, and in which order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from noticetui.i18n import N_, _
from noticetui.render import sanitize_line
from noticetui.store.listing import SORT_KEYS, SortKey
from noticetui.store.operators import QueryError, parse_day


@dataclass(frozen=True)
class ListFilter:
    """The filters of ``F`` (the unread one is also ``u``); all off: every post."""

    unread: bool = False
    starred: bool = False
    has_file: bool = False
    watched: bool = False
    """Only posts whose title holds a watched word of their board."""
    after: date | None = None
    before: date | None = None
    boards: tuple[str, ...] = ()
    """Only these boards in the all-boards list (empty: every board)."""

    def describe(self) -> list[str]:
        """The active filters in a few words each, for the list's title."""
        words = [
            _("unread") if self.unread else "",
            _("starred") if self.starred else "",
            _("with files") if self.has_file else "",
            _("watched words") if self.watched else "",
            _("from {day}").format(day=self.after.isoformat()) if self.after else "",
            _("before {day}").format(day=self.before.isoformat()) if self.before else "",
            _("boards: {names}").format(names=", ".join(self.boards)) if self.boards else "",
        ]
        return [w for w in words if w]


SORT_LABELS: dict[SortKey, tuple[str, str]] = {
    # key: (the chooser's line, the list title's words when reversed)
    "date": (N_("Date (newest first)"), N_("oldest first")),
    "board": (N_("Board (A to Z)"), N_("by board, Z to A")),
    "title": (N_("Title (A to Z)"), N_("by title, Z to A")),
    "views": (N_("Views (most first)"), N_("by views, fewest first")),
}
ORDER_WORDS: dict[SortKey, str] = {
    "date": "",
    "board": N_("by board"),
    "title": N_("by title"),
    "views": N_("by views"),
}


def order_label(sort: SortKey, reverse: bool) -> str:
    """The list order in a few words for the list's title; empty for the usual newest first."""
    return _(SORT_LABELS[sort][1]) if reverse else (_(ORDER_WORDS[sort]) if ORDER_WORDS[sort] else "")


class FilterScreen(ModalScreen[ListFilter | None]):
    """Checkboxes for each filter, a date range and the boards; dismissed with the new filter (or None)."""

    DEFAULT_CSS = """
    FilterScreen {
        align: center middle;
    }
    FilterScreen > #filter-box {
        width: 64;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    FilterScreen .filter-dates {
        height: auto;
    }
    FilterScreen .filter-dates Input {
        width: 1fr;
        margin: 1 1 0 0;
    }
    FilterScreen .filter-buttons Button {
        margin-left: 2;
    }
    FilterScreen #filter-boards {
        height: auto;
        max-height: 8;
    }
    FilterScreen #filter-error {
        color: $error;
        height: auto;
    }
    FilterScreen .filter-buttons {
        height: auto;
        align-horizontal: right;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="filter.cancel"),
        Binding("ctrl+s", "apply", N_("Apply"), id="filter.apply"),
    ]

    def __init__(self, current: ListFilter, boards: list[str]) -> None:
        super().__init__()
        self.current = current
        self.boards = boards

    def compose(self) -> ComposeResult:
        """The filters, filled in with the current ones."""
        with Vertical(id="filter-box"):
            yield Label(Text(_("Filter the list (Enter or Ctrl+S: apply, Esc: cancel)"), style="bold"))
            yield Checkbox(_("Unread only (u)"), self.current.unread, compact=True, id="filter-unread")
            yield Checkbox(_("Starred only"), self.current.starred, compact=True, id="filter-starred")
            yield Checkbox(_("With attachments"), self.current.has_file, compact=True, id="filter-files")
            yield Checkbox(_("Watched words in the title"), self.current.watched, compact=True, id="filter-watched")
            with Horizontal(classes="filter-dates"):
                after = self.current.after.isoformat() if self.current.after else ""
                before = self.current.before.isoformat() if self.current.before else ""
                yield Input(after, placeholder=_("From (2026-11-01)"), compact=True, id="filter-after")
                yield Input(before, placeholder=_("Before (2026-12-01)"), compact=True, id="filter-before")
            if self.boards:
                yield Label(_("Boards of the all-boards list (none ticked: every board)"))
                yield SelectionList[str](
                    *((Text(sanitize_line(name)), name, name in self.current.boards) for name in self.boards),
                    compact=True,
                    id="filter-boards",
                )
            yield Static("", id="filter-error", markup=False)
            with Horizontal(classes="filter-buttons"):
                yield Button(_("Clear"), compact=True, id="filter-clear")
                yield Button(_("Apply"), variant="primary", compact=True, id="filter-apply")

    def read(self) -> ListFilter:
        """The filter as the form shows it; a bad date raises :class:`QueryError`."""
        days: list[date | None] = []
        for name in ("after", "before"):
            text = self.query_one(f"#filter-{name}", Input).value.strip()
            days.append(parse_day(text) if text else None)
        after, before = days
        if after and before and after >= before:
            raise QueryError(_("The first day must come before the second."))
        boards: tuple[str, ...] = ()
        if self.boards:
            boards = tuple(self.query_one("#filter-boards", SelectionList).selected)
        return ListFilter(
            unread=self.query_one("#filter-unread", Checkbox).value,
            starred=self.query_one("#filter-starred", Checkbox).value,
            has_file=self.query_one("#filter-files", Checkbox).value,
            watched=self.query_one("#filter-watched", Checkbox).value,
            after=after,
            before=before,
            boards=boards,
        )

    def action_apply(self) -> None:
        """Close with the filter, unless a date is wrong (then say so and stay)."""
        try:
            chosen = self.read()
        except QueryError as exc:
            self.query_one("#filter-error", Static).update(Text(str(exc)))
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)

    @on(Input.Submitted)
    def input_submitted(self) -> None:
        """Enter in a date field applies."""
        self.action_apply()

    @on(Button.Pressed, "#filter-apply")
    def apply_pressed(self) -> None:
        """The Apply button."""
        self.action_apply()

    @on(Button.Pressed, "#filter-clear")
    def clear_pressed(self) -> None:
        """Clear every filter (the sort order stays)."""
        self.dismiss(ListFilter())


class SortScreen(ModalScreen[SortKey | None]):
    """A small chooser of the list's order; dismissed with the key (or None)."""

    DEFAULT_CSS = """
    SortScreen {
        align: center middle;
    }
    SortScreen > OptionList {
        width: 36;
        height: auto;
        border: round $accent;
        background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "cancel", N_("Cancel"), id="sort.cancel")]

    def __init__(self, current: SortKey) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """One line per order, the current one highlighted."""
        options = OptionList(*(Option(_(SORT_LABELS[key][0]), id=key) for key in SORT_KEYS), id="sort-choices")
        options.border_title = _("Sort by")
        yield options

    def on_mount(self) -> None:
        """Start on the current order."""
        choices = self.query_one(OptionList)
        choices.highlighted = SORT_KEYS.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen order."""
        key = event.option.id
        self.dismiss(next((k for k in SORT_KEYS if k == key), None))

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)
