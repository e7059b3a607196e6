"""The gnuboard5 sample site over real HTTP: list, view, download, secret posts and alert pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.demo import content
from noticetui.demo.server import DemoServer
from noticetui.demo.sites import _gnuboard5_lib, gnuboard5
from noticetui.demo.templates import gnuboard5 as gnuboard5_tpl

from .conftest import NOW

POSTS = content.sample_posts(NOW, gnuboard5.BOARD_NAME)
PINNED = sum(p.notice for p in POSTS)
BY_KEY = {p.key: p for p in POSTS}


def html(response: httpx.Response) -> LexborHTMLParser:
    return LexborHTMLParser(response.text)


def one(scope: LexborHTMLParser | LexborNode | None, selector: str) -> LexborNode:
    """The first match of ``selector`` under ``scope``; the test fails when there is none."""
    assert scope is not None
    node = scope.css_first(selector)
    assert node is not None, f"nothing matches {selector!r}"
    return node


def rows(doc: LexborHTMLParser) -> list[LexborNode]:
    return [tr for tr in doc.css("#bo_list tbody tr") if tr.css_first("td.td_subject")]


def key_of(tr: LexborNode) -> str:
    link = tr.css_first("div.bo_tit > a")
    assert link is not None
    return parse_qs(urlsplit(link.attributes.get("href") or "").query)["wr_id"][0]


def view_url(board_url: str, key: str, page: int | None = None) -> str:
    return f"{board_url}&wr_id={key}" + (f"&page={page}" if page else "")


def download_links(doc: LexborHTMLParser) -> list[str]:
    return [a.attributes.get("href") or "" for a in doc.css("#bo_v_file a.view_file_download")]


FILE_POST = next(p for p in POSTS if any("%" in name for name, _ in p.attachments))
"""A post with several files, one of them with spaces, parentheses, % and # in its name."""


# --- list ------------------------------------------------------------------------------------------


def test_list_declares_utf8_in_header_and_meta(client: httpx.Client, board_url: str) -> None:
    response = client.get(board_url)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<meta charset="utf-8">' in response.text


def test_page_one_pins_its_notices_first(client: httpx.Client, board_url: str) -> None:
    trs = rows(html(client.get(board_url)))
    notices = {p.key for p in POSTS if p.notice}
    assert len(notices) == PINNED >= 1
    assert {key_of(tr) for tr in trs[:PINNED]} == notices
    for tr in trs[:PINNED]:
        assert "bo_notice" in (tr.attributes.get("class") or "")
        assert one(tr, "td.td_num2 strong.notice_icon").text() == "공지"


def test_page_one_fills_page_rows_with_regular_posts_after_the_notices(client: httpx.Client, board_url: str) -> None:
    # bbs/list.php counts the pinned notices against page_rows: the notices, then regular rows.
    trs = rows(html(client.get(board_url)))
    regular = [p.key for p in POSTS if not p.notice]
    assert len(trs) == _gnuboard5_lib.PAGE_ROWS
    assert [key_of(tr) for tr in trs[PINNED:]] == regular[: _gnuboard5_lib.PAGE_ROWS - PINNED]
    assert all("bo_notice" not in (tr.attributes.get("class") or "") for tr in trs[PINNED:])


def test_page_two_has_no_notices_and_continues_where_page_one_stopped(client: httpx.Client, board_url: str) -> None:
    trs = rows(html(client.get(board_url + "&page=2")))
    regular = [p.key for p in POSTS if not p.notice]
    first = _gnuboard5_lib.PAGE_ROWS - PINNED
    assert [key_of(tr) for tr in trs] == regular[first : first + _gnuboard5_lib.PAGE_ROWS]
    assert not any(tr.css_first("strong.notice_icon") for tr in trs)


def test_every_post_is_listed_exactly_once_over_all_pages(client: httpx.Client, board_url: str) -> None:
    seen = [key_of(tr) for page in range(1, 5) for tr in rows(html(client.get(f"{board_url}&page={page}")))]
    assert sorted(seen) == sorted(p.key for p in POSTS)


def test_total_counts_every_post(client: httpx.Client, board_url: str) -> None:
    total = one(html(client.get(board_url)), "#bo_list_total span").text()
    assert total == f"Total {len(POSTS)}건"


