"""A modal that shows an attachment's text: it downloads the file first when it is not saved yet."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from noticetui.context import AppContext
from noticetui.i18n import N_, _
from noticetui.net.errors import error_line
from noticetui.render import sanitize_line
from noticetui.store import AttachmentRow, PostRow
from noticetui.tui.backend import Backend
from noticetui.tui.messages import PreviewFailed, PreviewLoaded
from noticetui.tui.widgets.attachments import attachment_text

if TYPE_CHECKING:
    from noticetui.previews import Preview


@dataclass(frozen=True)
class Shown:
    """What the preview shows: attachment ``index`` (None: the list to choose from), and once it is read
    its text or why there is none (neither yet: loading)."""

    index: int | None
    preview: Preview | None = None
    error: str | None = None


class PreviewScreen(ModalScreen[None]):
    """The text of one attachment; with several and none chosen yet, a list to choose from first."""

    DEFAULT_CSS = """
    PreviewScreen {
        align: center middle;
    }
    PreviewScreen > #preview-box {
        width: 90%;
        height: 90%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    PreviewScreen #preview-title {
        height: auto;
        margin-bottom: 1;
    }
    PreviewScreen #preview-choices {
        height: auto;
        max-height: 10;
    }
    PreviewScreen #preview-text {
        height: 1fr;
    }
    PreviewScreen #preview-hint {
        height: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", N_("Close"), id="preview.close"),
    ]

    shown: reactive[Shown] = reactive(Shown(None), init=False, always_update=True)
    """What the screen shows; every change of it goes through :meth:`watch_shown`."""

    def __init__(
        self,
        ctx: AppContext,
        backend: Backend,
        post: PostRow,
        files: list[AttachmentRow],
        index: int | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.backend = backend
        self.post = post
        self.files = {f.index: f for f in files}
        self.index = index if index is not None else (files[0].index if len(files) == 1 else None)

    def compose(self) -> ComposeResult:
        """A title, the attachment choices (when needed) and the text."""
        with Vertical(id="preview-box"):
            yield Static(id="preview-title", markup=False)
            if self.index is None:
                choices = [Option(attachment_text(f)) for f in self.files.values()]
                yield OptionList(*choices, id="preview-choices")
            yield TextArea("", read_only=True, soft_wrap=True, show_line_numbers=False, id="preview-text")
            yield Static(Text(_("Esc closes"), style="dim"), id="preview-hint", markup=False)

    def on_mount(self) -> None:
        """Start on the chosen attachment, or let the user choose."""
        self.query_one("#preview-box").border_title = _("Preview")
        if self.index is None:
            self.shown = Shown(None)
            self.query_one("#preview-choices", OptionList).focus()
        else:
            self.load(self.index)

    def watch_shown(self, shown: Shown) -> None:
        """Show the state: the question, the file loading, its text, or why there is none."""
        title = self.query_one("#preview-title", Static)
        if shown.index is None:
            title.update(Text(_("Which attachment?"), style="bold"))
            return
        name = sanitize_line(self.files[shown.index].name)
        if shown.error is not None:
            text = Text(name, style="bold")
            text.append("  " + _("cannot preview: {reason}").format(reason=sanitize_line(shown.error)), style="red")
            title.update(text)
        elif shown.preview is None:
            title.update(Text(_("{name} — loading…").format(name=name), style="bold"))
        else:
            # Plain text in a read-only text area: nothing in it is markup.
            preview = shown.preview
            text = Text(name, style="bold")
            facts = [preview.kind, sanitize_line(preview.note), _("truncated") if preview.truncated else ""]
            text.append("  " + " · ".join(f for f in facts if f), style="dim")
            title.update(text)
            area = self.query_one("#preview-text", TextArea)
            area.load_text(preview.text or _("(this file has no text)"))
            area.focus()

    @on(OptionList.OptionSelected, "#preview-choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Preview the attachment picked from the list."""
        self.load(list(self.files)[event.option_index])

    def load(self, index: int) -> None:
        """Say it is loading, then read the attachment in a worker."""
        self.shown = Shown(index)
        self.read_attachment(index)

    @work(exclusive=True, exit_on_error=False)
    async def read_attachment(self, index: int) -> None:
        """Download the file if needed (in the back room), then read its text in a thread (PDF parsing
        takes a while); the result comes back as a message, the worker touches no widget."""
        from noticetui.downloads import download  # imported on first use: it brings the PDF reader in
        from noticetui.previews import preview_file

        row = self.files[index]
        post_id = self.post.id

        async def fetch(backend: Backend) -> Path:
            saved = await download(backend.ctx, post_id, await backend.fetcher(), indexes=[index])
            return saved[0].path

        try:
            path = Path(row.saved_path) if row.saved_path else None
            if path is None or not path.is_file():
                path = await self.backend.run(fetch)
            preview = await asyncio.to_thread(preview_file, path)
        except Exception as exc:  # DownloadError, PreviewError or worse: all end as a line on screen
            self.post_message(PreviewFailed(index, error_line(exc)))
            return
        self.post_message(PreviewLoaded(index, preview))

    @on(PreviewLoaded)
    def loaded(self, message: PreviewLoaded) -> None:
        """The text is ready."""
        self.shown = Shown(message.index, preview=message.preview)

    @on(PreviewFailed)
    def failed(self, message: PreviewFailed) -> None:
        """There is no text, and the message says why."""
        self.shown = Shown(message.index, error=message.error)

    def action_close(self) -> None:
        """Back to the post."""
        self.dismiss(None)
