"""The TUI tests' cache: a pinned notice, bodies, a file, a hostile title, a secret post, fixed dates.

Images are off in its config, so that what the terminal running the tests can draw never changes a
snapshot (tests/tui/test_tui_images.py turns them on).
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

from noticetui.context import AppContext
from noticetui.models import SEOUL, Attachment, Post, PostStub, Request

NOW = datetime(2024, 3, 10, 15, 0, tzinfo=SEOUL)
"""The clock every TUI test runs at, so dates and snapshots never move."""

HOSTILE_TITLE = "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]0;pwned\x07"

CONFIG = """[settings]
delay = 0.0
images = "off"

[[boards]]
name = "notice"
title = "학사 공지"
url = "http://127.0.0.1:9/bbs/board.php?bo_table=notice"
engine = "gnuboard"

[[boards]]
name = "free"
title = "자유게시판"
url = "http://127.0.0.1:9/bbs/board.php?bo_table=free"
engine = "gnuboard"
"""


PRESS_RELEASE = (Path(__file__).parents[1] / "render" / "golden" / "press_release.html").read_text(encoding="utf-8")
"""A press release pasted from a word processor: a contacts table, a data table with spans, a photo with
its ``▲`` caption, footnotes and a link: the renderer's golden input, read here too (one copy, so an edit
to it shows in the renderer's golden texts and in the TUI snapshots alike)."""
PRESS_TITLE = "한빛시, 청년 창업기업 200곳에 최대 5천만 원 지원"


def stub(key: str, title: str, day: int, at: time = time(9, 30), **extra: Any) -> PostStub:
    """A list row of the fake board posted on 2024-03-``day`` at ``at`` (midnight: a date-only board)."""
    url = f"http://127.0.0.1:9/bbs/board.php?bo_table=notice&wr_id={key}"
    posted = datetime.combine(datetime(2024, 3, day).date(), at, tzinfo=SEOUL)
    return PostStub(key=key, title=title, url=url, request=Request(url), posted_at=posted, **extra)


def store_on_notice(ctx: AppContext, *stubs: PostStub) -> list[int]:
    """Store ``stubs`` on the first board ("notice") as a sync would; returns the ids of the rows it added."""
    return ctx.store.upsert_stubs(ctx.board_id(ctx.config.boards[0]), list(stubs)).new


def seed(ctx: AppContext) -> dict[str, int]:
    """Fill the cache: a pinned notice, a post with a body and a file, a hostile title, a secret post, and
    today's press release (dated without a time, as many boards list them)."""
    notice_board, free_board = ctx.config.boards
    notice_id = ctx.board_id(notice_board)
    free_id = ctx.board_id(free_board)
    stubs = [
        # The notice is also the newest post: first in its board (pinned) and in all boards (newest first).
        stub(
            "1",
            "2024학년도 1학기 수강신청 안내",
            10,
            time(10, 0),
            author="학사팀",
            views=1520,
            notice=True,
            has_file=True,
        ),
        stub("2", "도서관 휴관 안내", 8, author="도서관", views=87, has_file=True),
        stub("3", HOSTILE_TITLE, 9, author="[i]evil[/i]", views=3),
        stub("4", "비밀글입니다", 10, author="익명", secret=True),
        stub("5", "Uncached body", 7, author="someone"),
        stub("6", PRESS_TITLE, 10, time(0, 0), author="일자리정책과", views=342, has_file=True, category="보도자료"),
    ]
    new = ctx.store.upsert_stubs(notice_id, stubs).new
    ids = dict(zip(("notice", "library", "hostile", "secret", "uncached", "press"), new, strict=True))
    free = ctx.store.upsert_stubs(free_id, [stub("10", "자유게시판 첫 글", 6, author="홍길동")]).new
    ids["free"] = free[0]
    files = [Attachment(0, "수강신청_안내.hwp", 25088, Request("http://127.0.0.1:9/download/1"))]
    body = "<p>수강신청 기간은 <b>3월 4일</b>부터 3월 8일까지입니다.</p><p>자세한 내용은 첨부파일을 보세요.</p>"
    ctx.store.save_post(ids["notice"], Post("1", stubs[0].title, stubs[0].url, body, attachments=files))
    table = "<table><tr><th>날짜</th><th>시간</th></tr><tr><td>3/9</td><td>종일</td></tr></table>"
    library = f"<p>도서관은 3월 9일 휴관합니다.</p>{table}"
    ctx.store.save_post(ids["library"], Post("2", stubs[1].title, stubs[1].url, library))
    hostile = "<p>Body with [bold]markup[/bold] and \x1b[2J an escape.</p>"
    ctx.store.save_post(ids["hostile"], Post("3", HOSTILE_TITLE, stubs[2].url, hostile))
    notice = Attachment(0, "붙임_2025년_청년창업_지원사업_공고문.hwp", 48_640, Request("http://127.0.0.1:9/download/6"))
    press = Post("6", PRESS_TITLE, stubs[5].url, PRESS_RELEASE, attachments=[notice])
    ctx.store.save_post(ids["press"], press)
    return ids
