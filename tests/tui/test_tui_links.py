"""What a typed number opens among a post's links and images, and how offline boards are told apart."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len

from noticetui.models import SEOUL, Request
from noticetui.render import render_html, to_plain
from noticetui.store import PostRow
from noticetui.sync import BoardSyncResult
from noticetui.tui.links import Target, describe, find_target, targets
from noticetui.tui.screens.tasks import is_offline
from noticetui.tui.widgets.detail import header_text

BODY = """<p>신청은 <a href="/apply">누리집</a>에서, 문의는 <a href="mailto:job@hanbit.go.kr">메일</a>로.</p>
<p><img src="/img/a.jpg" alt="조감도"></p><p>▲ 사업 조감도</p>
<p><img src="data:image/png;base64,iVBORw0KGgo=" alt=""></p>"""


def body_targets() -> list[Target]:
    """The links and images of :data:`BODY` on a board at http://site.kr/."""
    return targets(render_html(BODY, "http://site.kr/bbs/view?id=1"))


def test_targets_lists_links_then_images_with_the_numbers_the_body_shows() -> None:
    found = body_targets()
    assert [(t.kind, t.number) for t in found] == [("link", 1), ("link", 2), ("image", 1), ("image", 2)]
    assert found[0].url == "http://site.kr/apply" and found[0].label == "누리집"
    assert found[2].url == "http://site.kr/img/a.jpg" and found[2].label == "조감도"


def test_a_bare_number_is_a_link_and_an_i_number_is_an_image() -> None:
    found = body_targets()
    assert find_target(found, "1") == found[0]
    assert find_target(found, " [2] ") == found[1]
    assert find_target(found, "i1") == found[2]
    assert find_target(found, "image 1") == found[2]
    assert find_target(found, "[image 2]") == found[3]
    assert find_target(found, "이미지 1") == found[2]


def test_a_bare_number_with_no_such_link_falls_back_to_the_image() -> None:
    images_only = [t for t in body_targets() if t.kind == "image"]
    assert find_target(images_only, "1") == images_only[0]


def test_numbers_that_name_nothing_and_junk_find_nothing() -> None:
    found = body_targets()
    assert find_target(found, "3") is None
    assert find_target(found, "i9") is None
    assert find_target(found, "") is None
    assert find_target(found, "x1") is None


def test_an_image_without_alt_is_labelled_as_in_the_body_even_in_a_folder_address() -> None:
    doc = render_html('<p><img src="/photos/2024/"></p>', "http://site.kr/bbs/")
    assert [t.label for t in targets(doc)] == ["2024"]
    assert "[image 1: 2024]" in to_plain(doc)


def test_an_address_that_does_not_parse_is_listed_but_not_openable() -> None:
    found = targets(render_html('<p><a href="http://[::1/a">x</a><img src="http://[::1/x.png"></p>'))
    assert [(t.label, t.openable) for t in found] == [("x", False), ("x.png", False)]


def test_only_web_and_mail_addresses_are_openable() -> None:
    found = body_targets()
    assert [t.openable for t in found] == [True, True, True, False]
    assert not Target("link", 1, "", "file:///etc/passwd").openable


def test_describe_names_what_can_be_typed() -> None:
    assert describe(body_targets()) == "links 1–2, images i1–i2"
    assert describe(body_targets()[:1]) == "link 1"
    assert describe([]) == "nothing to open"


def test_choice_text_keeps_page_text_literal() -> None:
    target = Target("link", 1, "[bold]x[/bold]", "http://site.kr/\x1b[2J")
    shown = target.text().plain
    assert "[bold]x[/bold]" in shown and "\x1b" not in shown


def test_offline_is_read_from_the_sync_result_when_it_says() -> None:
    # The field wins over the text: a TLS failure reads nothing like "refused", a 503 page might.
    says_offline = BoardSyncResult("b", error="http://x/: certificate verify failed", offline=True)
    says_online = BoardSyncResult("b", error="http://x/: connection refused by the page", offline=False)
    assert is_offline(says_offline) and not is_offline(says_online)


def test_a_site_that_served_its_list_is_not_offline() -> None:
    assert not is_offline(BoardSyncResult("b", error="http://x/: timed out", offline=True, seen=12))


def post_row(**extra: object) -> PostRow:
    """A cached post with a long header."""
    url = "http://x/1"
    values: dict[str, object] = dict(
        id=1, board="egov-article", board_id=1, key="1", title="제목", url=url, request=Request(url),
        author="일자리정책과", posted_at=datetime(2024, 3, 10, 0, 0, tzinfo=SEOUL), views=12345, notice=True,
        secret=False, reply_depth=0, comments=None, has_file=False, category="보도자료", read=False,
        has_body=True,
    )  # fmt: skip
    values.update(extra)
    return PostRow(**values)  # type: ignore[arg-type]


def test_header_breaks_between_facts_never_inside_one() -> None:
    lines = header_text(post_row(), width=40).plain.splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    assert any("views 12,345" in line for line in lines)
    assert "2024-03-10" in lines[1] and "00:00" not in header_text(post_row(), 40).plain


def test_header_keeps_the_facts_on_one_line_when_they_fit() -> None:
    lines = header_text(post_row(notice=False), width=120).plain.splitlines()
    assert lines[1] == "egov-article · 일자리정책과 · 2024-03-10 · views 12,345 · 보도자료"
