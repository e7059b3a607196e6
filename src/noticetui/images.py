"""The images of post bodies, fetched once and kept on disk for the TUI to show inline.

:func:`fetch_image` downloads an image through the run's fetcher (same session and Referer as the post,
which is what hot-link protection checks), makes sure that what came back really is an image, and keeps
it under the cache directory named by the SHA-256 of its address; a later call finds it there without the
network.  ``data:`` images are decoded locally.  Every failure is an :class:`ImageError` with one line a
person can read.

Nothing here imports Textual, and Pillow is imported only by :func:`load_picture`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes, urlsplit

from noticetui.models import Request
from noticetui.previews.sniff import sniff

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

    from noticetui.net.fetch import Fetcher

MAX_BYTES = 5_000_000
"""The largest image fetched or decoded (a post's photo is rarely over 1 MB; a scan may be 3 MB)."""
MAX_PIXELS = 40_000_000
"""Images with more pixels are not decoded: a small file can hold a huge, memory-eating picture."""
MAX_SIDE = 1600
"""Pictures are scaled down to this many pixels at most per side: wider than a full-screen terminal
needs even with real pixels, and the widget scales the picture again at every repaint."""

EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "gif": ".gif", "webp": ".webp", "bmp": ".bmp"}
"""The image kinds :func:`noticetui.previews.sniff` knows, and the extension each is cached with."""

_SNIFF_AT = 64
"""Bytes enough to tell an image from an HTML error page, so the latter is not downloaded whole."""


class ImageError(Exception):
    """An image that cannot be shown; ``detail`` says why in one line, ``str()`` adds where it came from."""

    def __init__(self, src: str, detail: str) -> None:
        from noticetui.net.errors import one_line  # httpx stays off the TUI's first-frame path

        self.src = src
        self.detail = one_line(detail)
        where = "embedded image" if src.startswith("data:") else one_line(src)[:200]
        super().__init__(f"{where}: {self.detail}")


def image_cache_dir(database: Path) -> Path:
    """Where fetched images are kept: ``images`` next to the cache database."""
    return database.parent / "images"


def cache_key(src: str) -> str:
    """The file name stem of ``src``'s image in the cache: the SHA-256 of the address."""
    return hashlib.sha256(src.encode("utf-8", "surrogatepass")).hexdigest()


def cached_image(src: str, cache_dir: Path) -> Path | None:
    """The cached file of ``src``, if it was fetched before."""
    stem = cache_key(src)
    for extension in EXTENSIONS.values():
        path = cache_dir / f"{stem}{extension}"
        if path.is_file():
            return path
    return None


async def fetch_image(
    src: str, fetcher: Fetcher, cache_dir: Path, *, referer: str | None, max_bytes: int = MAX_BYTES
) -> Path:
    """The path of ``src``'s image in ``cache_dir``, downloading it first unless it is there already.

    ``referer`` is the post's address (sites refuse images asked for without it).  Raises
    :class:`ImageError` for an address that is not http(s) or ``data:``, a failed request, a response
    over ``max_bytes``, or anything that is not a JPEG, PNG, GIF, WebP or BMP image.
    """
    cached = cached_image(src, cache_dir)
    if cached is not None:
        return cached
    scheme = urlsplit(src).scheme.lower()
    if scheme == "data":
        data = decode_data_uri(src, max_bytes)
    elif scheme in ("http", "https"):
        data = await _download(src, fetcher, referer, max_bytes)
    elif not src:
        raise ImageError(src, "the image has no address")
    else:
        raise ImageError(src, f"cannot fetch a {scheme or 'relative'} address")
    kind = _image_kind(src, data)
    path = cache_dir / f"{cache_key(src)}{EXTENSIONS[kind]}"
    await asyncio.to_thread(_store, src, path, data)
    return path


