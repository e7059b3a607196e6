"""Post bodies (HTML) as terminal documents: plain text for ``noticetui show``, Rich text for the TUI.

Parse once with :func:`render_html`, then lay the :class:`Document` out at any width with
:func:`to_plain` or :func:`to_rich`.  Page text never reaches the terminal as markup or escape sequences.

The layout modules (and wcwidth, Rich) load on first use of what needs them: many modules import only
:func:`sanitize_line` from here, and the TUI's first frame needs no rendered body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from noticetui.render.document import Document, Image, Link
from noticetui.render.sanitize import drop_controls, dumps_json, sanitize, sanitize_line

if TYPE_CHECKING:
    from noticetui.render.plain import to_plain
    from noticetui.render.richtext import to_rich
    from noticetui.render.width import cell_width

__all__ = [
    "Document",
    "Image",
    "Link",
    "cell_width",
    "drop_controls",
    "dumps_json",
    "render_html",
    "sanitize",
    "sanitize_line",
    "to_plain",
    "to_rich",
]

_LAZY = {
    "to_plain": "noticetui.render.plain",
    "to_rich": "noticetui.render.richtext",
    "cell_width": "noticetui.render.width",
}


def __getattr__(name: str) -> Any:
    """Import a layout function the first time it is asked for (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def render_html(html: str, base_url: str = "") -> Document:
    """Parse a post body's HTML into a :class:`Document`; links and images resolve against ``base_url``."""
    from noticetui.render.blocks import parse

    return parse(html, base_url)
