"""A post's attachments: name, size, whether it is saved, and a progress bar while it downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.sizes import human_size
from noticetui.store import AttachmentRow
from noticetui.tui.messages import AttachmentChosen

if TYPE_CHECKING:
    from noticetui.downloads import DownloadProgress


def attachment_text(row: AttachmentRow) -> Text:
    """``[0] name  24.5 KB  ✓ saved``: the number is what ``noticetui download --index`` takes."""
    text = Text(f"[{row.index}] ", style="dim")
    text.append(sanitize_line(row.name) or _("(unnamed)"))
    if row.size is not None:
        text.append(f"  {human_size(row.size)}", style="dim")
    if row.saved_path:
        text.append("  ✓ " + _("saved"), style="green")
    return text


class AttachmentItem(Horizontal):
    """One attachment; its progress bar shows only while it downloads.  Clicking it asks for a preview."""

    def __init__(self, row: AttachmentRow) -> None:
        super().__init__(classes="attachment")
        self.row = row

    def compose(self) -> ComposeResult:
        """The label and the (hidden) progress bar."""
        yield Static(attachment_text(self.row), classes="attachment-label", markup=False)
        yield ProgressBar(total=None, show_eta=False, classes="attachment-progress")

    def show_progress(self, received: int, total: int | None) -> None:
        """Show the bytes received so far (an indeterminate bar when the size is unknown)."""
        self.add_class("-downloading")
        bar = self.query_one(ProgressBar)
        bar.update(total=total, progress=received)

    def set_row(self, row: AttachmentRow) -> None:
        """Show the attachment's new state (saved, usually) and hide the bar."""
        self.row = row
        self.remove_class("-downloading")
        self.query_one(".attachment-label", Static).update(attachment_text(row))

    def on_click(self, event: events.Click) -> None:
        """Ask the screen to preview this attachment."""
        event.stop()
        self.post_message(AttachmentChosen(self.row.post_id, self.row.index))


class AttachmentsView(Vertical):
    """The attachments of the open post (hidden when it has none)."""

    DEFAULT_CSS = """
    AttachmentsView {
        height: auto;
        margin-top: 1;
        border-top: solid $panel;
        border-title-color: $text-muted;
    }
    AttachmentsView .attachment {
        height: 1;
    }
    AttachmentsView .attachment-label {
        width: 1fr;
    }
    AttachmentsView .attachment-progress {
        display: none;
        width: auto;
    }
    AttachmentsView .attachment.-downloading .attachment-progress {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[AttachmentRow] = []
        self.display = False

    async def set_rows(self, rows: list[AttachmentRow]) -> None:
        """Show ``rows``; unchanged attachments keep their widgets (and any progress bar)."""
        items = list(self.query(AttachmentItem))
        same = [(r.post_id, r.index) for r in rows] == [(i.row.post_id, i.row.index) for i in items]
        self.rows = rows
        self.display = bool(rows)
        self.border_title = _("Attachments ({n})").format(n=len(rows)) if rows else ""
        if same:
            for item, row in zip(items, rows, strict=True):
                item.set_row(row)
            return
        await self.remove_children()
        await self.mount_all(AttachmentItem(r) for r in rows)

    def show_progress(self, progress: DownloadProgress) -> None:
        """Move the bar of the file that ``progress`` is about."""
        for item in self.query(AttachmentItem):
            if (item.row.post_id, item.row.index) == (progress.post_id, progress.index):
                item.show_progress(progress.received, progress.total)
