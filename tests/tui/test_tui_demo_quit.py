"""Quitting --demo: files downloaded into its throwaway home are not lost without a word."""

from __future__ import annotations

from pathlib import Path

from noticetui.context import AppContext
from noticetui.tui.demo_app import DemoApp
from noticetui.tui.screens.keep_downloads import KeepDownloadsScreen
from noticetui.tui.screens.main import MainScreen

from .seed import NOW


def demo_app(ctx: AppContext, tmp_path: Path) -> DemoApp:
    return DemoApp(ctx, sync_on_start=False, now=lambda: NOW, keep_to=tmp_path / "user-downloads")


def downloaded(ctx: AppContext, name: str = "공고문.hwp") -> Path:
    path = ctx.download_dir / "g5" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"HWP")
    return path


async def test_quit_without_downloads_closes_at_once(ctx: AppContext, ids: dict[str, int], tmp_path: Path) -> None:
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.keep_downloads is False


async def test_quit_with_downloads_warns_and_k_keeps_them(ctx: AppContext, ids: dict[str, int], tmp_path: Path) -> None:
    downloaded(ctx)
    downloaded(ctx, "unfinished.pdf.part")  # an interrupted download is not a file the user has
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, KeepDownloadsScreen)
        assert [p.name for p in app.screen.files] == ["공고문.hwp"]
        assert str(tmp_path / "user-downloads") in str(app.screen.query_one("#keep-box").render())
        await pilot.press("k")
        await pilot.pause()
        assert not app.is_running
    assert app.keep_downloads is True


async def test_d_quits_and_discards(ctx: AppContext, ids: dict[str, int], tmp_path: Path) -> None:
    downloaded(ctx)
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert app.keep_downloads is False


async def test_escape_stays_and_asks_again_on_the_next_quit(
    ctx: AppContext, ids: dict[str, int], tmp_path: Path
) -> None:
    downloaded(ctx)
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, KeepDownloadsScreen)
