"""Talking to the boards' servers: the polite fetcher, page decoding and download file names."""

from noticetui.net.charset import decode_html
from noticetui.net.disposition import filename_from_headers, safe_filename
from noticetui.net.errors import FetchError
from noticetui.net.fetch import DEFAULT_USER_AGENT, Fetcher, Page

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchError",
    "Fetcher",
    "Page",
    "decode_html",
    "filename_from_headers",
    "safe_filename",
]
