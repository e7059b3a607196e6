"""The WordPress and KBoard plumbing the KBoard demo site needs: nonces, ``KBUrl``, ``kboard_pagination``'s
query, ``wp_get_referer`` and ``kboard_mime_type``, each paraphrased from the PHP it stands for."""

from __future__ import annotations

import hashlib
import hmac
import math
import mimetypes
import re
import secrets
from urllib.parse import quote_plus, urlsplit

from noticetui.demo.http import DemoRequest

NONCE_LIFE = 86400
"""WordPress nonces live one to two 12-hour ticks."""
_SALT = secrets.token_bytes(16)  # the site's NONCE_SALT: nonces from another server run are invalid
# KBUrl::init() blanks these, so every link starts from the request's query without them.
_RESET = (
    "mod",
    "uid",
    "rpp",
    "action",
    "security",
    "order_id",
    "parent_uid",
    "execute_uid",
    "kboard_list_sort",
    "kboard_list_sort_remember",
    "kboard_comments_sort",
    "kboard-content-remove-nonce",
)
_MIME = {".hwp": "application/x-hwp", ".hwpx": "application/haansofthwpx"}


def sanitize_key(key: str) -> str:
    """WordPress ``sanitize_key``: lower case, only ``a-z 0-9 _ -`` kept."""
    return re.sub(r"[^a-z0-9_-]", "", key.lower())


def make_nonce(session_id: str, now: float, ticks_back: int = 0) -> str:
    """``wp_create_nonce('kboard-file-download')`` for this session: 10 hex digits, one per 12-hour tick."""
    tick = math.ceil(now / (NONCE_LIFE / 2)) - ticks_back
    digest = hmac.new(_SALT, f"{tick}|kboard-file-download|0|{session_id}".encode(), hashlib.md5).hexdigest()
    return digest[-12:-2]


def nonce_is_valid(nonce: str, session_id: str, now: float) -> bool:
    """``wp_verify_nonce``: made for this session in this tick or the one before."""
    return any(secrets.compare_digest(nonce, make_nonce(session_id, now, back)) for back in (0, 1))


def kb_url(request: DemoRequest, sets: list[tuple[str, str]]) -> str:
    """``KBUrl::toString``: the request's path and query, ``_RESET`` keys blanked, ``sets`` applied.

    PHP arrays keep a key where it first appeared, so ``uid`` stays in place when the request had one and
    new keys go to the end; empty values are left out.  The result is not escaped.
    """
    data = {k: v[0] for k, v in request.query.items()}
    for key in _RESET:
        data[key] = ""
    for key, value in sets:
        data[key] = value
    query = "&".join(f"{sanitize_key(k)}={quote_plus(v)}" for k, v in data.items() if v)
    return request.path + (f"?{query}" if query else "")


def pagination_query(request: DemoRequest) -> str:
    """``kboard_pagination``'s carried query: ``pageid`` dropped, ``mod`` forced to ``list``."""
    parts = []
    for key, values in request.query.items():
        if key == "mod":
            parts.append(f"mod={values[0] if values[0] in ('list', 'history', 'sales') else 'list'}")
        elif key != "pageid" and values[0]:
            parts.append(f"{sanitize_key(key)}={quote_plus(values[0])}")
    return "&" + "&".join(parts) if parts else ""


def has_referer(request: DemoRequest) -> bool:
    """``wp_get_referer()`` is truthy: a Referer on this site that is not the current URL."""
    referer = request.headers.get("referer", "")
    if not referer or referer in (request.raw_target, request.base_url + request.raw_target):
        return False
    host = urlsplit(referer).netloc
    return not host or host == urlsplit(request.base_url).netloc


def mime_type(name: str) -> str:
    """``kboard_mime_type``: the type by extension (Hangul types included)."""
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return _MIME.get(ext) or mimetypes.guess_type(f"x{ext}")[0] or "application/octet-stream"
