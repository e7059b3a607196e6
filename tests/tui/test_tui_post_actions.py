"""Keeping and opening the open post from the keyboard: s saves it, y and Y copy addresses, x and X open
its files and their folder with the system's application, = shows what changed in an edited post."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Static

from noticetui.context import AppContext
from noticetui.models import SEOUL, Attachment, Post, Request
from noticetui.tui.app import NoticeApp
from noticetui.tui.format import EDITED_MARK, title_text
from noticetui.tui.screens.changes import ChangesScreen
from noticetui.tui.screens.choice import ChoiceScreen
from noticetui.tui.screens.links import LinksScreen
from noticetui.tui.screens.save_post import SavePostScreen
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList

from .helpers import press, until

AppFactory = Callable[..., NoticeApp]


async def open_post(app: NoticeApp, pilot: Any, post_id: int) -> None:
    """Put the list's cursor on post ``post_id`` and open it."""
    posts = app.screen.query_one(PostList)
    posts.cursor = next(i for i in range(len(posts.rows)) if (r := posts.rows.get(i)) and r.id == post_id)
    await pilot.press("enter")
    detail = app.screen.query_one(DetailPane)
    await until(pilot, lambda: detail.post is not None and detail.post.id == post_id)


def notes(app: NoticeApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.fixture
def opener(fake_program: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake ``xdg-open`` on PATH (alone there) that writes the path it got to a file."""
    monkeypatch.setattr("sys.platform", "linux")
    return fake_program("xdg-open", '"%s" "$1"')


# --- s: save -------------------------------------------------------------------------------------------


async def test_s_saves_the_post_as_text_in_the_downloads_folder_and_never_overwrites(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["library"])
        for _ in range(2):
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, SavePostScreen))
            await pilot.press("enter", "enter")  # the format (text), then the path offered
            await until(pilot, lambda: not isinstance(app.screen, SavePostScreen))
            await app.workers.wait_for_complete()
    first, second = ctx.download_dir / "도서관 휴관 안내.txt", ctx.download_dir / "도서관 휴관 안내 (2).txt"
    text = first.read_text(encoding="utf-8")
    assert text.startswith("도서관 휴관 안내\n") and "도서관은 3월 9일 휴관합니다." in text
    assert second.read_text(encoding="utf-8") == text
    assert str(first) in notes(app) and str(second) in notes(app)


async def test_s_then_html_saves_a_standalone_page(make_app: AppFactory, ctx: AppContext, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["hostile"])
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SavePostScreen))
        await pilot.press("down", "enter", "enter")
        await until(pilot, lambda: not isinstance(app.screen, SavePostScreen))
        await app.workers.wait_for_complete()
    [saved] = list(ctx.download_dir.glob("*.html"))
    page = saved.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "[bold]markup[/bold]" in page
    assert "\x1b" not in page and "<script" not in page


# --- y, Y: copy -----------------------------------------------------------------------------------------


async def test_y_copies_the_posts_address_and_shows_it(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["library"])
        await press(pilot, "y")
        url = "http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id=2"
        assert app.clipboard == url
        assert url in notes(app)


async def test_capital_y_copies_the_link_chosen_by_number(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["press"])
        await pilot.press("Y")
        await until(pilot, lambda: isinstance(app.screen, LinksScreen))
        assert "Copy" in str(app.screen.query_one("#links-box").border_title)
        await pilot.press("1", "enter")
        await until(pilot, lambda: not isinstance(app.screen, LinksScreen))
        assert app.clipboard == "https://www.hanbit.go.kr/startup"


# --- x, X: open files and their folder --------------------------------------------------------------------


def saved_file(ctx: AppContext, post_id: int, name: str = "수강신청_안내.hwp") -> Path:
    path = ctx.download_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"HWP Document File")
    ctx.store.set_saved(post_id, 0, path, "0" * 64)
    return path


@pytest.mark.parametrize(
    ("key", "opened"),
    [("x", lambda path: path), ("X", lambda path: path.parent)],
    ids=["x opens the saved attachment", "X opens the folder it was saved in"],
)
async def test_x_opens_a_saved_attachment_and_capital_x_its_folder_with_the_systems_application(
    make_app: AppFactory,
    ctx: AppContext,
    ids: dict[str, int],
    opener: Path,
    key: str,
    opened: Callable[[Path], Path],
) -> None:
    path = saved_file(ctx, ids["notice"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["notice"])
        await pilot.press(key)
        await until(pilot, opener.exists)
    assert opener.read_text(encoding="utf-8") == str(opened(path))


async def test_x_asks_which_file_when_the_post_has_several(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int], opener: Path
) -> None:
    row = ctx.store.post(ids["notice"])
    assert row is not None and row.body_html is not None
    files = [Attachment(i, f"붙임{i}.pdf", 10, Request(f"http://127.0.0.1:9/download/{i}")) for i in range(2)]
    ctx.store.save_post(row.id, Post("1", row.title, row.url, row.body_html, attachments=files))
    second = ctx.download_dir / "붙임1.pdf"
    second.parent.mkdir(parents=True, exist_ok=True)
    second.write_bytes(b"%PDF-1.4")
    ctx.store.set_saved(row.id, 1, second, "0" * 64)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["notice"])
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert str(app.screen.query_one("#choice-box").border_title) == "Open which file?"
        await pilot.press("down", "enter")
        await until(pilot, opener.exists)
    assert opener.read_text(encoding="utf-8") == str(second)


async def test_without_an_opener_x_says_where_the_file_is(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_file(ctx, ids["notice"])
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setattr("sys.platform", "linux")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["notice"])
        await press(pilot, "x")
    [said] = [n for n in notes(app) if "xdg-open" in n]
    assert str(path) in said and "open_command" in said


async def test_x_downloads_a_file_not_saved_yet_through_the_queue_then_opens_it(
    demo_ctx: AppContext, opener: Path
) -> None:
    app = NoticeApp(demo_ctx, sync_on_start=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        posts = app.screen.query_one(PostList)
        store = demo_ctx.store
        with_files = [
            r.id for i in range(len(posts.rows)) if (r := posts.rows.get(i)) and store.attachments([r.id])[r.id]
        ]
        await open_post(app, pilot, with_files[0])
        await until(pilot, lambda: (p := app.screen.query_one(DetailPane).post) is not None and p.has_body)
        await pilot.press("x")
        if isinstance(app.screen, ChoiceScreen):  # several files: the first one
            await pilot.press("enter")
        await until(pilot, opener.exists)
        assert [e.state for e in app.main.queue.entries.values()] == ["saved"]
    opened = Path(opener.read_text(encoding="utf-8"))
    assert opened.is_file() and opened.parent == demo_ctx.download_dir


# --- =: changes -----------------------------------------------------------------------------------------


async def test_an_edited_post_is_marked_and_equals_shows_the_diff(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int]
) -> None:
    old = ctx.store.post(ids["library"])
    assert old is not None
    edited = "<p>도서관은 3월 10일 휴관합니다.</p><p>[red]새 문단[/red] \x1b[2J</p>"
    ctx.store.save_post(ids["library"], Post("2", old.title, old.url, edited))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        posts = app.screen.query_one(PostList)
        row = next(r for i in range(len(posts.rows)) if (r := posts.rows.get(i)) and r.id == ids["library"])
        assert row.edited and EDITED_MARK in title_text(row).plain
        await open_post(app, pilot, ids["library"])
        await pilot.press("equals_sign")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        diff = app.screen.query_one("#changes-diff", Static)
        await until(pilot, lambda: "휴관" in str(diff.content))
        content = diff.content
        assert isinstance(content, Text)
        lines = content.plain.splitlines()
        assert "- 도서관은 3월 9일 휴관합니다." in lines
        assert "+ 도서관은 3월 10일 휴관합니다." in lines
        assert any(line.startswith("+ [red]새 문단[/red]") for line in lines)  # page text shown as text
        assert "\x1b" not in content.plain
        await press(pilot, "escape")
        assert not isinstance(app.screen, ChangesScreen)


async def test_left_steps_back_to_an_older_change(make_app: AppFactory, ctx: AppContext, ids: dict[str, int]) -> None:
    old = ctx.store.post(ids["library"])
    assert old is not None
    for day in (10, 11):
        ctx.store.save_post(ids["library"], Post("2", old.title, old.url, f"<p>도서관은 3월 {day}일 휴관합니다.</p>"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["library"])
        await pilot.press("equals_sign")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        diff = app.screen.query_one("#changes-diff", Static)
        await until(pilot, lambda: "+ 도서관은 3월 11일 휴관합니다." in str(diff.content))
        assert "- 도서관은 3월 10일 휴관합니다." in str(diff.content)
        await pilot.press("left")
        await until(pilot, lambda: "+ 도서관은 3월 10일 휴관합니다." in str(diff.content))
        assert "- 도서관은 3월 9일 휴관합니다." in str(diff.content)
        head = app.screen.query_one("#changes-head", Static)
        assert "Version 1 → version 2" in str(head.content)


async def test_equals_on_a_post_never_edited_says_so(make_app: AppFactory, ids: dict[str, int]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_post(app, pilot, ids["press"])
        await press(pilot, "equals_sign")
        assert not isinstance(app.screen, ChangesScreen)
        assert any("No earlier version" in n for n in notes(app))


async def test_equals_says_when_the_post_changed_in_the_readers_zone(
    make_app: AppFactory, ctx: AppContext, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        old = ctx.store.post(ids["library"])
        assert old is not None
        ctx.store.save_post(ids["library"], Post("2", old.title, old.url, "<p>도서관은 3월 10일 휴관합니다.</p>"))
        stamp = ctx.store.conn.execute("SELECT replaced_at FROM post_versions").fetchone()[0]
        seoul = datetime.fromisoformat(stamp).astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await open_post(app, pilot, ids["library"])
            await pilot.press("equals_sign")
            await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
            head = str(app.screen.query_one("#changes-head", Static).content)
            assert f"replaced {seoul})" in head  # not the stored UTC time
    finally:
        monkeypatch.undo()  # the process's zone back, whatever happened
        time.tzset()
