"""The status line: a repaint put off while a sync reported progress never covers what is said after."""

from __future__ import annotations

from textual.app import App, ComposeResult

from noticetui.sync import BoardSyncResult, SyncProgress
from noticetui.tui.widgets.status import PAINT_EVERY, StatusLine


class _StatusApp(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")


async def test_a_message_said_after_the_sync_ended_stays_past_the_put_off_repaint() -> None:
    app = _StatusApp()
    async with app.run_test() as pilot:
        status = app.query_one(StatusLine)
        status.sync_started(1, ("g5",))
        status.progressed(SyncProgress("g5", "bodies", 1, 3))
        status.progressed(SyncProgress("g5", "bodies", 2, 3))  # within PAINT_EVERY: its repaint is put off
        status.board_synced(BoardSyncResult("g5", new=3))
        status.say("Saved 1 file")
        await pilot.pause(PAINT_EVERY * 2)
        assert status.message.plain == "Saved 1 file"
