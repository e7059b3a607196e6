"""The TUI's plain bookkeeping: the download queue, the task log's wording, watched words in titles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from noticetui.config import BoardConfig, Config, Settings
from noticetui.downloads import DownloadProgress, SavedFile
from noticetui.models import Request
from noticetui.store import PostRow
from noticetui.tui.download_queue import CANCELLED, DONE, FAILED, QUEUED, RUNNING, DownloadQueue
from noticetui.tui.format import SEARCH_STYLE, WATCH_STYLE, post_line, title_text
from noticetui.tui.screens.activity import queue_rows
from noticetui.tui.task_log import TaskLog, reason_first
from noticetui.tui.watch_words import watched_words

from .seed import NOW


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def saved(index: int, size: int) -> SavedFile:
    """A saved file of ``size`` bytes."""
    return SavedFile(index, f"f{index}.pdf", Path(f"/tmp/dl/f{index}.pdf"), size, "0" * 64, "pdf")


def test_an_entry_moves_from_queued_to_downloading_to_saved_with_its_speed() -> None:
    clock = Clock()
    queue = DownloadQueue(clock)
    entry = queue.add(7, "공고", [(0, "a.pdf", 1000), (1, "b.hwp", None)])
    assert entry.state == QUEUED and queue.running() == [entry]
    queue.started(entry.id)
    clock.now += 2
    queue.progressed(entry.id, DownloadProgress(7, 0, "a.pdf", 1000, 1000))
    assert entry.state == RUNNING and entry.received == 1000 and entry.speed(clock.now) == 500
    assert entry.total is None  # b.hwp's size is not known yet
    queue.finished(entry.id, [saved(0, 1000), saved(1, 300)])
    assert entry.state == DONE and entry.unsaved == [] and entry.where == "/tmp/dl"
    assert queue.running() == []


def test_a_failed_entry_is_retried_for_its_missing_files_only() -> None:
    queue = DownloadQueue(Clock())
    entry = queue.add(7, "공고", [(0, "a.pdf", 10), (1, "b.pdf", 10)])
    queue.started(entry.id)
    queue.finished(entry.id, [saved(0, 10)], "b.pdf: HTTP 500")
    assert entry.state == FAILED and entry.error == "b.pdf: HTTP 500" and entry.unsaved == [1]
    again = queue.retry(entry.id)
    assert again is entry and entry.state == QUEUED and entry.error == ""
    assert queue.retry(entry.id) is None  # only an ended entry can be retried


def test_a_cancelled_entry_ignores_late_progress() -> None:
    queue = DownloadQueue(Clock())
    entry = queue.add(7, "공고", [(0, "a.pdf", 10)])
    queue.cancelled(entry.id)
    queue.progressed(entry.id, DownloadProgress(7, 0, "a.pdf", 5, 10))
    assert entry.state == CANCELLED and entry.received == 0


def test_the_tasks_screen_state_changes_only_when_what_it_shows_does() -> None:
    clock = Clock()
    queue = DownloadQueue(clock)
    entry = queue.add(7, "공고", [(0, "a.pdf", 1000)])
    queue.started(entry.id)
    clock.now += 1
    queue.progressed(entry.id, DownloadProgress(7, 0, "a.pdf", 400, 1000))
    before = queue_rows(queue, clock.now)
    assert queue_rows(queue, clock.now) == before  # nothing moved: the watcher has nothing to redraw
    queue.progressed(entry.id, DownloadProgress(7, 0, "a.pdf", 800, 1000))
    assert queue_rows(queue, clock.now) != before  # the entry changed in place: the rows still tell
    queue.finished(entry.id, [saved(0, 1000)])
    ended = queue_rows(queue, clock.now)
    clock.now += 60
    assert queue_rows(queue, clock.now) == ended and ended[0].state == DONE  # an ended entry's speed stays


def test_an_error_that_starts_with_its_url_reads_reason_first() -> None:
    assert (
        reason_first("http://x.kr/list?page=1: HTTP 500 Server Error")
        == "HTTP 500 Server Error — http://x.kr/list?page=1"
    )
    assert reason_first("page 2: https://x.kr/b: timed out") == "page 2: timed out — https://x.kr/b"
    assert reason_first("3 of 9 posts failed: http://x/1: HTTP 404") == "3 of 9 posts failed: http://x/1: HTTP 404"
    assert reason_first("connection\nrefused") == "connection refused"


def test_the_log_keeps_outcomes_in_order_and_caps_its_length() -> None:
    log = TaskLog(limit=2)
    when = datetime(2024, 3, 10, 15, 0)
    log.add(when, "sync", "a", True, "a: 1 new")
    log.add(when, "sync", "b", False, "http://b/: HTTP 503")
    log.add(when, "download", "공고", True, "Saved 1 file")
    assert [(e.subject, e.ok) for e in log.entries] == [("b", False), ("공고", True)]
    assert log.entries[0].detail == "HTTP 503 — http://b/"


@dataclass(frozen=True)
class WatchSettings(Settings):
    """Settings with the watch list another part of noticetui adds."""

    watch: tuple[str, ...] = ()


@dataclass(frozen=True)
class WatchBoard(BoardConfig):
    """A board with its own watch list."""

    watch: tuple[str, ...] = ()


def test_watched_words_are_global_then_per_board_and_absent_keys_mean_none() -> None:
    plain = Config(boards=[BoardConfig(name="a", url="http://a/")])
    assert watched_words(plain) == {"": (), "a": ()}
    config = Config(
        boards=[
            WatchBoard(name="a", url="http://a/", watch=("채용", "지원사업")),
            BoardConfig(name="b", url="http://b/"),
        ],
        settings=WatchSettings(watch=("지원사업",)),
    )
    assert watched_words(config) == {"": ("지원사업",), "a": ("지원사업", "채용"), "b": ("지원사업",)}


def row(title: str, author: str) -> PostRow:
    """A cached post called ``title`` by ``author``."""
    url = "http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id=1"
    return PostRow(
        1, 1, "notice", "1", title, url, Request(url), author, NOW, None, False, False, 0, None, False, None, True, True
    )


def test_watched_and_searched_words_are_highlighted_in_the_title_only() -> None:
    post = row("2024 청년 지원사업 공고", "지원사업팀")
    text = title_text(post, search=("공고",), watch=("지원사업",))
    styled = {(text.plain[s.start : s.end], str(s.style)) for s in text.spans}
    assert ("지원사업", WATCH_STYLE) in styled and ("공고", SEARCH_STYLE) in styled
    line = post_line(post, 100, NOW, watch=("지원사업",))
    author_at = line.plain.index("지원사업팀")
    assert not any(s.start <= author_at < s.end and str(s.style) == WATCH_STYLE for s in line.spans)


def test_no_words_leave_the_title_unstyled() -> None:
    text = title_text(row("공고", "x"))
    assert [str(s.style) for s in text.spans] == []


def test_a_watch_word_lights_up_across_spacing_as_notify_matches_it() -> None:
    text = title_text(row("2025 청년 지원 사업 공고", "x"), watch=("지원사업",))
    styled = {text.plain[s.start : s.end] for s in text.spans if str(s.style) == WATCH_STYLE}
    assert styled == {"지원 사업"}
