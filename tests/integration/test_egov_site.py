"""The sample eGovFrame site's own rules, over HTTP: charsets, POSTed forms, secret posts, and
``FileDown.do``'s session binding, browser check and file-name spellings."""

from __future__ import annotations

import html
from collections.abc import Iterator
from urllib.parse import unquote

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from noticetui.demo.content import SamplePost
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.egov import app_named, board_posts, file_id, java_urlencode
from noticetui.net.fetch import DEFAULT_USER_AGENT

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
ODD = "붙임2. 개인정보 수집·이용 동의서(필수 100%)#1.pdf"


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    with httpx.Client(headers={"User-Agent": DEFAULT_USER_AGENT}, timeout=10) as client:
        yield client


def url_of(server: DemoServer, name: str, path: str) -> str:
    return f"{server.base_url}{app_named(name).board.ctx}{path}"


def odd_post(server: DemoServer, name: str) -> SamplePost:
    return next(p for p in board_posts(name, server.now) if any(n == ODD for n, _ in p.attachments))


def view(client: httpx.Client, server: DemoServer, name: str, post: SamplePost) -> LexborHTMLParser:
    app = app_named(name)
    response = client.post(
        url_of(server, name, app.view_path), data={"bbsId": app.board.bbs_id, "nttId": post.key, "pageIndex": "1"}
    )
    assert response.status_code == 200
    return LexborHTMLParser(response.content.decode("cp949" if app.kind == "legacy" else "utf-8"))


def article_file_url(doc: LexborHTMLParser, server: DemoServer, sn: int) -> str:
    link = doc.css("#egov_file_view_table a")[sn]
    token = (link.attributes.get("href") or "").split("'")[1]
    base = url_of(server, "egov-article", "/cmm/fms/FileDown.do")
    return str(httpx.URL(base, params={"atchFileId": token, "fileSn": sn}))


# --- pages -------------------------------------------------------------------------------------------


def test_legacy_pages_name_their_charset_only_in_meta(demo_server: DemoServer, browser: httpx.Client) -> None:
    url = next(b.url for b in demo_server.boards() if b.name == "egov-legacy")
    response = browser.get(url)
    assert response.headers["content-type"] == "text/html"
    assert b'content="text/html; charset=euc-kr"' in response.content
    assert board_posts("egov-legacy", demo_server.now)[0].title in html.unescape(response.content.decode("cp949"))


def test_legacy_list_answers_the_posted_frm_like_the_query(demo_server: DemoServer, browser: httpx.Client) -> None:
    app = app_named("egov-legacy")
    posted = browser.post(
        url_of(demo_server, "egov-legacy", app.list_path), data={"bbsId": app.board.bbs_id, "pageIndex": "2"}
    )
    got = browser.get(
        url_of(demo_server, "egov-legacy", app.list_path), params={"bbsId": app.board.bbs_id, "pageIndex": "2"}
    )
    assert posted.content == got.content
    assert b"<strong>2</strong>" in posted.content


def test_current_pages_send_tomcats_content_type(demo_server: DemoServer, browser: httpx.Client) -> None:
    url = next(b.url for b in demo_server.boards() if b.name == "egov-article")
    assert browser.get(url).headers["content-type"] == "text/html;charset=UTF-8"


def test_article_notices_head_every_page(demo_server: DemoServer, browser: httpx.Client) -> None:
    app = app_named("egov-article")
    url = url_of(demo_server, "egov-article", app.list_path)
    params = [{"bbsId": app.board.bbs_id, "pageIndex": n} for n in (1, 3)]
    pages = [LexborHTMLParser(browser.get(url, params=p).text) for p in params]
    pinned = sum(p.notice for p in board_posts("egov-article", demo_server.now))
    assert [len(p.css("img[alt='notice']")) for p in pages] == [pinned, pinned] and pinned >= 1


def test_article_secret_post_view_is_the_list(demo_server: DemoServer, browser: httpx.Client) -> None:
    secret = next(p for p in board_posts("egov-article", demo_server.now) if p.secret)
    doc = view(browser, demo_server, "egov-article", secret)
    assert doc.css_first("table.board_list") is not None and doc.css_first("table.wTable") is None


