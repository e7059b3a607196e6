"""The download queue on the main screen: ``d`` queues the open post's files (never cancelling another
download), the tasks screen cancels and retries, and the status line shows the queue's progress."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.worker import Worker

from noticetui.context import AppContext
from noticetui.i18n import _, ngettext
from noticetui.sizes import human_size
from noticetui.tui import messages as m
from noticetui.tui.backend import Backend
from noticetui.tui.download_queue import DownloadQueue
from noticetui.tui.screens.activity import ActivityScreen
from noticetui.tui.screens.tasks import TaskScreen
from noticetui.tui.task_log import TaskLog
from noticetui.tui.widgets.attachments import AttachmentsView
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from noticetui.downloads import SavedFile


class DownloadActions(TaskScreen):
    """Queues downloads, runs them through :meth:`TaskScreen.start_download`, and logs how each ended."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self.queue = DownloadQueue()
        self.task_log = TaskLog()
        self._download_workers: dict[int, Worker[None]] = {}

    def log_now(self) -> datetime:
        """The time stamped on log entries (local time: the reader's clock)."""
        return datetime.now(UTC).astimezone()

    def action_download(self) -> None:
        """Queue the open post's attachments; they download alongside any others, up to the limit."""
        post = self.query_one("#detail", DetailPane).post
        if post is None:
            self.notify(_("Open a post first (Enter)."), markup=False)
            return
        files = self.ctx.store.attachments([post.id])[post.id]
        if not post.has_file and not files:
            self.notify(_("This post has no attachments."), markup=False)
            return
        if any(e.post_id == post.id for e in self.queue.running()):
            self.notify(_("This post's files are already downloading (t: tasks)."), markup=False)
            return
        entry = self.queue.add(post.id, post.title, [(f.index, f.name, f.size) for f in files])
        self._download_workers[entry.id] = self.start_download(entry.id, post.id)
        self.show_downloads()

    def action_tasks(self) -> None:
        """Open the tasks screen: the download queue and the log of every sync and download."""
        self.app.push_screen(ActivityScreen(self, self.queue.clock))

    def cancel_download(self, entry_id: int) -> None:
        """Stop a queued or running download (files already saved stay saved)."""
        worker = self._download_workers.pop(entry_id, None)
        entry = self.queue.entries.get(entry_id)
        if worker is None or entry is None or entry.state in ("saved", "failed", "cancelled"):
            return
        worker.cancel()
        self.queue.cancelled(entry_id)
        self.task_log.add(self.log_now(), "download", entry.title, False, _("cancelled"))
        self.show_downloads()

    def retry_download(self, entry_id: int) -> None:
        """Queue again the files a failed or cancelled download did not save."""
        entry = self.queue.retry(entry_id)
        if entry is None:
            self.notify(_("Nothing to retry: only a failed or cancelled download can be retried."), markup=False)
            return
        self._download_workers[entry.id] = self.start_download(entry.id, entry.post_id, entry.unsaved)
        self.show_downloads()

    def show_downloads(self) -> None:
        """Put the queue's progress on the status line (visible whatever the open post's length)."""
        running = self.queue.running()
        status = self.query_one("#status", StatusLine)
        if not running:
            status.downloads = ""
            return
        received = sum(e.received for e in running)
        totals = [e.total for e in running]
        known = None if any(t is None for t in totals) else sum(t or 0 for t in totals)
        amount = f"{received * 100 // known}%" if known else human_size(received)
        count = len(running)
        status.downloads = "⇣ " + ngettext(
            "{n} download {amount} (t: tasks)", "{n} downloads {amount} (t: tasks)", count
        ).format(n=count, amount=amount)

    @on(m.DownloadProgressed)
    def download_progressed(self, message: m.DownloadProgressed) -> None:
        """Count the bytes, and move the file's bar when its post is open."""
        if message.progress is None:
            self.queue.started(message.job)
        else:
            self.queue.progressed(message.job, message.progress)
            self.query_one("#attachments", AttachmentsView).show_progress(message.progress)
        self.show_downloads()

    @on(m.DownloadFinished)
    async def download_finished(self, message: m.DownloadFinished) -> None:
        """The files are saved: say where, log it, and mark them saved."""
        self.queue.finished(message.job, message.saved)
        self._download_workers.pop(message.job, None)
        where = message.saved[0].path.parent if message.saved else self.ctx.download_dir
        count = len(message.saved)
        said = ngettext("Saved {n} file to {where}", "Saved {n} files to {where}", count).format(n=count, where=where)
        entry = self.queue.entries.get(message.job)
        self.task_log.add(self.log_now(), "download", entry.title if entry else str(message.post_id), True, said)
        self.query_one("#status", StatusLine).say(said)
        self.show_downloads()
        await self.refresh_attachments()
        self.after_download(message.job, message.saved)

    def after_download(self, job: int, saved: list[SavedFile]) -> None:
        """What to do once queue entry ``job`` saved its files (nothing here; ``x`` opens them)."""

    @on(m.DownloadFailed)
    async def download_failed(self, message: m.DownloadFailed) -> None:
        """A download stopped: say why (files saved before it stay saved), and log it."""
        self.queue.finished(message.job, message.saved, message.error)
        self._download_workers.pop(message.job, None)
        entry = self.queue.entries.get(message.job)
        logged = self.task_log.add(
            self.log_now(), "download", entry.title if entry else str(message.post_id), False, message.error
        )
        self.query_one("#status", StatusLine).say(
            _("Download failed: {reason} (t: tasks, r there retries)").format(reason=logged.detail)
        )
        self.notify(logged.detail, title=_("Download failed"), severity="error", markup=False)
        self.show_downloads()
        await self.refresh_attachments()
        self.after_download(message.job, [])

    async def refresh_attachments(self) -> None:
        """Re-read the open post's attachments from the store."""
        detail = self.query_one("#detail", DetailPane)
        if detail.post is not None:
            await detail.set_attachments(self.ctx.store.attachments([detail.post.id])[detail.post.id])