async def _download(src: str, fetcher: Fetcher, referer: str | None, max_bytes: int) -> bytes:
    from noticetui.net.body import BodyLimits
    from noticetui.net.fetch import FetchError

    try:
        async with fetcher.stream(Request(src, referer=referer)) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(src, max_bytes)
            data = bytearray()
            checked = False
            # Pieces decoded in bounded steps and counted against max_bytes: a gzip bomb stops at the limit.
            async for chunk in fetcher.body(src, response, BodyLimits(max_bytes)):
                data += chunk
                if len(data) > max_bytes:
                    raise _too_large(src, max_bytes)
                if not checked and len(data) >= _SNIFF_AT:
                    _image_kind(src, bytes(data))  # an error page is refused before the rest arrives
                    checked = True
            return bytes(data)
    except FetchError as exc:
        if exc.kind == "too-large":
            raise _too_large(src, max_bytes) from exc
        raise ImageError(src, exc.detail) from exc


def _too_large(src: str, max_bytes: int) -> ImageError:
    return ImageError(src, f"image larger than the {max_bytes:,}-byte limit")


def _image_kind(src: str, data: bytes) -> str:
    kind = sniff(data[:65536])
    if kind in EXTENSIONS:
        return kind
    if kind == "html":
        raise ImageError(src, "not an image: the site answered with a web page (an error or login page?)")
    if kind == "empty":
        raise ImageError(src, "not an image: the site sent nothing")
    raise ImageError(src, f"not an image (the data looks like {kind})")


def decode_data_uri(uri: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a ``data:`` URI (base64 or percent-encoded); too large ones are refused undecoded."""
    header, comma, payload = uri.partition(",")
    if not comma or not header.lower().startswith("data:"):
        raise ImageError(uri, "broken embedded image (no data)")
    if header.lower().endswith(";base64"):
        payload = "".join(payload.split())
        if len(payload) // 4 * 3 > max_bytes:
            raise _too_large(uri, max_bytes)
        try:
            # Editors sometimes drop the padding; add it back rather than refuse the image.
            return base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ImageError(uri, "broken embedded image (bad base64)") from exc
    if len(payload) > 3 * max_bytes:
        raise _too_large(uri, max_bytes)
    data = unquote_to_bytes(payload)
    if len(data) > max_bytes:
        raise _too_large(uri, max_bytes)
    return data


def _store(src: str, path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a reader never sees half an image)."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ImageError(src, f"cannot keep the image in {path.parent}: {exc.strerror or exc}") from exc


def load_picture(path: Path, *, max_side: int = MAX_SIDE, max_pixels: int = MAX_PIXELS) -> Picture:
    """The picture in ``path`` decoded and scaled down to at most ``max_side`` pixels a side.

    Slow for a big photo: call it in a thread.  Raises :class:`ImageError` when Pillow is missing, the
    file does not decode, or it holds more than ``max_pixels`` pixels.
    """
    try:
        from PIL import Image as PILImage
    except ImportError as exc:
        raise ImageError(str(path), "Pillow is not installed") from exc
    try:
        with PILImage.open(path) as picture:
            width, height = picture.size
            if width * height > max_pixels:
                raise ImageError(str(path), f"too large to show ({width}×{height} pixels)")
            # thumbnail() decodes a JPEG at a reduced scale already, and keeps the aspect ratio.
            picture.thumbnail((max_side, max_side))
            picture.load()  # a picture already small enough is still undecoded, and the file closes next
            return picture
    except ImageError:
        raise
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError… for a broken file
        raise ImageError(str(path), f"cannot decode the image ({type(exc).__name__})") from exc


def row_cap(width: int) -> int:
    """How many rows an image may take in a body ``width`` cells wide: 12 at 80 columns, 4 to 24."""
    return max(4, min(24, width * 12 // 80))


def fit_cells(
    pixels: tuple[int, int],
    cell: tuple[int, int],
    max_cols: int,
    max_rows: int,
) -> tuple[int, int]:
    """Columns and rows that show a picture of ``pixels`` (width, height) with its aspect ratio, no larger
    than ``max_cols`` × ``max_rows`` and never enlarged past its own size; ``cell`` is a cell's pixels."""
    width, height = (max(v, 1) for v in pixels)
    cell_width, cell_height = (max(v, 1) for v in cell)
    # The picture's shape in cells: a cell is about twice as tall as it is wide.
    aspect = (width / cell_width) / (height / cell_height)
    cols = min(max(max_cols, 1), math.ceil(width / cell_width))
    rows = cols / aspect
    if rows > max_rows:
        rows = max(max_rows, 1)
        cols = min(cols, round(rows * aspect))
    return max(cols, 1), max(round(rows), 1)
