"""``list``, ``show``, ``search`` and ``export``: reading the cache."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from noticetui.cli.format import error, print_json, print_json_array, short_date, terminal_width
from noticetui.cli.parser import UsageError
from noticetui.context import AppContext, make_fetcher
from noticetui.feeds import write_feed
from noticetui.i18n import _, ngettext
from noticetui.local_dates import stored_stamp
from noticetui.net.fetch import FetchError
from noticetui.post_diff import unified, version_text
from noticetui.post_export import Format, body_text, file_name, post_text, render_post, write_new
from noticetui.render import sanitize_line
from noticetui.store import AttachmentRow, ListQuery, PostRow, QueryError, listing
from noticetui.sync import SyncError, ensure_body


def _json_items(ctx: AppContext, batches: Iterable[list[PostRow]]) -> Iterator[dict[str, Any]]:
    for rows in batches:
        files = ctx.store.attachments([r.id for r in rows])
        yield from (r.to_json(files[r.id]) for r in rows)


def _print_rows(ctx: AppContext, batches: Iterable[list[PostRow]], as_json: bool) -> None:
    """Print posts batch by batch (never the whole cache in memory), as lines or as one JSON array."""
    if as_json:
        print_json_array(_json_items(ctx, batches))
        return
    for rows in batches:
        files = ctx.store.attachments([r.id for r in rows])
        for r in rows:
            marks = ("★ " if r.starred else "") + ("[공지] " if r.notice else "") + ("[비밀] " if r.secret else "")
            marks += "✎ " if r.edited else ""  # as the TUI marks it: show --changes has the diff
            unread = "*" if not r.read else " "
            count = len(files[r.id])
            clip = "  +" + ngettext("{n} file", "{n} files", count).format(n=count) if count else ""
            clip = clip or ("  +" + _("files") if r.has_file else "")
            author = f"  ({sanitize_line(r.author)})" if r.author else ""
            print(f"{r.id:>6} {unread} {short_date(r.posted_at)}  {marks}{sanitize_line(r.title)}{author}{clip}")


_SAME_NAMED = ("unread", "starred", "after", "before", "sort", "reverse")
"""The ``list`` options that set the :class:`ListQuery` field of their own name."""


def cmd_list(args: argparse.Namespace, ctx: AppContext) -> int:
    """Cached posts, newest first, pinned notices marked."""
    board_ids: tuple[int, ...] = ()
    if args.board:
        row = ctx.store.board(args.board)
        if row is None:
            if ctx.config.board(args.board) is None:
                raise UsageError(_("no board named {name!r} (see noticetui boards)").format(name=args.board))
            _print_rows(ctx, [], args.json)
            return 0
        board_ids = (row.id,)
    if args.after and args.before and args.after >= args.before:
        raise UsageError(
            _("--after {after} is not before --before {before}: nothing can match").format(
                after=args.after, before=args.before
            )
        )
    query = ListQuery(board_ids, has_file=args.files, **{name: getattr(args, name) for name in _SAME_NAMED})
    if args.starred and query == ListQuery(board_ids, args.unread, starred=True):
        # Starred alone: newest star first, as the TUI's ★ Starred view lists them.
        board_id = board_ids[0] if board_ids else None
        _print_rows(ctx, [ctx.store.starred_posts(board_id, unread_only=args.unread, limit=args.limit)], args.json)
        return 0
    _print_rows(ctx, listing.iter_batches(ctx.store.conn, query, limit=args.limit), args.json)
    return 0


def cmd_search(args: argparse.Namespace, ctx: AppContext) -> int:
    """Full-text search over cached titles and bodies (operators narrow it: board: after: …)."""
    query = " ".join(args.query)
    if not query.strip():  # an empty query matches nothing: say so rather than print nothing and exit 0
        raise UsageError(_("nothing to search for: give words or operators such as board:NAME"))
    try:
        rows = ctx.store.search(query, limit=args.limit)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    _print_rows(ctx, [rows], args.json)
    return 0


def cmd_show(args: argparse.Namespace, ctx: AppContext) -> int:
    """A post as plain text (its body fetched first when it is not cached)."""
    _one_output(args)
    row = ctx.store.find_post(args.post)
    if row is None:
        raise UsageError(_("no cached post {post!r} (ids come from noticetui list)").format(post=args.post))
    status = 0
    if not row.has_body and not row.secret:
        try:
            row = asyncio.run(_fetch_body(ctx, row.id))
        except (FetchError, SyncError) as exc:
            error(_("the body is not cached and cannot be fetched now: {reason}").format(reason=exc))
            status = 1
    other = _show_other(ctx, row, args)
    if other is not None:
        return other or status
    files = ctx.store.attachments([row.id])[row.id]
    # JSON carries text, not layout: no line breaks of ours unless --width asks for them.
    width = args.width or (None if args.json else terminal_width())
    text, links = body_text(row, width)
    if not args.no_mark_read and row.has_body:
        ctx.store.set_read([row.id])
    if args.json:
        data = row.to_json(files)
        data.update(text=text, links=links)
        print_json(data)
        return status
    sys.stdout.write(post_text(row, files, width))
    return status


def _one_output(args: argparse.Namespace) -> None:
    """Refuse two of show's outputs at once (only one could be printed; the other would be dropped unsaid)."""
    chosen = [
        flag
        for flag, asked in (
            ("--json", args.json),
            ("--attachment", args.attachment is not None),
            ("--changes", args.changes),
            ("--html/--save", args.html or args.save is not None),
        )
        if asked
    ]
    if len(chosen) > 1:
        raise UsageError(
            _("{first} and {second} cannot go together: choose one").format(first=chosen[0], second=chosen[1])
        )


