"""Downloading a post's attachments: fresh links, the session rules, safe names, honest verdicts.

Download links expire (gnuboard's nonce lives two hours) and are bound to the session that viewed the
post, so every download first fetches the post again in the current session and takes the links from
that page.  A file is judged by its bytes: an HTML alert page sent with status 200 in place of the file
is a failure and is never saved under the file's name.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from dataclasses import replace as dataclass_replace
from pathlib import Path

import httpx

from noticetui.context import AppContext
from noticetui.download_parts import (
    FolderError,
    PartInfo,
    clean_stale_parts,
    describe_os_error,
    drop_part,
    hash_part,
    load_info,
    part_path,
    prepare_folder,
    save_info,
)
from noticetui.engines.base import Doc, alert_message, parse_html
from noticetui.free_names import numbered
from noticetui.i18n import _
from noticetui.models import Attachment, Request
from noticetui.net.charset import decode_html
from noticetui.net.disposition import filename_from_headers, is_clean_name, safe_filename
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
        raise DownloadError(_("no cached post with id {post}").format(post=post_id))
    target = dest or ctx.download_dir
    try:
        # Before any request: a wrong --to is the user's to fix, not the site's.
        prepare_folder(target)
    except FolderError as exc:
        raise DownloadError(str(exc)) from exc
    clean_stale_parts(target)
    board, engine = board_for_post(ctx, row)
    try:
        post = await fetch_post(fetcher, engine, board, row)
    except (FetchError, SyncError) as exc:
        raise DownloadError(_("cannot open the post to get fresh download links: {reason}").format(reason=exc)) from exc
    ctx.store.save_post(row.id, post)
    if post.secret:
        raise DownloadError(_("post {post} is secret: its files need the password").format(post=post_id))
    files = _chosen(post.attachments, indexes, post_id)
    saved: list[SavedFile] = []
    for attachment in files:
        try:
            result = await fetch_file(
                fetcher, attachment, post_id, target, progress, referer=post.url, explain=engine.is_failure_page
            )
        except DownloadError as exc:
            raise DownloadError(str(exc), saved) from exc
        except OSError as exc:
            raise DownloadError(describe_os_error(target, exc), saved) from exc
        ctx.store.set_saved(post_id, attachment.index, result.path, result.sha256)
        saved.append(result)
    return saved


def no_attachment_message(post_id: int, index: int, count: int) -> str:
    """The line for an attachment number a post does not have, saying which numbers it has (they start at 0)."""
    if count == 0:
        return _("post {post} has no attachments").format(post=post_id)
    if count == 1:
        return _("post {post} has no attachment {index} (its only attachment is 0)").format(post=post_id, index=index)
    return _("post {post} has no attachment {index} (its attachments are numbered 0 to {last})").format(
        post=post_id, index=index, last=count - 1
    )


def _chosen(files: list[Attachment], indexes: list[int] | None, post_id: int) -> list[Attachment]:
    """The attachments ``indexes`` asks for (all when None); DownloadError when one is not there or none is."""
    if indexes is not None:
        known = {a.index for a in files}
        missing = [i for i in indexes if i not in known]
        if missing:
            raise DownloadError(no_attachment_message(post_id, missing[0], len(files)))
        files = [a for a in files if a.index in indexes]
    if not files:
        raise DownloadError(_("post {post} has no attachments").format(post=post_id))
    return files


async def fetch_file(
    fetcher: Fetcher,
    attachment: Attachment,
    post_id: int,
    dest: Path,
    progress: ProgressFn | None,
    referer: str,
    explain: Callable[[Doc], str | None] = alert_message,
    slots: asyncio.Semaphore | None = None,
) -> SavedFile:
    """Stream one attachment to its ``.part`` file in ``dest``, check its bytes, then give it its name.

    A ``.part`` left by an earlier run is continued with ``Range`` when the server answers 206, and
    restarted when it answers 200.  ``slots`` bounds how many downloads run at once (see
    :func:`download_slots`).  Raises DownloadError with one line; an over-limit, empty or refused file
    leaves nothing behind, an interrupted one keeps its ``.part`` for the next try.
    """
    if attachment.request is None:
        raise DownloadError(_("{name}: the page gives no download link").format(name=attachment.name))
    # The post was just viewed in this session: priming it again is not needed.
    request = replace(attachment.request.with_referer(attachment.request.referer or referer), prime=None)
    try:
        prepare_folder(dest)
    except FolderError as exc:
        raise DownloadError(str(exc)) from exc
    part = part_path(dest, post_id, attachment.index)
    async with slots or contextlib.nullcontext():
        try:
            attempt = functools.partial(_transfer_once, fetcher, request, attachment, post_id, part, progress, explain)
            return await _transfer(attempt, part)
        except _Discard as exc:
            drop_part(part)
            raise DownloadError(str(exc)) from exc
        except FetchError as exc:
            if exc.kind == "too-large":
                drop_part(part)
                raise DownloadError(
                    _("{name}: refused: {reason} (settings.file_limit)").format(name=attachment.name, reason=exc.detail)
                ) from exc
            raise DownloadError(f"{attachment.name}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise DownloadError(
                _("{name}: transfer failed ({reason})").format(
                    name=attachment.name, reason=f"{type(exc).__name__}: {exc}"
                )
            ) from exc
        except OSError as exc:
            raise DownloadError(describe_os_error(Path(exc.filename or part), exc)) from exc


class _Discard(Exception):
    """The bytes received are not the file (or not wanted): remove the ``.part``, report one line."""


def _resume_offset(part: Path) -> int:
    try:
        return part.stat().st_size
    except OSError:
        return 0


def _range_start(response: httpx.Response) -> tuple[int, int | None] | None:
    """``(start, total)`` of a 206 answer's ``Content-Range: bytes start-end/total``, else None."""
    match = re.fullmatch(r"\s*bytes\s+(\d+)-\d+/(\d+|\*)\s*", response.headers.get("content-range", ""))
    if match is None:
        return None
    total = match.group(2)
    return int(match.group(1)), (int(total) if total.isdigit() else None)