def test_running_numbers_count_down_across_pages(client: httpx.Client, board_url: str) -> None:
    numbers = [
        int(one(tr, "td.td_num2").text().strip())
        for page in range(1, 5)
        for tr in rows(html(client.get(f"{board_url}&page={page}")))
        if not tr.css_first("strong.notice_icon")
    ]
    assert numbers == list(range(len(POSTS) - PINNED, 0, -1))


def test_dates_are_hh_mm_today_and_mm_dd_otherwise(client: httpx.Client, board_url: str) -> None:
    checked = 0
    for page in range(1, 5):
        for tr in rows(html(client.get(f"{board_url}&page={page}"))):
            post = BY_KEY[key_of(tr)]
            shown = one(tr, "td.td_datetime").text()
            if post.posted_at.date() == NOW.date():
                assert shown == f"{post.posted_at.hour:02d}:{post.posted_at.minute:02d}"
            else:
                assert shown == f"{post.posted_at.month:02d}-{post.posted_at.day:02d}"
            checked += 1
    assert checked == len(POSTS)


def test_today_posts_exist_and_older_ones_cross_a_year_boundary() -> None:
    assert sum(p.posted_at.date() == NOW.date() for p in POSTS) >= 2
    assert len({p.posted_at.year for p in POSTS}) >= 2


def test_list_hrefs_are_absolute_and_use_amp_entities(client: httpx.Client, board_url: str, server: DemoServer) -> None:
    text = client.get(board_url + "&page=2").text
    hrefs = re.findall(r'<a href="([^"]*wr_id=[^"]*)"', text)
    assert hrefs
    assert all(h.startswith(server.base_url + "/gnuboard5/bbs/board.php?bo_table=notice&amp;wr_id=") for h in hrefs)
    assert all(h.endswith("&amp;page=2") for h in hrefs)


def test_list_row_markers_match_the_posts(client: httpx.Client, board_url: str) -> None:
    for tr in rows(html(client.get(board_url))):
        post = BY_KEY[key_of(tr)]
        title = one(tr, "div.bo_tit")
        assert (title.css_first("a i.fa-lock") is not None) == post.secret
        assert (title.css_first("i.fa-download") is not None) == bool(post.attachments)
        assert (title.css_first("i.fa-link") is not None) == bool(post.links)
        assert (tr.css_first("img.icon_reply") is not None) == (post.reply_depth > 0)
        assert f"padding-left:{post.reply_depth * 10}px" in (one(tr, "td.td_subject").attributes.get("style") or "")
        count = title.css_first("span.cnt_cmt")
        assert (int(count.text()) if count else 0) == post.comments
        assert one(tr, "td.td_num").text() == str(post.views)


def test_new_icon_marks_posts_of_the_last_day(client: httpx.Client, board_url: str) -> None:
    for tr in rows(html(client.get(board_url))):
        post = BY_KEY[key_of(tr)]
        recent = (NOW - post.posted_at).total_seconds() <= 24 * 3600
        assert (tr.css_first("span.new_icon") is not None) == recent


def test_author_cell_hides_the_side_view_menu(client: httpx.Client, board_url: str) -> None:
    tr = rows(html(client.get(board_url)))[0]
    cell = one(tr, "td.td_name")
    assert cell.css_first("span.sv_wrap a.sv_member") is not None
    assert cell.css_first("noscript.sv_nojs") is not None
    menu = one(cell, "span.sv").text()
    for item in ("쪽지보내기", "메일보내기", "자기소개", "전체게시물"):
        assert item in menu


def test_guest_authors_have_no_member_link(client: httpx.Client, board_url: str) -> None:
    guest_rows = [tr for tr in rows(html(client.get(board_url))) if BY_KEY[key_of(tr)].author_id is None]
    assert guest_rows
    for tr in guest_rows:
        assert one(tr, "a.sv_guest").text() == BY_KEY[key_of(tr)].author
        assert tr.css_first("a.sv_member") is None


def test_long_titles_are_cut_with_an_ellipsis_and_ampersands_stay_raw(client: httpx.Client, board_url: str) -> None:
    texts = {key_of(tr): tr for page in (1, 2) for tr in rows(html(client.get(f"{board_url}&page={page}")))}
    long_post = next(p for p in POSTS if len(p.title) > gnuboard5.SUBJECT_LEN and p.key in texts)
    link_text = one(texts[long_post.key], "div.bo_tit > a").text(deep=False).strip()
    assert link_text == long_post.title[: gnuboard5.SUBJECT_LEN] + "…"
    assert "&" in link_text and "&amp;" not in client.get(board_url).text.split(link_text[:10], 1)[1][:80]


