"""What the main screen does with the open post: open it (or one of its links) in a browser, read it full
screen, show its images inline, download or preview its files.

Kept apart from the main screen's layout and list logic; the keys themselves are declared on the main
screen so that the footer and the help screen find them all in one place.
"""

from __future__ import annotations

import webbrowser

from textual import on
from textual.app import SuspendNotSupported
from textual.widget import Widget

from noticetui.i18n import _
from noticetui.render import sanitize_line
from noticetui.store import PostRow
from noticetui.tui import messages as m
from noticetui.tui.links import Target, targets
from noticetui.tui.screens.links import LinksScreen
from noticetui.tui.screens.preview import PreviewScreen
from noticetui.tui.screens.save_actions import SaveActions
from noticetui.tui.widgets.detail import DetailPane
from noticetui.tui.widgets.post_list import PostList
from noticetui.tui.widgets.status import StatusLine


def is_console_browser(browser: webbrowser.BaseBrowser) -> bool:
    """Whether ``browser`` runs in the terminal and waits (``GenericBrowser`` exactly: graphical browsers
    are ``BackgroundBrowser`` and friends, which start in the background and return at once)."""
    return type(browser) is webbrowser.GenericBrowser


class PostActionsScreen(SaveActions):
    """Actions on the open post (saving, copying and changes in :class:`SaveActions`, opening files in
    :class:`FileActions`, downloads in :class:`DownloadActions`)."""

    @property
    def has_boards(self) -> bool:
        """Whether the config lists any board (without one, the screen shows only how to add one)."""
        return bool(self.ctx.config.boards)

    def open_post_row(self) -> PostRow | None:
        """The post in the detail pane, else the one under the list's cursor."""
        return self.query_one("#detail", DetailPane).post or self.query_one("#posts", PostList).current

    def action_open_browser(self) -> None:
        """Open the post's page in the web browser."""
        post = self.open_post_row()
        if post is None:
            return
        if not post.url.startswith(("http://", "https://")):
            self.notify(_("This post has no web address to open."), severity="warning", markup=False)
            return
        self.open_url(post.url)

    def action_open_link(self) -> None:
        """Ask which numbered link or image of the open post to open, then open it in the web browser."""
        detail = self.query_one("#detail", DetailPane)
        choices = targets(detail.document) if detail.document is not None else []
        if not choices:
            message = _("This post has no links or images.") if detail.post else _("Open a post first (Enter).")
            self.notify(message, markup=False)
            return
        self.app.push_screen(LinksScreen(choices), self.link_chosen)

    def link_chosen(self, target: Target | None) -> None:
        """Open the link or image picked in the links modal (nothing when it was closed)."""
        if target is not None:
            self.open_url(target.url)

    def open_url(self, url: str) -> None:
        """Hand ``url`` to the web browser; when none can be started, show the address instead.

        A console browser (w3m, lynx… as ``BROWSER`` or ``www-browser``) runs in this very terminal: it
        would draw over the app and get none of the keys.  The app steps aside for it (``App.suspend``)
        and comes back when it ends; where the app cannot step aside, the address is shown to copy.
        """
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            self.notify(sanitize_line(url), title=_("No web browser could be started"), markup=False)
            return
        if not is_console_browser(browser):
            if not browser.open(url):
                self.notify(sanitize_line(url), title=_("No web browser could be started"), markup=False)
            return
        try:
            with self.app.suspend():
                opened = browser.open(url)
        except SuspendNotSupported:
            self.notify(
                sanitize_line(url), title=_("Copy this address (a console browser cannot run here)"), markup=False
            )
            return
        if not opened:
            self.notify(sanitize_line(url), title=_("The browser could not open this address"), markup=False)

    def action_zoom(self) -> None:
        """Give the whole screen to the open post (at 80×24 the pane shows a dozen lines), or take it back.

        Esc also comes back: Textual minimizes on Esc before any binding sees it.
        """
        detail = self.query_one("#detail", DetailPane)
        if self.maximized is not None:
            self.minimize()
        elif detail.post is None:
            self.notify(_("Open a post first (Enter)."), markup=False)
        else:
            self.maximize(detail, container=False)
            detail.focus()  # so that j, k and space scroll the post

    def watch_maximized(self, maximized: Widget | None) -> None:
        """Say in the post's border how to leave full screen (the footer has no room for it)."""
        for detail in self.query("#detail").results(DetailPane):
            detail.border_title = _("Post · full screen (f or Esc: back)") if maximized is detail else _("Post")
            # Textual does not always send the pane a Resize when it is maximized right after a scroll
            # (the refresh then only reflows what scrolled into view): check the width once it is laid out.
            detail.call_after_refresh(detail.rewrap)

    async def action_images(self) -> None:
        """Show the post's images inline, or only their ``[image N]`` placeholders (for the whole session)."""
        detail = self.query_one("#detail", DetailPane)
        if not detail.image_support.available:
            self.notify(detail.image_support.problem, title=_("No inline images"), markup=False)
            return
        await detail.set_images(not detail.images_on)
        shown = _("Images are shown inline (i: placeholders only)")
        hidden = _("Images are shown as [image N] placeholders (i: show them)")
        self.query_one("#status", StatusLine).say(shown if detail.images_on else hidden)

    @on(m.ImagesWanted)
    def images_wanted(self, message: m.ImagesWanted) -> None:
        """Fetch the images the detail pane has room for (an empty list cancels those still coming)."""
        self.load_images(message.post_id, message.images, message.referer)

    @on(m.ImageLoaded)
    async def image_loaded(self, message: m.ImageLoaded) -> None:
        """Put a fetched picture in its place."""
        detail = self.query_one("#detail", DetailPane)
        await detail.show_image(message.post_id, message.number, message.picture)

    @on(m.ImageFailed)
    def image_failed(self, message: m.ImageFailed) -> None:
        """Say, under the placeholder, why the picture is not shown."""
        detail = self.query_one("#detail", DetailPane)
        detail.show_image_problem(message.post_id, message.number, message.error)

    def action_preview(self) -> None:
        """Preview an attachment of the open post as text."""
        post = self.query_one("#detail", DetailPane).post
        files = self.ctx.store.attachments([post.id])[post.id] if post else []
        if post is None or not files:
            self.notify(_("Open a post with attachments first."), markup=False)
            return
        self.app.push_screen(PreviewScreen(self.ctx, self.backend, post, files), self.after_preview)

    @on(m.AttachmentChosen)
    def attachment_chosen(self, message: m.AttachmentChosen) -> None:
        """A click on an attachment previews it."""
        post = self.query_one("#detail", DetailPane).post
        if post is not None and post.id == message.post_id:
            files = self.ctx.store.attachments([post.id])[post.id]
            screen = PreviewScreen(self.ctx, self.backend, post, files, message.index)
            self.app.push_screen(screen, self.after_preview)

    async def after_preview(self, _result: None) -> None:
        """A preview may have downloaded the file: show it as saved."""
        await self.refresh_attachments()
