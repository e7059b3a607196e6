"""The generic engine on hand-written post pages: body by density, title, labelled facts, files, secrets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from noticetui.engines.base import Doc, parse_html
from noticetui.engines.generic.engine import ENGINE
from noticetui.models import SEOUL, ParseContext, Post

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "generic"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=SEOUL)
VIEW_URL = "https://www.hansol.or.kr/notice/view.asp?bcode=n1&idx=3018&cpage=1"
OLD_URL = "http://www.hansol.go.kr/sub01/notice.php?mode=view&no=771&page=1"
ART_URL = "https://art.hansol.or.kr/notice/view/412"


def page(name: str) -> Doc:
    return parse_html((FIXTURES / f"{name}.html").read_text(encoding="utf-8"))


def post(name: str, url: str, key: str = "1") -> Post:
    return ENGINE.parse_post(page(name), ParseContext(url=url, now=NOW), key)


def body_text(found: Post) -> str:
    root = parse_html(found.body_html).body
    return " ".join((root.text(separator=" ") if root is not None else "").split())


@pytest.fixture(scope="module")
def view() -> Post:
    return post("view", VIEW_URL, "3018")


@pytest.fixture(scope="module")
def old() -> Post:
    return post("view_table_layout", OLD_URL, "771")


def test_key_and_url_come_from_the_caller(view: Post) -> None:
    assert (view.key, view.url) == ("3018", VIEW_URL)


def test_title_is_the_heading_the_page_title_repeats(view: Post) -> None:
    assert view.title == "2026년 하반기 청년 창업 아카데미 수강생 모집 공고 (~12.5 마감, 선착순 40명)"


def test_facts_from_definition_list(view: Post) -> None:
    assert (view.author, view.posted_at, view.views) == ("교육팀", datetime(2026, 11, 24, 10, 30, tzinfo=SEOUL), 1048)


def test_body_holds_the_whole_post(view: Post) -> None:
    text = body_text(view)
    assert text.startswith("한솔창업재단에서는 예비 창업자의 역량 강화를 위해")
    assert "사업계획서 작성 실습" in text  # the schedule table
    assert text.endswith("문의: 교육팀 02-000-1240")
    assert "academy_poster.jpg" in view.body_html


@pytest.mark.parametrize(
    "noise", ["찾아오시는 길", "지난 상반기 아카데미를 수료했는데", "점심시간", "자주 묻는 질문", "첨부파일"]
)
def test_body_leaves_out_menus_comments_footer_and_files(view: Post, noise: str) -> None:
    assert noise not in body_text(view)


def test_attachments_with_names_and_sizes(view: Post) -> None:
    assert [(a.index, a.name, a.size) for a in view.attachments] == [
        (0, "모집공고문.hwp", 49664),
        (1, "참가신청서.pdf", 120320),
    ]


def test_attachment_request_carries_the_post_as_referer_and_primer(view: Post) -> None:
    request = view.attachments[0].request
    assert request is not None
    assert request.url == "https://www.hansol.or.kr/common/fileDown.do?fileId=F000123&fileSn=1"
    assert request.referer == VIEW_URL and request.prime == VIEW_URL


def test_preview_links_are_not_attachments(view: Post) -> None:
    assert all("synap" not in (a.request.url if a.request else "") for a in view.attachments)


def test_table_layout_title_from_its_label(old: Post) -> None:
    assert old.title == "2027년 농업인 실용교육 일정 안내"


def test_table_layout_facts_from_header_cells(old: Post) -> None:
    assert (old.author, old.posted_at, old.views) == ("기술보급과", datetime(2026, 11, 18, tzinfo=SEOUL), 326)


def test_table_layout_body_is_the_long_cell(old: Post) -> None:
    text = body_text(old)
    assert text.startswith("2027년 농업인 실용교육을 아래와 같이 실시하오니")
    assert text.endswith("자세한 일정은 첨부파일을 참고하여 주시기 바랍니다.")
    assert "기술보급과" not in text


def test_download_script_link_is_an_attachment(old: Post) -> None:
    assert [(a.name, a.size) for a in old.attachments] == [("2027_실용교육_일정표.hwpx", 32768)]


def test_paragraph_divs_make_one_body() -> None:
    found = post("view_div_paragraphs", ART_URL)
    text = body_text(found)
    assert text.startswith("한솔시립미술관의 정기 휴관일이") and text.endswith("양해를 부탁드립니다.")
    assert "작성자" not in text and "정기 휴관일 변경 안내" not in text


def test_facts_from_a_single_line_of_labels() -> None:
    found = post("view_div_paragraphs", ART_URL)
    assert (found.author, found.posted_at, found.views) == ("운영과", datetime(2026, 11, 2, tzinfo=SEOUL), 97)


def test_password_form_gives_a_secret_post() -> None:
    found = post("password", "https://www.hansol.or.kr/notice/view.asp?bcode=n1&idx=3012", "3012")
    assert found.secret and found.body_html == "" and found.key == "3012"


def test_sidebar_login_box_is_no_password_page() -> None:
    html = (
        (FIXTURES / "view.html")
        .read_text(encoding="utf-8")
        .replace(
            '<aside class="quick">',
            '<aside class="quick"><form class="login"><input type="text" name="id"><input type="password" name="pw"></form>',
        )
    )
    found = ENGINE.parse_post(parse_html(html), ParseContext(VIEW_URL, NOW), "3018")
    assert not found.secret and "모집 개요" in body_text(found)


def test_body_scripts_are_dropped() -> None:
    html = (
        (FIXTURES / "view.html")
        .read_text(encoding="utf-8")
        .replace("<p>문의: 교육팀", "<script>document.write('x')</script><p>문의: 교육팀")
    )
    found = ENGINE.parse_post(parse_html(html), ParseContext(VIEW_URL, NOW), "3018")
    assert "<script" not in found.body_html and "문의: 교육팀" in found.body_html


def test_page_title_is_the_fallback_title() -> None:
    doc = parse_html(
        "<html><head><title>겨울철 안전 수칙 | 소식 | 한솔구</title></head><body>"
        "<div><p>겨울철에는 빙판길 낙상 사고에 각별히 주의하시고 외출 시 미끄럼 방지 신발을 착용하여 주시기 바랍니다.</p>"
        "</div></body></html>"
    )
    assert ENGINE.parse_post(doc, ParseContext(ART_URL, NOW), "1").title == "겨울철 안전 수칙"
