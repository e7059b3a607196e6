"""A post saved as a file: safe names, never over another file, text as `show` prints it, safe HTML."""

from datetime import datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.models import SEOUL, Request
from noticetui.post_export import file_name, post_html, post_text, write_new
from noticetui.store import AttachmentRow, PostRow

URL = "http://x.kr/bbs/board.php?bo_table=n&wr_id=7"


def row(title: str = "2026년 지원사업 공고", body: str = "<p>본문입니다.</p>") -> PostRow:
    return PostRow(
        id=7, board_id=1, board="notice", key="7", title=title, url=URL, request=Request(URL), author="관리자",
        posted_at=datetime(2026, 3, 5, 9, 10, tzinfo=SEOUL), views=12, notice=False, secret=False,
        reply_depth=0, comments=None, has_file=True, category=None, read=True, has_body=True, body_html=body,
    )  # fmt: skip


def one(doc: LexborHTMLParser, selector: str) -> LexborNode:
    node = doc.css_first(selector)
    assert node is not None, selector
    return node


FILES = [AttachmentRow(7, 0, "공고문.hwp", 2048, None, None, None)]


def test_the_file_name_is_the_title_made_safe() -> None:
    assert file_name(row('공고: "A/B" <안내>?'), "text") == "공고_ _A_B_ _안내__.txt"
    assert file_name(row("..."), "html") == "post-7.html"


def test_a_long_title_still_keeps_its_extension() -> None:
    name = file_name(row("가" * 300), "html")
    assert name.endswith(".html") and len(name.encode()) <= 200


def test_a_taken_name_gets_a_number_and_nothing_is_overwritten(tmp_path: Path) -> None:
    first = write_new(tmp_path / "post.txt", "one")
    second = write_new(tmp_path / "post.txt", "two")
    assert (first.name, second.name) == ("post.txt", "post (2).txt")
    assert first.read_text(encoding="utf-8") == "one" and second.read_text(encoding="utf-8") == "two"


def test_the_text_has_the_head_the_body_and_the_files() -> None:
    text = post_text(row(), FILES)
    assert text.splitlines()[:3] == ["2026년 지원사업 공고", "notice · 관리자 · 2026-03-05 09:10 · views 12", URL]
    assert "본문입니다." in text and "[0] 공고문.hwp (2.0 KB)" in text


def test_the_html_page_is_standalone_and_carries_no_script() -> None:
    body = '<p onclick="x()">본문</p><script>alert(1)</script><a href="javascript:evil()">링크</a><table><tr><td>표</td></tr></table>'
    page = post_html(row("<b>제목</b>", body), FILES)
    doc = LexborHTMLParser(page)
    assert one(doc, "title").text() == "<b>제목</b>"  # escaped: the title is text, not markup
    assert doc.css("script") == [] and "onclick" not in page and "javascript:" not in page
    assert one(doc, "td").text() == "표"
    assert one(doc, "time").attributes["datetime"] == "2026-03-05T09:10:00+09:00"
    assert [li.text() for li in doc.css("li")] == ["공고문.hwp (2.0 KB)"]
    assert doc.css_first(f'a[href="{URL}"]') is not None
