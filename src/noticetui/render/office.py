"""Word's list markers: the numbers and bullets Word writes out as text for browsers without its lists.

Word saves a list item as a paragraph that starts with the marker, padded out to the item's tab stop
with NBSPs in a tiny font: ``<![if !supportLists]><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>``.  A browser shows
the marker and the gap (a few pixels wide); in a terminal each NBSP is a whole cell, so the gap is
collapsed to one space.  The conditionals are comments (bogus ``<![if …]>`` ones or real
``<!--[if …]-->`` ones); boards that strip comments keep the ``mso-list:Ignore`` span.
"""

from __future__ import annotations

import re

from noticetui.render.inline import InlineBuilder

_IF_LISTS = re.compile(r"\s*\[if\s+!supportLists\]", re.I)
_MSO_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.I)


def conditional(content: str, inline: InlineBuilder) -> None:
    """Follow a comment's ``[if …]``/``[endif]``: a ``[if !supportLists]`` section holds a list marker."""
    if not content.lstrip().startswith("["):
        return
    if _IF_LISTS.match(content):
        if inline.in_marker:
            inline.open_conditional()
        else:
            inline.begin_marker()
    elif inline.in_marker:
        if content.strip().lower() == "[endif]":
            inline.close_conditional()
        elif content.lstrip()[:3].lower() == "[if":
            inline.open_conditional()


def begins_marker(style: str, inline: InlineBuilder) -> bool:
    """Whether an element with ``style`` is Word's marker span (``mso-list:Ignore``) outside any marker
    already open; if so the marker is begun, and the caller ends it after the element's children."""
    if "mso-list" not in style or inline.in_marker or _MSO_IGNORE.search(style) is None:
        return False
    inline.begin_marker()
    return True
