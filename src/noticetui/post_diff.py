"""What changed in an edited post: a line diff of the rendered plain text of two versions.

The versions are compared as a reader sees them (title, blank line, body rendered to plain text, each
paragraph one line), not as HTML: markup churn the reader cannot see is no change.  Pure functions; the
TUI colours the lines, ``noticetui show --changes`` prints the unified diff.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from noticetui.render import render_html, sanitize, sanitize_line, to_plain

Kind = Literal["same", "added", "removed", "hunk"]


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff: what it is, and its text (page text, sanitised to one line)."""

    kind: Kind
    text: str


def version_text(title: str, body_html: str, url: str) -> list[str]:
    """A version as the lines a reader sees: the title, a blank line, the body's paragraphs."""
    body = to_plain(render_html(body_html, url), None) if body_html else ""
    # The body's lines keep their spacing (tables, indents line up as in the post); the title is one line.
    lines = (sanitize(line).expandtabs(4).replace("\n", " ").rstrip() for line in body.rstrip("\n").split("\n"))
    return [sanitize_line(title), "", *lines]


def diff_lines(old: list[str], new: list[str], context: int = 3) -> list[DiffLine]:
    """The changed lines of ``old`` → ``new`` with ``context`` lines around them, hunks headed by ``@@``."""
    out: list[DiffLine] = []
    for line in difflib.unified_diff(old, new, lineterm="", n=context):
        if line.startswith(("---", "+++")) and not out:
            continue  # the file headers: the caller names the versions itself
        if line.startswith("@@"):
            out.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            out.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            out.append(DiffLine("removed", line[1:]))
        else:
            out.append(DiffLine("same", line[1:]))
    return out


def unified(old: list[str], new: list[str], old_label: str, new_label: str, context: int = 3) -> str:
    """A unified diff of ``old`` → ``new`` as ``diff -u`` prints it (empty when nothing changed)."""
    lines = list(difflib.unified_diff(old, new, old_label, new_label, lineterm="", n=context))
    return "\n".join(lines) + "\n" if lines else ""
