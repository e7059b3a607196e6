"""The SQLite cache (see :mod:`noticetui.store.db`)."""

from noticetui.store.db import Store, StoreError, UpsertResult
from noticetui.store.listing import SORT_KEYS, ListQuery
from noticetui.store.operators import QueryError
from noticetui.store.records import AttachmentRow, BoardRow, PostRow

__all__ = [
    "SORT_KEYS",
    "AttachmentRow",
    "BoardRow",
    "ListQuery",
    "PostRow",
    "QueryError",
    "Store",
    "StoreError",
    "UpsertResult",
]
