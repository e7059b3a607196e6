"""Every user action of the TUI, declared once.

This registry is the one source of the keys.  The actions themselves are data, declared in ``actions.toml``
next to this module and checked as it is read (once, at import); each widget's and screen's ``BINDINGS`` are built from it
(:func:`bindings`), and so are the command palette, the help screen and the README's key table.  A user's
``[keys]`` section in config.toml names an action by :attr:`Action.name` (``refresh = "ctrl+r"``) and is
passed to ``App.set_keymap`` through :attr:`Action.id`.

Labels and tips are English message ids (``locale_tools`` extracts them from ``actions.toml``): they are
translated where they are shown (footer, help, palette), so one registry serves every UI language.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, get_args

from textual.binding import Binding

from noticetui.i18n import N_

Area = Literal["app", "main", "boards", "posts", "post", "tasks", "boards_editor", "board_form"]
"""Where an action's key works: everywhere, on the main screen, or while a pane (or screen) has focus."""

AREA_TITLES: dict[Area, str] = {
    "app": N_("Everywhere"),
    "main": N_("Main screen"),
    "boards": N_("Boards pane"),
    "posts": N_("Post list"),
    "post": N_("Open post"),
    "tasks": N_("Tasks screen"),
    "boards_editor": N_("Boards editor"),
    "board_form": N_("Add or rename"),  # short: area titles share the help table's key column
}
"""The help screen's and the README's section titles, in this order."""


@dataclass(frozen=True, kw_only=True)
class Action:
    """One user action: its name, where it works, its default keys, and how it is described.

    The fields are keyword-only (three flags in a row are unreadable by position) and in the order
    ``actions.toml`` writes them.
    """

    name: str
    """The name the ``[keys]`` section uses, unique across the registry (``refresh``, ``posts.down``)."""
    area: Area
    """Where its key works (see :data:`Area`); the help screen groups the actions by it."""
    action: str
    """The Textual action string run on the area's node (``refresh``, ``app.focus_next``, ``sort('date')``)."""
    keys: str
    """Default keys, comma-separated, in Textual's key names (``r``, ``shift+tab``, ``question_mark``)."""
    key_display: str | None = None
    """How the footer and the help show the keys (``?`` for ``question_mark``); ``None``: Textual's own."""
    label: str
    """A short footer label (English message id)."""
    tip: str
    """One line for the help screen and the palette (English message id)."""
    show: bool = False
    """Whether the footer shows it (footer space is scarce: 80 columns hold about ten)."""
    palette: bool = True
    """Whether the command palette lists it (cursor moves and closing keys are not worth listing)."""
    needs_boards: bool = True
    """Whether it means nothing until a board is configured (hidden and inert on the empty state)."""

    @property
    def id(self) -> str:
        """The binding id a keymap names: ``noticetui.<name>``."""
        return f"noticetui.{self.name}"

    def binding(self) -> Binding:
        """This action as a Textual binding (with its id, so the user's keymap can move it)."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.tip,
            id=self.id,
        )


class RegistryError(ValueError):
    """``actions.toml`` says something the registry cannot hold (the message names the action and the key)."""


AREAS: tuple[Area, ...] = get_args(Area)
"""Every area, in the order of :data:`AREA_TITLES`."""
_KINDS: dict[str, type] = {f.name: bool if f.type == "bool" else str for f in fields(Action)}
"""What each key of an ``[[action]]`` table holds: a field of :class:`Action`, true/false or a string (the
annotations are strings here, ``from __future__ import annotations``)."""
_REQUIRED = ("name", "area", "keys", "label", "tip")
"""The keys every table has (``action`` defaults to the name, the rest to :class:`Action`'s defaults)."""


def _action(entry: dict[str, Any], where: str) -> Action:
    """One ``[[action]]`` table as an :class:`Action`, or :class:`RegistryError` naming what is wrong."""
    for key, value in entry.items():
        kind = _KINDS.get(key)
        if kind is None:
            raise RegistryError(f"{where}: unknown key {key!r} (known: {', '.join(_KINDS)})")
        if not isinstance(value, kind):
            raise RegistryError(
                f"{where}: {key} must be {'true or false' if kind is bool else 'a string'}, not {value!r}"
            )
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        raise RegistryError(f"{where}: missing {', '.join(missing)}")
    if entry["area"] not in AREAS:
        raise RegistryError(f"{where}: unknown area {entry['area']!r} (known: {', '.join(AREAS)})")
    # Every key is now one of Action's fields with a value of its type: the table is its keyword arguments.
    return Action(**{"action": entry["name"], **entry})


def parse(text: str, source: str = "actions.toml") -> tuple[Action, ...]:
    """The actions declared in ``text`` (TOML: one ``[[action]]`` table each), checked.

    Raises :class:`RegistryError` on a TOML error, a key other than :class:`Action`'s fields, a value of the
    wrong type, a missing required key, an unknown area or a name declared twice.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{source}: {exc}") from None
    tables = data.pop("action", [])
    if data or not isinstance(tables, list):
        raise RegistryError(f"{source}: only [[action]] tables belong here, not {', '.join(data) or 'action = ...'}")
    actions: list[Action] = []
    for number, entry in enumerate(tables, 1):
        if not isinstance(entry, dict):
            raise RegistryError(f"{source}: action must be [[action]] tables, not {entry!r}")
        name = entry.get("name")
        action = _action(entry, f"{source}, action {number}" + (f" ({name!r})" if isinstance(name, str) else ""))
        if action.name in {a.name for a in actions}:
            raise RegistryError(f"{source}, action {number}: the name {action.name!r} is declared twice")
        actions.append(action)
    return tuple(actions)


REGISTRY_FILE = Path(__file__).with_name("actions.toml")
"""The registry's data, shipped in the package next to this module."""
ACTIONS: tuple[Action, ...] = parse(REGISTRY_FILE.read_text(encoding="utf-8"))
"""Every action, grouped by area, in the order the help screen lists them (as ``actions.toml`` declares them)."""

BY_NAME: dict[str, Action] = {a.name: a for a in ACTIONS}


def in_area(area: Area) -> list[Action]:
    """The actions whose keys work in ``area``."""
    return [a for a in ACTIONS if a.area == area]


def bindings(area: Area) -> list[Binding]:
    """The ``BINDINGS`` of the node that serves ``area``."""
    return [a.binding() for a in in_area(area)]


def needing_boards() -> frozenset[str]:
    """The main screen's actions that mean nothing until a board is configured."""
    return frozenset(a.action for a in ACTIONS if a.area == "main" and a.needs_boards)