def test_pagination_has_start_pages_and_end_links(client: httpx.Client, board_url: str) -> None:
    nav = one(html(client.get(board_url + "&page=2")), "nav.pg_wrap")
    assert nav.css_first("a.pg_start") is not None
    assert one(nav, "strong.pg_current").text() == "2"
    pages = [a.text(deep=False) for a in nav.css("a.pg_page") if "pg_start" not in (a.attributes.get("class") or "")]
    assert "1" in pages and "4" in pages
    end = one(nav, "a.pg_end").attributes.get("href") or ""
    assert end.endswith("page=4")


def test_first_page_has_no_start_link_and_last_page_no_end_link(client: httpx.Client, board_url: str) -> None:
    first = one(html(client.get(board_url)), "nav.pg_wrap")
    last = one(html(client.get(board_url + "&page=4")), "nav.pg_wrap")
    assert first.css_first("a.pg_start") is None and first.css_first("a.pg_end") is not None
    assert last.css_first("a.pg_end") is None and last.css_first("a.pg_start") is not None


def test_page_beyond_the_last_is_an_empty_table(client: httpx.Client, board_url: str) -> None:
    doc = html(client.get(board_url + "&page=9"))
    assert rows(doc) == []
    assert one(doc, "td.empty_table").text() == "게시물이 없습니다."


def test_category_filter_lists_only_that_category(client: httpx.Client, board_url: str) -> None:
    doc = html(client.get(board_url + "&sca=채용"))
    keys = [key_of(tr) for tr in rows(doc)]
    assert keys == [p.key for p in POSTS if p.category == "채용"][: _gnuboard5_lib.PAGE_ROWS]


def test_unknown_board_is_an_alert_page(client: httpx.Client, server: DemoServer) -> None:
    response = client.get(server.base_url + "/gnuboard5/bbs/board.php?bo_table=nosuch")
    assert response.status_code == 200
    assert 'alert("존재하지 않는 게시판입니다.")' in response.text


# --- view ------------------------------------------------------------------------------------------


def test_view_shows_title_category_info_and_body(client: httpx.Client, board_url: str) -> None:
    post = next(p for p in POSTS if p.category and not p.secret and p.comments)
    doc = html(client.get(view_url(board_url, post.key)))
    assert one(doc, "h2#bo_v_title span.bo_v_cate").text() == post.category
    assert one(doc, "h2#bo_v_title span.bo_v_tit").text().strip() == post.title
    info = one(doc, "section#bo_v_info").text()
    assert f"{post.views:,}회" in info
    assert f"{post.comments}건" in info
    assert one(doc, "strong.if_date").text(deep=False).strip() == post.posted_at.strftime("%y-%m-%d %H:%M")
    body = LexborHTMLParser(post.body_html).body
    assert body is not None
    assert one(doc, "#bo_v_con").text(separator=" ").split() == body.text(separator=" ").split()


