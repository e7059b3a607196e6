"""Inline images: fetched once through the session, checked to be images, cached by address; cell sizes."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest

from noticetui.context import AppContext
from noticetui.demo import assets
from noticetui.demo.server import DemoServer
from noticetui.images import (
    ImageError,
    cached_image,
    decode_data_uri,
    fetch_image,
    fit_cells,
    image_cache_dir,
    load_picture,
    row_cap,
)
from noticetui.net.fetch import Fetcher
from noticetui.render import render_html
from noticetui.sync import sync_board

PHOTO = assets.asset(assets.PHOTO_JPG)
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SRC = "http://img.test/data/editor/2503/photo_1.jpg"
POST = "http://img.test/bbs/board.php?bo_table=notice&wr_id=1"

Handler = Callable[[httpx.Request], httpx.Response]


def mock_fetcher(handler: Handler) -> Fetcher:
    """A fetcher over ``handler``: no retries, no pacing."""
    return Fetcher(transport=httpx.MockTransport(handler), retries=0, delay=0.0)


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    """The sample boards on a loopback port."""
    with DemoServer() as server:
        yield server


async def demo_images(demo: DemoServer, fetcher: Fetcher, home: Path) -> list[tuple[str, str]]:
    """(post URL, image URL) of every image in the gnuboard5 demo board's first page, as a sync sees them."""
    board = next(b for b in demo.boards() if b.engine == "gnuboard")
    home.mkdir()
    config = f'[[boards]]\nname = "{board.name}"\nurl = "{board.url}"\nengine = "gnuboard"\npages = 1\n'
    (home / "config.toml").write_text(config, encoding="utf-8")
    ctx = AppContext.for_home(home)
    try:
        result = await sync_board(ctx, ctx.config.boards[0], fetcher)
        found: list[tuple[str, str]] = []
        for post_id in result.new_ids:
            row = ctx.store.post(post_id)
            if row is not None and row.body_html:
                found += [(row.url, image.src) for image in render_html(row.body_html, row.url).images]
        return found
    finally:
        ctx.close()


async def test_demo_body_images_are_fetched_with_the_session_and_cached_by_address(
    demo: DemoServer, tmp_path: Path
) -> None:
    async with Fetcher(delay=0.0, per_host=4) as fetcher:
        found = await demo_images(demo, fetcher, tmp_path / "home")
        cache = tmp_path / "images"
        editor = next(src for _post, src in found if "/data/editor/" in src)
        attached = next(src for _post, src in found if "/data/file/" in src)  # gnuboard5's #bo_v_img
        for src in (editor, attached):
            post = next(p for p, s in found if s == src)
            path = await fetch_image(src, fetcher, cache, referer=post)
            assert path == cache / f"{hashlib.sha256(src.encode()).hexdigest()}.jpg"
            assert path.read_bytes() in (assets.asset(name) for name in assets.IMAGES)


async def test_a_cached_image_is_returned_without_the_network(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PHOTO, headers={"content-type": "image/jpeg"})

    async with mock_fetcher(handler) as fetcher:
        first = await fetch_image(SRC, fetcher, tmp_path, referer=POST)
        again = await fetch_image(SRC, fetcher, tmp_path, referer=POST)
    assert first == again and first.read_bytes() == PHOTO
    assert len(seen) == 1
    assert cached_image(SRC, tmp_path) == first


async def test_the_post_is_sent_as_referer(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PNG_1X1)

    async with mock_fetcher(handler) as fetcher:
        path = await fetch_image(SRC, fetcher, tmp_path, referer=POST)
    assert seen[0].headers["referer"] == POST
    assert path.suffix == ".png"  # named by what the bytes are, not by the address's .jpg


async def test_an_html_page_instead_of_an_image_is_refused_and_not_cached(tmp_path: Path) -> None:
    page = "<html><head><title>오류</title></head><body><script>alert('잘못된 접근입니다.');</script></body></html>"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=page, headers={"content-type": "image/jpeg"})

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(ImageError, match="web page") as caught:
            await fetch_image(SRC, fetcher, tmp_path, referer=POST)
    assert "\n" not in str(caught.value) and SRC in str(caught.value)
    assert cached_image(SRC, tmp_path) is None


async def test_a_declared_size_over_the_limit_is_refused(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PHOTO)

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(ImageError, match="limit"):
            await fetch_image(SRC, fetcher, tmp_path, referer=POST, max_bytes=len(PHOTO) - 1)
    assert not any(tmp_path.iterdir())


