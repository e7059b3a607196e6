"""The TUI entry points and the sample-board server."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from noticetui.config import BoardConfig, load_config
from noticetui.config_write import add_board
from noticetui.context import AppContext
from noticetui.demo.server import DemoServer, run_forever
from noticetui.demo.throwaway import downloaded_files, keep_files
from noticetui.i18n import _, ngettext, set_language
from noticetui.paths import resolve_paths
from noticetui.store import Store

if TYPE_CHECKING:
    from noticetui.tui.app import NoticeApp


def board_lines(server: DemoServer) -> list[str]:
    """One line per sample board: name, engine and URL in columns as wide as the longest name and engine."""
    boards = server.boards()
    name_width = max((len(b.name) for b in boards), default=0)
    engine_width = max((len(b.engine) for b in boards), default=0)
    return [f"  {b.name:<{name_width}}  {b.engine:<{engine_width}}  {b.url}" for b in boards]


def cmd_demo_server(args: argparse.Namespace) -> int:
    """Serve the sample boards until interrupted, printing each board's URL."""

    def ready(server: DemoServer) -> None:
        print(_("sample boards at {url} (Ctrl-C to stop):").format(url=server.base_url), flush=True)
        print("\n".join(board_lines(server)), flush=True)

    run_forever("127.0.0.1", args.port, on_ready=ready)
    return 0


def demo_home(server: DemoServer, home: Path) -> AppContext:
    """A throwaway home whose config lists every sample board of ``server``."""
    paths = resolve_paths({"NOTICETUI_HOME": str(home)})
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    # The sample boards are our own server on loopback: no politeness delay is owed to it.
    paths.config_file.write_text("[settings]\ndelay = 0.0\nper_host = 4\n", encoding="utf-8")
    # Titles start with the board's name: several sample boards are all called 공지사항.
    for board in (b for b in server.boards() if b.showcase):
        add_board(
            paths.config_file,
            BoardConfig(name=board.name, url=board.url, engine=board.engine, title=f"{board.name} {board.title}"),
        )
    return AppContext.load(paths)


def cmd_tui(args: argparse.Namespace) -> int:
    """Open the TUI; on the sample boards with --demo or when no board is configured yet."""
    from noticetui.tui.app import NoticeApp

    if not args.demo:
        # The user's own config: a broken one stops here, with its one line (exit 1).
        paths = resolve_paths()
        config = load_config(paths.config_file)
        set_language(config.settings.ui_language)
        if config.boards:
            # The cache is opened (and created) only for boards to show: the demo needs none of it.
            ctx = AppContext(paths, config, Store.open(paths.database))
            try:
                return _run(NoticeApp(ctx))
            finally:
                ctx.close()
        print(_("No boards configured yet: opening the bundled sample boards (noticetui add URL adds yours)."))
    return run_demo()


def run_demo() -> int:
    """The TUI over the sample boards in a throwaway home; the user's config is never read.

    Nothing is written to the user's config, data or cache directories: the demo's config, cache and
    downloads live in a temporary directory (a crash log alone would go to the user's data directory).
    Files the user chose to keep are copied to their downloads folder once the TUI has closed.
    """
    from noticetui.tui.crash import crash_log_dir
    from noticetui.tui.demo_app import DemoApp

    user = resolve_paths()
    with DemoServer() as server, tempfile.TemporaryDirectory(prefix="noticetui-demo-") as home:
        demo = demo_home(server, Path(home))
        app = DemoApp(demo, keep_to=user.downloads)
        app.crash_dir = crash_log_dir(user.database)  # not in the throwaway home
        try:
            status = _run(app)
        finally:
            demo.close()
        if app.keep_downloads:
            status = _keep(demo.download_dir, user.downloads) or status
    sys.stdout.flush()
    return status


def _keep(folder: Path, dest: Path) -> int:
    """Copy what was downloaded in the demo to ``dest``; 1 (and one line) when that fails."""
    try:
        kept = keep_files(downloaded_files(folder), folder, dest)
    except OSError as exc:
        sys.stderr.write(
            _("noticetui: could not keep the demo's downloads in {dest}: {error}").format(
                dest=dest, error=exc.strerror or exc
            )
            + "\n"
        )
        return 1
    print(
        ngettext("Kept {n} downloaded file in {dest}", "Kept {n} downloaded files in {dest}", len(kept)).format(
            n=len(kept), dest=dest
        )
    )
    return 0


def _run(app: NoticeApp) -> int:
    """Run ``app``; 1 when it died on an exception (Textual's, or one raised around its loop)."""
    from noticetui.tui.crash import crash_line, write_crash_log

    try:
        app.run()
    except Exception as exc:  # start-up or shut-down, outside Textual's own handler
        try:
            log = write_crash_log(app.crash_dir, exc)
        except OSError:
            raise exc from None
        sys.stderr.write(crash_line(exc, log) + "\n")
        return 1
    return app.return_code or 0