def test_view_lists_non_image_files_with_sizes_and_counts(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    doc = html(client.get(view_url(board_url, post.key)))
    items = doc.css("#bo_v_file li")
    files = [(name, data) for name, data in post.attachments if not name.endswith(".jpg")]
    assert [one(li, "strong").text() for li in items] == [name for name, _ in files]
    for li, (_name, data) in zip(items, files, strict=True):
        assert f"({_gnuboard5_lib.get_filesize(len(data))})" in li.text()
        assert re.search(r"\d+회 다운로드 \| DATE : \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", li.text())


def test_inline_images_are_shown_and_left_out_of_the_file_list(client: httpx.Client, board_url: str) -> None:
    post = next(p for p in POSTS if any(n.endswith(".jpg") for n, _ in p.attachments))
    doc = html(client.get(view_url(board_url, post.key)))
    names = [one(li, "strong").text() for li in doc.css("#bo_v_file li")]
    image_src = one(doc, "#bo_v_img a.view_image img").attributes.get("src") or ""
    assert not any(n.endswith(".jpg") for n in names)
    image = client.get(image_src)
    assert image.headers["content-type"] == "image/jpeg"
    assert image.content in [data for name, data in post.attachments if name.endswith(".jpg")]


def test_body_images_are_served(client: httpx.Client, board_url: str) -> None:
    post = next(p for p in POSTS if content.IMAGE_TOKEN in p.body_html)
    doc = html(client.get(view_url(board_url, post.key)))
    src = one(doc, "#bo_v_con img").attributes.get("src") or ""
    response = client.get(src)
    assert response.status_code == 200
    assert response.content.startswith(b"\xff\xd8\xff")


def test_download_links_carry_nonce_and_page(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    text = client.get(view_url(board_url, post.key, page=1)).text
    raw = re.findall(r'href="([^"]*download\.php[^"]*)"', text)
    assert raw and all("&amp;no=" in h and "&amp;nonce=" in h and h.endswith("&amp;page=1") for h in raw)
    nonce = parse_qs(urlsplit(raw[0].replace("&amp;", "&")).query)["nonce"][0]
    assert re.fullmatch(r"[A-Za-z0-9]{10}\|\d+\|[0-9a-f]{40}", nonce)


def test_prev_and_next_follow_list_order(client: httpx.Client, board_url: str) -> None:
    index = 5
    post = POSTS[index]
    doc = html(client.get(view_url(board_url, post.key)))
    prev = one(doc, "ul.bo_v_nb li.btn_prv a").attributes.get("href") or ""
    nxt = one(doc, "ul.bo_v_nb li.btn_next a").attributes.get("href") or ""
    assert f"wr_id={POSTS[index - 1].key}" in prev
    assert f"wr_id={POSTS[index + 1].key}" in nxt


def test_comments_are_rendered_under_the_post(client: httpx.Client, board_url: str) -> None:
    post = next(p for p in POSTS if p.comments and not p.secret)
    doc = html(client.get(view_url(board_url, post.key)))
    texts = [one(a, "div.cmt_contents").text().strip() for a in doc.css("section#bo_vc article")]
    assert texts == [c.text for c in post.comment_list()]


def test_unknown_post_is_an_alert_page_back_to_the_list(client: httpx.Client, board_url: str) -> None:
    response = client.get(view_url(board_url, "99999"))
    assert response.status_code == 200
    assert 'alert("글이 존재하지 않습니다.' in response.text
    assert 'document.location.replace("' + board_url + '")' in response.text


def test_secret_post_redirects_to_the_password_form(client: httpx.Client, board_url: str, server: DemoServer) -> None:
    post = next(p for p in POSTS if p.secret)
    response = client.get(view_url(board_url, post.key))
    assert response.status_code == 302
    assert response.headers["location"] == (
        f"{server.base_url}/gnuboard5/bbs/password.php?w=s&bo_table=notice&wr_id={post.key}"
    )
    form = one(html(client.get(response.headers["location"])), "form[name=fboardpassword]")
    assert form.css_first("input[name=wr_password]") is not None


def test_secret_post_opens_after_the_right_password(client: httpx.Client, board_url: str, server: DemoServer) -> None:
    post = next(p for p in POSTS if p.secret)
    check = f"{server.base_url}/gnuboard5/bbs/password_check.php"
    wrong = client.post(check, data={"w": "s", "bo_table": "notice", "wr_id": post.key, "wr_password": "0000"})
    right = client.post(check, data={"w": "s", "bo_table": "notice", "wr_id": post.key, "wr_password": "1234"})
    assert "alert(" in wrong.text
    assert right.status_code == 302
    view = client.get(right.headers["location"])
    assert view.status_code == 200
    assert one(html(view), "span.bo_v_tit").text().strip() == post.title


# --- download --------------------------------------------------------------------------------------


def test_download_without_viewing_is_an_alert_page(client: httpx.Client, server: DemoServer) -> None:
    post = FILE_POST
    url = f"{server.base_url}/gnuboard5/bbs/download.php?bo_table=notice&wr_id={post.key}&no=0"
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'alert("잘못된 접근입니다.");' in response.text
    assert "history.back();" in response.text


def test_download_after_viewing_gives_the_exact_bytes(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    doc = html(client.get(view_url(board_url, post.key, page=1)))
    files = [(n, d) for n, d in post.attachments if not n.endswith(".jpg")]
    for href, (name, data) in zip(download_links(doc), files, strict=True):
        response = client.get(href)
        assert response.status_code == 200
        assert response.content == data
        assert response.headers["content-type"] == "file/unknown"
        assert int(response.headers["content-length"]) == len(data)
        match = re.fullmatch(r'attachment; filename="(.*)"', response.headers["content-disposition"])
        assert match is not None and unquote(match[1]) == name


def test_download_filename_is_php_rawurlencoded(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    odd = next(i for i, (n, _) in enumerate(post.attachments) if "%" in n)
    doc = html(client.get(view_url(board_url, post.key)))
    header = client.get(download_links(doc)[odd]).headers["content-disposition"]
    encoded = re.fullmatch(r'attachment; filename="(.*)"', header)
    assert encoded is not None
    # rawurlencode leaves only A-Z a-z 0-9 - _ . ~ unescaped; a space is %20, never +.
    assert re.fullmatch(r"(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})+", encoded[1])
    assert "%20" in encoded[1] and "+" not in encoded[1]
    assert unquote(encoded[1]) == post.attachments[odd][0]


def test_download_with_another_sessions_nonce_is_an_alert_page(board_url: str) -> None:
    post = FILE_POST
    with httpx.Client() as alice, httpx.Client() as bob:
        href = download_links(html(alice.get(view_url(board_url, post.key))))[0]
        bob.get(view_url(board_url, post.key))  # bob viewed the post too, but the nonce is alice's
        response = bob.get(href)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "alert(" in response.text
        assert alice.get(href).content == post.attachments[0][1]


def test_download_with_a_tampered_nonce_is_an_alert_page(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    href = download_links(html(client.get(view_url(board_url, post.key))))[0]
    tampered = re.sub(r"nonce=([^|]+)\|(\d+)\|", lambda m: f"nonce={m[1]}|{int(m[2]) + 3600}|", href)
    response = client.get(tampered)
    assert "토큰" in response.text and response.headers["content-type"].startswith("text/html")


def test_download_of_a_missing_file_number_closes_with_an_alert(client: httpx.Client, board_url: str) -> None:
    post = FILE_POST
    href = download_links(html(client.get(view_url(board_url, post.key))))[0]
    response = client.get(re.sub(r"no=\d+", "no=42", href))
    assert 'alert("파일 정보가 존재하지 않습니다.");' in response.text


@pytest.mark.parametrize("hour, minute", [(0, 5), (23, 59)])
def test_todays_posts_stay_on_todays_date_at_any_hour(hour: int, minute: int) -> None:
    now = NOW.replace(hour=hour, minute=minute)
    with DemoServer(now=now) as demo, httpx.Client() as client:
        first = rows(html(client.get(next(b.url for b in demo.boards() if b.engine == "gnuboard"))))[2]
        assert re.fullmatch(r"\d\d:\d\d", one(first, "td.td_datetime").text())


def test_nonce_is_valid_for_two_hours_for_its_session_and_post_only() -> None:
    nonce = _gnuboard5_lib.make_nonce("session-a", "notice", "5", 1_000_000.0)
    assert _gnuboard5_lib.nonce_is_valid(nonce, "session-a", "notice", "5", 1_000_000.0 + 7200)
    assert not _gnuboard5_lib.nonce_is_valid(nonce, "session-a", "notice", "5", 1_000_000.0 + 7201)
    assert not _gnuboard5_lib.nonce_is_valid(nonce, "session-b", "notice", "5", 1_000_000.0)
    assert not _gnuboard5_lib.nonce_is_valid(nonce, "session-a", "notice", "6", 1_000_000.0)
    assert not _gnuboard5_lib.nonce_is_valid("garbage", "session-a", "notice", "5", 1_000_000.0)


def test_paging_moves_in_blocks_of_ten_pages() -> None:
    nav = LexborHTMLParser(gnuboard5_tpl.paging(10, 12, 25, "http://x/b.php?bo_table=n&amp;page="))
    classes = [a.attributes.get("class") or "" for a in nav.css("a")]
    pages = [a.text(deep=False) for a in nav.css("a") if (a.attributes.get("class") or "") == "pg_page"]
    assert classes[:2] == ["pg_page pg_start", "pg_page pg_prev"]
    assert classes[-2:] == ["pg_page pg_next", "pg_page pg_end"]
    assert pages == [str(n) for n in range(11, 21) if n != 12]
    assert one(nav, "a.pg_prev").attributes.get("href") == "http://x/b.php?bo_table=n&page=10"
    assert one(nav, "a.pg_next").attributes.get("href") == "http://x/b.php?bo_table=n&page=21"
    assert one(nav, "strong.pg_current").text() == "12"
