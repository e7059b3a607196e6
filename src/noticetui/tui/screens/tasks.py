"""The main screen's background work: syncing, fetching a post's body and images, downloading its files.

Each worker calls the headless core and posts a past-tense message; it never touches a widget, so the
screen stays responsive and every update happens in one place (the handlers on the main screen).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.net.errors import error_line
from noticetui.tui.fetcher import SharedFetcher
from noticetui.tui.messages import (
    BoardSynced,
    DownloadFailed,
    DownloadFinished,
    DownloadProgressed,
    ImageFailed,
    ImageLoaded,
    PostFailed,
    PostOpened,
    SyncFailed,
    SyncFinished,
    SyncProgressed,
    SyncStarted,
)

if TYPE_CHECKING:
    # The core's network side (sync, downloads, images: engines, httpx) is imported by the workers that
    # use it, after the first frame.
    from noticetui.downloads import DownloadProgress
    from noticetui.render import Image
    from noticetui.sync import BoardSyncResult, SyncProgress


def is_offline(result: BoardSyncResult) -> bool:
    """Whether a failed board's site could not be reached at all (so its cached posts are all there is).

    The sync says so in ``result.offline`` (a network failure: refused, DNS, timeout, TLS, reset).  A site
    that served its list and failed later (a body, page 2) is not offline: its error is worth showing as it is.
    """
    return result.offline and result.seen == 0


class TaskScreen(Screen[None]):
    """A screen that syncs, loads bodies and downloads in workers over one shared fetcher."""

    def __init__(self, ctx: AppContext, fetchers: SharedFetcher) -> None:
        super().__init__()
        self.ctx = ctx
        self.fetchers = fetchers

    @work(exclusive=True, exit_on_error=False, group="sync")
    async def run_sync(self) -> None:
        """Sync every configured board at once, announcing each board as soon as it is done.

        ``sync_board`` per board rather than ``sync_all``: the latter reports only when the slowest
        board finishes, and the status line should show each board's result as it lands.
        """
        from noticetui.sync import sync_board

        boards = list(self.ctx.config.boards)
        if not boards:
            return
        self.post_message(SyncStarted(len(boards)))
        fetcher = await self.fetchers.get()

        def progress(step: SyncProgress) -> None:
            self.post_message(SyncProgressed(step))

        async def one(board: BoardConfig) -> None:
            try:
                result = await sync_board(self.ctx, board, fetcher, progress=progress)
            except Exception as exc:  # a bug in an engine must not stop the other boards
                self.post_message(SyncFailed(board.name, error_line(exc), offline=False))
                return
            if result.error is None:
                self.post_message(BoardSynced(result))
            else:
                self.post_message(SyncFailed(board.name, result.error, is_offline(result), result))

        await asyncio.gather(*(one(board) for board in boards))
        self.post_message(SyncFinished())

    @work(exclusive=True, exit_on_error=False, group="body")
    async def load_body(self, post_id: int) -> None:
        """Fetch a post's body that is not cached yet (opening another post cancels this one)."""
        from noticetui.sync import ensure_body

        try:
            row = await ensure_body(self.ctx, post_id, await self.fetchers.get())
        except Exception as exc:  # network, site or parser: all of them end as a message in the pane
            self.post_message(PostFailed(post_id, error_line(exc)))
            return
        self.post_message(PostOpened(row, self.ctx.store.attachments([post_id])[post_id]))

    @work(exclusive=True, exit_on_error=False, group="download")
    async def run_download(self, post_id: int, indexes: list[int] | None = None) -> None:
        """Download a post's attachments (all of them unless ``indexes``), reporting bytes as they come."""
        from noticetui.downloads import DownloadError, download

        def progress(step: DownloadProgress) -> None:
            self.post_message(DownloadProgressed(step))

        try:
            fetcher = await self.fetchers.get()
            saved = await download(self.ctx, post_id, fetcher, indexes=indexes, progress=progress)
        except DownloadError as exc:
            self.post_message(DownloadFailed(post_id, str(exc)))
        except Exception as exc:  # anything else still has to reach the user, not a traceback
            self.post_message(DownloadFailed(post_id, error_line(exc)))
        else:
            self.post_message(DownloadFinished(post_id, saved))

    @work(exclusive=True, exit_on_error=False, group="images")
    async def load_images(self, post_id: int, images: list[Image], referer: str | None) -> None:
        """Fetch (or find in the cache) and decode a post's inline images, each reported as it lands.

        Exclusive: opening another post, or hiding images, cancels the images still on their way.
        """
        if not images:
            return
        from noticetui.images import ImageError, fetch_image, image_cache_dir, load_picture

        cache_dir = image_cache_dir(self.ctx.paths.database)

        async def one(image: Image) -> None:
            try:
                fetcher = await self.fetchers.get()
                path = await fetch_image(image.src, fetcher, cache_dir, referer=referer)
                picture = await asyncio.to_thread(load_picture, path)
            except ImageError as exc:
                self.post_message(ImageFailed(post_id, image.number, exc.detail))
            except Exception as exc:  # whatever breaks, the placeholder stays and says why
                self.post_message(ImageFailed(post_id, image.number, error_line(exc)))
            else:
                self.post_message(ImageLoaded(post_id, image.number, picture))

        await asyncio.gather(*(one(image) for image in images))