class _Restart(Exception):
    """The rest the server offers does not fit the ``.part``: drop it and ask for the whole file."""


def _validator(response: httpx.Response) -> str | None:
    etag = str(response.headers.get("etag", ""))
    if etag and not etag.startswith("W/"):
        return etag
    return str(response.headers.get("last-modified", "")) or None


async def _transfer(attempt: Callable[[], Awaitable[SavedFile]], part: Path) -> SavedFile:
    """Run ``attempt``, and once more from the first byte when the ``.part`` it continued does not fit."""
    try:
        return await attempt()
    except _Restart:
        drop_part(part)
        return await attempt()


def _resume_headers(request: Request, offset: int, info: PartInfo | None) -> tuple[tuple[str, str], ...]:
    """The request's headers, asking for the rest of a ``.part`` (``Range``, ``If-Range``) when one is kept."""
    # Ranges count stored bytes: ask for the file as it is, not gzipped on the fly.
    headers = (*request.headers, ("Accept-Encoding", "identity"))
    if not offset or info is None:
        return headers
    headers = (*headers, ("Range", f"bytes={offset}-"))
    return (*headers, ("If-Range", info.validator)) if info.validator else headers


@dataclass
class _Received:
    """What one transfer holds of the file: the hash and first bytes of it so far, its size, the size due."""

    digest: hashlib._Hash
    head: bytes
    size: int
    total: int | None

    def add(self, chunk: bytes) -> None:
        """Count one more chunk written to the ``.part``."""
        self.digest.update(chunk)
        if len(self.head) < HEAD:
            self.head += chunk[: HEAD - len(self.head)]
        self.size += len(chunk)


def _resumed(response: httpx.Response, part: Path, info: PartInfo | None, offset: int) -> _Received | None:
    """The ``.part`` as it stands when the server sends its rest (206 from ``offset``); None when the server
    sends the whole file.  Raises _Restart when the rest offered does not fit the ``.part``."""
    resumed = _range_start(response) if info is not None and response.status_code == 206 else None
    if resumed is None or info is None:
        return None
    start, size = resumed
    encoded = response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity")
    # A different size means the file changed since the .part began (no validator to say so).
    changed = info.total is not None and size is not None and size != info.total
    if start != offset or encoded or changed:
        raise _Restart
    digest, head, received = hash_part(part)
    return _Received(digest, head, received, size)