def test_unknown_post_is_the_error_page_with_status_200(demo_server: DemoServer, browser: httpx.Client) -> None:
    app = app_named("egov-portal")
    response = browser.get(
        url_of(demo_server, "egov-portal", app.view_path), params={"bbsId": app.board.bbs_id, "nttId": "999999"}
    )
    assert response.status_code == 200
    assert "알 수 없는 오류가 발생했습니다." in response.text


def test_portal_list_author_is_hard_coded(demo_server: DemoServer, browser: httpx.Client) -> None:
    url = next(b.url for b in demo_server.boards() if b.name == "egov-portal")
    doc = LexborHTMLParser(browser.get(url).text)
    assert {row.css("td")[2].text(strip=True) for row in doc.css("div.board_list tbody tr")} == {"관리자"}


# --- FileDown.do ---------------------------------------------------------------------------------------


def test_current_download_in_the_viewing_session(demo_server: DemoServer, browser: httpx.Client) -> None:
    post = odd_post(demo_server, "egov-article")
    doc = view(browser, demo_server, "egov-article", post)
    sn = [n for n, _ in post.attachments].index(ODD)
    response = browser.get(article_file_url(doc, demo_server, sn))
    assert response.content == post.attachments[sn][1]
    assert response.headers["content-type"] == "application/x-stuff"
    assert response.headers["content-disposition"] == "attachment; filename*=UTF-8''" + java_urlencode(ODD)
    assert "+" in java_urlencode(ODD) and unquote(java_urlencode(ODD).replace("+", " ")) == ODD


def test_current_download_in_another_session_is_refused(demo_server: DemoServer, browser: httpx.Client) -> None:
    post = odd_post(demo_server, "egov-article")
    url = article_file_url(view(browser, demo_server, "egov-article", post), demo_server, 0)
    with httpx.Client(headers={"User-Agent": DEFAULT_USER_AGENT}) as other:
        other.get(next(b.url for b in demo_server.boards() if b.name == "egov-article"))
        response = other.get(url)
    assert (response.status_code, response.headers["content-type"]) == (200, "text/html;charset=UTF-8")
    assert "알 수 없는 오류가 발생했습니다." in response.text


def test_current_download_refuses_unknown_browsers(demo_server: DemoServer, browser: httpx.Client) -> None:
    post = odd_post(demo_server, "egov-article")
    url = article_file_url(view(browser, demo_server, "egov-article", post), demo_server, 0)
    response = browser.get(url, headers={"User-Agent": "noticetui-test/1.0"})
    assert "Not supported browser" in response.text


def test_ids_in_the_page_differ_between_sessions(demo_server: DemoServer, browser: httpx.Client) -> None:
    post = odd_post(demo_server, "egov-portal")
    first = view(browser, demo_server, "egov-portal", post).css_first("a[data-atch-file-id]")
    with httpx.Client(headers={"User-Agent": DEFAULT_USER_AGENT}) as other:
        second = view(other, demo_server, "egov-portal", post).css_first("a[data-atch-file-id]")
    assert first is not None and second is not None
    assert first.attributes["data-atch-file-id"] != second.attributes["data-atch-file-id"]
    assert file_id(post) not in (first.attributes["data-atch-file-id"] or "")


def test_legacy_download_for_chrome_encodes_only_non_ascii(demo_server: DemoServer, browser: httpx.Client) -> None:
    post = odd_post(demo_server, "egov-legacy")
    sn = [n for n, _ in post.attachments].index(ODD)
    url = url_of(demo_server, "egov-legacy", "/cmm/fms/FileDown.do")
    response = browser.get(url, params={"atchFileId": file_id(post), "fileSn": sn})
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=%EB%B6%99%EC%9E%842. %EA%B0%9C")
    assert disposition.endswith("(%ED%95%84%EC%88%98 100%)#1.pdf")
    assert response.content == post.attachments[sn][1]


def test_legacy_download_for_firefox_sends_raw_utf8(demo_server: DemoServer) -> None:
    post = odd_post(demo_server, "egov-legacy")
    url = url_of(demo_server, "egov-legacy", "/cmm/fms/FileDown.do")
    with httpx.Client(headers={"User-Agent": FIREFOX}) as firefox:
        response = firefox.get(url, params={"atchFileId": file_id(post), "fileSn": 0})
    raw = next(value for key, value in response.headers.raw if key.lower() == b"content-disposition")
    assert raw == b'attachment; filename="' + post.attachments[0][0].encode("utf-8") + b'"'
