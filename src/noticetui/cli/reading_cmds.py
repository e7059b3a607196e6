"""``read`` and ``star``/``unstar``: the reader's marks from the command line.

Every name and id is checked before anything is written: a typo exits 2 and changes nothing.
"""

from __future__ import annotations

import argparse

from noticetui.cli.parser import UsageError
from noticetui.context import AppContext
from noticetui.i18n import _, ngettext
from noticetui.render import sanitize_line


def _post_ids(ctx: AppContext, refs: list[str]) -> list[int]:
    """The ids of the posts named (ids from ``list`` or ``BOARD:KEY``); the first unknown one is an error."""
    ids: list[int] = []
    for ref in refs:
        row = ctx.store.find_post(ref)
        if row is None and (ctx.store.board(ref) or ctx.config.board(ref)):
            raise UsageError(_("{ref!r} is a board: add --all to mark every post of it").format(ref=ref))
        if row is None:
            raise UsageError(_("no cached post {ref!r} (ids come from noticetui list)").format(ref=ref))
        ids.append(row.id)
    return list(dict.fromkeys(ids))


def _posts_phrase(count: int) -> str:
    return ngettext("{count} post", "{count} posts", count).format(count=count)


def cmd_read(args: argparse.Namespace, ctx: AppContext) -> int:
    """Mark posts read (or unread with ``--unread``): ``read ID…``, ``read BOARD… --all``, ``read --all``."""
    read = not args.unread
    state = _("read") if read else _("unread")
    if not args.all:
        if not args.targets:
            raise UsageError(_("name the posts to mark (ids from noticetui list), or use --all"))
        ids = _post_ids(ctx, args.targets)
        changed = ctx.store.mark_posts(ids, read)
        print(_("marked {posts} {state}").format(posts=_posts_phrase(changed), state=state))
        return 0
    if not args.targets:
        changed = ctx.store.mark_board(None, read)
        print(_("marked {posts} of every board {state}").format(posts=_posts_phrase(changed), state=state))
        return 0
    boards: list[tuple[str, int | None]] = []
    for name in dict.fromkeys(args.targets):
        row = ctx.store.board(name)
        if row is None and ctx.config.board(name) is None:
            raise UsageError(_("no board named {name!r} (see noticetui boards)").format(name=name))
        boards.append((name, row.id if row else None))  # a configured board never synced has no posts yet
    for name, board_id in boards:
        changed = 0 if board_id is None else ctx.store.mark_board(board_id, read)
        line = _("marked {posts} of {board} {state}")
        print(line.format(posts=_posts_phrase(changed), board=sanitize_line(name), state=state))
    return 0


def cmd_star(args: argparse.Namespace, ctx: AppContext) -> int:
    """Star posts (``star ID…``) or take their stars away (``unstar ID…``)."""
    starred = args.command == "star"
    changed = ctx.store.star(_post_ids(ctx, args.posts), starred)
    line = _("starred {posts}") if starred else _("unstarred {posts}")
    print(line.format(posts=_posts_phrase(changed)))
    return 0