async def test_an_undeclared_size_over_the_limit_stops_the_download(tmp_path: Path) -> None:
    sent: list[int] = []
    big = PHOTO + bytes(100_000)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(big), 1024):
            sent.append(start)
            yield big[start : start + 1024]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # no Content-Length: the size shows as it comes

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(ImageError, match="limit"):
            await fetch_image(SRC, fetcher, tmp_path, referer=POST, max_bytes=4096)
    assert len(sent) <= 5  # stopped at the limit, not after all ~100 chunks


async def test_a_missing_image_is_a_one_line_error_naming_the_status(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="<html><body>Not Found</body></html>")

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(ImageError) as caught:
            await fetch_image(SRC, fetcher, tmp_path, referer=POST)
    assert "404" in caught.value.detail and "\n" not in str(caught.value)


@pytest.mark.parametrize("src", ["file:///etc/passwd", "javascript:alert(1)", ""])
async def test_addresses_other_than_http_and_data_are_never_fetched(src: str, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PHOTO)

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(ImageError):
            await fetch_image(src, fetcher, tmp_path, referer=POST)
    assert seen == []


async def test_a_data_uri_is_decoded_locally_and_cached(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("a data: image needs no network")

    uri = "data:image/png;base64," + base64.b64encode(PNG_1X1).decode()
    async with mock_fetcher(handler) as fetcher:
        path = await fetch_image(uri, fetcher, tmp_path, referer=POST)
    assert path.read_bytes() == PNG_1X1 and path.suffix == ".png"


def test_a_data_uri_over_the_limit_is_refused_before_decoding() -> None:
    uri = "data:image/png;base64," + "A" * 4000
    with pytest.raises(ImageError, match="limit") as caught:
        decode_data_uri(uri, max_bytes=1000)
    assert str(caught.value).startswith("embedded image:")  # not the whole URI


def test_a_data_uri_with_broken_base64_is_an_error() -> None:
    with pytest.raises(ImageError, match="base64"):
        decode_data_uri("data:image/png;base64,@@@@")


def test_a_percent_encoded_data_uri_is_decoded() -> None:
    assert decode_data_uri("data:text/plain,%EA%B0%80") == "가".encode()


async def test_a_data_uri_holding_text_is_not_an_image(tmp_path: Path) -> None:
    async with mock_fetcher(lambda request: httpx.Response(500)) as fetcher:
        with pytest.raises(ImageError, match="not an image"):
            await fetch_image("data:text/plain,hello%20world", fetcher, tmp_path, referer=None)


def test_the_cache_lives_next_to_the_database(tmp_path: Path) -> None:
    assert image_cache_dir(tmp_path / "data" / "noticetui.sqlite3") == tmp_path / "data" / "images"


def test_a_picture_is_decoded_and_scaled_down(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(PHOTO)
    picture = load_picture(path, max_side=120)
    width, height = assets.IMAGE_SIZES[assets.PHOTO_JPG]
    assert picture.size == (120, round(120 * height / width))


def test_a_picture_with_too_many_pixels_is_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(PHOTO)
    with pytest.raises(ImageError, match="too large"):
        load_picture(path, max_pixels=1000)


def test_a_file_that_does_not_decode_is_an_image_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(PHOTO[:200])  # a JPEG header and nothing after it
    with pytest.raises(ImageError, match="decode"):
        load_picture(path)


def test_a_landscape_photo_fills_the_width_keeping_its_shape() -> None:
    cols, rows = fit_cells((480, 270), (10, 20), max_cols=40, max_rows=12)
    assert cols == 40
    assert rows == round(40 * 10 / 480 * 270 / 20)


def test_a_tall_poster_is_capped_in_height_and_narrowed_to_match() -> None:
    cols, rows = fit_cells((360, 504), (10, 20), max_cols=80, max_rows=12)
    assert rows == 12
    assert abs(cols - 12 * 20 / 504 * 360 / 10) <= 0.5


def test_a_small_icon_is_not_enlarged() -> None:
    assert fit_cells((16, 16), (10, 20), max_cols=80, max_rows=12) == (2, 1)


def test_the_row_cap_follows_the_width() -> None:
    assert row_cap(80) == 12
    assert row_cap(40) < row_cap(80) < row_cap(120)
    assert row_cap(10) == 4 and row_cap(1000) == 24
