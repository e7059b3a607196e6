"""Attachment previews: the text of downloaded PDF, HWP, HWPX and text files, and what a file really is.

``sniff(head, name)`` names a file's real kind from its first bytes (the downloader uses it to refuse an
HTML error page saved as ``.pdf``); ``preview_file(path)`` returns its text as a :class:`Preview`, or
raises :class:`PreviewError` with one line a user can read.  Nothing here imports Textual.
"""

from noticetui.previews.common import Preview, PreviewError
from noticetui.previews.preview import preview_file
from noticetui.previews.sniff import sniff

__all__ = ["Preview", "PreviewError", "preview_file", "sniff"]
