"""``list`` filters and sort orders and ``search`` operators, through the real CLI on a synced demo board."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from noticetui.demo.server import DemoServer

from .conftest import Cli, cli_at, demo_board_url


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cli]:
    with DemoServer() as server:
        cli = cli_at(tmp_path_factory.mktemp("filters") / "home")
        assert cli("add", demo_board_url(server, "gnuboard"), "--name", "g5").code == 0
        assert cli("sync", "--pages", "5").code == 0
        yield cli


def listed(cli: Cli, *args: str) -> list[dict[str, object]]:
    result = cli("list", "--json", *args)
    assert result.code == 0, result.err
    items: list[dict[str, object]] = result.json()
    return items


def test_files_keeps_only_posts_with_attachments(synced: Cli) -> None:
    everything, with_files = listed(synced), listed(synced, "--files")
    assert 0 < len(with_files) < len(everything)
    # Every post with a stored attachment is kept (the board's own file mark counts too: a post whose only
    # file is a picture shown in the body has no attachment listed).
    assert {item["id"] for item in everything if item["attachments"]} <= {item["id"] for item in with_files}


def test_sort_by_title_and_its_reverse(synced: Cli) -> None:
    titles = [str(item["title"]) for item in listed(synced, "--sort", "title")]
    assert titles == sorted(titles)
    assert [str(item["title"]) for item in listed(synced, "--sort", "title", "--reverse")] == titles[::-1]


def test_sort_by_views_puts_the_most_viewed_first(synced: Cli) -> None:
    views = [int(str(item["views"] or -1)) for item in listed(synced, "--sort", "views")]
    assert views == sorted(views, reverse=True) and len(set(views)) > 1


def test_reverse_alone_lists_oldest_first(synced: Cli) -> None:
    dates = [str(item["posted_at"]) for item in listed(synced, "--reverse")]
    assert dates == sorted(dates)


def test_after_and_before_take_korean_dates(synced: Cli) -> None:
    days = sorted({str(item["posted_at"])[:10] for item in listed(synced)})
    middle = days[len(days) // 2]
    dotted = middle.replace("-", ".")
    later = listed(synced, "--after", dotted)
    earlier = listed(synced, "--before", middle)
    assert later and earlier and len(later) + len(earlier) == len(listed(synced))
    assert all(str(item["posted_at"])[:10] >= middle for item in later)
    assert all(str(item["posted_at"])[:10] < middle for item in earlier)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--after", "last week"), "expected a date such as 2026-11-01"),
        (("--after", "2026-11-02", "--before", "2026-11-01"), "is not before"),
        (("--sort", "author"), "invalid choice"),
    ],
)
def test_bad_list_options_are_one_line_and_exit_2(synced: Cli, args: tuple[str, ...], message: str) -> None:
    result = synced("list", *args)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1 and not result.out


def test_starred_lists_the_starred_posts(synced: Cli) -> None:
    assert listed(synced, "--starred") == []
    first = listed(synced)[1]
    conn = sqlite3.connect(Path(synced.home) / "noticetui.sqlite3")
    with conn:
        conn.execute("UPDATE posts SET starred_at = '2026-11-18T00:00:00+00:00' WHERE id = ?", (first["id"],))
    conn.close()
    assert [item["id"] for item in listed(synced, "--starred")] == [first["id"]]


def test_search_operators_narrow_the_results(synced: Cli) -> None:
    hits = synced("search", "board:g5", "file:hwp", "--json").json()
    assert hits and all(any("hwp" in str(a["name"]).lower() for a in h["attachments"]) for h in hits)
    word = next(m[:2] for item in listed(synced) for m in re.findall("[가-힣]{2,}", str(item["title"])))
    titled = synced("search", f"title:{word}", "--json").json()
    assert titled and all(word in h["title"] for h in titled)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("공고 board:nope", "board:nope: no such board"),
        ("공고 after:어제", "expected a date"),
        ("board:", "needs a value"),
    ],
)
def test_a_bad_search_operator_is_one_line_and_exit_2(synced: Cli, query: str, message: str) -> None:
    result = synced("search", *query.split())
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1 and not result.out
