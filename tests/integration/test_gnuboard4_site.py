"""The gnuboard4 sample site itself, over HTTP: charsets, the session rule of downloads, raw EUC-KR names."""

from __future__ import annotations

import httpx
import pytest

from noticetui.demo.content import SamplePost, sample_posts
from noticetui.demo.server import DemoServer
from noticetui.demo.sites.gnuboard4 import PASSWORD, listed_files

from .conftest import demo_board_url


def post_with_files(server: DemoServer) -> SamplePost:
    """A readable post whose page lists a file under a Korean name: chosen by property, as keys move with time."""
    return next(
        p
        for p in sample_posts(server.now, "g4-notice")
        if not p.secret and any(not name.isascii() for _no, name, _data in listed_files(p))
    )


@pytest.fixture
def client() -> httpx.Client:
    return httpx.Client(timeout=10)


def test_notice_board_names_euc_kr_in_the_header(client: httpx.Client, demo_server: DemoServer) -> None:
    response = client.get(demo_board_url(demo_server, "gnuboard4", "g4-notice"))
    assert response.headers["content-type"] == "text/html; charset=euc-kr"
    assert "공지사항".encode("euc-kr") in response.content


def test_data_board_names_the_charset_only_in_the_meta(client: httpx.Client, demo_server: DemoServer) -> None:
    response = client.get(demo_board_url(demo_server, "gnuboard4", "g4-data"))
    assert response.headers["content-type"] == "text/html"
    assert b'<meta http-equiv="content-type" content="text/html; charset=euc-kr">' in response.content
    assert "자료실".encode("euc-kr") in response.content


def test_every_list_page_pins_the_notices_again(client: httpx.Client, demo_server: DemoServer) -> None:
    page = client.get(demo_board_url(demo_server, "gnuboard4", "g4-notice") + "&page=3").content
    notices = [p for p in sample_posts(demo_server.now, "g4-notice") if p.notice]
    assert all(f"wr_id={p.key}&page=3' style='font-weight:bold;'".encode() in page for p in notices)


def test_paging_links_repeat_the_page_parameter(client: httpx.Client, demo_server: DemoServer) -> None:
    page = client.get(demo_board_url(demo_server, "gnuboard4", "g4-notice") + "&page=2").content
    assert b"./board.php?bo_table=notice&page=2&page=3'" in page


def test_download_without_viewing_the_post_is_an_alert(client: httpx.Client, demo_server: DemoServer) -> None:
    base = demo_board_url(demo_server, "gnuboard4", "g4-notice").replace("board.php", "download.php")
    response = client.get(f"{base}&wr_id={post_with_files(demo_server).key}&no=0")
    assert response.status_code == 200
    assert "잘못된 접근입니다.".encode("euc-kr") in response.content
    assert "content-disposition" not in response.headers


def test_download_after_viewing_sends_the_raw_euc_kr_name(client: httpx.Client, demo_server: DemoServer) -> None:
    board = demo_board_url(demo_server, "gnuboard4", "g4-notice")
    post = post_with_files(demo_server)
    client.get(f"{board}&wr_id={post.key}")
    no, name, data = next(f for f in listed_files(post) if not f[1].isascii())
    response = client.get(f"{board.replace('board.php', 'download.php')}&wr_id={post.key}&no={no}")
    raw = next(value for key, value in response.headers.raw if key.lower() == b"content-disposition")
    assert raw == b'attachment; filename="' + name.encode("cp949") + b'"'
    assert response.content == data


def test_secret_post_moves_to_the_password_form_with_a_script(client: httpx.Client, demo_server: DemoServer) -> None:
    board = demo_board_url(demo_server, "gnuboard4", "g4-notice")
    secret = next(p for p in sample_posts(demo_server.now, "g4-notice") if p.secret)
    response = client.get(f"{board}&wr_id={secret.key}")
    assert response.status_code == 200
    assert f"location.replace('./password.php?w=s&bo_table=notice&wr_id={secret.key}')".encode() in response.content


def test_the_password_opens_the_secret_post(client: httpx.Client, demo_server: DemoServer) -> None:
    board = demo_board_url(demo_server, "gnuboard4", "g4-notice")
    secret = next(p for p in sample_posts(demo_server.now, "g4-notice") if p.secret)
    check = board.replace("board.php?bo_table=notice", "password_check.php")
    client.post(check, data={"w": "s", "bo_table": "notice", "wr_id": secret.key, "wr_password": PASSWORD})
    response = client.get(f"{board}&wr_id={secret.key}")
    assert b'id="writeContents"' in response.content