def _opened(response: httpx.Response, part: Path, info: PartInfo | None, offset: int) -> tuple[_Received, str]:
    """Where the transfer starts and the mode to open the ``.part`` in: appending to it, or afresh."""
    resumed = _resumed(response, part, info, offset)
    if resumed is not None:
        return resumed, "ab"
    # No trusted .part, or the server sent the whole file (200): start from the first byte.
    total = _content_length(response)
    save_info(part, PartInfo(total, _validator(response)))
    return _Received(hashlib.sha256(), b"", 0, total), "wb"


def _finished(
    part: Path, attachment: Attachment, name: str, got: _Received, explain: Callable[[Doc], str | None]
) -> SavedFile:
    """The complete ``.part`` checked and moved to its name; an incomplete one kept for the next try."""
    if got.total is not None and got.size != got.total:
        # Keep the .part: the next try continues from here.
        raise DownloadError(
            f"{name}: the connection ended after {got.size:,} of {got.total:,} bytes; run again to resume"
        )
    kind = sniff(got.head, name)
    _refuse_non_files(kind, name, part, explain)
    sha256 = got.digest.hexdigest()
    path = _final_path(part.parent, safe_filename(name), sha256)
    os.replace(part, path)
    drop_part(part)
    return SavedFile(attachment.index, path.name, path, got.size, sha256, kind)


async def _transfer_once(
    fetcher: Fetcher,
    request: Request,
    attachment: Attachment,
    post_id: int,
    part: Path,
    progress: ProgressFn | None,
    explain: Callable[[Doc], str | None],
) -> SavedFile:
    offset = _resume_offset(part)
    info = load_info(part) if offset else None
    async with fetcher.stream(replace(request, headers=_resume_headers(request, offset, info))) as response:
        got, mode = _opened(response, part, info, offset)
        listed = filename_from_headers(response.headers, str(response.url), attachment.name)
        name = _choose_name(listed, attachment.name)
        limits = fetcher.file_limits
        limits = dataclass_replace(limits, max_bytes=max(limits.max_bytes - got.size, 0))
        # Unbuffered: what was received is on disk even if the process is killed, ready to be resumed.
        with part.open(mode, buffering=0) as out:
            async for chunk in fetcher.body(request.url, response, limits):
                out.write(chunk)
                got.add(chunk)
                if progress:
                    progress(DownloadProgress(post_id, attachment.index, name, got.size, got.total))
    return _finished(part, attachment, name, got, explain)


def download_slots(ctx: AppContext) -> asyncio.Semaphore:
    """A limit on simultaneous downloads, from ``settings.downloads_parallel`` (share one per run)."""
    return asyncio.Semaphore(max(ctx.config.settings.downloads_parallel, 1))


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() and "content-encoding" not in response.headers else None


def _choose_name(from_headers: str | None, from_page: str) -> str:
    """The server's name unless it is not clean text (garbled bytes, controls), else the page's."""
    if from_headers and is_clean_name(from_headers):
        return from_headers
    return from_page or from_headers or "download"


def _refuse_non_files(kind: str, name: str, part: Path, explain: Callable[[Doc], str | None]) -> None:
    if kind == "empty":
        raise _Discard(f"{name}: the server sent an empty file")
    if kind == "html" and not name.lower().endswith((".html", ".htm")):
        # The engine knows its site's error pages ("잘못된 접근입니다.", eGov's "Not supported browser"…).
        with part.open("rb") as f:
            text, _ = decode_html(f.read(200_000), None)
        message = explain(parse_html(text)) or "an HTML page instead of the file"
        raise _Discard(f"{name}: the server refused the file: {message}")


def _final_path(dest: Path, name: str, sha256: str) -> Path:
    """``dest/name``, or ``name (2)``… when a different file already has that name (same bytes: reuse)."""
    return next(path for path in numbered(dest / name) if not path.exists() or _has_digest(path, sha256))


def _has_digest(path: Path, sha256: str) -> bool:
    """Whether the file at ``path`` holds the bytes whose SHA-256 is ``sha256``."""
    # Hashed in chunks: a same-named file may be hundreds of megabytes.
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest() == sha256
