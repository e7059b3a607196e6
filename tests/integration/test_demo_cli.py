"""``noticetui --demo`` starts whatever the user's own setup: its config is never read, nothing of the
demo lands in the user's directories, and downloads the user keeps are copied out of the throwaway home."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.cli import demo_cmds, main
from noticetui.demo.server import DemoServer
from noticetui.tui.app import NoticeApp
from noticetui.tui.demo_app import DemoApp


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user account: HOME and every XDG directory in ``tmp_path``, a broken config.toml."""
    monkeypatch.delenv("NOTICETUI_HOME", raising=False)
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(name, str(tmp_path / name))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "HOME" / "Downloads"))
    config = tmp_path / "XDG_CONFIG_HOME" / "noticetui" / "config.toml"
    config.parent.mkdir()
    config.write_text("[settings\nthis is = not toml ]]\n", encoding="utf-8")
    return tmp_path


def everything_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def fake_run(download: str | None, keep: bool) -> tuple[list[NoticeApp], object]:
    """A stand-in for running the TUI: records the app, may save a file in its home and choose to keep it."""
    seen: list[NoticeApp] = []

    def run(app: NoticeApp) -> int:
        seen.append(app)
        if download is not None:
            path = app.ctx.download_dir / "g5-notice" / download
            path.parent.mkdir(parents=True)
            path.write_bytes(b"%PDF-1.4 demo")
        assert isinstance(app, DemoApp)
        app.keep_downloads = keep
        return 0

    return seen, run


def test_demo_starts_with_a_broken_user_config_and_creates_nothing_of_the_users(
    user: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = everything_under(user)
    seen, run = fake_run(None, keep=False)
    monkeypatch.setattr(demo_cmds, "_run", run)
    assert main(["--demo"]) == 0
    (app,) = seen
    assert [b.name for b in app.ctx.config.boards if b.name == "hostile"] == []  # the hostile board stays out
    assert len(app.ctx.config.boards) >= 10
    assert not str(app.ctx.paths.database).startswith(str(user))
    assert everything_under(user) == before  # no cache, no log, no folder in the user's directories
    assert capsys.readouterr().err == ""


def test_without_demo_the_broken_config_is_one_line_and_exit_1(user: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "config.toml" in err


def test_files_kept_in_the_demo_are_copied_to_the_users_downloads(
    user: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kept_before = user / "HOME" / "Downloads" / "noticetui" / "g5-notice" / "공고문.pdf"
    kept_before.parent.mkdir(parents=True)
    kept_before.write_bytes(b"the user's own file")
    seen, run = fake_run("공고문.pdf", keep=True)
    monkeypatch.setattr(demo_cmds, "_run", run)
    assert main(["--demo"]) == 0
    assert kept_before.read_bytes() == b"the user's own file"  # never overwritten
    copy = kept_before.with_name("공고문 (2).pdf")
    assert copy.read_bytes() == b"%PDF-1.4 demo"
    assert str(copy.parent.parent) in capsys.readouterr().out
    assert not seen[0].ctx.download_dir.exists()  # the throwaway home is gone


def test_files_not_kept_go_with_the_throwaway_home(user: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, run = fake_run("공고문.pdf", keep=False)
    monkeypatch.setattr(demo_cmds, "_run", run)
    assert main(["--demo"]) == 0
    assert not (user / "HOME" / "Downloads").exists()
    assert not seen[0].ctx.download_dir.exists()


def test_with_no_board_configured_the_fallback_to_the_demo_creates_nothing_of_the_users(
    user: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (user / "XDG_CONFIG_HOME" / "noticetui" / "config.toml").write_text("[settings]\ndelay = 1.0\n", encoding="utf-8")
    before = everything_under(user)
    seen, run = fake_run(None, keep=False)
    monkeypatch.setattr(demo_cmds, "_run", run)
    assert main([]) == 0
    (app,) = seen
    assert isinstance(app, DemoApp)
    assert "noticetui add" in capsys.readouterr().out
    assert everything_under(user) == before  # no cache file, no folder in the user's data directory


def test_demo_server_lines_keep_their_columns_whatever_the_names(demo_server: DemoServer) -> None:
    lines = demo_cmds.board_lines(demo_server)
    assert len(lines) == len(demo_server.boards())
    # The URLs start in one column, even after "boardes-notice", longer than the old fixed 12 columns.
    assert len({line.index("http://") for line in lines}) == 1
