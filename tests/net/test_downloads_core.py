"""fetch_file against httpx.MockTransport: names, resume with Range, limits, disk errors, leftovers."""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from noticetui.demo.faults import gzip_bomb
from noticetui.download_parts import STALE_SECONDS, PartInfo, clean_stale_parts, part_path, save_info
from noticetui.downloads import DownloadError, fetch_file
from noticetui.models import Attachment, Request
from noticetui.net.fetch import Fetcher

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
URL = "http://board.test/files/big.pdf"


async def _no_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


def _fetcher(handler: Any, **options: Any) -> Fetcher:
    options.setdefault("delay", 0)
    return Fetcher(transport=httpx.MockTransport(handler), sleep=_no_sleep, retries=0, **options)


def _get(handler: Any, dest: Path, name: str = "대용량 붙임 공고문.pdf", **options: Any) -> Any:
    attachment = Attachment(0, name, None, Request(URL))

    async def run() -> Any:
        async with _fetcher(handler, **options) as f:
            return await fetch_file(f, attachment, 7, dest, None, referer="http://board.test/view")

    return asyncio.run(run())


def _visible(dest: Path) -> list[str]:
    return sorted(p.name for p in dest.iterdir() if not p.name.startswith("."))


def test_link_text_that_looks_like_a_file_name_beats_the_url(tmp_path: Path) -> None:
    saved = _get(lambda r: httpx.Response(200, content=PDF), tmp_path)
    assert saved.name == "대용량 붙임 공고문.pdf"
    assert saved.path.read_bytes() == PDF
    assert saved.sha256 == hashlib.sha256(PDF).hexdigest()


def test_url_name_is_used_when_the_link_text_is_no_file_name(tmp_path: Path) -> None:
    saved = _get(lambda r: httpx.Response(200, content=PDF), tmp_path, name="다운로드")
    assert saved.name == "big.pdf"


def test_a_header_name_in_no_known_encoding_falls_back_to_the_listed_name(tmp_path: Path) -> None:
    garbled = b'attachment; filename="\xff\xfe\xc3(\xed \xeb\xb6\xec1_.hwp"'
    headers = [(b"content-disposition", garbled)]
    saved = _get(lambda r: httpx.Response(200, headers=headers, content=PDF), tmp_path, name="공고문.pdf")
    assert saved.name == "공고문.pdf"


def _ranged_server(data: bytes, honour: bool, seen: list[str | None]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        wanted = request.headers.get("range")
        seen.append(wanted)
        if request.headers.get("if-range", '"v2"') != '"v2"':
            return httpx.Response(200, content=data, headers={"etag": '"v2"'})
        if honour and wanted:
            start = int(wanted.removeprefix("bytes=").split("-")[0])
            headers = {"content-range": f"bytes {start}-{len(data) - 1}/{len(data)}"}
            return httpx.Response(206, headers=headers, content=data[start:])
        return httpx.Response(200, content=data)

    return handler


@pytest.mark.parametrize("honour", [True, False], ids=["206-continues", "200-restarts"])
def test_a_left_part_is_continued_or_restarted_and_ends_byte_identical(tmp_path: Path, honour: bool) -> None:
    part = part_path(tmp_path, 7, 0)
    part.write_bytes(PDF[:3000])
    save_info(part, PartInfo(len(PDF), None))
    seen: list[str | None] = []
    saved = _get(_ranged_server(PDF, honour, seen), tmp_path)
    assert seen == ["bytes=3000-"]
    assert saved.path.read_bytes() == PDF
    assert saved.sha256 == hashlib.sha256(PDF).hexdigest()
    assert saved.size == len(PDF)
    assert [p.name for p in tmp_path.iterdir()] == [saved.name]


def test_a_part_of_a_file_that_changed_size_is_restarted_not_stitched(tmp_path: Path) -> None:
    part = part_path(tmp_path, 7, 0)
    part.write_bytes(b"%PDF-old" * 100)
    save_info(part, PartInfo(5000, None))
    seen: list[str | None] = []
    saved = _get(_ranged_server(PDF, True, seen), tmp_path)
    assert seen == ["bytes=800-", None]
    assert saved.path.read_bytes() == PDF


def test_a_part_whose_validator_no_longer_matches_comes_whole(tmp_path: Path) -> None:
    part = part_path(tmp_path, 7, 0)
    part.write_bytes(b"%PDF-old" * 100)
    save_info(part, PartInfo(len(PDF), '"v1"'))
    seen: list[str | None] = []
    saved = _get(_ranged_server(PDF, True, seen), tmp_path)
    assert seen == ["bytes=800-"]
    assert saved.path.read_bytes() == PDF


def test_a_part_without_its_record_is_not_trusted(tmp_path: Path) -> None:
    part_path(tmp_path, 7, 0).write_bytes(b"garbage" * 100)
    seen: list[str | None] = []
    saved = _get(_ranged_server(PDF, True, seen), tmp_path)
    assert seen == [None]
    assert saved.path.read_bytes() == PDF


def test_a_download_over_the_file_limit_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    bomb = gzip_bomb(16 << 20)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(bomb))

    with pytest.raises(DownloadError) as caught:
        _get(handler, tmp_path, file_limit=1_000_000)
    assert "refused" in str(caught.value) and "1,000,000-byte limit" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES], ids=["disk-full", "read-only"])
def test_a_write_error_is_one_line_naming_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    real_open = Path.open

    def failing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".part"):
            raise OSError(code, os.strerror(code), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(DownloadError) as caught:
        _get(lambda r: httpx.Response(200, content=PDF), tmp_path)
    message = str(caught.value)
    assert message.startswith("cannot write to ")
    assert ("disk is full" if code == errno.ENOSPC else "permission denied") in message
    assert _visible(tmp_path) == []


def test_a_file_given_as_the_folder_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    with pytest.raises(DownloadError, match="is a file, not a folder"):
        _get(lambda r: httpx.Response(200, content=PDF), target)
    assert target.read_text() == "mine"


def test_stale_parts_are_cleaned_and_fresh_ones_kept(tmp_path: Path) -> None:
    stale, fresh, other = part_path(tmp_path, 1, 0), part_path(tmp_path, 2, 0), tmp_path / "keep.part"
    for path in (stale, fresh, other):
        path.write_bytes(b"x")
    now = time.time()
    os.utime(stale, (now - STALE_SECONDS - 60, now - STALE_SECONDS - 60))
    os.utime(fresh, (now - 60, now - 60))
    os.utime(other, (now - 10 * STALE_SECONDS, now - 10 * STALE_SECONDS))
    assert clean_stale_parts(tmp_path, now) == 1
    assert not stale.exists() and fresh.exists() and other.exists()
