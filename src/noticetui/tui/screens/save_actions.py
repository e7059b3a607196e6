"""Keeping the open post: save it as a file (``s``), copy its address or one of its links (``y``, ``Y``),
and see what changed in it when a sync found it edited (``=``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual import work

from noticetui.i18n import _
from noticetui.post_export import Format, file_name, render_post, write_new
from noticetui.render import sanitize_line
from noticetui.store import PostRow
from noticetui.tui.links import Target, targets
from noticetui.tui.screens.changes import ChangesScreen
from noticetui.tui.screens.file_actions import FileActions
from noticetui.tui.screens.links import LinksScreen
from noticetui.tui.screens.save_post import SavePostScreen
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList


class SaveActions(FileActions):
    """``s``, ``y``, ``Y`` and ``=`` on the main screen."""

    def _post_here(self) -> PostRow | None:
        """The post in the detail pane, else the one under the list's cursor (None: say so)."""
        post = self.query_one("#detail", DetailPane).post or self.query_one("#posts", PostList).current
        if post is None:
            self.notify(_("Open a post first (Enter)."), markup=False)
        return post

    def action_save_post(self) -> None:
        """Ask for a format and a path, then save the post there (never over another file)."""
        post = self._post_here()
        if post is None:
            return
        if not post.has_body and not post.secret:
            self.notify(_("Open the post first (Enter): its body is not cached yet."), markup=False)
            return
        offered = self.ctx.download_dir / file_name(post, "text")

        def chosen(choice: tuple[Format, Path] | None) -> None:
            if choice is not None:
                self.save_post(post.id, *choice)

        self.app.push_screen(SavePostScreen(offered), chosen)

    @work(exclusive=True, exit_on_error=False, group="save")
    async def save_post(self, post_id: int, fmt: Format, path: Path) -> None:
        """Render and write the post in a thread; say where it went, or why it could not be written."""
        row = self.ctx.store.post(post_id)
        if row is None:
            return
        files = self.ctx.store.attachments([post_id])[post_id]

        def write() -> Path:
            target = path / file_name(row, fmt) if path.is_dir() else path
            return write_new(target, render_post(row, files, fmt))

        try:
            written = await asyncio.to_thread(write)
        except OSError as exc:
            message = _("Cannot save to {path}: {reason}").format(path=path, reason=exc.strerror or exc)
            self.notify(sanitize_line(message), severity="error", markup=False)
            return
        self.notify(sanitize_line(str(written)), title=_("Saved the post"), markup=False)

    def action_copy_url(self) -> None:
        """Copy the post's web address to the clipboard (the terminal's, through OSC 52)."""
        post = self._post_here()
        if post is None:
            return
        self.copy(post.url)

    def action_copy_link(self) -> None:
        """Ask which numbered link or image of the open post, then copy its address."""
        self.pick_link(_("Copy a link or image address"), lambda target: self.copy(target.url))

    def pick_link(self, title: str | None, then: Callable[[Target], None]) -> None:
        """Ask which numbered link or image of the open post (the links modal, titled ``title``), then
        hand it to ``then`` (nothing when the modal was closed); say so when the post has none."""
        detail = self.query_one("#detail", DetailPane)
        choices = targets(detail.document) if detail.document is not None else []
        if not choices:
            message = _("This post has no links or images.") if detail.post else _("Open a post first (Enter).")
            self.notify(message, markup=False)
            return

        def chosen(target: Target | None) -> None:
            if target is not None:
                then(target)

        self.app.push_screen(LinksScreen(choices, title=title) if title else LinksScreen(choices), chosen)

    def copy(self, url: str) -> None:
        """Put ``url`` on the clipboard and show it (sanitised: it is page text)."""
        self.app.copy_to_clipboard(url)
        self.notify(sanitize_line(url), title=_("Copied"), markup=False)

    def action_show_changes(self) -> None:
        """Show what changed in an edited post: its previous version against the current one."""
        post = self._post_here()
        if post is None:
            return
        versions = self.ctx.store.versions(post.id)
        if not versions:
            self.notify(_("No earlier version: no sync found this post edited."), markup=False)
            return
        row = self.ctx.store.post(post.id) or post
        self.app.push_screen(ChangesScreen(row, versions))
