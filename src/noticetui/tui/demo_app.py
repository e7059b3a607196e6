"""The TUI of ``noticetui --demo``: the app over the throwaway home, which asks before losing downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from noticetui.demo.throwaway import downloaded_files
from noticetui.tui.app import NoticeApp
from noticetui.tui.screens.keep_downloads import KeepChoice, KeepDownloadsScreen


class DemoApp(NoticeApp):
    """:class:`NoticeApp` whose quit first offers to keep what was downloaded (the home is deleted after).

    ``keep_to`` is where kept files go (the user's own downloads folder); the copying happens after the
    app has closed (:func:`noticetui.cli.demo_cmds.cmd_tui`), off the UI loop.
    """

    def __init__(self, *args: Any, keep_to: Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keep_to = keep_to
        self.keep_downloads = False
        """Set when the user chose to keep the files: the caller copies them once the app is gone."""
        self._asked = False

    async def action_quit(self) -> None:
        """Quit; when files were downloaded into the throwaway home, ask whether to keep them first."""
        if isinstance(self.screen, KeepDownloadsScreen):
            return
        # A listing of one small folder: the demo's downloads, a handful of files at most.
        files = [] if self._asked else downloaded_files(self.ctx.download_dir)
        if not files:
            await super().action_quit()
            return
        self.push_screen(KeepDownloadsScreen(files, self.keep_to), self._keep_chosen)

    async def _keep_chosen(self, choice: KeepChoice | None) -> None:
        if choice is None:
            return
        self.keep_downloads = choice == "keep"
        self._asked = True
        await self.action_quit()
