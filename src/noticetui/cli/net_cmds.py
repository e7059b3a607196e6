"""``download``: fetching a post's attachments (``sync`` lives in :mod:`noticetui.cli.sync_cmd`)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from noticetui.cli.format import error
from noticetui.cli.parser import UsageError
from noticetui.context import AppContext, make_fetcher
from noticetui.downloads import DownloadError, DownloadProgress, SavedFile, download, no_attachment_message
from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.sizes import human_size
from noticetui.sync import SyncError


def cmd_download(args: argparse.Namespace, ctx: AppContext) -> int:
    """Download a post's attachments and print each saved path."""
    row = ctx.store.find_post(args.post)
    if row is None:
        raise UsageError(_("no cached post {post!r} (ids come from noticetui list)").format(post=args.post))
    known = {f.index for f in ctx.store.attachments([row.id])[row.id]}
    # A number the cached post does not have is bad usage (as for show --attachment); a post whose body is
    # not cached yet has no list to check against, and download reads it from the site.
    if known and args.index and (missing := [i for i in args.index if i not in known]):
        raise UsageError(no_attachment_message(row.id, missing[0], len(known)))
    shown: set[int] = set()

    def progress(p: DownloadProgress) -> None:
        if sys.stderr.isatty():
            total = f"/{human_size(p.total)}" if p.total else ""
            sys.stderr.write(f"\r{sanitize_line(p.name)}: {human_size(p.received)}{total}   ")
            shown.add(p.index)

    async def run() -> list[SavedFile]:
        async with make_fetcher(ctx) as fetcher:
            return await download(ctx, row.id, fetcher, indexes=args.index, dest=args.to, progress=progress)

    try:
        saved = asyncio.run(run())
    except (DownloadError, SyncError) as exc:
        if shown:
            sys.stderr.write("\n")
        for f in getattr(exc, "saved", []):
            print(f.path)
        error(str(exc))
        return 1
    if shown:
        sys.stderr.write("\n")
    for f in saved:
        note = "  " + _("(DRM-protected: needs the publisher's viewer)") if f.kind == "drm" else ""
        print(f"{f.path}{note}")
    return 0
