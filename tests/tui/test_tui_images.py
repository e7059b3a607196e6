"""Inline images in the detail pane: fetched lazily when on, never when off, a dim note when one fails."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from noticetui.context import AppContext
from noticetui.demo import assets
from noticetui.demo.server import DemoServer
from noticetui.images import row_cap
from noticetui.models import Post
from noticetui.net.fetch import Fetcher
from noticetui.store import PostRow
from noticetui.tui.app import NoticeApp
from noticetui.tui.image_support import ImageSupport, probe_images
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.image_slot import ImageSlot
from noticetui.tui.widgets.post_list import PostList

from .conftest import demo_home
from .helpers import body_laid_out, open_help, press_and_settle, settle, shown_text
from .seed import CONFIG, NOW, seed

OPEN_PRESS_RELEASE = ("j", "j", "enter")
"""The press release (one photo, with a ▲ caption) is the third row of "All boards"."""
PHOTO = assets.asset(assets.PHOTO_JPG)

Handler = Callable[[httpx.Request], httpx.Response]
AppMaker = Callable[..., NoticeApp]

MAX_PRESSES = 200
"""The most presses of ``j`` a test makes to bring a line to the top of the pane."""


def photo_app(images_app: AppMaker, setting: str) -> tuple[NoticeApp, list[httpx.Request]]:
    """The app with ``images = setting`` on a network whose every address is the demo photo, and the list of
    what that network was asked."""
    seen: list[httpx.Request] = []
    return images_app(setting, serve_photo(seen)), seen


def serve_photo(seen: list[httpx.Request]) -> Handler:
    """A site whose every address is the demo photo (and that remembers what it was asked)."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PHOTO, headers={"content-type": "image/jpeg"})

    return handler


@pytest.fixture
def images_app(tmp_path: Path) -> Iterator[AppMaker]:
    """``images_app(setting, handler)``: the seeded cache with ``images = setting`` and the network
    ``handler``."""
    contexts: list[AppContext] = []

    def factory(setting: str, handler: Handler) -> NoticeApp:
        home = tmp_path / f"home-{len(contexts)}"
        home.mkdir()
        config = CONFIG.replace('images = "off"', f'images = "{setting}"', 1)
        (home / "config.toml").write_text(config, encoding="utf-8")
        ctx = AppContext.for_home(home)
        contexts.append(ctx)
        seed(ctx)
        transport = httpx.MockTransport(handler)
        return NoticeApp(
            ctx,
            sync_on_start=False,
            now=lambda: NOW,
            fetcher_factory=lambda: Fetcher(retries=0, delay=0.0, transport=transport),
        )

    yield factory
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def no_graphics(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal without kitty graphics or sixel, whatever terminal runs the tests."""
    import textual_image.renderable as renderables

    monkeypatch.setattr(renderables, "Image", renderables.UnicodeImage)


def body_pieces(detail: DetailPane) -> list[str]:
    """The texts of the body's pieces, top to bottom (one piece when no image sits in between)."""
    widgets = [detail.query_one("#detail-body", Static), *detail.query(".body-piece").results(Static)]
    return [shown_text(widget) for widget in widgets]


def rewrite_free_post(app: NoticeApp, body: str) -> PostRow:
    """Give the seeded free-board post ``body`` instead of its own; returns its row."""
    row = next(r for r in app.ctx.store.posts() if r.title == "자유게시판 첫 글")
    app.ctx.store.save_post(row.id, Post(row.key, row.title, row.url, body))
    return row


async def open_post(app: NoticeApp, pilot: Pilot[None], post_id: int) -> None:
    """Open post ``post_id`` from the all-boards list and wait for its images."""
    await pilot.pause()
    posts = app.screen.query_one(PostList)
    posts.cursor = next(i for i in range(len(posts.rows)) if (r := posts.rows.get(i)) and r.id == post_id)
    await press_and_settle(pilot, "enter")


def has_editor_image(ctx: AppContext, row: PostRow | None) -> bool:
    """Whether the cached body of ``row`` holds an image pasted in the editor."""
    full = ctx.store.post(row.id) if row is not None else None
    return full is not None and "/data/editor/" in (full.body_html or "")


def pictures(detail: DetailPane) -> list[int]:
    """The numbers of the images whose picture is on screen."""
    return [slot.number for slot in detail.query(ImageSlot) if slot.query(".inline-image")]


async def test_images_on_shows_the_picture_below_its_placeholder_above_its_caption(
    images_app: AppMaker, no_graphics: None
) -> None:
    app, seen = photo_app(images_app, "on")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        assert pictures(detail) == [1]
        above, below = body_pieces(detail)
        assert "[image 1: 20250305_startup.jpg]" in above.splitlines()[-1]
        assert below.lstrip().startswith("▲ 박지영 한빛시장")
        slot = detail.query_one(ImageSlot)
        assert slot.cells is not None and 0 < slot.cells[1] <= row_cap(detail.body_width)
        assert slot.query_one(".inline-image").size == slot.cells
        assert [str(r.url) for r in seen] == ["http://127.0.0.1:9/data/editor/2503/20250305_startup.jpg"]
        assert seen[0].headers["referer"].startswith("http://127.0.0.1:9/bbs/board.php")


async def test_images_off_shows_placeholders_only_and_fetches_nothing(images_app: AppMaker) -> None:
    app, seen = photo_app(images_app, "off")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        assert not detail.query(ImageSlot) and not detail.query(".body-piece")
        assert "[image 1: 20250305_startup.jpg]" in shown_text(detail.query_one("#detail-body", Static))
        assert seen == []


async def test_i_with_images_off_in_the_config_says_how_to_turn_them_on(images_app: AppMaker) -> None:
    app, seen = photo_app(images_app, "off")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE, "i")
        assert not app.screen.query(ImageSlot) and seen == []
        assert any('images = "off"' in str(n.message) for n in app._notifications)


