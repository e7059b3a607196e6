"""Sync dates a list's year-less rows by the full dates its posts' pages gave (a secret post included)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import httpx

from noticetui.config import BoardConfig
from noticetui.context import AppContext
from noticetui.models import SEOUL
from noticetui.net.fetch import Fetcher
from noticetui.sync import sync_board

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gnuboard"
BOARD = "https://lib.hansol.kr/bbs/board.php?bo_table=photo"


def _view(date: str) -> str:
    html = (FIXTURES / "view.html").read_text(encoding="utf-8")
    return html.replace("24-12-30 09:10", date)


def _handler(request: httpx.Request) -> httpx.Response:
    wr_id = request.url.params.get("wr_id")
    pages = {
        None: (FIXTURES / "gallery_info.html").read_text(encoding="utf-8"),
        "3": _view("23-03-02 10:00"),
        "41": _view("24-06-02 09:10"),
        "40": (FIXTURES / "password.html").read_text(encoding="utf-8"),
        "39": _view("24-05-28 17:00"),
    }
    return httpx.Response(200, text=pages[wr_id], headers={"content-type": "text/html; charset=utf-8"})


def test_a_secret_post_keeps_the_year_of_the_posts_around_it(tmp_path: Path) -> None:
    ctx = AppContext.for_home(tmp_path / "home")
    board = BoardConfig(name="photo", url=BOARD, engine="gnuboard")

    async def run() -> None:
        async with Fetcher(transport=httpx.MockTransport(_handler), delay=0) as fetcher:
            for _ in range(2):  # a second sync re-reads the list's guesses: the correction must hold
                result = await sync_board(ctx, board, fetcher, pages=1)
                assert result.seen == 4

    asyncio.run(run())
    board_id = ctx.board_id(board, "gnuboard")
    dates = {p.key: p.posted_at for p in ctx.store.posts(board_id)}
    ctx.close()
    assert dates["40"] == datetime(2024, 5, 30, tzinfo=SEOUL)
    assert dates["41"] == datetime(2024, 6, 2, 9, 10, tzinfo=SEOUL)


def _gallery(rows: list[tuple[str, str]], page: int) -> str:
    items = "".join(
        f"""<li class="gall_li"><div class="gall_text_href">
        <a href="https://lib.hansol.kr/bbs/board.php?bo_table=photo&amp;wr_id={wr}" class="bo_tit">사진 {wr}</a></div>
        <div class="gall_info"><span class="sv_member">김사서</span>
        <span class="gall_date"><span class="sound_only">작성일 </span>{date}</span></div></li>"""
        for wr, date in rows
    )
    pages = "".join(
        f'<a href="https://lib.hansol.kr/bbs/board.php?bo_table=photo&amp;page={n}" class="pg_page">{n}</a>'
        for n in (1, 2, 3)
        if n != page
    )
    return f"""<html><head><script>var g5_url = "https://lib.hansol.kr";</script></head><body>
    <div id="bo_gall"><ul id="gall_ul">{items}</ul></div>
    <nav class="pg_wrap"><span class="pg"><strong class="pg_current">{page}</strong>{pages}</span></nav></body></html>"""


def test_a_list_page_continues_the_years_of_the_page_before_it(tmp_path: Path) -> None:
    first = _gallery([("90", "02-20"), ("89", "02-11")], 1)
    second = _gallery([("88", "12-30"), ("87", "06-30")], 2)

    def handler(request: httpx.Request) -> httpx.Response:
        body = second if request.url.params.get("page") == "2" else first
        return httpx.Response(200, text=body, headers={"content-type": "text/html; charset=utf-8"})

    ctx = AppContext.for_home(tmp_path / "home")
    board = BoardConfig(name="photo", url=BOARD, engine="gnuboard")

    async def run() -> None:
        async with Fetcher(transport=httpx.MockTransport(handler), delay=0) as fetcher:
            await sync_board(ctx, board, fetcher, pages=2, bodies=False)

    asyncio.run(run())
    dates = {p.key: p.posted_at for p in ctx.store.posts(ctx.board_id(board, "gnuboard"))}
    ctx.close()
    # Read alone, page 2's 06-30 would be this year's; listed after page 1's February, it is the year before.
    first_year = dates["89"].year if dates["89"] is not None else 0
    assert dates["88"] == datetime(first_year - 1, 12, 30, tzinfo=SEOUL)
    assert dates["87"] == datetime(first_year - 1, 6, 30, tzinfo=SEOUL)


def test_a_json_board_syncs_through_its_profile(tmp_path: Path) -> None:
    api = "https://www.hansol.go.kr/api/notice/list?page=1"
    rows = '[{"id": 5, "subject": "제설 안내", "regDate": "2026-11-17"}, {"id": 4, "subject": "공사 알림", "regDate": "2026-11-12"}]'

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/api/"):
            body = f'{{"total": 2, "items": {rows}}}' if request.url.params.get("page") == "1" else '{"items": []}'
            return httpx.Response(200, text=body, headers={"content-type": "application/json; charset=utf-8"})
        return httpx.Response(
            200, text="<html><body><h1>제목</h1><div><p>본문입니다. 충분히 긴 본문 문장입니다.</p></div></body></html>"
        )

    profile = {"json": True, "rows": "items", "key": "id", "title": "subject", "date": "regDate",
               "view": "/notice/view.do?id={id}", "total": "total"}  # fmt: skip
    board = BoardConfig(name="api", url=api, engine="profile", options={"profile": profile})
    ctx = AppContext.for_home(tmp_path / "home")

    async def run() -> None:
        async with Fetcher(transport=httpx.MockTransport(handler), delay=0) as fetcher:
            result = await sync_board(ctx, board, fetcher, pages=2, bodies=False)
            assert result.error is None and result.seen == 2

    asyncio.run(run())
    posts = {p.key: (p.title, p.url) for p in ctx.store.posts(ctx.board_id(board, "profile"))}
    ctx.close()
    assert posts == {
        "5": ("제설 안내", "https://www.hansol.go.kr/notice/view.do?id=5"),
        "4": ("공사 알림", "https://www.hansol.go.kr/notice/view.do?id=4"),
    }
