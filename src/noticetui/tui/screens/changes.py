"""The modal of ``=``: what changed in an edited post, the previous version against the current one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from noticetui.i18n import _
from noticetui.local_dates import stored_stamp
from noticetui.post_diff import DiffLine, diff_lines, version_text
from noticetui.store import PostRow
from noticetui.store.versions import VersionRow

STYLES = {"added": "green", "removed": "red", "hunk": "dim cyan", "same": ""}
SIGNS = {"added": "+ ", "removed": "- ", "hunk": "", "same": "  "}


def diff_text(lines: list[DiffLine]) -> Text:
    """The diff as one Rich ``Text``: added lines green, removed red (page text, never markup)."""
    text = Text()
    for line in lines:
        text.append(SIGNS[line.kind] + line.text + "\n", style=STYLES[line.kind])
    return text


class ChangesScreen(ModalScreen[None]):
    """The diff of the post's newest earlier version and its current text, worked out off the UI loop."""

    DEFAULT_CSS = """
    ChangesScreen {
        align: center middle;
    }
    ChangesScreen > #changes-box {
        width: 90%;
        height: 90%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    ChangesScreen #changes-scroll {
        height: 1fr;
    }
    ChangesScreen #changes-head, ChangesScreen #changes-hint {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,equals_sign", "close", "Close", id="changes.close"),
        Binding("left,left_square_bracket", "step(-1)", "Older", id="changes.older"),
        Binding("right,right_square_bracket", "step(1)", "Newer", id="changes.newer"),
    ]

    def __init__(self, post: PostRow, versions: list[VersionRow]) -> None:
        super().__init__()
        self.post = post
        self.versions = versions
        self.shown = len(versions) - 1
        """The earlier version shown, compared with the one that replaced it (the last: with the current)."""

    def compose(self) -> ComposeResult:
        """A line saying which versions, the diff, a line of help."""
        with Vertical(id="changes-box"):
            yield Static(id="changes-head", markup=False)
            with VerticalScroll(id="changes-scroll"):
                yield Static(Text(_("comparing…"), style="dim"), id="changes-diff", markup=False)
            hint = _("← → older and newer changes · Esc closes") if len(self.versions) > 1 else _("Esc closes")
            yield Static(Text(hint, style="dim"), id="changes-hint", markup=False)

    def on_mount(self) -> None:
        """Show the newest change."""
        self.query_one("#changes-box").border_title = _("Changes")
        self.query_one("#changes-scroll").focus()
        self.show_change()

    def show_change(self) -> None:
        """Say which versions are compared, then compare them in a thread."""
        old = self.versions[self.shown]
        when = stored_stamp(old.replaced_at)
        if self.shown == len(self.versions) - 1:
            head = Text(_("Previous version (replaced {when}) → current").format(when=when))
            new_title, new_body = self.post.title, self.post.body_html or ""
        else:
            newer = self.versions[self.shown + 1]
            head = Text(_("Version {n} → version {m} (replaced {when})").format(n=old.seq, m=newer.seq, when=when))
            new_title, new_body = newer.title, newer.body_html
        if len(self.versions) > 1:
            head.append("  " + _("{count} earlier versions kept").format(count=len(self.versions)), style="dim")
        self.query_one("#changes-head", Static).update(head)
        self.query_one("#changes-diff", Static).update(Text(_("comparing…"), style="dim"))
        self.compare(self.shown, old, new_title, new_body)

    def action_step(self, step: int) -> None:
        """Show an older (-1) or a newer (+1) change, when there is one."""
        shown = self.shown + step
        if 0 <= shown < len(self.versions):
            self.shown = shown
            self.show_change()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compare(self, shown: int, last: VersionRow, title: str, body_html: str) -> None:
        """Render both versions to text and diff them (long posts take a while: not on the UI loop)."""
        old = version_text(last.title, last.body_html, self.post.url)
        new = version_text(title, body_html, self.post.url)
        lines = diff_lines(old, new)
        text = diff_text(lines) if lines else Text(_("The versions differ only in markup."), style="dim")
        self.app.call_from_thread(self.show_diff, shown, text)

    def show_diff(self, shown: int, text: Text) -> None:
        """Show a diff worked out, unless the reader has moved on to another change meanwhile."""
        if shown == self.shown:
            self.query_one("#changes-diff", Static).update(text)

    def action_close(self) -> None:
        """Back to the post."""
        self.dismiss(None)