async def test_auto_without_graphics_waits_for_i_and_i_again_hides_them(
    images_app: AppMaker, no_graphics: None
) -> None:
    app, seen = photo_app(images_app, "auto")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        assert not detail.query(ImageSlot) and seen == []
        await press_and_settle(pilot, "i")
        assert pictures(detail) == [1] and len(seen) == 1
        await pilot.press("i")
        await pilot.pause()
        assert not detail.query(ImageSlot) and len(body_pieces(detail)) == 1
        assert "▲ 박지영" in body_pieces(detail)[0]  # the whole body is back in one piece


async def test_a_picture_shown_again_comes_from_the_cache(images_app: AppMaker, no_graphics: None) -> None:
    app, seen = photo_app(images_app, "on")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        await press_and_settle(pilot, "k", "enter", "j", "enter")  # another post, then the press release again
        assert pictures(app.screen.query_one(DetailPane)) == [1]
        assert len(seen) == 1
        assert len(list((app.ctx.paths.database.parent / "images").iterdir())) == 1


async def test_a_failing_image_keeps_its_placeholder_and_says_why_dimly(
    images_app: AppMaker, no_graphics: None
) -> None:
    def html_instead(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html><body><script>alert('잘못된 접근');</script></body></html>")

    app = images_app("on", html_instead)
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        assert pictures(detail) == []
        assert "[image 1: 20250305_startup.jpg]" in body_pieces(detail)[0]
        note = detail.query_one(ImageSlot).query_one(".image-note", Static)
        text = note.content
        assert isinstance(text, Text) and text.plain.startswith("image 1 not shown: not an image")
        assert text.style == "dim"


async def test_at_most_eight_images_of_a_post_are_fetched(images_app: AppMaker, no_graphics: None) -> None:
    app, seen = photo_app(images_app, "on")
    body = "".join(f'<p><img src="/photo/{n}.jpg" alt="사진 {n}"></p><p>설명 {n}</p>' for n in range(1, 11))
    row = rewrite_free_post(app, body)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, row.id)
        detail = app.screen.query_one(DetailPane)
        assert pictures(detail) == list(range(1, 9))
        assert sorted(str(r.url).rsplit("/", 1)[-1] for r in seen) == sorted(f"{n}.jpg" for n in range(1, 9))
        pieces = body_pieces(detail)
        assert all(f"[image {n}: 사진 {n}]" in pieces[n - 1] for n in range(1, 9))
        assert "[image 9: 사진 9]" in pieces[8] and "[image 10: 사진 10]" in pieces[8]


async def test_a_post_loaded_after_another_gets_its_own_pictures(
    images_app: AppMaker,
    no_graphics: None,
) -> None:
    app, seen = photo_app(images_app, "on")
    row = rewrite_free_post(app, '<p><img src="/free.jpg" alt="자유"></p>')
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE)
        detail = app.screen.query_one(DetailPane)
        assert pictures(detail) == [1]
        # What opening a post whose body is not cached does: "loading…", then the fetched body.
        await detail.show_message("loading…", row)
        full = app.ctx.store.post(row.id)
        assert full is not None
        await detail.show_post(full, [])
        await body_laid_out(detail)
        assert detail.query_one(ImageSlot).state is None  # waiting for its own picture, not the last post's
        await settle(app)
        await pilot.pause()
        assert pictures(detail) == [1] and str(seen[-1].url).endswith("/free.jpg")


