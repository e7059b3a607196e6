"""Downloading a post's attachments: fresh links, the session rules, safe names, honest verdicts.

Download links expire (gnuboard's nonce lives two hours) and are bound to the session that viewed the
post, so every download first fetches the post again in the current session and takes the links from
that page.  A file is judged by its bytes: an HTML alert page sent with status 200 in place of the file
is a failure and is never saved under the file's name.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from noticetui.context import AppContext
from noticetui.engines.base import Doc, alert_message, parse_html
from noticetui.models import Attachment
from noticetui.net.charset import decode_html
from noticetui.net.disposition import filename_from_headers, safe_filename
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.previews import sniff
from noticetui.sync import SyncError, board_for_post, fetch_post

CHUNK = 64 * 1024
HEAD = 4096


class DownloadError(Exception):
    """An attachment could not be downloaded; ``str()`` is one line."""

    def __init__(self, message: str, saved: list[SavedFile] | None = None) -> None:
        super().__init__(message)
        self.saved: list[SavedFile] = saved or []
        """The files of the same request that were saved before this one failed."""


@dataclass(frozen=True)
class DownloadProgress:
    """Bytes received so far for one file."""

    post_id: int
    index: int
    name: str
    received: int
    total: int | None


@dataclass(frozen=True)
class SavedFile:
    """A downloaded attachment."""

    index: int
    name: str
    path: Path
    size: int
    sha256: str
    kind: str
    """What the bytes are (``pdf``, ``hwp``, ``hwpx``, ``jpeg``, ``drm``…), judged by magic numbers."""


ProgressFn = Callable[[DownloadProgress], None]


async def download(
    ctx: AppContext,
    post_id: int,
    fetcher: Fetcher,
    *,
    indexes: list[int] | None = None,
    dest: Path | None = None,
    progress: ProgressFn | None = None,
) -> list[SavedFile]:
    """Download the attachments ``indexes`` (all when None) of a post into ``dest``; returns what was saved.

    Raises DownloadError on the first file that fails, after keeping the files already saved.
    """
    row = ctx.store.post(post_id)
    if row is None:
        raise DownloadError(f"no cached post with id {post_id}")
    board, engine = board_for_post(ctx, row)
    try:
        post = await fetch_post(fetcher, engine, board, row)
    except (FetchError, SyncError) as exc:
        raise DownloadError(f"cannot open the post to get fresh download links: {exc}") from exc
    ctx.store.save_post(row.id, post)
    if post.secret:
        raise DownloadError(f"post {post_id} is secret: its files need the password")
    files = post.attachments
    if indexes is not None:
        known = {a.index for a in files}
        missing = [i for i in indexes if i not in known]
        if missing:
            raise DownloadError(f"post {post_id} has no attachment {missing[0]} (it has {len(files)})")
        files = [a for a in files if a.index in indexes]
    if not files:
        raise DownloadError(f"post {post_id} has no attachments")
    target = dest or ctx.download_dir
    saved: list[SavedFile] = []
    for attachment in files:
        try:
            result = await fetch_file(
                fetcher, attachment, post_id, target, progress, referer=post.url, explain=engine.is_failure_page
            )
        except DownloadError as exc:
            raise DownloadError(str(exc), saved) from exc
        ctx.store.set_saved(post_id, attachment.index, result.path, result.sha256)
        saved.append(result)
    return saved


async def fetch_file(
    fetcher: Fetcher,
    attachment: Attachment,
    post_id: int,
    dest: Path,
    progress: ProgressFn | None,
    referer: str,
    explain: Callable[[Doc], str | None] = alert_message,
) -> SavedFile:
    """Stream one attachment to a temporary file in ``dest``, check its bytes, then give it its name."""
    if attachment.request is None:
        raise DownloadError(f"{attachment.name}: the page gives no download link")
    # The post was just viewed in this session: priming it again is not needed.
    request = replace(attachment.request.with_referer(attachment.request.referer or referer), prime=None)
    dest.mkdir(parents=True, exist_ok=True)
    part = dest / f".noticetui-{post_id}-{attachment.index}.part"
    digest = hashlib.sha256()
    head = b""
    received = 0
    try:
        async with fetcher.stream(request) as response:
            total = _content_length(response)
            name = _choose_name(filename_from_headers(response.headers, str(response.url)), attachment.name)
            with part.open("wb") as out:
                async for chunk in response.aiter_bytes(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    if len(head) < HEAD:
                        head += chunk[: HEAD - len(head)]
                    received += len(chunk)
                    if progress:
                        progress(DownloadProgress(post_id, attachment.index, name, received, total))
        if total is not None and received != total:
            raise DownloadError(f"{name}: the connection ended after {received} of {total} bytes")
        kind = sniff(head, name)
        _refuse_non_files(kind, name, part, explain)
        path = _final_path(dest, safe_filename(name), digest.hexdigest())
        os.replace(part, path)
    except FetchError as exc:
        raise DownloadError(f"{attachment.name}: {exc}") from exc
    except httpx.HTTPError as exc:
        raise DownloadError(f"{attachment.name}: transfer failed ({type(exc).__name__}: {exc})") from exc
    finally:
        part.unlink(missing_ok=True)
    return SavedFile(attachment.index, path.name, path, received, digest.hexdigest(), kind)


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() and "content-encoding" not in response.headers else None


def _choose_name(from_headers: str | None, from_page: str) -> str:
    """The server's name unless it is garbled (replacement characters), else the page's."""
    if from_headers and "\ufffd" not in from_headers:
        return from_headers
    return from_page or from_headers or "download"


def _refuse_non_files(kind: str, name: str, part: Path, explain: Callable[[Doc], str | None]) -> None:
    if kind == "empty":
        raise DownloadError(f"{name}: the server sent an empty file")
    if kind == "html" and not name.lower().endswith((".html", ".htm")):
        # The engine knows its site's error pages ("잘못된 접근입니다.", eGov's "Not supported browser"…).
        text, _ = decode_html(part.read_bytes()[:200_000], None)
        message = explain(parse_html(text)) or "an HTML page instead of the file"
        raise DownloadError(f"{name}: the server refused the file: {message}")


def _final_path(dest: Path, name: str, sha256: str) -> Path:
    """``dest/name``, or ``name (2)``… when a different file already has that name (same bytes: reuse)."""
    candidate = dest / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 1
    while candidate.exists():
        if hashlib.sha256(candidate.read_bytes()).hexdigest() == sha256:
            return candidate
        n += 1
        candidate = dest / f"{stem} ({n}){suffix}"
    return candidate
