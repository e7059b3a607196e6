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

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,equals_sign", "close", "Close", id="changes.close")]

    def __init__(self, post: PostRow, versions: list[VersionRow]) -> None:
        super().__init__()
        self.post = post
        self.versions = versions

    def compose(self) -> ComposeResult:
        """A line saying which versions, the diff, a line of help."""
        with Vertical(id="changes-box"):
            yield Static(id="changes-head", markup=False)
            with VerticalScroll(id="changes-scroll"):
                yield Static(Text(_("comparing…"), style="dim"), id="changes-diff", markup=False)
            yield Static(Text(_("Esc closes"), style="dim"), id="changes-hint", markup=False)

    def on_mount(self) -> None:
        """Say which versions are compared, then compare them in a thread."""
        last = self.versions[-1]
        self.query_one("#changes-box").border_title = _("Changes")
        head = Text(
            _("Previous version (replaced {when}) → current").format(when=last.replaced_at[:16].replace("T", " "))
        )
        if len(self.versions) > 1:
            head.append("  " + _("{count} earlier versions kept").format(count=len(self.versions)), style="dim")
        self.query_one("#changes-head", Static).update(head)
        self.query_one("#changes-scroll").focus()
        self.compare(last)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compare(self, last: VersionRow) -> None:
        """Render both versions to text and diff them (long posts take a while: not on the UI loop)."""
        old = version_text(last.title, last.body_html, self.post.url)
        new = version_text(self.post.title, self.post.body_html or "", self.post.url)
        lines = diff_lines(old, new)
        text = diff_text(lines) if lines else Text(_("The versions differ only in markup."), style="dim")
        self.app.call_from_thread(self.query_one("#changes-diff", Static).update, text)

    def action_close(self) -> None:
        """Back to the post."""
        self.dismiss(None)
