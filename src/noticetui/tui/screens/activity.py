"""The tasks screen: the download queue (progress, speed, state; cancel, retry) above the session's log of
every sync and download with its outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from rich.console import RenderableType
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from noticetui.render import sanitize_line
from noticetui.sizes import human_size
from noticetui.tui.download_queue import DONE, FAILED, DownloadEntry, DownloadQueue
from noticetui.tui.task_log import TaskLog


class QueueOwner(Protocol):
    """What the tasks screen asks of the screen that runs the downloads."""

    queue: DownloadQueue
    task_log: TaskLog

    def cancel_download(self, entry_id: int) -> None:
        """Stop an entry."""

    def retry_download(self, entry_id: int) -> None:
        """Queue an entry's missing files again."""


def progress_cell(entry: DownloadEntry) -> RenderableType:
    """A bar and ``1.2 MB / 3.4 MB`` (an indeterminate bar while the size is unknown)."""
    total = entry.total
    bar = ProgressBar(
        total=total or None, completed=entry.received, width=16, pulse=total is None and entry.received > 0
    )
    amount = human_size(entry.received) + (f" / {human_size(total)}" if total else "")
    grid = Table.grid(padding=(0, 1))
    grid.add_row(bar, Text(amount, style="dim"))
    return grid


def state_cell(entry: DownloadEntry) -> Text:
    """The entry's state, coloured; a failure leads with its reason."""
    style = {DONE: "green", FAILED: "red"}.get(entry.state, "")
    text = Text(entry.state, style=style)
    if entry.error:
        text.append(f": {sanitize_line(entry.error)}", style="red")
    return text


class ActivityScreen(ModalScreen[None]):
    """Downloads (Enter/c cancels, r retries) and the log; refreshed twice a second while open."""

    DEFAULT_CSS = """
    ActivityScreen {
        align: center middle;
    }
    ActivityScreen > #activity-box {
        width: 95%;
        height: 90%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    ActivityScreen #activity-downloads {
        height: auto;
        max-height: 50%;
    }
    ActivityScreen #activity-log {
        height: 1fr;
        border-top: solid $panel;
    }
    ActivityScreen #activity-hint {
        height: 1;
        color: $text-muted;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,t", "close", "Close", id="tasks.close"),
        Binding("c", "cancel", "Cancel the highlighted download", id="tasks.cancel"),
        Binding("r", "retry", "Retry the highlighted download", id="tasks.retry"),
    ]

    def __init__(self, owner: QueueOwner, clock: Callable[[], float]) -> None:
        super().__init__()
        self.owner = owner
        self.clock = clock

    def compose(self) -> ComposeResult:
        """The queue, the log and a line of keys."""
        with Vertical(id="activity-box"):
            yield DataTable(id="activity-downloads", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="activity-log"):
                yield Static(id="activity-log-text", markup=False)
            yield Static(Text("c: cancel · r: retry · Esc: close"), id="activity-hint", markup=False)

    def on_mount(self) -> None:
        """Fill the tables and keep them current."""
        self.query_one("#activity-box").border_title = "Tasks"
        table = self.query_one("#activity-downloads", DataTable)
        table.add_columns("#", "Post · files", "Progress", "Speed", "State")
        self.refresh_view()
        self.set_interval(0.5, self.refresh_view)
        table.focus()

    def refresh_view(self) -> None:
        """Redraw the queue and the log from the owner's bookkeeping."""
        table = self.query_one("#activity-downloads", DataTable)
        row = table.cursor_row
        table.clear()
        now = self.clock()
        for entry in self.owner.queue.entries.values():
            names = ", ".join(sanitize_line(f.name) for f in entry.files) or "(attachments)"
            what = Text(sanitize_line(entry.title) or "(no title)", style="bold")
            what.append(f" · {names}")
            what.truncate(60, overflow="ellipsis")
            speed = entry.speed(now)
            table.add_row(
                str(entry.id),
                what,
                progress_cell(entry),
                f"{human_size(int(speed))}/s" if speed else "",
                state_cell(entry),
                key=str(entry.id),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#activity-log-text", Static).update(self.log_text())

    def log_text(self) -> Text:
        """Every logged outcome, newest last; failures in red, never cut (the log wraps)."""
        entries = self.owner.task_log.entries
        if not entries:
            return Text("Nothing has run yet in this session.", style="dim italic")
        text = Text()
        for entry in entries:
            text.append(entry.when.strftime("%H:%M:%S "), style="dim")
            text.append(f"{entry.kind:<8} ", style="bold")
            text.append(sanitize_line(entry.subject) + ": ")
            text.append(sanitize_line(entry.detail), style="" if entry.ok else "red")
            text.append("\n")
        text.rstrip()
        return text

    def highlighted(self) -> int | None:
        """The id of the highlighted download."""
        table = self.query_one("#activity-downloads", DataTable)
        if not table.row_count:
            return None
        return int(str(table.get_row_at(table.cursor_row)[0]))

    def action_cancel(self) -> None:
        """Stop the highlighted download."""
        entry_id = self.highlighted()
        if entry_id is not None:
            self.owner.cancel_download(entry_id)
            self.refresh_view()

    def action_retry(self) -> None:
        """Download the highlighted entry's missing files again."""
        entry_id = self.highlighted()
        if entry_id is not None:
            self.owner.retry_download(entry_id)
            self.refresh_view()

    def action_close(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)
