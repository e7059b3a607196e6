"""The KBoard sample site over HTTP on 127.0.0.1: its markup quirks, its download rules (nonce or Referer,
``wp_die`` otherwise) and its ``Content-Disposition`` bytes, and how our name decoding copes with them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from noticetui.demo.content import SamplePost
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.kboard import board_posts
from noticetui.engines.base import parse_html
from noticetui.engines.kboard import ENGINE
from noticetui.models import ParseContext, Post
from noticetui.net.disposition import filename_from_headers
from noticetui.net.fetch import DEFAULT_USER_AGENT

from .conftest import demo_board_url

IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko"


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(headers={"User-Agent": DEFAULT_USER_AGENT}, timeout=10) as session:
        yield session


def with_files(server: DemoServer) -> SamplePost:
    return next(p for p in board_posts("kboard-notice", server.now) if len(p.attachments) >= 2 and not p.secret)


def open_post(client: httpx.Client, server: DemoServer, post: SamplePost) -> tuple[Post, str]:
    """The post's page read by the engine in ``client``'s session, and the raw HTML."""
    url = f"{demo_board_url(server, 'kboard', 'kboard-notice')}?mod=document&uid={post.key}"
    page = client.get(url)
    assert page.status_code == 200
    return ENGINE.parse_post(parse_html(page.text), ParseContext(url, server.now), post.key), page.text


def file_url(parsed: Post, index: int = 0) -> str:
    request = parsed.attachments[index].request
    assert request is not None
    return request.url


def raw_disposition(response: httpx.Response) -> bytes:
    return next(v for k, v in response.headers.raw if k.lower() == b"content-disposition")


def test_document_links_are_esc_url_escaped(client: httpx.Client, demo_server: DemoServer) -> None:
    html = client.get(demo_board_url(demo_server, "kboard", "kboard-data")).text
    assert re.search(r'href="/kboard/\?page_id=5&#038;mod=document&#038;uid=\d+"', html)


def test_pagination_links_are_relative_with_a_raw_ampersand(client: httpx.Client, demo_server: DemoServer) -> None:
    html = client.get(demo_board_url(demo_server, "kboard", "kboard-data")).text
    assert '<li><a href="?pageid=2&page_id=5">2</a></li>' in html


def test_download_button_url_is_not_escaped(client: httpx.Client, demo_server: DemoServer) -> None:
    _parsed, html = open_post(client, demo_server, with_files(demo_server))
    assert re.search(r"onclick=\"window.location.href='/kboard/notice/\?uid=\d+&action=kboard_file_download&", html)


def test_notices_head_every_list_page(client: httpx.Client, demo_server: DemoServer) -> None:
    url = demo_board_url(demo_server, "kboard", "kboard-notice")
    notices = sum(p.notice for p in board_posts("kboard-notice", demo_server.now))
    for page in (url, f"{url}?pageid=2"):
        assert client.get(page).text.count('<tr class="kboard-list-notice">') == notices


def test_permalink_without_slash_redirects(client: httpx.Client, demo_server: DemoServer) -> None:
    response = client.get(f"{demo_server.base_url}/kboard/notice?pageid=2")
    assert (response.status_code, response.headers["location"]) == (
        301,
        f"{demo_server.base_url}/kboard/notice/?pageid=2",
    )


def test_secret_post_asks_for_its_password_then_opens(client: httpx.Client, demo_server: DemoServer) -> None:
    secret = next(p for p in board_posts("kboard-notice", demo_server.now) if p.secret)
    url = f"{demo_board_url(demo_server, 'kboard', 'kboard-notice')}?mod=document&uid={secret.key}"
    locked = ENGINE.parse_post(parse_html(client.get(url).text), ParseContext(url, demo_server.now), secret.key)
    assert locked.secret
    opened = client.post(url, data={"password": "1234"})
    assert (
        ENGINE.parse_post(parse_html(opened.text), ParseContext(url, demo_server.now), secret.key).title == secret.title
    )


def test_download_in_the_viewing_session_sends_the_file(client: httpx.Client, demo_server: DemoServer) -> None:
    post = with_files(demo_server)
    parsed, _html = open_post(client, demo_server, post)
    response = client.get(file_url(parsed, 1), headers={"Referer": parsed.url})
    assert response.status_code == 200
    assert response.content == post.attachments[1][1]


def test_download_without_nonce_session_or_referer_is_wp_die(client: httpx.Client, demo_server: DemoServer) -> None:
    parsed, _html = open_post(client, demo_server, with_files(demo_server))
    response = httpx.get(file_url(parsed))  # a new session: the nonce is not its own
    assert response.status_code == 500
    assert ENGINE.is_failure_page(parse_html(response.text)) == "This page is restricted from external access."


def test_download_with_a_bad_nonce_but_a_same_site_referer_still_works(demo_server: DemoServer) -> None:
    post = with_files(demo_server)
    url = f"{demo_board_url(demo_server, 'kboard', 'kboard-notice')}?uid={post.key}"
    url += "&action=kboard_file_download&kboard-file-download-nonce=0000000000&file=file1"
    response = httpx.get(url, headers={"Referer": demo_board_url(demo_server, "kboard", "kboard-notice")})
    assert (response.status_code, response.content) == (200, post.attachments[0][1])


def test_download_with_a_foreign_referer_and_no_nonce_is_refused(demo_server: DemoServer) -> None:
    post = with_files(demo_server)
    url = f"{demo_board_url(demo_server, 'kboard', 'kboard-notice')}?uid={post.key}"
    url += "&action=kboard_file_download&file=file1"
    assert httpx.get(url, headers={"Referer": "https://elsewhere.example/"}).status_code == 500


def test_our_user_agent_gets_raw_utf8_with_dashes_for_spaces(client: httpx.Client, demo_server: DemoServer) -> None:
    post = with_files(demo_server)
    parsed, _html = open_post(client, demo_server, post)
    response = client.get(file_url(parsed, 1), headers={"Referer": parsed.url})
    name = post.attachments[1][0]
    assert raw_disposition(response) == f'attachment; filename="{name.replace(" ", "-")}"'.encode()
    assert filename_from_headers(response.headers, str(response.url)) == name.replace(" ", "-")


def test_internet_explorer_gets_raw_euc_kr_that_still_decodes(client: httpx.Client, demo_server: DemoServer) -> None:
    post = with_files(demo_server)
    parsed, _html = open_post(client, demo_server, post)
    response = client.get(file_url(parsed, 1), headers={"Referer": parsed.url, "User-Agent": IE11})
    name = post.attachments[1][0].replace(" ", "-")
    assert raw_disposition(response) == f'attachment; filename="{name}"'.encode("euc-kr")
    assert filename_from_headers(response.headers, str(response.url)) == name


def test_unknown_file_key_answers_an_alert(client: httpx.Client, demo_server: DemoServer) -> None:
    parsed, _html = open_post(client, demo_server, with_files(demo_server))
    response = client.get(file_url(parsed).replace("file=file1", "file=file9"), headers={"Referer": parsed.url})
    assert ENGINE.is_failure_page(parse_html(response.text)) == "파일이 존재하지 않습니다."
