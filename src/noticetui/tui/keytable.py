"""The README's key table, generated from the action registry.

``python -m noticetui.tui.keytable [README.md]`` rewrites the table between the README's
``<!-- keys:start -->`` and ``<!-- keys:end -->`` markers; a test fails when the two disagree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from textual.keys import format_key

from noticetui.i18n import N_
from noticetui.tui.actions import AREA_TITLES, Action, in_area

START = "<!-- keys:start -->"
END = "<!-- keys:end -->"
MOUSE_HELP = N_("Click a board to list it, a post to open it, an attachment to preview it; the wheel scrolls.")
"""The help screen's (and the README's) line about the mouse (an English message id)."""

_NAMES = {
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "backspace": "Backspace",
    "delete": "Del",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super", "hyper": "Hyper"}


def key_label(key: str) -> str:
    """One Textual key name as a person reads it: ``question_mark`` → ``?``, ``ctrl+r`` → ``Ctrl+r``,
    ``pagedown`` → ``PgDn``, ``left_square_bracket`` → ``[``."""
    *modifiers, base = key.strip().split("+")
    shown = _NAMES.get(base) or format_key(base)
    if "ctrl" in modifiers and len(shown) == 1:
        shown = shown.upper()  # Ctrl+P, as menus write it (terminals send no case with Ctrl)
    return "+".join([*(_MODIFIERS.get(m, m) for m in modifiers), shown])


def keys_label(keys: Iterable[str]) -> str:
    """Several keys of one action: ``j / ↓``."""
    return " / ".join(key_label(k) for k in keys)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _keys_cell(action: Action) -> str:
    keys = [key_label(k) for k in action.keys.split(",") if k.strip()]
    return ", ".join(f"`{_cell(k)}`" if k != "`" else "`` ` ``" for k in keys)


def markdown_table() -> str:
    """The key table of every registered action, a section per area (as the help screen groups them)."""
    lines = ["| key | does |", "|---|---|"]
    for area, title in AREA_TITLES.items():
        actions = in_area(area)
        if not actions:
            continue
        lines.append(f"| **{title}** | |")
        lines += [f"| {_keys_cell(a)} | {_cell(a.tip)} |" for a in actions]
    lines.append(f"| **Mouse** | {_cell(MOUSE_HELP)} |")
    return "\n".join(lines) + "\n"


def with_table(readme: str) -> str:
    """``readme`` with the text between the markers replaced by :func:`markdown_table`; ValueError when
    the markers are missing."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"no {START} … {END} markers")
    return readme[: start + len(START)] + "\n" + markdown_table() + readme[end:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the README's key table in place; exit 1 (one line on stderr) when it cannot."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "README.md")
    try:
        text = path.read_text(encoding="utf-8")
        new = with_table(text)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"{path}: {exc}\n")
        return 1
    if new != text:
        path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
