"""The sample Rhymix site's own rules over real HTTP: the download redirect and what it refuses, secret
posts, notices on every page and a post shown above its list page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from httpx import Client
from selectolax.lexbor import LexborHTMLParser

from noticetui.demo.rhymix_data import BOARDS, BoardSetup, Document, documents
from noticetui.demo.server import DemoServer

NOTICE, FREE = BOARDS
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/138.0.0.0 Safari/537.36"


@pytest.fixture
def client() -> Iterator[Client]:
    """A browser-like visitor with an empty cookie jar."""
    with Client(timeout=10, headers={"User-Agent": BROWSER}) as http:
        yield http


def read_url(server: DemoServer, doc: Document) -> str:
    if doc.board.rewrite:
        return f"{server.base_url}/rhymix/{doc.board.mid}/{doc.srl}"
    return f"{server.base_url}/rhymix/index.php?mid={doc.board.mid}&document_srl={doc.srl}"


def with_files(server: DemoServer, setup: BoardSetup) -> Document:
    return next(d for d in documents(setup, server.now) if d.files and not d.post.secret)


def download_href(page: httpx.Response) -> str:
    found = re.search(r'href="([^"]*act=procFileDownload[^"]*)"', page.text)
    assert found is not None
    return str(page.url.join(found.group(1).replace("&amp;", "&")))


def test_download_redirects_to_a_keyed_output_link(demo_server: DemoServer, client: Client) -> None:
    page = client.get(read_url(demo_server, with_files(demo_server, NOTICE)))
    answer = client.get(download_href(page), headers={"Referer": str(page.url)})
    assert answer.status_code == 302
    query = parse_qs(urlsplit(answer.headers["location"]).query)
    assert query["act"] == ["procFileOutput"] and len(query["file_key"][0]) == 48


def test_download_with_a_foreign_referer_is_refused(demo_server: DemoServer, client: Client) -> None:
    page = client.get(read_url(demo_server, with_files(demo_server, NOTICE)))
    answer = client.get(download_href(page), headers={"Referer": "https://elsewhere.example/board"})
    assert answer.status_code == 403
    assert "다른 사이트에서의 파일 다운로드가 금지되어 있습니다." in answer.text


def test_download_with_a_wrong_sid_is_not_found(demo_server: DemoServer, client: Client) -> None:
    page = client.get(read_url(demo_server, with_files(demo_server, NOTICE)))
    href = re.sub(r"sid=[0-9a-f]+", "sid=0123", download_href(page))
    assert client.get(href).status_code == 404


def test_a_forged_file_key_is_refused(demo_server: DemoServer, client: Client) -> None:
    page = client.get(read_url(demo_server, with_files(demo_server, NOTICE)))
    target = client.get(download_href(page)).headers["location"]
    forged = re.sub(r"file_key=([0-9a-f]{8})[0-9a-f]{40}", r"file_key=\g<1>" + "0" * 40, target)
    assert client.get(forged).status_code == 400


def test_xe_output_link_needs_the_session_that_got_it(demo_server: DemoServer, client: Client) -> None:
    page = client.get(read_url(demo_server, with_files(demo_server, FREE)))
    target = client.get(download_href(page)).headers["location"]
    with Client(timeout=10) as stranger:
        answer = stranger.get(target)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "잘못된 요청입니다." in answer.text
    assert client.get(target).headers["content-type"] == "application/octet-stream"


@pytest.mark.parametrize(("setup", "form"), [(NOTICE, "input#cpw"), (FREE, "form.secretForm")])
def test_secret_post_shows_a_password_form_and_no_files(
    demo_server: DemoServer, client: Client, setup: BoardSetup, form: str
) -> None:
    doc = next(d for d in documents(setup, demo_server.now) if d.post.secret)
    html = LexborHTMLParser(client.get(read_url(demo_server, doc)).text)
    assert html.css_first(f".board_read .read_body {form}") is not None
    assert html.css_first(".board_read .fileList") is None


@pytest.mark.parametrize("setup", BOARDS)
def test_notices_head_every_list_page(demo_server: DemoServer, client: Client, setup: BoardSetup) -> None:
    pages = ["", "/page/2"] if setup.rewrite else ["", "&page=2"]
    base = f"{demo_server.base_url}/rhymix/{setup.mid}" if setup.rewrite else (
        f"{demo_server.base_url}/rhymix/index.php?mid={setup.mid}")  # fmt: skip
    for suffix in pages:
        html = LexborHTMLParser(client.get(base + suffix).text)
        pinned = sum(d.post.notice for d in documents(setup, demo_server.now))
        assert len(html.css("div.board_list tr.notice")) == pinned >= 1


def test_post_page_marks_its_row_in_the_list_below(demo_server: DemoServer, client: Client) -> None:
    doc = documents(NOTICE, demo_server.now)[30]
    html = LexborHTMLParser(client.get(read_url(demo_server, doc)).text)
    marked = [tr for tr in html.css("div.board_list tbody tr") if "»" in (tr.text() or "")]
    assert len(marked) == 1 and f"document_srl={doc.srl}" in (marked[0].html or "")
    assert html.css_first("div.board_read") is not None


def test_a_bare_document_srl_opens_the_post(demo_server: DemoServer, client: Client) -> None:
    doc = documents(FREE, demo_server.now)[3]
    html = LexborHTMLParser(client.get(f"{demo_server.base_url}/rhymix/{doc.srl}").text)
    heading = html.css_first(".board_read .read_header h1")
    assert heading is not None and doc.post.title in heading.text()
