"""The sample Rhymix/XE site's file module: ``procFileDownload`` → 302 → ``procFileOutput``.

``procFileDownload`` checks the file's ``sid`` and, since outside links are disallowed, that a Referer (when
sent) names this host.  It then redirects to ``procFileOutput`` with a file key: Rhymix signs the file id,
a timestamp and the client's IP (the key is good for :data:`KEY_SECONDS`); XE 1.x keeps a random key in
the PHP session.  The file name is encoded for the browser: Rhymix's ``UA::encodeFilenameForDownload``
gives modern browsers RFC 5987 ``filename*``, Whale and Android web views raw UTF-8, and agents it does not
know a percent-encoded ``filename`` with every dot but the last written ``%2e``; XE 1.x sends raw UTF-8
bytes to everyone but Internet Explorer and Android, who get the ``%2e`` form.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from noticetui.demo.http import DemoRequest, DemoResponse
from noticetui.demo.rhymix_data import BOARDS, PREFIX, BoardSetup, stored_file

KEY_SECONDS = 300
"""How long a ``procFileOutput`` key stays valid."""

_SECRET = secrets.token_bytes(16)
# Every client of the loopback demo server is 127.0.0.1, which is all the key is bound to.
_CLIENT_IP = "127.0.0.1"
_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "txt": "text/plain",
          "hwp": "application/x-hwp", "hwpx": "application/hwp+zip"}  # fmt: skip


def browser_format(user_agent: str, legacy: bool) -> str:
    """How the file name is written for ``user_agent``: ``rfc5987``, ``raw`` or ``old_ie``."""
    ua = user_agent
    if legacy:
        old = "MSIE" in ua or ("Windows" in ua and ("Trident" in ua or "Edge" in ua)) or "Android" in ua
        return "old_ie" if old else "raw"
    if re.search(r"Edg(?:e|A|iOS)?/", ua):
        return "rfc5987"
    ie = re.search(r"Trident/(\d+)|MSIE (\d+)", ua)
    if ie:
        version = int(ie.group(1)) + 4 if ie.group(1) else int(ie.group(2))
        return "rfc5987" if version >= 10 else "old_ie"
    if "Whale/" in ua or "; wv)" in ua or ("Android" in ua and "Chrome/" not in ua):
        return "raw"
    if re.search(r"(?:Firefox|FxiOS)/\d", ua) or re.search(r"(?:Chrome|CriOS)/\d", ua):
        return "rfc5987"
    if "Safari/" in ua and "Version/" in ua:
        return "rfc5987"
    return "old_ie"


def disposition(name: str, user_agent: str, legacy: bool) -> str:
    """The ``Content-Disposition`` value; a ``raw`` name is returned as its UTF-8 bytes read as latin-1,
    which is how the HTTP server writes header text, so the bytes on the wire are UTF-8."""
    style = browser_format(user_agent, legacy)
    if style == "rfc5987":
        return "attachment; filename*=UTF-8''" + quote(name, safe="")
    if style == "raw":
        return 'attachment; filename="' + name.encode("utf-8").decode("latin-1") + '"'
    encoded = quote(name, safe="")
    return f'attachment; filename="{encoded.replace(".", "%2e", encoded.count(".") - 1)}"'


def _signature(file_srl: int, stamp: int) -> str:
    return hmac.new(_SECRET, f"{file_srl}:{stamp}:{_CLIENT_IP}".encode(), hashlib.sha1).hexdigest()


Render = Callable[[str, BoardSetup], str]
"""Renders the site's system message page around a message, in a board's layout."""


def _error(status: int, text: str, page: Render, setup: BoardSetup = BOARDS[0]) -> DemoResponse:
    return DemoResponse.html(page(text, setup), status=status)


def download(request: DemoRequest, render_message: Render) -> DemoResponse:
    """``procFileDownload``: check sid and Referer host, then redirect to a keyed ``procFileOutput``."""
    assert request.now is not None
    found = stored_file(int(request.param("file_srl") or 0), request.now)
    if found is None or found[1].sid != request.param("sid"):
        return _error(404, "요청한 파일을 찾을 수 없습니다.", render_message)
    doc, stored = found
    file_srl = stored.file_srl
    legacy = doc.board.legacy
    referer = request.headers.get("referer")
    host = (request.headers.get("host") or "").rsplit(":", 1)[0]
    # PHP compares the Referer's host with HTTP_HOST; ports are left out here so the demo's own port passes.
    if referer and urlsplit(referer).hostname != host:
        status, text = (200 if legacy else 403), "다른 사이트에서의 파일 다운로드가 금지되어 있습니다."
        return _error(status, text, render_message, doc.board)
    if doc.post.secret:
        return _error(200 if legacy else 403, "다운로드 권한이 없습니다.", render_message, doc.board)
    if legacy:
        key = secrets.token_hex(16)
        keys = request.session.setdefault("__XE_FILE_KEY__", {})
        assert isinstance(keys, dict)
        keys[str(file_srl)] = key
        target = f"{PREFIX}/?module=file&act=procFileOutput&file_srl={file_srl}&file_key={key}"
    else:
        stamp = int(time.time())
        key = f"{stamp:08x}{_signature(file_srl, stamp)}"
        target = f"{PREFIX}/index.php?module=file&act=procFileOutput&file_srl={file_srl}&file_key={key}"
    return DemoResponse.redirect(request.base_url + target)


def output(request: DemoRequest, render_message: Render) -> DemoResponse:
    """``procFileOutput``: check the key, then send the bytes under the name the browser can read."""
    assert request.now is not None
    file_srl = int(request.param("file_srl") or 0)
    key = request.param("file_key")
    found = stored_file(file_srl, request.now)
    if found is None:
        return _error(404, "요청한 파일을 찾을 수 없습니다.", render_message)
    doc, stored = found
    legacy = doc.board.legacy
    if legacy:
        keys = request.session.get("__XE_FILE_KEY__")
        if not isinstance(keys, dict) or not key or keys.pop(str(file_srl), None) != key:
            return _error(200, "잘못된 요청입니다.", render_message, doc.board)
    else:
        valid = len(key) == 48 and re.fullmatch(r"[0-9a-f]{8}", key[:8]) is not None
        stamp = int(key[:8], 16) if valid else 0
        if not valid or not hmac.compare_digest(key[8:], _signature(file_srl, stamp)):
            return _error(400, "잘못된 요청입니다.", render_message, doc.board)
        if stamp < time.time() - KEY_SECONDS:
            return _error(400, "파일 다운로드 키가 만료되었습니다.", render_message, doc.board)
    extension = stored.name.rsplit(".", 1)[-1].lower()
    kind = "application/octet-stream" if legacy else _TYPES.get(extension, "application/octet-stream")
    value = disposition(stored.name, request.headers.get("user-agent") or "", legacy)
    extra = [("Cache-Control", "private; max-age=3600"), ("Accept-Ranges", "bytes")]
    return DemoResponse.file(stored.data, value, content_type=kind, extra=extra)
