"""Bad days: unreachable sites, broken pages, alert pages instead of files. Nothing stored is lost."""

from __future__ import annotations

import socket
from pathlib import Path

from noticetui.demo.content import sample_posts
from noticetui.demo.server import DemoServer

from .conftest import Cli, demo_board_url


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _synced(cli: Cli, server: DemoServer) -> list[dict[str, object]]:
    assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1").code == 0
    listed: list[dict[str, object]] = cli("list", "--json").json()
    assert listed
    return listed


def test_unreachable_site_is_one_clear_error_and_the_cache_stays(cli: Cli, fresh_server: DemoServer) -> None:
    before = _synced(cli, fresh_server)
    fresh_server.set_fault("500")
    result = cli("sync")
    assert result.code == 1
    assert "g5:" in result.err and "500" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert cli("list", "--json").json() == before
    board = cli("boards", "--json").json()[0]
    assert "500" in board["last_error"]


def test_garbage_page_reports_a_layout_change_and_keeps_posts(cli: Cli, fresh_server: DemoServer) -> None:
    before = _synced(cli, fresh_server)
    fresh_server.set_fault("garbage")
    result = cli("sync")
    assert result.code == 1
    assert "g5:" in result.err
    assert cli("list", "--json").json() == before


def test_cached_post_reads_offline(cli: Cli, fresh_server: DemoServer) -> None:
    listed = _synced(cli, fresh_server)
    fresh_server.set_fault("down")
    shown = cli("show", str(listed[0]["id"]), "--width", "80")
    assert shown.code == 0
    assert str(listed[0]["title"]) in shown.out


def test_refused_connection_names_the_url(cli: Cli) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/bbs/board.php?bo_table=x"
    result = cli("add", url)
    assert result.code == 1
    assert "connection refused" in result.err and "127.0.0.1" in result.err


def test_add_refuses_a_page_no_engine_knows(cli: Cli, demo_server: DemoServer) -> None:
    result = cli("add", demo_server.base_url + "/")
    assert result.code in (1, 2)
    assert "saved board" not in result.out
    assert cli("boards", "--json").json() == []


def test_download_refused_by_the_site_saves_nothing(cli: Cli, fresh_server: DemoServer, tmp_path: Path) -> None:
    listed = _synced(cli, fresh_server)
    item = next(i for i in listed if i["attachments"])
    # The site now answers every request (the view page too) with an error: the download must fail cleanly.
    fresh_server.set_fault("500")
    dest = tmp_path / "out"
    result = cli("download", str(item["id"]), "--to", str(dest))
    assert result.code == 1
    assert result.err.startswith("noticetui: ")
    assert not dest.exists() or list(dest.iterdir()) == []


def test_bad_usage_exits_2(cli: Cli) -> None:
    assert cli("list", "--limit", "0").code == 2
    assert cli("show", "99999").code == 2
    assert cli("frobnicate").code == 2


def test_invalid_config_is_one_line_naming_the_key(cli: Cli) -> None:
    (cli.home / "config.toml").write_text('[[boards]]\nname = "a"\nurl = "nope"\n', encoding="utf-8")
    result = cli("boards")
    assert result.code == 1
    assert "boards[0].url" in result.err and "config.toml" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_corrupt_cache_is_reported_not_replaced(cli: Cli) -> None:
    db = cli.home / "noticetui.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    result = cli("list")
    assert result.code == 1
    assert "cannot be used" in result.err
    assert db.read_bytes() == b"garbage" * 1000


def test_sync_result_says_offline_for_an_unreachable_site_only(tmp_path: Path, fresh_server: DemoServer) -> None:
    import asyncio

    from noticetui.config import BoardConfig
    from noticetui.context import AppContext
    from noticetui.net.fetch import Fetcher
    from noticetui.sync import BoardSyncResult, sync_board

    ctx = AppContext.for_home(tmp_path / "h")
    down = BoardConfig(
        name="down", url=f"http://127.0.0.1:{_closed_port()}/bbs/board.php?bo_table=x", engine="gnuboard"
    )
    broken = BoardConfig(name="broken", url=demo_board_url(fresh_server, "gnuboard"), engine="gnuboard")
    fresh_server.set_fault("500")

    async def run() -> list[BoardSyncResult]:
        async with Fetcher(delay=0, retries=0) as fetcher:
            return [await sync_board(ctx, b, fetcher) for b in (down, broken)]

    unreachable, server_error = asyncio.run(run())
    ctx.close()
    assert unreachable.offline is True and unreachable.error
    assert server_error.offline is False and server_error.error


def test_an_alert_page_sent_instead_of_a_file_is_refused_with_its_message(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    import asyncio

    import pytest

    from noticetui.downloads import DownloadError, fetch_file
    from noticetui.models import Attachment, Request
    from noticetui.net.fetch import Fetcher

    board = demo_board_url(demo_server, "gnuboard")
    # A download link from a session that never viewed the post: gnuboard answers 200 with an alert page.
    key = next(p.key for p in sample_posts(demo_server.now, "g5-notice") if p.attachments and not p.secret)
    url = board.replace("board.php", "download.php") + f"&wr_id={key}&no=0&nonce=x"
    attachment = Attachment(0, "공고문.hwpx", None, Request(url))

    async def run() -> None:
        async with Fetcher(delay=0) as fetcher:
            await fetch_file(fetcher, attachment, 1, tmp_path, None, referer=board)

    with pytest.raises(DownloadError, match=r"refused the file: (잘못된 접근|토큰)"):
        asyncio.run(run())
    assert list(tmp_path.iterdir()) == []


def test_show_of_an_uncached_body_on_a_changed_page_is_one_line(cli: Cli, fresh_server: DemoServer) -> None:
    assert cli("add", demo_board_url(fresh_server, "gnuboard"), "--name", "g5").code == 0
    assert cli("sync", "--pages", "1", "--no-bodies").code == 0
    item = cli("list", "--json").json()[0]
    fresh_server.set_fault("garbage")
    shown = cli("show", str(item["id"]))
    assert shown.code == 1
    assert len(shown.err.strip().splitlines()) == 1 and "cannot be fetched now" in shown.err
    assert item["title"] in shown.out
