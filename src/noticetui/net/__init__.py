"""Talking to the boards' servers: the polite fetcher, page decoding and download file names.

Import from the modules themselves (``noticetui.net.fetch``, ``noticetui.net.errors`` …).  The names below
are also reachable from the package, loaded on first use: importing ``noticetui.net.errors`` for its
error-line helpers must not pull in httpx, which the TUI's first frame does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from noticetui.net.charset import decode_html
    from noticetui.net.disposition import filename_from_headers, safe_filename
    from noticetui.net.errors import FetchError
    from noticetui.net.fetch import DEFAULT_USER_AGENT, Fetcher, Page

_HOMES = {
    "decode_html": "charset",
    "filename_from_headers": "disposition",
    "safe_filename": "disposition",
    "FetchError": "errors",
    "DEFAULT_USER_AGENT": "fetch",
    "Fetcher": "fetch",
    "Page": "fetch",
}

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchError",
    "Fetcher",
    "Page",
    "decode_html",
    "filename_from_headers",
    "safe_filename",
]


def __getattr__(name: str) -> Any:
    """Import a re-exported name the first time it is asked for (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"noticetui.net.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
