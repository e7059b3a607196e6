"""The SQLite cache (see :mod:`noticetui.store.db`)."""

from noticetui.store.db import Store, StoreError, UpsertResult
from noticetui.store.records import AttachmentRow, BoardRow, PostRow

__all__ = ["AttachmentRow", "BoardRow", "PostRow", "Store", "StoreError", "UpsertResult"]
