"""The command line's grammar (the contract in docs/architecture.md and the README)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from noticetui import __version__
from noticetui.cli.argparse_words import argparse_in_ui_language
from noticetui.config import parse_duration
from noticetui.feeds import FORMATS
from noticetui.i18n import N_, _
from noticetui.store.listing import SORT_KEYS
from noticetui.store.operators import QueryError, parse_day


class UsageError(Exception):
    """Bad usage: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def positive(text: str) -> int:
    """An argparse type: a whole number ≥ 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("expected a whole number ≥ 1, got {text!r}").format(text=text))
    return int(text)


def duration(text: str) -> float:
    """An argparse type: ``30m``, ``2h``, ``1h30m``, ``90s`` or bare seconds; at least one second."""
    try:
        seconds = parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if seconds < 1:
        raise argparse.ArgumentTypeError(_("expected at least 1s, got {text!r}").format(text=text))
    return seconds


def day(text: str) -> date:
    """An argparse type: a day, ``2026-11-01``, ``2026.11.01``, ``2026년 11월 1일``…"""
    try:
        return parse_day(text)
    except QueryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 0 (any free one) to 65535."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(_("expected a port from 0 to 65535, got {text!r}").format(text=text))
    return int(text)


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments ``argv`` (default: the process's), argparse's own words in the UI language; bad usage
    raises :class:`UsageError` (``--help`` and ``--version`` print and exit 0, as argparse does)."""
    with argparse_in_ui_language():
        return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``noticetui``'s arguments."""
    parser = _Parser(
        prog="noticetui",
        description=_("Follow web notice boards (게시판) from a terminal. With no command, opens the TUI."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"noticetui {__version__}",
        # argparse 3.11 and 3.12 do not translate their own help of --version
        help=_("show program's version number and exit"),
    )
    parser.add_argument("--demo", action="store_true", help=_("open the TUI on the bundled sample boards"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("demo-server", help=_("serve the sample boards on 127.0.0.1"))
    p.add_argument("--port", type=int, default=8765, help=_("port to listen on (0: any free port)"))

    p = sub.add_parser("add", help=_("detect a board's engine and save it"))
    p.add_argument("url")
    p.add_argument("--name", help=_("the board's short name (default: derived from the URL)"))
    p.add_argument("--engine", help=_("skip detection and use this engine"))
    p.add_argument("--pages", type=positive, default=3, help=_("list pages a sync reads (default 3)"))

    p = sub.add_parser("boards", help=_("configured boards with counts and last sync"))
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("remove", help=_("remove a board from the config"))
    p.add_argument("board")
    p.add_argument("--purge", action="store_true", help=_("also delete its cached posts"))

    p = sub.add_parser("sync", help=_("fetch new posts (and their bodies)"))
    p.add_argument("boards", nargs="*", metavar="BOARD")
    p.add_argument("--pages", type=positive, help=_("list pages to read (default: each board's setting)"))
    p.add_argument("--no-bodies", action="store_true", help=_("list pages only, no post bodies"))
    p.add_argument("--refresh", action="store_true", help=_("fetch again the bodies of the posts on the pages read"))
    p.add_argument("--notify", action="store_true", help=_("run notify-send (or notify_command) per watched new post"))
    p.add_argument("--every", type=duration, metavar="TIME", help=_("sync again every TIME (30m, 2h) until Ctrl-C"))

    p = sub.add_parser("list", help=_("cached posts, newest first"))
    p.add_argument("board", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--unread", action="store_true", help=_("only unread posts"))
    p.add_argument(
        "--starred",
        action="store_true",
        help=_("only starred posts, newest star first (by date with other filters or --sort)"),
    )
    p.add_argument("--limit", type=positive)
    p.add_argument("--files", action="store_true", help=_("only posts with attachments"))
    p.add_argument("--after", type=day, metavar="DATE", help=_("only posts from DATE on (2026-11-01, 2026.11.01)"))
    p.add_argument("--before", type=day, metavar="DATE", help=_("only posts before DATE"))
    p.add_argument(
        "--sort",
        choices=SORT_KEYS,
        default="date",
        help=_("order: date (newest first, the default), board, title, views"),
    )
    p.add_argument("--reverse", action="store_true", help=_("the other way round (oldest first, Z to A, fewest views)"))

    p = sub.add_parser("read", help=_("mark posts (or whole boards with --all) read"))
    p.add_argument(
        "targets", nargs="*", metavar="ID|BOARD", help=_("post ids; with --all, board names (none: every board)")
    )
    p.add_argument("--all", action="store_true", help=_("every post of the boards named (of every board if none)"))
    p.add_argument("--unread", action="store_true", help=_("mark them unread instead"))

    for name, verb in (("star", N_("star posts")), ("unstar", N_("take posts' stars away"))):
        p = sub.add_parser(name, help=_(verb))
        p.add_argument("posts", nargs="+", metavar="ID", help=_("post ids from `list`, or BOARD:KEY"))

    p = sub.add_parser("show", help=_("a post as plain text"))
    p.add_argument("post", help=_("a post id from `list`, or BOARD:KEY"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--width", type=positive, help=_("wrap to this many columns (default: the terminal's)"))
    p.add_argument("--attachment", type=int, metavar="N", help=_("preview attachment N (from 0) as text"))
    p.add_argument("--no-mark-read", action="store_true", help=_("leave the post unread"))
    p.add_argument("--html", action="store_true", help=_("the post as a standalone HTML page (sanitised body)"))
    p.add_argument("--save", type=Path, metavar="PATH", help=_("write the post to a new file (.html: as HTML)"))
    p.add_argument("--changes", action="store_true", help=_("what changed since the previous version (a diff)"))

    p = sub.add_parser(
        "search",
        help=_("full-text search over cached titles and bodies"),
        description=_(
            "Words are ANDed; operators narrow the results: board:NAME after:DATE before:DATE "
            'file:NAME-PART title:WORD (quotes keep spaces: title:"사업 공고").'
        ),
    )
    p.add_argument("query", nargs="+")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=positive, default=100)

    p = sub.add_parser("download", help=_("download a post's attachments"))
    p.add_argument("post")
    p.add_argument("--index", type=int, action="append", metavar="N", help=_("only attachment N (from 0)"))
    p.add_argument("--to", type=Path, metavar="DIR", help=_("save into DIR (default: the downloads folder)"))

    p = sub.add_parser("export", help=_("a board as a feed on stdout"))
    p.add_argument("board")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--limit", type=positive, help=_("only the newest N posts (default: every cached post)"))

    p = sub.add_parser("serve", help=_("every board and saved search as Atom/RSS/JSON feeds over HTTP"))
    p.add_argument(
        "--port", type=port_number, default=8766, help=_("port to listen on (default 8766; 0: any free port)")
    )
    p.add_argument("--host", help=_("address to listen on (default 127.0.0.1; others are reachable from outside)"))

    p = sub.add_parser("doctor", help=_("which engine and path read each field of a board's list and one post"))
    p.add_argument("board")
    return parser
