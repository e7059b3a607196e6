"""The main screen's background work: syncing, fetching a post's body and images, downloading its files.

Each worker hands a job to the back room (:mod:`noticetui.tui.backend`: a thread with its own loop and
store connection) and awaits it, so fetching, parsing and SQLite writes never run on the UI loop.  Jobs
report with past-tense messages; they never touch a widget, and every update happens in one place (the
handlers on the main screen).
"""

from __future__ import annotations

import asyncio
from time import monotonic
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.net.errors import error_line
from noticetui.store import StoreError
from noticetui.tui.backend import Backend
from noticetui.tui.messages import (
    BoardSynced,
    DownloadFailed,
    DownloadFinished,
    DownloadProgressed,
    ImageFailed,
    ImageLoaded,
    PostFailed,
    PostOpened,
    SyncBlocked,
    SyncFailed,
    SyncFinished,
    SyncProgressed,
    SyncStarted,
    WorkSettled,
)
from noticetui.tui.translated import TranslatedScreen

if TYPE_CHECKING:
    # The core's network side (sync, downloads, images: engines, httpx) is imported by the workers that
    # use it, after the first frame.
    from noticetui.downloads import DownloadProgress
    from noticetui.render import Image
    from noticetui.sync import BoardSyncResult, SyncProgress


BUSY_GROUPS = ("sync", "download")
"""The worker groups that quitting would cut off."""

PROGRESS_EVERY = 0.25
"""The shortest time between two progress messages of one board's sync (seconds)."""


def is_offline(result: BoardSyncResult) -> bool:
    """Whether a failed board's site could not be reached at all (so its cached posts are all there is).

    The sync says so in ``result.offline`` (a network failure: refused, DNS, timeout, TLS, reset).  A site
    that served its list and failed later (a body, page 2) is not offline: its error is worth showing as it is.
    """
    return result.offline and result.seen == 0


