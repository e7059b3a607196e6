"""Which engine reads a board: the configured one, or the best detection for ``auto``."""

from __future__ import annotations

from collections.abc import Sequence

from noticetui.config import BoardConfig
from noticetui.engines import Detection, detect, get_engine
from noticetui.engines.base import Engine, parse_html
from noticetui.models import Request
from noticetui.net.fetch import Fetcher
from noticetui.sync.results import SyncError

DETECT_THRESHOLD = 0.5
"""The score an engine needs before ``auto`` trusts it."""

FALLBACK_ENGINE = "generic"
"""The engine ``auto`` falls back on when no engine reaches the threshold but this one found a list."""


def choose_engine(found: Sequence[Detection]) -> Detection | None:
    """The best detection when it reaches :data:`DETECT_THRESHOLD`, else the fallback engine's when it
    scored above zero (it found rows or a post), else None."""
    if found and found[0].score >= DETECT_THRESHOLD:
        return found[0]
    return next((d for d in found if d.engine.name == FALLBACK_ENGINE and d.score > 0), None)


async def resolve_engine(board: BoardConfig, fetcher: Fetcher) -> Engine:
    """The board's engine; ``auto`` boards are detected from their first list page."""
    if board.engine != "auto":
        try:
            return get_engine(board.engine)
        except KeyError as exc:
            raise SyncError(str(exc.args[0])) from exc
    page = await fetcher.fetch(Request(board.url))
    chosen = choose_engine(detect(page.url, parse_html(page.text)))
    if chosen is None:
        raise SyncError(f'{board.url}: no engine recognises this board; set engine = "…" in the config')
    return chosen.engine
