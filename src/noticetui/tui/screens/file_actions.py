"""Opening the open post's attachments with the system's application (``x``) and showing the folder they
were saved in (``X``).  A file not saved yet goes through the download queue first, then opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from noticetui.context import AppContext
from noticetui.i18n import _
from noticetui.opener import launch
from noticetui.render import sanitize_line
from noticetui.store import AttachmentRow
from noticetui.tui.backend import Backend
from noticetui.tui.screens.choice import ChoiceScreen
from noticetui.tui.screens.download_actions import DownloadActions
from noticetui.tui.widgets.attachments import attachment_text
from noticetui.tui.widgets.detail import DetailPane

if TYPE_CHECKING:  # downloads (and the PDF reader with it) loads with the first download
    from noticetui.downloads import SavedFile


class FileActions(DownloadActions):
    """``x`` and ``X`` on the main screen."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__(ctx, backend)
        self._open_after: dict[int, int] = {}
        """Download queue entries whose file opens once saved: entry id → attachment index."""

    def _open_files(self) -> list[AttachmentRow] | None:
        """The open post's attachments, or None (after saying why) when there are none."""
        post = self.query_one("#detail", DetailPane).post
        files = self.ctx.store.attachments([post.id])[post.id] if post else []
        if post is None or not files:
            self.notify(_("Open a post with attachments first."), markup=False)
            return None
        return files

    def action_open_attachment(self) -> None:
        """Open an attachment with the system's application (asking which one when there are several)."""
        files = self._open_files()
        if files is None:
            return
        if len(files) == 1:
            self.open_attachment(files[0])
            return

        def chosen(position: int | None) -> None:
            if position is not None:
                self.open_attachment(files[position])

        self.app.push_screen(ChoiceScreen(_("Open which file?"), [attachment_text(f) for f in files]), chosen)

    def open_attachment(self, row: AttachmentRow) -> None:
        """Open ``row``'s saved file, or queue its download and open it once saved."""
        if row.saved_path and Path(row.saved_path).is_file():
            self.open_path(Path(row.saved_path))
            return
        if any(e.post_id == row.post_id for e in self.queue.running()):
            self.notify(_("This post's files are already downloading (t: tasks)."), markup=False)
            return
        post = self.query_one("#detail", DetailPane).post
        title = post.title if post is not None else row.name
        entry = self.queue.add(row.post_id, title, [(row.index, row.name, row.size)])
        self._open_after[entry.id] = row.index
        self._download_workers[entry.id] = self.start_download(entry.id, row.post_id, [row.index])
        self.show_downloads()
        self.notify(_("Downloading {name}: it opens once saved.").format(name=sanitize_line(row.name)), markup=False)

    def after_download(self, job: int, saved: list[SavedFile]) -> None:
        """A download ended: open its file when ``x`` asked for it."""
        index = self._open_after.pop(job, None)
        path = next((s.path for s in saved if s.index == index), None)
        if path is not None:
            self.open_path(path)

    def action_reveal_attachment(self) -> None:
        """Open the folder the open post's files were saved in (the downloads folder when none is yet)."""
        post = self.query_one("#detail", DetailPane).post
        files = self.ctx.store.attachments([post.id])[post.id] if post else []
        saved = [Path(f.saved_path) for f in files if f.saved_path and Path(f.saved_path).is_file()]
        folder = saved[0].parent if saved else self.ctx.download_dir
        if not folder.is_dir():
            self.notify(
                _("Nothing is saved yet (d downloads): files go to {folder}").format(folder=folder), markup=False
            )
            return
        self.open_path(folder)

    def open_path(self, path: Path) -> None:
        """Hand ``path`` to the system's application (or ``open_command``); say where it is when that fails."""
        problem = launch(path, self.ctx.config.settings.open_command)
        if problem is not None:
            self.notify(sanitize_line(problem), title=_("Cannot open"), severity="warning", markup=False)
            return
        self.notify(sanitize_line(str(path)), title=_("Opened"), markup=False)
