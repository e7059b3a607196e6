"""``show POST --attachment N``: an attachment's text, downloading it first when needed."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from noticetui.cli.format import error
from noticetui.cli.parser import UsageError
from noticetui.context import AppContext, make_fetcher
from noticetui.downloads import DownloadError, download, no_attachment_message
from noticetui.i18n import _
from noticetui.previews import PreviewError, preview_file
from noticetui.store import PostRow
from noticetui.sync import SyncError


def show_attachment(ctx: AppContext, row: PostRow, index: int) -> int:
    """Print attachment ``index`` of ``row`` as text; 1 with a clear message when it cannot be read."""
    files = {f.index: f for f in ctx.store.attachments([row.id])[row.id]}
    if index not in files:
        raise UsageError(no_attachment_message(row.id, index, len(files)))
    saved = files[index].saved_path
    path = Path(saved) if saved else None
    if path is None or not path.exists():

        async def fetch() -> Path:
            async with make_fetcher(ctx) as fetcher:
                return (await download(ctx, row.id, fetcher, indexes=[index]))[0].path

        try:
            path = asyncio.run(fetch())
        except (DownloadError, SyncError) as exc:
            error(str(exc))
            return 1
    try:
        preview = preview_file(path)
    except PreviewError as exc:
        error(f"{path.name}: {exc}")
        return 1
    sys.stdout.write(f"{path.name} ({preview.kind})\n\n{preview.text.rstrip()}\n")
    if preview.truncated:
        sys.stdout.write("\n[" + _("… preview truncated") + "]\n")
    return 0
