"""Gnuboard 5 library code for the demo site, after ``lib/common.lib.php``: the board settings both gnuboard
sites install with, the board's data, file sizes, stored file names, download nonces, and the ``$qstr``
carried from page to page.  The gnuboard 4 site uses the settings, the data and the file helpers too."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from urllib.parse import quote_plus

from noticetui.demo import assets, content
from noticetui.demo.http import DemoRequest
from noticetui.demo.sites._common import php_int

PAGE_ROWS = 15
"""``bo_page_rows``: rows per list page (gnuboard 5 counts the pinned notices in, gnuboard 4 does not)."""
WRITE_PAGES = 10
"""``cf_write_pages``: page links per pagination block."""
NEW_HOURS = 24
"""``bo_new``: how many hours a post shows the New icon."""
HOT_HITS = 100
"""``bo_hot``: the views from which a post shows the Hot icon."""
IMAGE_EXT = (".jpg", ".jpeg", ".gif", ".png")
"""Attachments with these extensions are images: the skins show them above the body."""
NONCE_TTL = 7200
"""Seconds a download nonce stays valid (gnuboard's default)."""


@dataclass(frozen=True)
class BoardData:
    """The board's posts in list order (wr_num, wr_reply), with lookups."""

    posts: tuple[content.SamplePost, ...]
    by_id: dict[str, content.SamplePost]
    notices: tuple[str, ...]
    stored: dict[str, tuple[str, int]]
    """Stored file name → (wr_id, bf_no), for the inline images under ``data/file``."""


@lru_cache(maxsize=8)
def board_data(now: datetime, board: str) -> BoardData:
    """Board ``board``'s posts at ``now`` (``g5-notice``, ``g4-data``…), in list order, with the lookups pages need."""
    posts = tuple(content.sample_posts(now, board))
    # bo_notice lists the newest notice first: board_notice() prepends each new one.
    notices = tuple(p.key for p in sorted(posts, key=lambda p: -int(p.key)) if p.notice)
    stored = {
        stored_name(p.key, no, name): (p.key, no) for p in posts for no, (name, _data) in enumerate(p.attachments)
    }
    return BoardData(posts, {p.key: p for p in posts}, notices, stored)


def stored_name(wr_id: str, no: int, name: str) -> str:
    """The name an upload is stored under in ``data/file/<bo_table>/``."""
    # gnuboard stores uploads as abs(ip2long(REMOTE_ADDR))_<8 random>_<name>; the name part is made safe.
    tag = hashlib.sha1(f"{wr_id}-{no}".encode()).hexdigest()[:8]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else "bin"
    return f"2130706433_{tag}_{wr_id}_{no}.{ext}"


def get_filesize(size: int) -> str:
    """Gnuboard's ``get_filesize``: ``24.5K``, ``1.2M`` or ``512byte``."""
    if size >= 1048576:
        return f"{size / 1048576:,.1f}M"
    if size >= 1024:
        return f"{size / 1024:,.1f}K"
    return f"{size:,}byte"


def make_nonce(session_id: str, bo_table: str, wr_id: str, now: float) -> str:
    """``download_file_nonce_key``: ``salt|expiry|sha1``, valid :data:`NONCE_TTL` s for this session."""
    salt = "".join(secrets.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
    expiry = int(now) + NONCE_TTL
    return f"{salt}|{expiry}|{_nonce_hash(salt, session_id, bo_table, wr_id, expiry)}"


def nonce_is_valid(nonce: str, session_id: str, bo_table: str, wr_id: str, now: float) -> bool:
    """``download_file_nonce_is_valid``: made for this session and post, and not expired."""
    parts = nonce.split("|")
    if len(parts) != 3 or not parts[1].isdigit():
        return False
    salt, expiry, digest = parts[0], int(parts[1]), parts[2]
    return expiry >= now and secrets.compare_digest(digest, _nonce_hash(salt, session_id, bo_table, wr_id, expiry))


def _nonce_hash(salt: str, session_id: str, bo_table: str, wr_id: str, expiry: int) -> str:
    return hashlib.sha1(f"{salt}{session_id}{bo_table}{wr_id}{expiry}".encode()).hexdigest()


def qstr(request: DemoRequest) -> str:
    """common.php's ``$qstr``: the search and paging parameters carried from page to page."""
    qstr = ""
    sca = request.param("sca")
    if sca:
        qstr += "&amp;sca=" + quote_plus(sca)
    page = php_int(request.param("page"))
    if page:
        qstr += f"&amp;page={page}"
    return qstr


def asset_of(data: bytes) -> str:
    """The sample image whose bytes ``data`` are ('' for none)."""
    for name in assets.IMAGES:
        if assets.asset(name) == data:
            return name
    return ""
