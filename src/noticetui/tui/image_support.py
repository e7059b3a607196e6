"""Whether this terminal session can show images inline, and whether they start shown.

textual-image asks the terminal what it supports (kitty graphics, sixel) when it is imported, which only
works before Textual takes over the terminal: :func:`probe_images` must run before the app starts (the
app calls it from its constructor).  With ``images = "off"`` nothing is asked at all.  tmux takes the kitty
graphics query (an APC string) for a new window title, so the title is pushed on the terminal's title
stack before the queries and popped after them.  When textual-image
or Pillow cannot be imported, images stay ``[image N]`` placeholders and the ``i`` key says why.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from noticetui.i18n import N_, _
from noticetui.net.errors import error_line

OFF_PROBLEM = N_('Inline images are off in the config ([settings] images = "off"): set "auto" or "on" to use i.')
DEFAULT_CELL = (10, 20)
"""A cell's width and height in pixels when the terminal does not say (a VT340's, as textual-image)."""
PUSH_TITLE = "\x1b[22;0t"
"""XTWINOPS: save the icon and window title on the terminal's title stack."""
POP_TITLE = "\x1b[23;0t"
"""XTWINOPS: restore the titles saved by :data:`PUSH_TITLE`."""


@dataclass(frozen=True)
class ImageSupport:
    """How images can be shown in this session (``widget`` is None when they cannot)."""

    widget: Callable[..., Any] | None = None
    """textual-image's ``Image`` widget class for this terminal (takes a picture and ``classes``)."""
    graphics: bool = False
    """The terminal shows real pixels (kitty graphics or sixel) rather than coloured characters."""
    cell: tuple[int, int] = DEFAULT_CELL
    """A cell's width and height in pixels, for keeping pictures' proportions."""
    start_on: bool = False
    """Images are shown from the start (``on``, or ``auto`` on a graphics terminal)."""
    problem: str = ""
    """Why images cannot be shown at all (for the ``i`` key), when ``widget`` is None."""

    @property
    def available(self) -> bool:
        """Whether images can be shown in this session at all."""
        return self.widget is not None


@contextmanager
def title_kept() -> Iterator[None]:
    """The terminal's title saved before the block and restored after it (when stdout is a terminal:
    textual-image queries ``sys.__stdout__`` only then)."""
    out = sys.__stdout__
    tty = out is not None and not out.closed and out.isatty()
    if tty and out is not None:
        out.write(PUSH_TITLE)
        out.flush()
    try:
        yield
    finally:
        if tty and out is not None:
            out.write(POP_TITLE)
            out.flush()


def probe_images(setting: str) -> ImageSupport:
    """What this terminal can do with images under the config's ``images`` setting (auto, on, off).

    ``auto`` shows images from the start only where the terminal draws real pixels: the half-block and
    character fallbacks are noisy, so there they wait for the ``i`` key (``on`` forces them).
    """
    if setting == "off":
        return ImageSupport(problem=_(OFF_PROBLEM))
    with title_kept():
        return _probe(setting)


def _probe(setting: str) -> ImageSupport:
    try:
        import PIL.Image  # noqa: F401  (textual-image needs it; import it here to fail early and clearly)
        import textual_image.renderable as renderables
        from textual_image._terminal import get_cell_size
        from textual_image.widget import Image
    except Exception as exc:  # ImportError, or the terminal query failing (stdout closed)
        return ImageSupport(
            problem=_("Inline images need textual-image and Pillow ({reason}).").format(reason=error_line(exc))
        )
    graphics = renderables.Image in (renderables.TGPImage, renderables.SixelImage)
    try:
        size = get_cell_size()
        cell = (size.width, size.height) if size.width > 0 and size.height > 0 else DEFAULT_CELL
    except Exception:  # only the proportions suffer
        cell = DEFAULT_CELL
    return ImageSupport(Image, graphics, cell, start_on=setting == "on" or graphics)
