"""The links and images of an open post, by the numbers the body shows them with (``text[3]``, ``[image 2]``).

Pure functions (no Textual), so that what a typed number opens is tested without an app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from rich.text import Text

from noticetui.i18n import _, ngettext
from noticetui.render import Document, sanitize_line
from noticetui.render.references import file_name

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
"""What is handed to the web browser: nothing that could run a program or read a local file."""

# "3", "[3]", "i2", "img 2", "image 2", "[image 2]", "이미지 2", "그림2": a bare number is a link.
_CHOICE = re.compile(r"^\[?\s*(?P<image>i|img|image|이미지|그림)?\s*(?P<number>\d{1,6})\s*\]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """One thing of the post that can be opened: a numbered link or a numbered image."""

    kind: Literal["link", "image"]
    number: int
    label: str
    """The link's text, or the image's alt text or file name (already one clean line)."""
    url: str

    @property
    def ref(self) -> str:
        """How the body refers to it: ``[3]`` or ``[image 2]``."""
        return f"[{self.number}]" if self.kind == "link" else f"[image {self.number}]"

    @property
    def openable(self) -> bool:
        """Whether a web browser may be given :attr:`url` (an embedded ``data:`` image may not)."""
        try:
            return urlsplit(self.url).scheme.lower() in OPENABLE_SCHEMES
        except ValueError:  # an address the page wrote that does not parse (bad IPv6 literal)
            return False

    def text(self) -> Text:
        """``[3] 누리집  https://…`` for a list of choices (page text, never markup)."""
        line = Text(self.ref, style="bold")
        if self.label:
            line.append(" " + self.label)
        where = sanitize_line(self.url) if self.openable else _("(embedded in the page: no address to open)")
        line.append("  " + where, style="dim")
        return line


def targets(doc: Document) -> list[Target]:
    """The document's links, then its images, in the order the body numbers them."""
    found = [Target("link", link.number, sanitize_line(link.text), link.url) for link in doc.links]
    for image in doc.images:
        # The same words as the body's placeholder ("[image 2: 조감도]"), so the two are easy to match up.
        embedded = image.src.startswith("data:")
        label = sanitize_line(image.alt) or ("embedded" if embedded else sanitize_line(file_name(image.src)))
        found.append(Target("image", image.number, label or "image", image.src))
    return found


def find_target(choices: list[Target], typed: str) -> Target | None:
    """What ``typed`` asks for: ``3`` is link 3 (or image 3 when there is no link 3), ``i3`` is image 3."""
    match = _CHOICE.match(typed.strip())
    if match is None:
        return None
    number = int(match["number"])
    kinds = ("image",) if match["image"] else ("link", "image")
    for kind in kinds:
        for target in choices:
            if target.kind == kind and target.number == number:
                return target
    return None


def describe(choices: list[Target]) -> str:
    """What can be typed, e.g. ``links 1–3, images i1–i2`` (for a hint or an error message)."""
    parts = []
    links = [t.number for t in choices if t.kind == "link"]
    images = [t.number for t in choices if t.kind == "image"]
    if links:
        parts.append(ngettext("link {span}", "links {span}", len(links)).format(span=_span(links, "")))
    if images:
        parts.append(ngettext("image {span}", "images {span}", len(images)).format(span=_span(images, "i")))
    return ", ".join(parts) or _("nothing to open")


def _span(numbers: list[int], prefix: str) -> str:
    low, high = min(numbers), max(numbers)
    return f"{prefix}{low}" if low == high else f"{prefix}{low}–{prefix}{high}"
