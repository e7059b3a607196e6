"""What the sample sites share (``noticetui.demo.sites._common``): the site frame and the request helpers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from noticetui.demo import assets, content
from noticetui.demo.http import DemoRequest, DemoResponse, Handler
from noticetui.demo.sites import DemoBoard, all_sites
from noticetui.demo.sites import _common as common

from .conftest import NOW


class _Site(common.SampleSite):
    prefix = "/toy"
    board_table = (
        DemoBoard("toy-notice", "toy", "/toy/list?id=1", "공지"),
        DemoBoard("toy-qna", "toy", "/toy/q", "질문"),
    )

    def routes(self) -> Mapping[str, Handler]:
        return {"/list": lambda request: DemoResponse.text("list")}

    def other(self, request: DemoRequest, route: str) -> DemoResponse:
        return DemoResponse.text(f"other {route}") if route.startswith("/img/") else super().other(request, route)


def _get(site: common.SampleSite, path: str) -> DemoResponse:
    return site.handle(DemoRequest("GET", path, {}, now=NOW))


def test_boards_put_the_table_on_the_server_url() -> None:
    boards = _Site().boards("http://127.0.0.1:8080")
    assert [b.url for b in boards] == ["http://127.0.0.1:8080/toy/list?id=1", "http://127.0.0.1:8080/toy/q"]
    assert [(b.name, b.title) for b in boards] == [("toy-notice", "공지"), ("toy-qna", "질문")]


def test_a_route_in_the_table_goes_to_its_handler() -> None:
    assert _get(_Site(), "/toy/list").body == b"list"


def test_a_route_outside_the_table_goes_to_other() -> None:
    assert _get(_Site(), "/toy/img/a.gif").body == b"other /img/a.gif"


def test_a_route_nobody_answers_is_a_404() -> None:
    assert _get(_Site(), "/toy/nope").status == 404


def test_every_sample_site_uses_the_frame_and_names_its_boards_once() -> None:
    sites = all_sites()
    assert all(isinstance(site, common.SampleSite) for site in sites)
    names = [b.name for site in sites for b in site.boards("http://h")]
    assert len(names) == len(set(names))
    assert all(b.url.startswith(f"http://h{site.prefix}") for site in sites for b in site.boards("http://h"))


def test_numbered_page_counts_down_from_the_newest_across_pages() -> None:
    posts = content.sample_posts(NOW, "bbsntt-notice")
    first, second = common.numbered_page(posts, 1, 10), common.numbered_page(posts, 2, 10)
    assert [n for n, _ in first] == [str(len(posts) - k) for k in range(10)]
    assert second[0] == (str(len(posts) - 10), posts[10])


def test_numbered_page_past_the_end_is_empty() -> None:
    posts = content.sample_posts(NOW, "bbsntt-notice")
    assert common.numbered_page(posts, len(posts) + 1, 1) == []


def test_page_count_rounds_up_and_never_says_zero() -> None:
    assert [common.page_count(rows, 10) for rows in (0, 1, 10, 11)] == [1, 1, 1, 2]


def test_php_int_reads_the_leading_number_as_php_does() -> None:
    assert [common.php_int(t) for t in ("12abc", " 7", "-3", "abc", "")] == [12, 7, -3, 0, 0]


def test_whole_number_takes_only_digits() -> None:
    assert [common.whole_number(t) for t in ("12", "12a", " 1", "")] == [12, 0, 0, 0]
    assert common.whole_number("x", -1) == -1


def test_row_marks_follow_the_post() -> None:
    post = next(p for p in content.sample_posts(NOW, "bbsntt-notice") if p.attachments and not p.reply_depth)
    marks = common.row_marks(post, post.posted_at + timedelta(days=1), timedelta(days=3), notice=True)
    assert marks == {"notice": True, "new": True, "secret": post.secret, "reply": False, "has_file": True}
    assert not common.row_marks(post, post.posted_at + timedelta(days=4), timedelta(days=3), notice=False)["new"]


def test_editor_image_serves_a_known_image_and_404s_the_rest() -> None:
    stem = next(iter(assets.IMAGES)).removesuffix(".jpg")
    found = common.editor_image(f"/DATA/bbs/2601/{stem}_2601101430.jpg")
    assert (found.status, found.header("content-type")) == (200, "image/jpeg")
    assert found.body == assets.asset(f"{stem}.jpg")
    assert common.editor_image("/DATA/bbs/none_1.jpg").status == 404
