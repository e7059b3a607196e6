"""``add``, ``boards`` and ``remove``: the boards a user follows."""

from __future__ import annotations

import argparse
import asyncio
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from noticetui.cli.format import error, print_json, short_date
from noticetui.cli.parser import UsageError
from noticetui.config import NAME_RE, BoardConfig
from noticetui.config_write import add_board, remove_board
from noticetui.context import AppContext, make_fetcher
from noticetui.engines import all_engines, detect, get_engine
from noticetui.engines.base import Engine, EngineError, parse_html
from noticetui.engines.common.site_errors import site_error
from noticetui.i18n import _, ngettext
from noticetui.local_dates import parse_stored, when
from noticetui.models import SEOUL, ListPage, ParseContext, Request
from noticetui.net.fetch import Fetcher, FetchError
from noticetui.render import sanitize_line
from noticetui.sync import choose_engine

# Query parameters that name a board on the engines we know, most specific first.
_BOARD_PARAMS = ("bo_table", "bid", "mid", "bbsId", "bbsNo", "boardId", "board_id", "boardid", "bcode", "code")


@dataclass
class Found:
    """What ``add`` learnt about a URL."""

    engine: Engine
    score: float | None
    board_url: str
    listing: ListPage
    tried: list[tuple[str, float]]


def _site_label(host: str | None) -> str:
    """``www.mohw.go.kr`` → ``mohw``; an IP address gives nothing."""
    if not host or re.fullmatch(r"[\d.:]+", host):
        return ""
    labels = [p for p in host.split(".") if p not in ("www", "web", "m")]
    return labels[0] if labels else ""


def suggest_name(url: str, taken: set[str]) -> str:
    """A short board name from the URL (``bo_table=notice`` → ``notice``), unique among ``taken``.

    Opaque ids (``bbsId=BBSMSTR_000000000011``, ``mid=a10501010000``, ``bbsNo=1024``) are prefixed with the
    site's name and shortened, so the name still says which board it is (``mohw-1024``).
    """
    base = _name_stem(url)
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def _name_stem(url: str) -> str:
    """The name :func:`suggest_name` starts from, before it is made unique."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    base = next((query[p] for p in _BOARD_PARAMS if query.get(p)), "")
    if not base:
        segments = [s for s in parts.path.split("/") if s and not re.fullmatch(r"\d+|index\.\w+|page", s)]
        base = re.sub(r"\.\w+$", "", segments[-1]) if segments else ""
    digits = re.search(r"\d{3,}", base)
    if digits and len(re.sub(r"\d", "", base)) <= len(digits.group(0)):
        tail = digits.group(0).lstrip("0")[-6:] or "0"
        base = f"{_site_label(parts.hostname) or 'board'}-{tail}"
    base = re.sub(r"[^\w.-]+", "-", base).strip("-.") or _site_label(parts.hostname) or "board"
    return base[:40] if NAME_RE.match(base) else "board"


async def inspect_url(url: str, engine_name: str | None, fetcher: Fetcher) -> Found:
    """Fetch ``url``, choose its engine, move from a post to its board, and read the first list page."""
    page = await fetcher.fetch(Request(url))
    doc = parse_html(page.text)
    detections = detect(page.url, doc)
    tried = [(d.engine.name, d.score) for d in detections]
    if engine_name:
        engine, score = get_engine(engine_name), None
    else:
        chosen = choose_engine(detections)
        if chosen is None:
            said = site_error(doc)
            if said:  # a missing post or a refused visit: the site's own words say more than engine scores
                raise UsageError(_("{url}: the site answered {reason!r}").format(url=url, reason=said))
            scores = ", ".join(f"{n} {s:.2f}" for n, s in tried[:6])
            raise UsageError(
                _("{url}: no engine recognises this page (tried: {scores}); use --engine").format(
                    url=url, scores=scores
                )
            )
        engine, score = chosen.engine, chosen.score
    board_url = engine.board_url(page.url, doc)
    if board_url != page.url:
        page = await fetcher.fetch(engine.list_request(board_url, 1))
        doc = parse_html(page.text)
    listing = engine.parse_list(doc, ParseContext(page.url, datetime.now(SEOUL)))
    return Found(engine, score, board_url, listing, tried)


def _describe(found: Found) -> None:
    if found.score is None:
        confidence = _("chosen with --engine")
    else:
        confidence = _("confidence {score}").format(score=f"{found.score:.2f}")
    print(
        _("engine: {name} ({label}), {confidence}").format(
            name=found.engine.name, label=found.engine.label, confidence=confidence
        )
    )
    print(_("board:  {url}").format(url=found.board_url))
    for stub in found.listing.stubs[:5]:
        mark = "[공지] " if stub.notice else ""  # the boards' own word, as the list column shows it
        print(f"  {short_date(stub.posted_at)}  {mark}{sanitize_line(stub.title)}")


_PAGING = frozenset({"page", "pageindex", "pageid", "pageno", "cpage", "currentpage"})


def board_identity(url: str) -> tuple[str, str, frozenset[tuple[str, str]]]:
    """What makes two list URLs the same board: host, path and query, less paging and empty fields."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    query = frozenset((k, v) for k, v in parse_qsl(parts.query) if v and k.lower() not in _PAGING)
    return host, parts.path.rstrip("/") or "/", query


