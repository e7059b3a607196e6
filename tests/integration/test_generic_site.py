"""The /plain sample site itself: EUC-KR pages, pinned notices, hot-link protection, the password form."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from noticetui.demo.server import DemoServer
from noticetui.demo.sites.plain import NEWS_ROWS, PASSWORD, boards, news_pages

from .conftest import demo_board_url


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as http:
        yield http


def news(server: DemoServer) -> str:
    return demo_board_url(server, "generic", "plain-news")


def test_pages_are_served_in_euc_kr(demo_server: DemoServer, client: httpx.Client) -> None:
    response = client.get(news(demo_server))
    assert response.headers["content-type"] == "text/html; charset=euc-kr"
    assert "시정소식".encode("euc-kr") in response.content


def test_notices_are_pinned_on_every_page(demo_server: DemoServer, client: httpx.Client) -> None:
    board = boards(demo_server.now)["news"]
    last = client.get(f"{news(demo_server)}?page={news_pages(demo_server.now)}").content.decode("euc-kr")
    assert all(f"idx={p.key}&amp;page=" in last for p in board.notices)
    assert len(board.regular) > NEWS_ROWS * (news_pages(demo_server.now) - 1)


def test_file_without_the_posts_referer_is_an_error_page(demo_server: DemoServer, client: httpx.Client) -> None:
    post = next(p for p in boards(demo_server.now)["news"].posts if p.attachments and not p.secret)
    url = f"{news(demo_server)}/download?idx={post.key}&fileNo=0"
    refused = client.get(url)
    assert refused.status_code == 200 and refused.headers["content-type"].startswith("text/html")
    served = client.get(url, headers={"Referer": f"{news(demo_server)}/view?idx={post.key}"})
    assert served.content == post.attachments[0][1]
    assert "filename*=UTF-8''" in served.headers["content-disposition"]


def test_secret_post_opens_with_its_password(demo_server: DemoServer, client: httpx.Client) -> None:
    secret = next(p for p in boards(demo_server.now)["news"].posts if p.secret)
    view = f"{news(demo_server)}/view?idx={secret.key}"
    assert 'type="password"' in client.get(view).content.decode("euc-kr")
    client.post(f"{news(demo_server)}/password", data={"idx": secret.key, "pwd": PASSWORD})
    assert secret.title in client.get(view).content.decode("euc-kr")
