"""What the TUI's workers and widgets announce: past-tense messages, each a small dataclass.

Workers never touch widgets; they post one of these and a handler on the screen updates what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    # Only for annotations: importing downloads (and through it the PDF reader) would slow the start.
    from PIL.Image import Image as Picture

    from noticetui.downloads import DownloadProgress, SavedFile
    from noticetui.previews import Preview
    from noticetui.render import Image
    from noticetui.store import AttachmentRow, ListQuery, PostRow
    from noticetui.sync import BoardSyncResult, SyncProgress
    from noticetui.tui.resolved import Resolved
    from noticetui.tui.sources import ListedPosts


@dataclass
class SyncStarted(Message):
    """A sync of ``boards`` boards began (the boards called ``names``)."""

    boards: int
    names: tuple[str, ...] = ()


@dataclass
class SyncProgressed(Message):
    """A board's sync moved on a step."""

    progress: SyncProgress

    def can_replace(self, message: Message) -> bool:
        """Only the latest step of a board matters: older ones still queued are dropped."""
        return isinstance(message, SyncProgressed) and message.progress.board == self.progress.board


@dataclass
class BoardSynced(Message):
    """A board synced without a problem."""

    result: BoardSyncResult


@dataclass
class SyncFailed(Message):
    """A board's sync failed (or half-failed); ``offline`` when its site could not be reached at all."""

    board: str
    error: str
    offline: bool
    result: BoardSyncResult | None = None


@dataclass
class SyncFinished(Message):
    """Every board of the sync has reported."""


@dataclass
class WorkSettled(Message):
    """The last sync or download in flight ended: quitting no longer cuts anything off."""


@dataclass
class SyncBlocked(Message):
    """A sync did not start: another process (a CLI ``sync``) holds the cache's sync lock."""

    reason: str
    """One line: ``another sync is running (pid N)``."""


@dataclass
class SearchFinished(Message):
    """The rows matching ``query``, newest first."""

    query: str
    rows: list[PostRow]


@dataclass
class SearchRejected(Message):
    """``query`` cannot be understood (a bad operator value): ``error`` says why, in one line."""

    query: str
    error: str


@dataclass
class ListResolved(Message):
    """The ids of the slow list ``source`` (request ``token``), read off the UI loop; ``keep``: the post
    the cursor stays on (None: from the top), ``empty``: what the list says when it has no rows (when
    ``resolved`` is None: why the list could not be read)."""

    token: int
    source: ListedPosts
    resolved: Resolved | None
    keep: int | None
    empty: str


@dataclass
class UnreadFound(Message):
    """``n``/``p`` through the list of ``query`` (None: ★ Starred): the unread post found (None: there is
    none) and its row index in the list as it is now."""

    query: ListQuery | None
    post_id: int | None
    index: int | None


@dataclass
class PostOpened(Message):
    """A post's body is at hand (from the cache or just fetched) and can be shown."""

    post: PostRow
    attachments: list[AttachmentRow]


@dataclass
class PostFailed(Message):
    """A post's body could not be fetched."""

    post_id: int
    error: str


@dataclass
class DownloadProgressed(Message):
    """More bytes of an attachment arrived for queue entry ``job`` (``progress`` None: the entry started)."""

    progress: DownloadProgress | None
    job: int = 0

    def can_replace(self, message: Message) -> bool:
        """A newer count for the same file makes an older, still queued one useless."""
        if not isinstance(message, DownloadProgressed) or message.job != self.job:
            return False
        old, new = message.progress, self.progress
        return old is not None and new is not None and old.index == new.index


@dataclass
class DownloadFinished(Message):
    """A post's attachments were saved (queue entry ``job``)."""

    post_id: int
    saved: list[SavedFile]
    job: int = 0


@dataclass
class DownloadFailed(Message):
    """Downloading a post's attachments stopped with an error (files saved before it stay saved)."""

    post_id: int
    error: str
    job: int = 0
    saved: list[SavedFile] = field(default_factory=list)


@dataclass
class AttachmentChosen(Message):
    """The user picked an attachment (clicked it) to preview."""

    post_id: int
    index: int


@dataclass
class PreviewLoaded(Message):
    """An attachment's text is ready to show."""

    index: int
    preview: Preview


@dataclass
class PreviewFailed(Message):
    """An attachment could not be downloaded or read as text."""

    index: int
    error: str


@dataclass
class ImagesWanted(Message):
    """The detail pane has room for these images of a post (none: it wants no more images)."""

    post_id: int
    images: list[Image]
    referer: str | None
    """The post's address, sent as Referer (sites refuse hot-linked images)."""


@dataclass
class ImageLoaded(Message):
    """An inline image was fetched (or found in the cache) and decoded."""

    post_id: int
    number: int
    picture: Picture


@dataclass
class ImageFailed(Message):
    """An inline image could not be fetched or decoded; ``error`` is one line."""

    post_id: int
    number: int
    error: str