class TaskScreen(TranslatedScreen):
    """A screen that syncs, loads bodies and downloads in the back room over one shared fetcher."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__()
        self.ctx = ctx
        self.backend = backend

    @property
    def busy(self) -> bool:
        """Whether a sync or a download is in flight (quitting would cut it off)."""
        return any(w.group in BUSY_GROUPS and w.is_running for w in self.workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when the last sync or download ends (a question about quitting may be waiting on it)."""
        if event.worker.group in BUSY_GROUPS and not self.busy:
            self.post_message(WorkSettled())

    @work(exclusive=True, exit_on_error=False, group="sync")
    async def run_sync(self, names: frozenset[str] | None = None) -> None:
        """Sync every configured board (or those named in ``names``) at once, announcing each board as
        soon as it is done.

        ``sync_board`` per board rather than ``sync_all``: the latter reports only when the slowest
        board finishes, and the status line should show each board's result as it lands.
        """
        from noticetui.sync.lock import SyncBusy, SyncLock, lock_path  # sync (engines, httpx): not at start-up

        boards = [b for b in self.ctx.config.boards if names is None or b.name in names]
        if not boards:
            return
        # One sync at a time per cache, the CLI's included: taken without waiting, held until every board
        # has reported (or the worker is cancelled).
        lock = SyncLock(lock_path(self.ctx.paths.database))
        try:
            lock.acquire()
        except SyncBusy as exc:
            self.post_message(SyncBlocked(str(exc)))
            return
        except OSError as exc:  # a read-only or vanished data directory
            self.post_message(SyncBlocked(f"cannot take the sync lock {lock.path}: {exc.strerror or exc}"))
            return
        self.post_message(SyncStarted(len(boards), tuple(b.name for b in boards)))
        try:
            await self.backend.run(lambda backend: self._sync(backend, boards))
        except StoreError as exc:  # the back room could not open the cache: every board says why
            for board in boards:
                self.post_message(SyncFailed(board.name, str(exc), offline=False))
        finally:
            lock.release()
            self.post_message(SyncFinished())

    async def _sync(self, backend: Backend, boards: list[BoardConfig]) -> None:
        """The sync itself, on the back-room loop."""
        from noticetui.sync import sync_board

        ctx, fetcher = backend.ctx, await backend.fetcher()
        last: dict[str, tuple[str, float]] = {}

        def progress(step: SyncProgress) -> None:
            # Every message wakes the UI loop; a body's progress is worth one only every PROGRESS_EVERY s
            # per board.  A new stage (rows stored, bodies begun) and the last step always get through.
            stage, sent = last.get(step.board, ("", 0.0))
            now = monotonic()
            if step.stage == stage and now - sent < PROGRESS_EVERY and step.done != step.total:
                return
            last[step.board] = (step.stage, now)
            self.post_message(SyncProgressed(step))

        async def one(board: BoardConfig) -> None:
            try:
                result = await sync_board(ctx, board, fetcher, progress=progress)
            except Exception as exc:  # a bug in an engine must not stop the other boards
                self.post_message(SyncFailed(board.name, error_line(exc), offline=False))
                return
            if result.error is None:
                self.post_message(BoardSynced(result))
            else:
                self.post_message(SyncFailed(board.name, result.error, is_offline(result), result))

        await asyncio.gather(*(one(board) for board in boards))

    @work(exclusive=True, exit_on_error=False, group="body")
    async def load_body(self, post_id: int) -> None:
        """Fetch a post's body that is not cached yet (opening another post cancels this one)."""

        from noticetui.sync import ensure_body

        async def job(backend: Backend) -> None:
            ctx = backend.ctx
            try:
                row = await ensure_body(ctx, post_id, await backend.fetcher())
            except Exception as exc:  # network, site or parser: all of them end as a message in the pane
                self.post_message(PostFailed(post_id, error_line(exc)))
                return
            self.post_message(PostOpened(row, ctx.store.attachments([post_id])[post_id]))

        try:
            await self.backend.run(job)
        except StoreError as exc:
            self.post_message(PostFailed(post_id, str(exc)))

    def start_download(self, job_id: int, post_id: int, indexes: list[int] | None = None) -> Worker[None]:
        """Download a post's attachments as queue entry ``job_id`` (several run at once, up to the limit)."""
        return self.run_worker(
            self._download(job_id, post_id, indexes),
            name=f"download-{job_id}",
            group="download",
            exit_on_error=False,
        )

    async def _download(self, job_id: int, post_id: int, indexes: list[int] | None) -> None:
        """Wait for a free download slot, then download, reporting bytes as they come."""
        from noticetui.downloads import DownloadError, download  # on first use: it brings the PDF reader in

        parallel = self.ctx.config.settings.downloads_parallel

        def progress(step: DownloadProgress) -> None:
            self.post_message(DownloadProgressed(step, job_id))

        async def job(backend: Backend) -> None:
            async with backend.limit("downloads", parallel):
                self.post_message(DownloadProgressed(None, job_id))  # out of the queue: started
                try:
                    fetcher = await backend.fetcher()
                    saved = await download(backend.ctx, post_id, fetcher, indexes=indexes, progress=progress)
                except DownloadError as exc:
                    self.post_message(DownloadFailed(post_id, str(exc), job_id, exc.saved))
                except Exception as exc:  # anything else still has to reach the user, not a traceback
                    self.post_message(DownloadFailed(post_id, error_line(exc), job_id))
                else:
                    self.post_message(DownloadFinished(post_id, saved, job_id))

        try:
            await self.backend.run(job)
        except StoreError as exc:
            self.post_message(DownloadFailed(post_id, str(exc), job_id))

    @work(exclusive=True, exit_on_error=False, group="images")
    async def load_images(self, post_id: int, images: list[Image], referer: str | None) -> None:
        """Fetch (or find in the cache) and decode a post's inline images, each reported as it lands.

        Exclusive: opening another post, or hiding images, cancels the images still on their way.
        """
        if not images:
            return
        # On first use: images brings the file sniffer, and with it the PDF reader, which start-up can do without.
        from noticetui.images import ImageError, fetch_image, image_cache_dir, load_picture

        cache_dir = image_cache_dir(self.ctx.paths.database)

        async def one(backend: Backend, image: Image) -> None:
            try:
                fetcher = await backend.fetcher()
                path = await fetch_image(image.src, fetcher, cache_dir, referer=referer)
                picture = await asyncio.to_thread(load_picture, path)
            except ImageError as exc:
                self.post_message(ImageFailed(post_id, image.number, exc.detail))
            except Exception as exc:  # whatever breaks, the placeholder stays and says why
                self.post_message(ImageFailed(post_id, image.number, error_line(exc)))
            else:
                self.post_message(ImageLoaded(post_id, image.number, picture))

        async def job(backend: Backend) -> None:
            await asyncio.gather(*(one(backend, image) for image in images))

        await self.backend.run(job)
