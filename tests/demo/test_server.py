"""The demo server itself: lifecycle, dispatch, sessions, the request log and staged faults."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from noticetui.demo.server import DemoServer, run_forever
from noticetui.models import SEOUL

from .conftest import NOW


@pytest.fixture
def fresh() -> Iterator[DemoServer]:
    """A server of the test's own, free to break."""
    with DemoServer(now=NOW) as demo:
        yield demo


def test_port_zero_picks_a_free_port_and_base_url_names_it(fresh: DemoServer) -> None:
    assert fresh.port != 0
    assert fresh.base_url == f"http://127.0.0.1:{fresh.port}"


def test_stop_releases_the_port() -> None:
    demo = DemoServer(now=NOW)
    demo.start()
    port = demo.port
    demo.stop()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_naive_now_is_taken_as_seoul_time() -> None:
    demo = DemoServer(now=datetime(2026, 1, 10, 9, 0))
    assert demo.now == datetime(2026, 1, 10, 9, 0, tzinfo=SEOUL)


def test_aware_now_is_converted_to_seoul() -> None:
    demo = DemoServer(now=datetime(2026, 1, 10, 0, 0, tzinfo=UTC))
    assert demo.now.utcoffset() == timedelta(hours=9)
    assert demo.now.hour == 9


def test_default_now_is_the_current_time() -> None:
    before = datetime.now(SEOUL)
    demo = DemoServer()
    assert before - timedelta(minutes=1) <= demo.now <= datetime.now(SEOUL)


def test_boards_point_at_this_server(fresh: DemoServer) -> None:
    boards = fresh.boards()
    assert boards
    assert all(b.url.startswith(fresh.base_url + "/") for b in boards)
    assert len({b.name for b in boards}) == len(boards)


def test_index_page_links_every_board(fresh: DemoServer, client: httpx.Client) -> None:
    page = client.get(fresh.base_url + "/")
    assert page.status_code == 200
    for board in fresh.boards():
        assert board.url.replace("&", "&amp;") in page.text


def test_unknown_path_is_404(fresh: DemoServer, client: httpx.Client) -> None:
    assert client.get(fresh.base_url + "/nowhere/index.php").status_code == 404


def test_request_log_records_method_and_target_in_order(fresh: DemoServer, client: httpx.Client) -> None:
    client.get(fresh.base_url + "/gnuboard5/bbs/board.php?bo_table=notice&page=2")
    client.post(fresh.base_url + "/gnuboard5/bbs/password_check.php", data={"wr_id": "1"})
    client.head(fresh.base_url + "/")
    assert fresh.request_log == [
        ("GET", "/gnuboard5/bbs/board.php?bo_table=notice&page=2"),
        ("POST", "/gnuboard5/bbs/password_check.php"),
        ("HEAD", "/"),
    ]


def test_head_answers_headers_without_a_body(fresh: DemoServer, client: httpx.Client) -> None:
    response = client.head(fresh.base_url + "/")
    assert response.status_code == 200
    assert int(response.headers["content-length"]) > 0
    assert response.content == b""


def test_session_cookie_is_set_once_per_visitor(fresh: DemoServer, client: httpx.Client) -> None:
    url = next(b.url for b in fresh.boards() if b.engine == "gnuboard")
    first = client.get(url)
    second = client.get(url)
    assert "PHPSESSID=" in first.headers.get("set-cookie", "")
    assert "set-cookie" not in second.headers


def test_unknown_session_id_is_replaced_not_adopted(fresh: DemoServer) -> None:
    with httpx.Client(cookies={"PHPSESSID": "chosenbyclient"}) as client:
        response = client.get(next(b.url for b in fresh.boards() if b.engine == "gnuboard"))
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("PHPSESSID=")
    assert "chosenbyclient" not in cookie


def test_unknown_fault_is_refused(fresh: DemoServer) -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        fresh.set_fault("teapot")


def test_fault_500_answers_every_request_with_500(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("500")
    assert client.get(_g5(fresh)).status_code == 500
    assert client.get(fresh.base_url + "/").status_code == 500


def test_fault_503_once_fails_only_the_next_request(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("503-once")
    first = client.get(_g5(fresh))
    second = client.get(_g5(fresh))
    assert first.status_code == 503
    assert first.headers["retry-after"] == "1"
    assert second.status_code == 200


def test_fault_slow_makes_a_short_timeout_expire(fresh: DemoServer) -> None:
    fresh.set_fault("slow")
    with httpx.Client(timeout=0.2) as client, pytest.raises(httpx.ReadTimeout):
        client.get(_g5(fresh))


def test_fault_garbage_answers_200_with_no_board(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("garbage")
    response = client.get(_g5(fresh))
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "bo_list" not in response.text
    assert "<table" not in response.text


def test_fault_down_drops_the_connection(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("down")
    with pytest.raises(httpx.TransportError):
        client.get(_g5(fresh))


def test_clearing_the_fault_restores_service(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("500")
    client.get(fresh.base_url + "/")
    fresh.set_fault(None)
    assert client.get(_g5(fresh)).status_code == 200


def test_faulty_requests_are_logged_too(fresh: DemoServer, client: httpx.Client) -> None:
    fresh.set_fault("down")
    with pytest.raises(httpx.TransportError):
        client.get(fresh.base_url + "/gnuboard5/bbs/board.php?bo_table=notice")
    assert ("GET", "/gnuboard5/bbs/board.php?bo_table=notice") in fresh.request_log


def test_stop_hangs_up_on_kept_alive_connections() -> None:
    demo = DemoServer(now=NOW)
    demo.start()
    with httpx.Client() as client:
        assert client.get(demo.base_url + "/").status_code == 200
        demo.stop()
        with pytest.raises(httpx.TransportError):
            client.get(demo.base_url + "/")


def test_run_forever_hands_over_a_started_server_and_stops_on_ctrl_c() -> None:
    seen: list[DemoServer] = []

    def ready(demo: DemoServer) -> None:
        seen.append(demo)
        assert httpx.get(demo.base_url + "/").status_code == 200
        raise KeyboardInterrupt

    run_forever("127.0.0.1", 0, on_ready=ready)
    assert len(seen) == 1
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", seen[0].port))


def _g5(server: DemoServer) -> str:
    """The gnuboard5 board's URL (other sites sort before it)."""
    return next(b.url for b in server.boards() if b.engine == "gnuboard")


def test_demo_home_follows_every_showcase_board_and_not_the_hostile_one(tmp_path: Path) -> None:
    from noticetui.cli.demo_cmds import demo_home

    with DemoServer(now=NOW) as demo:
        ctx = demo_home(demo, tmp_path / "home")
        followed = {b.name for b in ctx.config.boards}
        served = {b.name for b in demo.boards()}
    assert "hostile" in served
    assert followed == served - {"hostile"}
