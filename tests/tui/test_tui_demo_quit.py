"""Quitting --demo: files downloaded into its throwaway home are not lost without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.context import AppContext
from noticetui.tui.demo_app import DemoApp
from noticetui.tui.screens.keep_downloads import KeepDownloadsScreen
from noticetui.tui.screens.main import MainScreen

from .helpers import press
from .seed import NOW


def demo_app(ctx: AppContext, tmp_path: Path) -> DemoApp:
    return DemoApp(ctx, sync_on_start=False, now=lambda: NOW, keep_to=tmp_path / "user-downloads")


def downloaded(ctx: AppContext, name: str = "공고문.hwp") -> Path:
    path = ctx.download_dir / "g5" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"HWP")
    return path


@pytest.mark.parametrize(
    ("files", "keys"),
    [((), ("q",)), (("공고문.hwp",), ("q", "d"))],
    ids=["without downloads q closes at once", "with downloads d quits and discards them"],
)
async def test_quitting_without_keeping_closes_and_keeps_nothing(
    ctx: AppContext, ids: dict[str, int], tmp_path: Path, files: tuple[str, ...], keys: tuple[str, ...]
) -> None:
    for name in files:
        downloaded(ctx, name)
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in keys:
            await press(pilot, key)
        assert not app.is_running
    assert app.keep_downloads is False


async def test_quit_with_downloads_warns_and_k_keeps_them(ctx: AppContext, ids: dict[str, int], tmp_path: Path) -> None:
    downloaded(ctx)
    downloaded(ctx, "unfinished.pdf.part")  # an interrupted download is not a file the user has
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        assert isinstance(app.screen, KeepDownloadsScreen)
        assert [p.name for p in app.screen.files] == ["공고문.hwp"]
        assert str(tmp_path / "user-downloads") in str(app.screen.query_one("#keep-box").render())
        await press(pilot, "k")
        assert not app.is_running
    assert app.keep_downloads is True


async def test_escape_stays_and_asks_again_on_the_next_quit(
    ctx: AppContext, ids: dict[str, int], tmp_path: Path
) -> None:
    downloaded(ctx)
    app = demo_app(ctx, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        await press(pilot, "escape")
        assert app.is_running and isinstance(app.screen, MainScreen)
        await press(pilot, "q")
        assert isinstance(app.screen, KeepDownloadsScreen)
