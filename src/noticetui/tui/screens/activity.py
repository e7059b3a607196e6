"""The tasks screen: the download queue (progress, speed, state; cancel, retry) above the session's log of
every sync and download with its outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from rich.progress_bar import ProgressBar
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from noticetui.i18n import N_, _, ngettext
from noticetui.local_dates import user_now
from noticetui.render import sanitize_line
from noticetui.sizes import human_size
from noticetui.tui.actions import bindings
from noticetui.tui.download_queue import DONE, FAILED, DownloadEntry, DownloadQueue
from noticetui.tui.task_log import LogEntry, TaskLog

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


@dataclass(frozen=True)
class QueueRow:
    """One download as the table shows it; rows compare equal while nothing shown changed."""

    id: int
    received: int
    total: int | None
    speed: int
    """Bytes per second, whole."""
    state: str
    error: str
    entry: DownloadEntry = field(compare=False)
    """The entry itself (it changes in place: only the values above say whether it changed)."""


def queue_rows(queue: DownloadQueue, now: float) -> tuple[QueueRow, ...]:
    """What the table shows of ``queue`` at ``now`` (a monotonic time)."""
    return tuple(
        QueueRow(e.id, e.received, e.total, int(e.speed(now)), e.state, e.error, e) for e in queue.entries.values()
    )


class ActivityScreen(ModalScreen[None]):
    """Downloads (Enter/c cancels, r retries) and the log.

    The screen's state is two reactives read from the owner's bookkeeping twice a second (and at once after
    a key): their watchers redraw the table or the log only when what they show changed.
    """

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

    rows: reactive[tuple[QueueRow, ...]] = reactive((), init=False)
    """The download queue as shown."""
    logged: reactive[tuple[LogEntry, ...]] = reactive((), init=False)
    """The session's log as shown."""

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
        self.query_one("#activity-log-text", Static).update(self.log_text())
        self.sample()
        self.set_interval(0.5, self.sample)
        table.focus()

    def sample(self) -> None:
        """Read the owner's queue and log into the screen's state."""
        self.rows = queue_rows(self.owner.queue, self.clock())
        self.logged = tuple(self.owner.task_log.entries)

    def watch_rows(self, rows: tuple[QueueRow, ...]) -> None:
        """Redraw the queue, the cursor kept on its row."""
        table = self.query_one("#activity-downloads", DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in rows:
            entry = row.entry
            what = Text(sanitize_line(entry.title) or _("(no title)"), style="bold")
            what.truncate(TITLE_WIDTH, overflow="ellipsis")
            count = len(entry.files)
            what.append(" · " + ngettext("{n} file", "{n} files", count).format(n=count) if count else "", style="dim")
            table.add_row(
                str(entry.id),
                what,
                progress_bar(entry),
                amount_text(entry),
                f"{human_size(row.speed)}/s" if row.speed else "",
                state_cell(entry),
                key=str(entry.id),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def watch_logged(self) -> None:
        """Redraw the log."""
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
            self.sample()

    def action_retry(self) -> None:
        """Download the highlighted entry's missing files again."""
        entry_id = self.highlighted()
        if entry_id is not None:
            self.owner.retry_download(entry_id)
            self.sample()

    def action_close(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)
