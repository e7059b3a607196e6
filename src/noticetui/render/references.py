"""The numbered links and images of a document, collected while walking it."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote, urljoin, urlsplit

from noticetui.render.document import Block, Image, Link, Paragraph
from noticetui.render.sanitize import sanitize

_NOT_LINKS = ("javascript:", "vbscript:", "data:", "about:", "#")


def _text(paragraph: Paragraph) -> str:
    return " ".join("".join(text for text, _ in paragraph.runs).split())


class References:
    """Numbers links (one number per distinct URL) and images (one per placeholder), in page order."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.links: list[Link] = []
        self._numbers: dict[str, int] = {}
        self.images: list[Image] = []
        self.captions: dict[int, str] = {}

    def link_url(self, href: str) -> str | None:
        """The absolute URL ``href`` points to, or None when it is no real link (script, same-page anchor)."""
        href = sanitize(href).strip()
        # Browsers ignore whitespace inside a scheme: "java script:" must not slip through as a link.
        if not href or re.sub(r"\s", "", href).lower().startswith(_NOT_LINKS):
            return None
        return _join(self.base_url, href)

    def link(self, url: str, text: str) -> int:
        """The number of the link to ``url`` (the same URL keeps its first number)."""
        number = self._numbers.get(url)
        if number is None:
            number = self._numbers[url] = len(self.links) + 1
            self.links.append(Link(number, url, text))
        return number

    def image(self, src: str, alt: str) -> tuple[int, str]:
        """Registers an image; returns its number and the label of its placeholder."""
        src = sanitize(src).strip()
        alt = " ".join(alt.split())
        if src.startswith("data:"):
            label = alt or "embedded"
        else:
            if src:
                src = _join(self.base_url, src)
            label = alt or file_name(src) or "image"
        number = len(self.images) + 1
        self.images.append(Image(number, src, alt))
        return number, label

    def caption_figure(self, first_image: int, blocks: list[Block]) -> None:
        """Gives a ``<figure>``'s images (numbered from ``first_image``) the figure's caption."""
        text = " ".join(_text(b) for b in blocks if isinstance(b, Paragraph) and b.caption)
        if text:
            for number in range(first_image, len(self.images) + 1):
                self.captions.setdefault(number, text)

    def finish_images(self, captions: dict[int, str]) -> list[Image]:
        """The images with their captions (figure captions first, then ``▲`` lines)."""
        merged = {**captions, **self.captions}
        return [replace(image, caption=merged.get(image.number, "")) for image in self.images]


def _join(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:  # an unparsable URL (bad IPv6 literal…) is still worth showing as written
        return href


def file_name(url: str) -> str:
    """The last segment of ``url``'s path, unquoted and sanitised (an image's label when it has no alt)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = url
    return sanitize(unquote(path.rstrip("/").rsplit("/", 1)[-1])).strip()
