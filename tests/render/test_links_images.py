"""Links become numbered references; images become numbered placeholders with captions."""

from __future__ import annotations

from noticetui.render import Image, Link, render_html, to_plain

BASE = "https://www.hanbit.go.kr/bbs/board.php?bo_table=notice&wr_id=7"


def test_link_text_gets_a_reference_number() -> None:
    doc = render_html('<p>공고는 <a href="/notice/1">여기</a>에서</p>', BASE)
    assert to_plain(doc).split("\n")[0] == "공고는 여기[1]에서"


def test_links_resolve_against_the_base_url() -> None:
    doc = render_html('<a href="view.php?id=3">a</a><a href="//cdn.example.com/x">b</a>', BASE)
    assert [link.url for link in doc.links] == [
        "https://www.hanbit.go.kr/bbs/view.php?id=3",
        "https://cdn.example.com/x",
    ]


def test_plain_text_ends_with_the_link_list() -> None:
    doc = render_html('<p><a href="https://a.example/">가</a> <a href="https://b.example/">나</a></p>')
    assert to_plain(doc).endswith("Links\n[1] https://a.example/\n[2] https://b.example/")


def test_same_url_keeps_its_number() -> None:
    doc = render_html('<a href="https://a.example/">가</a> <a href="https://a.example/">나</a>')
    assert to_plain(doc).startswith("가[1] 나[1]")
    assert doc.links == [Link(1, "https://a.example/", "가")]


def test_javascript_and_anchor_links_keep_text_without_reference() -> None:
    html = '<a href="javascript:fn_egov_downFile(\'1\')">첨부</a> <a href="#top">위로</a> <a href=" JavaScript:x">x</a>'
    doc = render_html(html, BASE)
    assert to_plain(doc) == "첨부 위로 x"
    assert doc.links == []


def test_link_without_text_uses_its_title() -> None:
    doc = render_html('<a href="/f.hwp" title="내려받기"><i class="icon"></i></a>', BASE)
    assert to_plain(doc).startswith("[1]")
    assert doc.links[0].text == "내려받기"


def test_image_placeholder_uses_alt_text() -> None:
    doc = render_html('<p><img src="/img/map.png" alt="오시는 길"></p>', BASE)
    assert to_plain(doc).split("\n")[0] == "[image 1: 오시는 길]"
    assert doc.images == [Image(1, "https://www.hanbit.go.kr/img/map.png", "오시는 길", "")]


def test_image_without_alt_shows_its_file_name() -> None:
    doc = render_html('<img src="/data/%EC%A7%80%EB%8F%84.jpg?v=2">', BASE)
    assert to_plain(doc).split("\n")[0] == "[image 1: 지도.jpg]"


def test_data_uri_image_is_shown_as_embedded() -> None:
    doc = render_html('<img src="data:image/png;base64,iVBORw0KGgo=">')
    assert to_plain(doc).split("\n")[0] == "[image 1: embedded]"
    assert doc.images[0].src == "data:image/png;base64,iVBORw0KGgo="


def test_lazy_loaded_image_uses_data_src() -> None:
    doc = render_html('<img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="사진">', BASE)
    assert doc.images[0].src == "https://www.hanbit.go.kr/real.jpg"


def test_tracking_pixel_is_skipped() -> None:
    doc = render_html('<p>글<img src="/t.gif" width="1" height="1"></p>')
    assert doc.images == [] and to_plain(doc) == "글"


def test_triangle_caption_paragraph_is_recorded_for_the_image() -> None:
    html = '<p><img src="/p.jpg"></p><p>&nbsp;</p><p>▲ 시장이 인사말을 하고 있다.</p><p>본문</p>'
    doc = render_html(html, BASE)
    assert doc.images[0].caption == "▲ 시장이 인사말을 하고 있다."
    assert "▲ 시장이 인사말을 하고 있다." in to_plain(doc)


def test_caption_after_br_in_same_paragraph_is_recorded() -> None:
    doc = render_html('<p><img src="/p.jpg"><br>[사진=한빛시 제공] 개관식</p>', BASE)
    assert doc.images[0].caption == "[사진=한빛시 제공] 개관식"


def test_ordinary_paragraph_after_image_is_not_a_caption() -> None:
    doc = render_html('<p><img src="/p.jpg"></p><p>한빛시는 5일 밝혔다.</p>', BASE)
    assert doc.images[0].caption == ""


def test_figcaption_is_the_caption() -> None:
    doc = render_html('<figure><img src="/f.jpg" alt="도면"><figcaption>1층 평면도</figcaption></figure>', BASE)
    assert doc.images[0].caption == "1층 평면도"
    assert to_plain(doc).split("\n")[:2] == ["[image 1: 도면]", "1층 평면도"]


def test_iframe_becomes_a_numbered_frame_link() -> None:
    doc = render_html('<iframe src="https://www.youtube.com/embed/x1">대체</iframe>', BASE)
    assert to_plain(doc).split("\n")[0] == "[embedded frame: https://www.youtube.com/embed/x1][1]"
    assert doc.links[0].url == "https://www.youtube.com/embed/x1"


def test_plain_text_lists_images_before_links() -> None:
    doc = render_html('<img src="/a.png"><a href="/b">b</a>', BASE)
    tail = to_plain(doc).split("\n\n")[-2:]
    assert tail == ["Images\n[image 1] https://www.hanbit.go.kr/a.png", "Links\n[1] https://www.hanbit.go.kr/b"]


def test_long_link_url_wraps_in_the_list_without_inserted_spaces() -> None:
    url = "https://www.hanbit.go.kr/bbs/download.php?bo_table=notice&wr_id=42&no=0&token=" + "ab12" * 20
    out = to_plain(render_html(f'<a href="{url}">첨부</a>'), 40)
    listed = out.split("Links\n")[1].split("\n")
    assert max(len(line) for line in listed) <= 40
    assert "".join(line.strip() for line in listed) == "[1] " + url
