"""Checks the board tests share: what ``show`` prints of a body, what ``download`` saves, what a secret post
shows; ``Item`` is one row of ``list --json``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .conftest import Cli, CliResult

Item = dict[str, Any]


def detected(cli: Cli, url: str, engine: str) -> CliResult:
    """``add URL``, checked to succeed and to name ``engine``; the result, for what a test checks further."""
    result = cli("add", url)
    assert result.code == 0, result.err
    assert f"engine: {engine}" in result.out
    return result


def board_rows(cli: Cli, board: str) -> list[Item]:
    """``list BOARD --json``: the board's rows as stored."""
    rows: list[Item] = cli("list", board, "--json").json()
    return rows


def show_json(cli: Cli, item: dict[str, Any]) -> Any:
    """``show --json`` of a listed item at 100 columns."""
    return cli("show", str(item["id"]), "--json", "--width", "100").json()


def words_not_shown(body_html: str, text: str) -> list[str]:
    """The words (two characters or more) of ``body_html`` that ``text`` lacks, whatever its line breaks."""
    source = LexborHTMLParser(body_html).body
    assert source is not None
    flat = " ".join(text.split())
    return [w for w in source.text(separator=" ").split() if len(w) > 1 and w not in flat]


def assert_body_shown(cli: Cli, item: Item, body_html: str) -> None:
    """``show`` of the listed ``item`` prints every word of its source ``body_html``."""
    assert words_not_shown(body_html, show_json(cli, item)["text"]) == []


def with_percent_name(listed: list[Item]) -> Item:
    """The first listed item with an attachment whose name holds a ``%`` (a name that must not be decoded
    twice on its way to the disk)."""
    return next(i for i in listed if any("%" in a["name"] for a in i["attachments"]))


def assert_downloads(cli: Cli, item: Item, to: Path, expected: dict[str, bytes]) -> None:
    """``download`` of the listed ``item`` into ``to`` saves exactly the ``expected`` files, byte for byte."""
    assert_saved(cli("download", str(item["id"]), "--to", str(to)), expected)


def assert_secret_unreadable(cli: Cli, listed: list[Item], key: str) -> None:
    """The post ``key`` is listed as secret, and ``show`` says it is secret instead of showing a body."""
    item = next(i for i in listed if i["key"] == key)
    assert item["secret"] is True
    assert "secret" in cli("show", str(item["id"])).out


def assert_saved(result: CliResult, expected: dict[str, bytes]) -> None:
    """``download`` succeeded and saved exactly the ``expected`` files (name → bytes), byte for byte."""
    assert result.code == 0, result.err
    saved = {Path(line).name: Path(line) for line in result.out.splitlines()}
    assert set(saved) == set(expected)
    for name, data in expected.items():
        assert hashlib.sha256(saved[name].read_bytes()).hexdigest() == hashlib.sha256(data).hexdigest()


def add_and_sync(cli: Cli, boards: dict[str, str]) -> Cli:
    """``cli`` once it has added each board (name → list URL) and synced them all: five pages, bodies too."""
    for name, url in boards.items():
        assert cli("add", url, "--name", name).code == 0
    result = cli("sync", "--pages", "5")
    assert result.code == 0, result.err
    return cli