async def test_full_screen_keeps_the_readers_place_below_a_picture(
    images_app: AppMaker,
    no_graphics: None,
) -> None:
    app = images_app("on", serve_photo([]))
    paragraphs = "".join(f"<p>문단 {n}: 본문이 이어집니다.</p>" for n in range(1, 41))
    row = rewrite_free_post(app, f'<p>머리말</p><p><img src="/p.jpg" alt="사진"></p><p>▲ 설명</p>{paragraphs}')
    async with app.run_test(size=(100, 30)) as pilot:
        await open_post(app, pilot, row.id)
        await pilot.press("tab")
        detail = app.screen.query_one(DetailPane)
        assert pictures(detail) == [1]
        after = next(iter(detail.query(".body-piece").results(Static)))

        def top_line() -> str:
            """The first line with text at the top of the pane (the place kept may be the blank line)."""
            lines = shown_text(after).splitlines()
            first = int(detail.scroll_y) - after.virtual_region.y
            top = lines[first : first + 2] if first >= 0 else []
            return next((line for line in top if line.strip()), "")

        for _ in range(MAX_PRESSES):  # bounded: a regression fails here instead of hanging the suite
            if "문단 12:" in top_line():
                break
            await pilot.press("j")
        else:
            raise AssertionError("paragraph 12 never reached the top of the pane")
        slot = detail.query_one(ImageSlot)
        narrow = slot.cells
        await pilot.press("f")
        await pilot.pause()
        assert slot.cells != narrow  # laid out again at the full width, the picture larger
        assert "문단 12:" in top_line()
        await pilot.press("escape")
        await pilot.pause()
        assert "문단 12:" in top_line()


async def test_help_lists_the_images_key(images_app: AppMaker) -> None:
    app = images_app("off", serve_photo([]))
    async with app.run_test(size=(120, 40)) as pilot:
        help_screen = await open_help(pilot)
        keys, descriptions = (list(map(str, column.cells)) for column in help_screen.key_table().columns)
        assert "images inline" in dict(zip(keys, descriptions, strict=True))["i"]


async def test_without_textual_image_images_stay_placeholders(
    images_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textual_image.widget", None)  # makes the import fail
    app, seen = photo_app(images_app, "on")
    async with app.run_test(size=(120, 40)) as pilot:
        await press_and_settle(pilot, *OPEN_PRESS_RELEASE, "i")
        assert not app.screen.query(ImageSlot) and seen == []
        assert any("textual-image" in str(n.message) for n in app._notifications)


def test_auto_starts_with_images_on_a_graphics_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual_image.renderable as renderables

    monkeypatch.setattr(renderables, "Image", renderables.TGPImage)
    support = probe_images("auto")
    assert support.available and support.graphics and support.start_on


def test_auto_waits_for_i_without_graphics_and_on_forces_them(no_graphics: None) -> None:
    auto, on = probe_images("auto"), probe_images("on")
    assert auto.available and not auto.start_on
    assert on.available and on.start_on and not on.graphics


def test_off_asks_the_terminal_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textual_image", None)  # an import would fail, and say so
    support = probe_images("off")
    assert not support.available and 'images = "off"' in support.problem


def test_a_failed_import_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textual_image.widget", None)
    support = probe_images("on")
    assert support == ImageSupport(problem=support.problem) and "textual-image" in support.problem


async def test_images_of_the_demo_board_are_fetched_through_the_session(
    tmp_path: Path,
    demo: DemoServer,
    no_graphics: None,
) -> None:
    home = demo_home(tmp_path / "demo-home", demo, images="on")
    ctx = AppContext.for_home(home)
    try:
        app = NoticeApp(ctx, sync_on_start=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            posts = app.screen.query_one(PostList)
            rows = range(len(posts.rows))
            posts.cursor = next(i for i in rows if has_editor_image(ctx, posts.rows.get(i)))
            await press_and_settle(pilot, "enter")
            detail = app.screen.query_one(DetailPane)
            assert pictures(detail) == [1]
            cached = list((home / "images").iterdir())
            # One of the sample images (which one depends on what the board's post shows: photo or poster).
            assert [path.read_bytes() for path in cached] in [[assets.asset(name)] for name in assets.IMAGES]
    finally:
        ctx.close()
