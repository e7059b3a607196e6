"""The tasks screen: the download queue (progress, speed, state; cancel, retry) above the session's log of
every sync and download with its outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from rich.progress_bar import ProgressBar
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from noticetui.i18n import N_, _, ngettext
from noticetui.local_dates import user_now
from noticetui.render import sanitize_line
from noticetui.sizes import human_size
from noticetui.tui.actions import bindings
from noticetui.tui.download_queue import DONE, FAILED, DownloadEntry, DownloadQueue
from noticetui.tui.task_log import TaskLog

BAR_WIDTH = 12
TITLE_WIDTH = 26
KINDS = {"sync": N_("sync"), "download": N_("download")}
"""The log's kinds of task, as shown."""


class QueueOwner(Protocol):
    """What the tasks screen asks of the screen that runs the downloads."""

    queue: DownloadQueue
    task_log: TaskLog

    def cancel_download(self, entry_id: int) -> None:
        """Stop an entry."""

    def retry_download(self, entry_id: int) -> None:
        """Queue an entry's missing files again."""


def progress_bar(entry: DownloadEntry) -> ProgressBar:
    """The entry's bar (pulsing while the size is unknown)."""
    total = entry.total
    return ProgressBar(
        total=total or None, completed=entry.received, width=BAR_WIDTH, pulse=not total and entry.received > 0
    )


def amount_text(entry: DownloadEntry) -> Text:
    """``1.2 MB / 3.4 MB`` (only the bytes so far while the size is unknown)."""
    total = entry.total
    return Text(human_size(entry.received) + (f" / {human_size(total)}" if total else ""), style="dim")


def state_cell(entry: DownloadEntry) -> Text:
    """The entry's state, coloured; a failure leads with its reason."""
    style = {DONE: "green", FAILED: "red"}.get(entry.state, "")
    text = Text(_(entry.state), style=style)
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
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("tasks")]

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
            yield Static(Text(_("c: cancel · r: retry · Esc: close")), id="activity-hint", markup=False)

    def on_mount(self) -> None:
        """Fill the tables and keep them current."""
        self.query_one("#activity-box").border_title = _("Tasks")
        table = self.query_one("#activity-downloads", DataTable)
        table.add_columns("#", _("Post"), _("Progress"), _("Bytes"), _("Speed"), _("State"))
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
            what = Text(sanitize_line(entry.title) or _("(no title)"), style="bold")
            what.truncate(TITLE_WIDTH, overflow="ellipsis")
            count = len(entry.files)
            what.append(" · " + ngettext("{n} file", "{n} files", count).format(n=count) if count else "", style="dim")
            speed = entry.speed(now)
            table.add_row(
                str(entry.id),
                what,
                progress_bar(entry),
                amount_text(entry),
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
            return Text(_("Nothing has run yet in this session."), style="dim italic")
        text = Text()
        for entry in entries:
            when = user_now(entry.when) if entry.when.tzinfo else entry.when
            text.append(when.strftime("%H:%M:%S "), style="dim")
            text.append(f"{_(KINDS.get(entry.kind, entry.kind)):<8} ", style="bold")
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
