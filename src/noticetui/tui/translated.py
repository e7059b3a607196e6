"""Key labels in the UI language, at the moment they are shown.

Bindings are built once, at import, from the action registry's English message ids; the footer reads
``Screen.active_bindings`` every time it draws.  Translating there (and not in ``BINDINGS``) keeps one
registry for every language, and lets one process show English, then Korean.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from textual.binding import ActiveBinding, Binding
from textual.screen import ModalScreen, Screen

from noticetui.i18n import _


def translated(binding: Binding) -> Binding:
    """``binding`` with its label and tip in the UI language."""
    # The empty message id is the catalogue's header, never a label: leave empty strings alone.
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


ResultT = TypeVar("ResultT")


def translated_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Textual's active ``bindings``, labels and tips translated."""
    return {
        key: ActiveBinding(
            active.node, translated(active.binding), active.enabled, _(active.tooltip) if active.tooltip else ""
        )
        for key, active in bindings.items()
    }


class TranslatedScreen(Screen[None]):
    """A screen whose footer shows its keys' labels in the UI language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings, labels and tips translated."""
        return translated_bindings(super().active_bindings)


class TranslatedModal(ModalScreen[ResultT]):
    """A modal screen with a footer (the boards editor and its forms): its keys' labels in the UI language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings, labels and tips translated."""
        return translated_bindings(super().active_bindings)
