"""One inline image of the open post: a dim "loading" line, then the picture, or a dim note saying why not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from noticetui.i18n import _
from noticetui.tui.image_support import ImageSupport

if TYPE_CHECKING:
    from PIL.Image import Image as Picture


class ImageSlot(Vertical):
    """The place below an image's placeholder line; ``state`` is a picture, a problem or None (loading)."""

    DEFAULT_CSS = """
    /* An inline image sits right below its [image N] placeholder line, above its caption. */
    ImageSlot {
        height: auto;
    }
    """

    def __init__(
        self,
        number: int,
        support: ImageSupport,
        width: int,
        state: Picture | str | None = None,
    ) -> None:
        super().__init__(classes="image-slot")
        self.number = number
        self.support = support
        self.width_cells = width
        """The body's width: the picture's size follows it."""
        self.state: Picture | str | None = state
        self.cells: tuple[int, int] | None = None
        """The picture's columns and rows, once it is shown."""

    def compose(self) -> ComposeResult:
        """The picture, or one dim line."""
        if self.state is None or isinstance(self.state, str):
            yield Static(self._note(), classes="image-note", markup=False)
        else:
            yield self._image(self.state)

    def _note(self) -> Text:
        if isinstance(self.state, str):
            return Text(_("image {n} not shown: {reason}").format(n=self.number, reason=self.state), style="dim")
        return Text(_("loading image {n}…").format(n=self.number), style="dim italic")

    def _image(self, picture: Picture) -> Widget:
        assert self.support.widget is not None, "a slot is only made when images can be shown"
        widget: Widget = self.support.widget(picture, classes="inline-image")
        self.cells = None
        self._fit(widget, picture)
        return widget

    def _fit(self, widget: Widget, picture: Picture) -> None:
        width = max(self.width_cells, 1)
        # Imported here: noticetui.images brings the file sniffer (and the PDF reader) that start-up can skip.
        from noticetui.images import fit_cells, row_cap

        cells = fit_cells(picture.size, self.support.cell, width, row_cap(width))
        # Set only on change: every assignment asks for a new layout.
        if cells != self.cells:
            self.cells = cells
            widget.styles.width, widget.styles.height = cells

    async def show_picture(self, picture: Picture) -> None:
        """Replace the loading line with the picture."""
        self.state = picture
        await self.remove_children()
        await self.mount(self._image(picture))

    def show_problem(self, problem: str) -> None:
        """Say, dimly, why the image is not shown (its placeholder above stays)."""
        self.state = problem
        for note in self.query(".image-note").results(Static):
            note.update(self._note())

    def fit(self, width: int) -> None:
        """Size the picture for a body ``width`` cells wide."""
        self.width_cells = width
        if self.state is not None and not isinstance(self.state, str):
            for widget in self.query(".inline-image"):
                self._fit(widget, self.state)
