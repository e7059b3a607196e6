"""`noticetui read` and `star`/`unstar` through the real CLI on two synced sample boards: one-line results,
unread counts that follow, starred posts in `list`, and names that do not exist refused before any write."""

from __future__ import annotations

from typing import Any

import pytest

from noticetui.demo.server import DemoServer

from .conftest import Cli, cli_at, demo_board_url


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> Cli:
    """Two sample boards added and synced (list pages only) in one home."""
    cli = cli_at(tmp_path_factory.mktemp("reading") / "home")
    assert cli("add", demo_board_url(demo_server, "gnuboard", "g5-notice"), "--name", "g5").code == 0
    assert cli("add", demo_board_url(demo_server, "rhymix", "rhymix-notice"), "--name", "rx").code == 0
    result = cli("sync", "--pages", "1", "--no-bodies")
    assert result.code == 0, result.err
    return cli


@pytest.fixture
def cli(synced: Cli) -> Cli:
    """The synced home with every post unread and nothing starred, whatever the test before did."""
    assert synced("read", "--all", "--unread").code == 0
    starred = [str(p["id"]) for p in synced("list", "--starred", "--json").json()]
    if starred:
        assert synced("unstar", *starred).code == 0
    return synced


def unread(cli: Cli) -> dict[str, int]:
    return {b["name"]: b["unread"] for b in cli("boards", "--json").json()}


def posts(cli: Cli, *args: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = cli("list", "--json", *args).json()
    return result


def test_read_board_all_marks_that_board_only_and_says_how_many(cli: Cli) -> None:
    before = unread(cli)
    result = cli("read", "g5", "--all")
    assert result.code == 0 and result.err == ""
    assert result.out == f"marked {before['g5']} posts of g5 read\n"
    assert unread(cli) == {"g5": 0, "rx": before["rx"]}
    assert all(p["read"] for p in posts(cli, "g5"))


def test_read_all_marks_every_board_and_unread_reverses_it(cli: Cli) -> None:
    total = sum(unread(cli).values())
    assert cli("read", "--all").out == f"marked {total} posts of every board read\n"
    assert set(unread(cli).values()) == {0}
    assert cli("read", "--all", "--unread").out == f"marked {total} posts of every board unread\n"
    assert sum(unread(cli).values()) == total


def test_read_ids_marks_those_posts(cli: Cli) -> None:
    first, second = (str(p["id"]) for p in posts(cli, "rx")[:2])
    assert cli("read", first, second).out == "marked 2 posts read\n"
    assert cli("read", first).out == "marked 0 posts read\n"
    assert [p["id"] for p in posts(cli, "rx", "--unread")][:1] != [int(first)]
    assert cli("read", first, "--unread").out == "marked 1 post unread\n"


def test_an_unknown_board_or_id_exits_2_and_changes_nothing(cli: Cli) -> None:
    before = unread(cli)
    known = str(posts(cli, "g5")[0]["id"])
    for args in (("read", "g5", "nope", "--all"), ("read", known, "999999"), ("star", known, "999999")):
        result = cli(*args)
        assert result.code == 2 and result.out == ""
        assert len(result.err.strip().splitlines()) == 1 and result.err.startswith("noticetui: no ")
    assert unread(cli) == before and posts(cli, "--starred") == []
    assert cli("read").code == 2


def test_starred_posts_are_listed_newest_star_first_and_in_json(cli: Cli) -> None:
    a, b = (p["id"] for p in posts(cli, "g5")[:2])
    assert cli("star", str(a)).out == "starred 1 post\n"
    assert cli("star", str(b), str(a)).out == "starred 1 post\n"
    assert [p["id"] for p in posts(cli, "--starred")] == [b, a]
    listed = {p["id"]: p["starred"] for p in posts(cli, "g5")}
    assert listed[a] and listed[b] and sum(listed.values()) == 2
    assert "★" in next(line for line in cli("list", "g5").out.splitlines() if line.lstrip().startswith(str(a)))
    assert cli("unstar", str(a)).out == "unstarred 1 post\n"
    assert [p["id"] for p in posts(cli, "--starred")] == [b]
    assert posts(cli, "rx", "--starred") == []


def test_a_board_named_without_all_is_refused_with_the_hint(cli: Cli) -> None:
    before = unread(cli)
    result = cli("read", "g5")
    assert result.code == 2 and "add --all" in result.err and unread(cli) == before
