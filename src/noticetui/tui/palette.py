"""The command palette (Ctrl+P): every usable action, every board, recent posts and the colour themes.

Actions come from the registry (:mod:`noticetui.tui.actions`) and run exactly as their keys do: the
same action string on the same node.  Rows and titles are page text, so they are sanitised and shown as
plain text (:class:`~textual.content.Content`), never as markup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode

from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.store import Store, StoreError
from noticetui.store.records import PostRow
from noticetui.tui.actions import ACTIONS, Action
from noticetui.tui.keymap import active_keys
from noticetui.tui.keytable import keys_label

if TYPE_CHECKING:
    from noticetui.tui.app import NoticeApp
    from noticetui.tui.backend import Backend

RECENT_POSTS = 50
"""How many read posts the palette offers."""

_AREA_NODES = {"boards": "#boards", "posts": "#posts", "post": "#detail"}


def action_node(app: NoticeApp, screen: DOMNode, action: Action) -> DOMNode | None:
    """The node whose key would run ``action`` on ``screen`` (None when that area is not on it)."""
    from noticetui.tui.screens.activity import ActivityScreen
    from noticetui.tui.screens.main import MainScreen

    if action.area == "app" or action.action.startswith("app."):
        return app
    if action.area == "main":
        return screen if isinstance(screen, MainScreen) else None
    if action.area == "tasks":
        return screen if isinstance(screen, ActivityScreen) else None
    found = screen.query(_AREA_NODES[action.area])
    return found.first() if found else None


def usable(app: NoticeApp, screen: DOMNode, action: Action) -> DOMNode | None:
    """The node to run ``action`` on, when it is implemented there and its node allows it now."""
    node = action_node(app, screen, action)
    if node is None:
        return None
    name = action.action.removeprefix("app.").split("(")[0]
    if not callable(getattr(node, f"action_{name}", None)):
        return None
    return node if node.check_action(name, ()) else None


class ActionsProvider(Provider):
    """Every registry action marked for the palette that can run now, with its active key and tip."""

    def _hits(self) -> list[tuple[Action, DOMNode, str]]:
        app: NoticeApp = self.app  # type: ignore[assignment]
        found = []
        for action in ACTIONS:
            if not action.palette:
                continue
            node = usable(app, self.screen, action)
            if node is not None:
                found.append((action, node, keys_label(active_keys(action, app.keymap))))
        return found

    def _prompt(self, action: Action, keys: str, label: Content | None = None) -> Content:
        return Content.assemble(label or Content(_(action.label)), (f"  {keys}", "dim"))

    def _run(self, action: Action, node: DOMNode) -> Callable[[], Any]:
        return partial(self.app.run_action, action.action, node)

    async def discover(self) -> Hits:
        """With nothing typed: every usable action, in the registry's order."""
        for action, node, keys in self._hits():
            yield DiscoveryHit(self._prompt(action, keys), self._run(action, node), _(action.label), _(action.tip))

    async def search(self, query: str) -> Hits:
        """Actions whose label (or, less strongly, tip) matches ``query``."""
        matcher = self.matcher(query)
        for action, node, keys in self._hits():
            label, tip = _(action.label), _(action.tip)
            score = max(matcher.match(label), matcher.match(tip) * 0.5)
            if score > 0:
                shown = matcher.highlight(label) if matcher.match(label) else Content(label)
                yield Hit(score, self._prompt(action, keys, shown), self._run(action, node), label, tip)


class BoardsProvider(Provider):
    """Every board of the boards pane: choosing one lists its posts."""

    def _boards(self) -> list[tuple[int, str]]:
        from noticetui.tui.widgets.boards import BoardsPane

        panes = self.screen.query(BoardsPane)
        if not panes:
            return []
        return [(i, sanitize_line(e.label) or e.key) for i, e in enumerate(panes.first().entries)]

    def _jump(self, index: int) -> Callable[[], None]:
        def jump() -> None:
            from noticetui.tui.widgets.boards import BoardsPane

            self.screen.query_one(BoardsPane).highlighted = index
            self.screen.query_one("#posts").focus()

        return jump

    async def discover(self) -> Hits:
        """Every board, in the pane's order."""
        for index, title in self._boards():
            text = _("Board: {title}").format(title=title)
            yield DiscoveryHit(Content(text), self._jump(index), text)

    async def search(self, query: str) -> Hits:
        """Boards whose title matches ``query``."""
        matcher = self.matcher(query)
        for index, title in self._boards():
            text = _("Board: {title}").format(title=title)
            if score := matcher.match(text):
                yield Hit(score, matcher.highlight(text), self._jump(index), text)


def recent_posts(store: Store, first: list[int], limit: int = RECENT_POSTS) -> list[PostRow]:
    """The posts opened this session (``first``, newest first), then the newest read posts of the cache."""
    sql = "SELECT id FROM posts WHERE read = 1 ORDER BY posted_ts DESC, id DESC LIMIT ?"
    ids = list(dict.fromkeys([*first, *(row[0] for row in store.conn.execute(sql, (limit,)))]))
    return store.posts_by_id(ids[:limit])


class RecentPostsProvider(Provider):
    """The posts read lately: choosing one opens it."""

    posts: list[PostRow]

    async def startup(self) -> None:
        """Read the recent posts in the back room (the UI loop reads no more than a handful of rows)."""
        app: NoticeApp = self.app  # type: ignore[assignment]
        opened = list(reversed(app.opened_posts))

        async def job(backend: Backend) -> list[PostRow]:
            return recent_posts(backend.ctx.store, opened)

        try:
            self.posts = await app.backend.run(job)
        except (StoreError, sqlite3.Error):  # a cache the back room cannot read only leaves this list empty
            self.posts = []

    def _open(self, post: PostRow) -> Callable[[], None]:
        def open_post() -> None:
            from noticetui.tui.widgets.post_list import PostList

            self.screen.post_message(PostList.Chosen(post))

        return open_post

    async def search(self, query: str) -> Hits:
        """Read posts whose title (or board) matches ``query`` (on a screen that can show a post)."""
        if not query.strip() or not self.screen.query("#detail"):
            return
        matcher = self.matcher(query)
        for post in self.posts:
            title = sanitize_line(post.title)
            text = _("Post: {title}").format(title=title)
            if score := matcher.match(f"{text} {post.board}"):
                when = post.posted_at.strftime("%Y-%m-%d") if post.posted_at else ""
                shown = matcher.highlight(text) if matcher.match(text) else Content(text)
                yield Hit(score * 0.9, shown, self._open(post), text, f"{sanitize_line(post.board)} · {when}")


class ThemesProvider(Provider):
    """Textual's built-in colour themes: choosing one applies it and saves it in the config."""

    async def search(self, query: str) -> Hits:
        """Themes whose name matches ``query`` (``theme`` lists them all)."""
        app: NoticeApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for name in sorted(app.available_themes):
            text = _("Theme: {name}").format(name=name)
            if score := matcher.match(text):
                yield Hit(score * 0.8, matcher.highlight(text), partial(app.choose_theme, name), text)


PROVIDERS: tuple[type[Provider], ...] = (ActionsProvider, BoardsProvider, RecentPostsProvider, ThemesProvider)
"""The palette's providers, in the order their hits are gathered."""