def _show_other(ctx: AppContext, row: PostRow, args: argparse.Namespace) -> int | None:
    """What ``show`` prints instead of the text when asked (an attachment, the changes, HTML or a file);
    None when it was not asked."""
    if args.attachment is not None:
        from noticetui.cli.preview_cmd import show_attachment

        return show_attachment(ctx, row, args.attachment)
    if args.changes:
        return _print_changes(ctx, row)
    if args.html or args.save is not None:
        return _save_or_print(ctx, row, ctx.store.attachments([row.id])[row.id], args)
    return None


def _save_or_print(ctx: AppContext, row: PostRow, files: list[AttachmentRow], args: argparse.Namespace) -> int:
    """``show --html`` prints the post as a standalone HTML page; ``--save PATH`` writes it (or the text)
    to a new file (never over one: a taken name gets " (2)"), and prints the path written."""
    fmt: Format = "html" if args.html or str(args.save).lower().endswith((".html", ".htm")) else "text"
    page = render_post(row, files, fmt)
    if not args.no_mark_read and row.has_body:
        ctx.store.set_read([row.id])
    if args.save is None:
        sys.stdout.write(page)
        return 0
    target: Path = args.save
    if target.is_dir():
        target = target / file_name(row, fmt)
    try:
        written = write_new(target, page)
    except OSError as exc:
        error(_("cannot save to {path}: {reason}").format(path=target, reason=exc.strerror or exc))
        return 1
    print(written)
    return 0


def _print_changes(ctx: AppContext, row: PostRow) -> int:
    """``show --changes``: the unified diff of the post's previous version and the current one."""
    earlier = ctx.store.versions(row.id)
    if not earlier:
        print(_("post {post} has no earlier version: no sync found it edited").format(post=row.id))
        return 0
    last = earlier[-1]
    old = version_text(last.title, last.body_html, row.url)
    new = version_text(row.title, row.body_html or "", row.url)
    label = _("previous (replaced {when})").format(when=stored_stamp(last.replaced_at))
    sys.stdout.write(unified(old, new, label, _("current")) or _("the versions differ only in markup") + "\n")
    return 0


async def _fetch_body(ctx: AppContext, post_id: int) -> PostRow:
    async with make_fetcher(ctx) as fetcher:
        return await ensure_body(ctx, post_id, fetcher)


def cmd_export(args: argparse.Namespace, ctx: AppContext) -> int:
    """A board as an Atom, RSS or JSON feed on stdout."""
    board = ctx.store.board(args.board)
    if board is None and ctx.config.board(args.board) is None:
        raise UsageError(_("no board named {name!r} (see noticetui boards)").format(name=args.board))
    if board is None:
        raise UsageError(_("no cached board named {name!r} (sync it first)").format(name=args.board))
    # Post by post, body and all, straight to stdout: a feed of any length needs one post in memory.
    listed = (r for rows in ctx.store.iter_posts(board.id, limit=args.limit) for r in rows)
    with_bodies = (p for p in (ctx.store.post(r.id) for r in listed) if p is not None)
    # Content is the sanitised body HTML and the summary its one-line text, not the terminal rendering.
    write_feed(args.format, board, with_bodies, None, sys.stdout)
    return 0