def followed_as(ctx: AppContext, url: str) -> str | None:
    """The name of the configured board whose list URL is ``url``'s board, if any."""
    wanted = board_identity(url)
    return next((b.name for b in ctx.config.boards if board_identity(b.url) == wanted), None)


def check_url(url: str) -> None:
    """A usage error unless ``url`` is an http(s) URL with a host (``http://[::1`` is not)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a bad port raises here, not in the middle of a fetch
    except ValueError as exc:
        raise UsageError(_("{url!r} is not a valid URL ({reason})").format(url=url, reason=exc)) from exc
    if parts.scheme not in ("http", "https") or not host:
        raise UsageError(_("{url!r} is not an http(s) URL of a board").format(url=url))


def cmd_add(args: argparse.Namespace, ctx: AppContext) -> int:
    """Detect the engine of a board URL, save the board, then show what was found.

    The board is saved before anything is printed: a reader that goes away early (``add URL | head -1``)
    cannot lose the save. A board already followed (its list URL, or a post URL of it) is refused with
    exit status 2 and the name it is followed as.
    """
    check_url(args.url)
    if args.engine:
        get_engine_or_usage(args.engine)
    if args.name and not NAME_RE.match(args.name):
        raise UsageError(_("{name!r} is not a usable name (letters, digits, _ . -)").format(name=args.name))
    if args.name and ctx.config.board(args.name):
        raise UsageError(_("a board named {name!r} already exists (give another with --name)").format(name=args.name))
    if name := followed_as(ctx, args.url):
        raise UsageError(_("{url}: already followed as {name!r}").format(url=args.url, name=name))

    async def run() -> Found:
        async with make_fetcher(ctx) as fetcher:
            return await inspect_url(args.url, args.engine, fetcher)

    try:
        found = asyncio.run(run())
    except (FetchError, EngineError) as exc:
        error(str(exc))
        return 1
    if not found.listing.stubs:
        _describe(found)
        error(
            _("{url}: the {engine} engine found no posts on this page; not saved").format(
                url=found.board_url, engine=found.engine.name
            )
        )
        return 1
    if name := followed_as(ctx, found.board_url):
        raise UsageError(
            _("{url}: already followed as {name!r} ({board_url})").format(
                url=args.url, name=name, board_url=found.board_url
            )
        )
    name = args.name or suggest_name(found.board_url, {b.name for b in ctx.config.boards})
    board = BoardConfig(name=name, url=found.board_url, engine=found.engine.name, pages=args.pages)
    add_board(ctx.paths.config_file, board)
    _describe(found)
    print(_("saved board {name!r} in {path}").format(name=name, path=ctx.paths.config_file))
    return 0


def get_engine_or_usage(name: str) -> Engine:
    """The engine ``name``, or a usage error listing the known ones."""
    try:
        return get_engine(name)
    except KeyError as exc:
        known = ", ".join(sorted(all_engines()))
        raise UsageError(_("unknown engine {name!r} (known: {known})").format(name=name, known=known)) from exc


def cmd_boards(args: argparse.Namespace, ctx: AppContext) -> int:
    """The configured boards with their counts and last sync."""
    cached = {b.name: b for b in ctx.store.boards()}
    rows: list[dict[str, Any]] = []
    for board in ctx.config.boards:
        row = cached.get(board.name)
        rows.append(
            {
                "name": board.name,
                "url": board.url,
                "engine": row.engine if row and board.engine == "auto" else board.engine,
                "posts": row.posts if row else 0,
                "unread": row.unread if row else 0,
                "last_sync": row.last_sync if row else None,
                "last_error": row.last_error if row else None,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("no boards yet: noticetui add URL (or try noticetui --demo)"))
        return 0
    now = datetime.now(UTC)
    for r in rows:
        synced = parse_stored(r["last_sync"])
        if r["last_error"]:
            status = _("error: {reason}").format(reason=sanitize_line(r["last_error"]))
        else:
            status = _("synced {when}").format(when=when(synced, now)) if synced else _("never synced")
        count = f"{r['posts']:>6}"
        # Padded to the plural's width, so that the unread column stays aligned after "1 post".
        widest = len(ngettext("{n} post", "{n} posts", 2).format(n=count))
        posts = ngettext("{n} post", "{n} posts", r["posts"]).format(n=count).ljust(widest)
        unread = _("{n} unread").format(n=f"{r['unread']:>6}")
        print(f"{r['name']:<16} {r['engine']:<10} {posts} {unread}  {status}")
        print(f"{'':16} {r['url']}")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: AppContext) -> int:
    """Remove a board from the config (and with --purge its cached posts)."""
    if ctx.config.board(args.board) is None and not (args.purge and ctx.store.board(args.board)):
        raise UsageError(_("no board named {name!r}").format(name=args.board))
    if ctx.config.board(args.board) is not None:
        remove_board(ctx.paths.config_file, args.board)
        print(_("removed board {name!r} from {path}").format(name=args.board, path=ctx.paths.config_file))
    if args.purge:
        deleted = ctx.store.delete_board(args.board)
        print(ngettext("deleted {n} cached post", "deleted {n} cached posts", deleted).format(n=deleted))
    return 0
