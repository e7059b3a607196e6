"""The user's ``[keys]`` section checked against the action registry, and the keys each action has now.

config.py only checks that ``[keys]`` maps names to strings (the headless core knows no actions); here
each name must be an action of :mod:`noticetui.tui.actions` and each key one Textual can bind.  A bad
entry is left out with one warning naming it, and the rest still applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.keys import Keys, _character_to_key, key_to_character

from noticetui.i18n import _
from noticetui.tui.actions import ACTIONS, BY_NAME, Action

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(k.value.rpartition("+")[2] for k in Keys) | {"space", "tab", "enter", "escape", "backspace"}
"""Key names that are not characters (``down``, ``f5``, ``pageup``…), as Textual spells them."""


def normalize_key(key: str) -> str | None:
    """``key`` as Textual names it (``?`` → ``question_mark``, ``Ctrl+R`` stays case-sensitive), or None when
    Textual could never bind it (an unknown name, an unknown modifier, an empty part)."""
    key = key.strip()
    if len(key) == 1:
        return _character_to_key(key) if key.isprintable() and not key.isspace() else None
    *modifiers, base = key.split("+")
    if not base or any(m not in MODIFIERS for m in modifiers):
        return None
    if len(base) == 1:
        base = _character_to_key(base)
    elif base not in NAMED_KEYS and key_to_character(base) is None:
        return None
    return "+".join([*modifiers, base])


@dataclass
class UserKeymap:
    """What of the user's ``[keys]`` applies: a keymap for ``App.set_keymap`` and one warning per bad entry."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id (``noticetui.refresh``) → normalised keys."""
    warnings: list[str] = field(default_factory=list)


def check_keys(keys: Mapping[str, str]) -> UserKeymap:
    """Check the ``[keys]`` section against the registry; good entries go into the keymap."""
    result = UserKeymap()
    for name, value in keys.items():
        action = BY_NAME.get(name)
        if action is None:
            result.warnings.append(_("[keys] {name}: no such action (see the help screen, ?)").format(name=name))
            continue
        parts = [k for k in (p.strip() for p in value.split(",")) if k]
        normal = [normalize_key(k) for k in parts]
        bad = [k for k, n in zip(parts, normal, strict=True) if n is None]
        if bad or not parts:
            shown = ", ".join(bad) or value
            result.warnings.append(_("[keys] {name}: not a key: {keys}").format(name=name, keys=shown))
            continue
        result.keymap[action.id] = ",".join(n for n in normal if n)
    result.warnings += clash_warnings(result.keymap)
    return result


CHAINS: tuple[frozenset[str], ...] = (
    frozenset({"app", "main", "boards"}),
    frozenset({"app", "main", "posts"}),
    frozenset({"app", "main", "post"}),
    frozenset({"app", "tasks"}),
)
"""Areas whose keys are live at the same time (the app, a screen, the focused pane)."""


def clash_warnings(keymap: Mapping[str, str]) -> list[str]:
    """One warning per key the user gave an action that another action live at the same time also has.

    Textual reports few of these itself (only when both actions were remapped), and then quietly keeps one:
    the user should know which line of ``[keys]`` took a key away from which action."""
    found: list[str] = []
    seen: set[frozenset[str]] = set()
    for action in ACTIONS:
        if action.id not in keymap:
            continue
        for key in active_keys(action, keymap):
            others = [
                a.name
                for a in actions_with_key(key, keymap)
                if a is not action and any({a.area, action.area} <= chain for chain in CHAINS)
            ]
            group = frozenset({action.name, *others, f"key:{key}"})
            if others and group not in seen:
                seen.add(group)
                found.append(
                    _("[keys] {name}: {key} is also the key of {others}; one of them wins").format(
                        name=action.name, key=key, others=", ".join(others)
                    )
                )
    return found


def active_keys(action: Action, keymap: Mapping[str, str]) -> list[str]:
    """The keys ``action`` has now: the user's (from the applied keymap) or its defaults."""
    return [k.strip() for k in keymap.get(action.id, action.keys).split(",") if k.strip()]


def actions_with_key(key: str, keymap: Mapping[str, str]) -> list[Action]:
    """The actions bound to ``key`` now (for tests and for naming a clash)."""
    return [a for a in ACTIONS if key in active_keys(a, keymap)]
