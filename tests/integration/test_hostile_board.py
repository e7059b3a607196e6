"""The hostile sample board through the real CLI and the TUI: every output is scanned.

Its posts carry every control character, escape sequences, bidi overrides, Rich markup, 100,000-character
words, 5,000 levels of nesting, dangerous links and attachment names that try to leave the download
folder.  No output may carry a raw control character, every JSON must parse and every feed be
well-formed XML, no command may print a traceback, and every word of the deep post must be shown.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from noticetui.context import AppContext
from noticetui.demo.server import DemoServer
from noticetui.demo.templates import hostile
from noticetui.tui.app import NoticeApp
from noticetui.tui.widgets.detail import DetailPane

from .conftest import SETTINGS, Cli, CliResult, cli_at

# Five posts of 5,000 nested levels and 100,000-character words, rendered by every command and by the
# TUI: seconds each on a loaded 2-core machine, so this module gets a longer bound than the default.
pytestmark = pytest.mark.timeout(180)

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal or a machine reader raw: C0 but TAB and LF, DEL, C1, bidi overrides."""
DEEP_WORDS = {f"{kind}{i}" for kind in "dqtuo" for i in range(hostile.DEPTH)}
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def clean(result: CliResult) -> CliResult:
    """``result`` after checking that it succeeded and that nothing raw or no traceback got out."""
    assert result.code == 0, result.err
    assert "Traceback" not in result.out + result.err
    assert RAW.search(result.out) is None, RAW.findall(result.out)[:5]
    assert RAW.search(result.err) is None
    return result


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cli, DemoServer, dict[str, int]]]:
    """A home that has synced the hostile board (server still up), and the post ids by title word."""
    cli = cli_at(tmp_path_factory.mktemp("hostile") / "home", settings=SETTINGS.replace("timeout = 10", "timeout = 30"))
    with DemoServer() as server:
        url = next(b.url for b in server.boards() if b.name == "hostile")
        clean(cli("add", url, "--name", "hostile", "--engine", "gnuboard"))
        sync = clean(cli("sync", "hostile"))
        assert "6 new" in sync.out
        ids = {post["title"].split()[0]: post["id"] for post in clean(cli("list", "--json")).json()}
        yield cli, server, ids


def test_the_board_is_one_of_the_demo_boards() -> None:
    with DemoServer() as server:
        assert [b.engine for b in server.boards() if b.name == "hostile"] == ["gnuboard"]


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--json"),
        ("boards",),
        ("boards", "--json"),
        ("search", "링크"),
        ("search", "링크", "--json"),
        ("search", "click"),
    ],
)
def test_listings_carry_no_raw_control(synced: tuple[Cli, DemoServer, dict[str, int]], args: tuple[str, ...]) -> None:
    cli, _, _ = synced
    result = clean(cli(*args))
    if "--json" in args:
        assert result.json()


def test_every_post_shows_clean_in_text_and_json(synced: tuple[Cli, DemoServer, dict[str, int]]) -> None:
    cli, _, ids = synced
    for post_id in ids.values():
        clean(cli("show", str(post_id), "--width", "80"))
        data = clean(cli("show", str(post_id), "--json")).json()
        assert data["text"]


def test_json_keeps_the_data_exact_but_escaped(synced: tuple[Cli, DemoServer, dict[str, int]]) -> None:
    cli, _, ids = synced
    result = clean(cli("show", str(ids["이스케이프"]), "--json"))
    assert "\\u001b" in result.out and "\\u009b" in result.out
    assert "\x1b]2;pwned\x07" in result.json()["title"]


def test_markup_and_escapes_are_shown_as_inert_text(synced: tuple[Cli, DemoServer, dict[str, int]]) -> None:
    cli, _, ids = synced
    assert "[@click=app.quit]종료[/]" in clean(cli("show", str(ids["방향"]))).out
    assert "]2;pwned" in clean(cli("show", str(ids["이스케이프"]))).out


def test_the_deep_post_shows_every_level(synced: tuple[Cli, DemoServer, dict[str, int]]) -> None:
    cli, _, ids = synced
    text = clean(cli("show", str(ids["깊은"]), "--json")).json()["text"]
    assert set(text.split()) >= DEEP_WORDS


def test_the_long_words_are_shown_whole(synced: tuple[Cli, DemoServer, dict[str, int]]) -> None:
    cli, _, ids = synced
    text = clean(cli("show", str(ids["긴"]), "--json")).json()["text"]
    assert text.count("가") == hostile.LONG_WORD and text.count("W") == hostile.LONG_WORD


@pytest.mark.parametrize("fmt", ["atom", "rss", "json"])
def test_every_feed_is_valid_and_keeps_every_post(synced: tuple[Cli, DemoServer, dict[str, int]], fmt: str) -> None:
    cli, _, _ = synced
    out = clean(cli("export", "hostile", "--format", fmt)).out
    if fmt == "json":
        items = json.loads(out)["items"]
        deep = next(item["content_html"] for item in items if item["title"] == "깊은 중첩")
        assert set(re.sub("<[^>]*>", " ", deep).split()) >= DEEP_WORDS
    else:
        root = ET.fromstring(out)
        items = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("entry", "item")]
    assert len(items) == 6


def test_hostile_attachment_names_land_inside_the_folder_with_safe_names(
    synced: tuple[Cli, DemoServer, dict[str, int]], tmp_path: Path
) -> None:
    cli, _, ids = synced
    target = tmp_path / "downloads"
    result = clean(cli("download", str(ids["링크와"]), "--to", str(target)))
    saved = [Path(line) for line in result.out.splitlines() if line.strip()]
    assert len(saved) == len(hostile.FILE_NAMES)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len({f.name for f in files}) == len(hostile.FILE_NAMES)  # the duplicates kept apart
    for file in files:
        assert file.parent == target
        name = file.name
        assert RAW.search(name) is None and "\\" not in name and len(name.encode()) <= 255
        assert name.split(".")[0].strip().lower() not in RESERVED
        assert not name.startswith(".") and name == name.strip(" .")
        assert all(unicodedata.category(c) != "Cc" for c in name)


def _screen_text(app: NoticeApp) -> str:
    pane = app.screen.query_one(DetailPane)
    parts = [pane.query_one("#detail-header", Static).content, *(w.content for w in pane.query(Static))]
    return "\n".join(str(getattr(part, "plain", part)) for part in parts)


async def test_the_tui_shows_every_post_without_raw_controls_or_a_crash(
    synced: tuple[Cli, DemoServer, dict[str, int]],
) -> None:
    cli, _, ids = synced
    ctx = AppContext.for_home(cli.home)
    try:
        app = NoticeApp(ctx, sync_on_start=False)
        seen: set[str] = set()
        async with app.run_test(size=(100, 40)) as pilot:
            for _ in ids:
                await pilot.press("enter")
                await pilot.pause()
                # The body is laid out in a thread: read the screen once it is shown, not the post before.
                detail = app.query_one(DetailPane)
                await app.workers.wait_for_complete([w for w in app.workers if w.node is detail])
                await pilot.pause()
                text = _screen_text(app)
                assert RAW.search(app.export_screenshot()) is None
                assert RAW.search(text) is None
                seen |= {word for word in ids if word in text}
                if "깊은 중첩" in text:
                    assert set(text.split()) >= DEEP_WORDS
                await pilot.press("j")
            assert app.is_running
        assert seen == set(ids)  # every post was opened
    finally:
        ctx.close()
