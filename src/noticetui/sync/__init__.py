"""Syncing boards into the cache (list pages, then the bodies each board is owed).

The pieces: :mod:`.results` (progress and results), :mod:`.engines` (which engine reads a board),
:mod:`.listing` (list pages and when to stop), :mod:`.bodies` (post pages), :mod:`.board` (a board's
whole sync), :mod:`.lock` (one sync at a time per cache).
"""

from noticetui.sync.board import sync_all, sync_board
from noticetui.sync.bodies import board_for_post, ensure_body, fetch_bodies, fetch_post
from noticetui.sync.engines import DETECT_THRESHOLD, FALLBACK_ENGINE, choose_engine, resolve_engine
from noticetui.sync.listing import StopRule, anchor_known, merge_stubs, read_list, read_page
from noticetui.sync.lock import SyncBusy, SyncLock, lock_path
from noticetui.sync.results import UNREACHABLE, BoardSyncResult, Progress, SyncError, SyncProgress, board_now

__all__ = [
    "DETECT_THRESHOLD",
    "FALLBACK_ENGINE",
    "UNREACHABLE",
    "BoardSyncResult",
    "Progress",
    "StopRule",
    "SyncBusy",
    "SyncError",
    "SyncLock",
    "SyncProgress",
    "anchor_known",
    "board_for_post",
    "board_now",
    "choose_engine",
    "ensure_body",
    "fetch_bodies",
    "fetch_post",
    "lock_path",
    "merge_stubs",
    "read_list",
    "read_page",
    "resolve_engine",
    "sync_all",
    "sync_board",
]
