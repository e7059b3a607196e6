"""``doctor BOARD``: which engine read a board, and which path (its own selectors or the generic fallback)
found each field of its list page and of one post, so a user can see why a board reads badly.

Exit status 0 when the list and the post were read, 1 when either could not be read at all.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from noticetui.cli.format import error
from noticetui.cli.parser import UsageError
from noticetui.config import BoardConfig
from noticetui.context import AppContext, make_fetcher
from noticetui.engines import get_engine
from noticetui.engines.base import Engine, EngineError, parse_html
from noticetui.engines.common.fallback import ENGINE_PATH, FIELDS, GENERIC_PATH, read_post
from noticetui.i18n import N_, _, ngettext
from noticetui.models import ListPage, ParseContext, Post, PostStub
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.render import sanitize_line
from noticetui.render.width import cell_width, pad
from noticetui.sync import SyncError, board_now, resolve_engine

# Translated where shown: the language is known only once the config is read.
_ENGINE_SELECTORS = N_("engine selectors")
_PATHS = {ENGINE_PATH: _ENGINE_SELECTORS, GENERIC_PATH: N_("generic fallback")}
_LIST_FIELDS = ("title", "posted_at", "author", "views", "notice", "secret", "has_file", "category")


@dataclass
class Report:
    """What doctor found; the printing is apart so that the steps stay readable."""

    board: BoardConfig
    engine: Engine | None = None
    lines: list[str] = field(default_factory=list)
    failed: bool = False

    def say(self, line: str = "") -> None:
        self.lines.append(line)

    def fail(self, line: str) -> None:
        self.failed = True
        self.say(f"  ✗ {sanitize_line(line)}")  # reasons may quote the page


def _short(value: object, width: int = 60) -> str:
    text = sanitize_line(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def _list_table(report: Report, listing: ListPage) -> None:
    stubs = listing.stubs
    pinned = sum(s.notice for s in stubs)
    report.say(
        "  "
        + _("rows: {rows} ({pinned} pinned), keys: {keys} distinct").format(
            rows=len(stubs), pinned=pinned, keys=len({s.key for s in stubs})
        )
    )
    field_heading, rows_heading, path_heading = _("field"), _("rows"), _("path")
    rows_gap = " " * max(0, 9 - cell_width(rows_heading))
    report.say(f"  {pad(field_heading, 12)} {rows_gap}{rows_heading}  {path_heading}")
    report.say(f"  {'key':<12} {len(stubs):>4}/{len(stubs):<4}  {_(_ENGINE_SELECTORS)}")
    for name in _LIST_FIELDS:
        found = sum(1 for s in stubs if getattr(s, name) not in (None, "", False))
        path = _(_ENGINE_SELECTORS) if found else "—"
        report.say(f"  {name:<12} {found:>4}/{len(stubs):<4}  {path}")
    report.say(
        "  "
        + _("next page: {next}, last page: {last}").format(next=listing.next_page or "—", last=listing.last_page or "—")
    )


def _value(post: Post, name: str) -> str:
    if name == "body":
        return _("{count:,} characters of HTML").format(count=len(post.body_html)) if post.body_html else ""
    if name == "attachments":
        return ", ".join(a.name for a in post.attachments)
    if name == "secret":
        return _("yes") if post.secret else ""
    value = getattr(post, name)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return "" if value is None else str(value)


def _post_table(report: Report, post: Post) -> None:
    field_heading, path_heading, value_heading = _("field"), _("path"), _("value")
    report.say(f"  {pad(field_heading, 12)} {pad(path_heading, 17)} {value_heading}")
    for name in FIELDS:
        path = _PATHS.get(post.provenance.get(name, ""))
        report.say(f"  {name:<12} {pad(_(path) if path else '—', 17)} {_short(_value(post, name))}")


async def _read_list(report: Report, engine: Engine, fetcher: Fetcher) -> ListPage | None:
    board = report.board
    page = await fetcher.fetch(engine.list_request_for(board.url, 1, board.options))
    doc = parse_html(page.text)
    report.say(_("list page 1: {url}").format(url=_short(page.url, 100)))
    reason = engine.is_failure_page(doc)
    if reason:
        report.fail(_("the site answered {reason!r}").format(reason=reason))
        return None
    try:
        listing = engine.parse_list(doc, ParseContext(page.url, board_now(board), board.options))
    except EngineError as exc:
        report.fail(f"{engine.name}: {exc}")
        if engine.name != "generic":
            try:
                rows = len(get_engine("generic").parse_list(doc, ParseContext(page.url, board_now(board))).stubs)
            except EngineError:
                rows = 0
            report.say(
                "  "
                + ngettext(
                    'the generic engine would find {rows} row here (engine = "generic" in the config)',
                    'the generic engine would find {rows} rows here (engine = "generic" in the config)',
                    rows,
                ).format(rows=rows)
            )
        return None
    _list_table(report, listing)
    if not listing.stubs:
        report.fail(_("no rows on the list page"))
        return None
    return listing


def _pick(stubs: list[PostStub]) -> PostStub:
    """A post worth reading: the first regular, readable row (pinned notices are often old and special)."""
    return next((s for s in stubs if not s.notice and not s.secret), next((s for s in stubs if not s.secret), stubs[0]))


async def _read_post(report: Report, engine: Engine, fetcher: Fetcher, stub: PostStub) -> None:
    board = report.board
    report.say("")
    report.say(_("post {key}: {title}").format(key=stub.key, title=_short(stub.title)))
    page = await fetcher.fetch(stub.request)
    doc = parse_html(page.text)
    report.say(f"  {_short(page.url, 100)}")
    reason = engine.is_failure_page(doc)
    if reason:
        report.fail(_("the site answered {reason!r}").format(reason=reason))
        return
    ctx = ParseContext(page.url, board_now(board), board.options)
    try:
        engine.parse_post(doc, ctx, stub.key)
    except EngineError as exc:
        report.say("  " + _("{engine} selectors missed: {reason}").format(engine=engine.name, reason=_short(exc, 100)))
    try:
        post = read_post(engine, doc, ctx, stub.key, stub.title)
    except EngineError as exc:
        report.fail(_("nothing could be read: {reason}").format(reason=exc))
        return
    _post_table(report, post)


async def diagnose(ctx: AppContext, board: BoardConfig) -> Report:
    """Read the board's first list page and one of its posts, noting which path found what."""
    report = Report(board)
    async with make_fetcher(ctx) as fetcher:
        try:
            if board.engine == "auto":
                engine = await resolve_engine(board, fetcher)
                report.say(_("engine: {name} ({label}), detected").format(name=engine.name, label=engine.label))
            else:
                engine = get_engine(board.engine)
                report.say(_("engine: {name} ({label}), from the config").format(name=engine.name, label=engine.label))
            report.engine = engine
            listing = await _read_list(report, engine, fetcher)
            if listing is not None:
                await _read_post(report, engine, fetcher, _pick(listing.stubs))
        except (FetchError, SyncError, KeyError) as exc:
            report.fail(str(exc.args[0]) if isinstance(exc, KeyError) else str(exc))
    return report


def cmd_doctor(args: argparse.Namespace, ctx: AppContext) -> int:
    """Print which engine and which path found each field of the board's list page and of one post."""
    board = ctx.config.board(args.board)
    if board is None:
        raise UsageError(_("no board named {name!r} (see noticetui boards)").format(name=args.board))
    report = asyncio.run(diagnose(ctx, board))
    print(_("board: {name}  {url}").format(name=board.name, url=_short(board.url, 100)))
    for line in report.lines:
        print(line)
    if report.failed:
        error(_("{board}: the board could not be read (see above)").format(board=board.name))
        return 1
    return 0
