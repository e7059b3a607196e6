"""Post bodies (HTML) as terminal documents: plain text for ``noticetui show``, Rich text for the TUI.

Parse once with :func:`render_html`, then lay the :class:`Document` out at any width with
:func:`to_plain` or :func:`to_rich`.  Page text never reaches the terminal as markup or escape sequences.
"""

from __future__ import annotations

from noticetui.render.blocks import parse
from noticetui.render.document import Document, Image, Link
from noticetui.render.plain import to_plain
from noticetui.render.richtext import to_rich
from noticetui.render.sanitize import drop_controls, dumps_json, sanitize, sanitize_line
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


def render_html(html: str, base_url: str = "") -> Document:
    """Parse a post body's HTML into a :class:`Document`; links and images resolve against ``base_url``."""
    return parse(html, base_url)
