"""Misbehaving servers on demand: the faults :meth:`DemoServer.set_fault` stages for the fault matrix.

Each fault is what some real server (or an attacker's) does: hang, rate-limit, reset mid-body, lie about
the length, loop redirects, send a 20 MB page or a gzip bomb, trickle one byte a second, mislabel its
charset.  A fault applies to every request, to pages only (HTML answers) or to files only, so a test can
break the download while the post page still opens.
"""

from __future__ import annotations

import functools
import socket
import struct
import threading
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Literal

from noticetui.demo.http import DemoResponse

__all__ = ["FAULTS", "FaultPlan", "FaultScope", "gzip_bomb", "is_page"]

FAULTS = (
    None,
    "500",
    "503-once",
    "slow",
    "garbage",
    "down",
    # added for the fault matrix
    "hang",
    "429",
    "429-once",
    "503",
    "reset",
    "truncated",
    "redirect-loop",
    "redirect-scheme",
    "redirect-host",
    "huge",
    "gzip-bomb",
    "gzip-bomb2",
    "empty",
    "alert",
    "drip",
    "wrong-charset",
    "bad-utf8",
)
"""The failures :meth:`DemoServer.set_fault` can stage."""

FaultScope = Literal["all", "pages", "files"]

HUGE_BYTES = 21 * 1024 * 1024
"""The size of the ``huge`` page: past the default 20 MB page limit."""

ALERT_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>오류</title></head><body>'
    '<script>alert("잘못된 접근입니다.");history.back();</script></body></html>'
)


@dataclass
class FaultPlan:
    """The staged fault and its knobs (set through :class:`DemoServer`)."""

    kind: str | None = None
    scope: FaultScope = "all"
    bomb_size: int = 1 << 30
    """Decompressed bytes of the gzip bombs (1 GiB)."""
    drip_bytes: int = 1
    """Bytes written per step under ``drip``."""
    drip_interval: float = 1.0
    """Seconds between steps under ``drip`` (1 byte/s by default)."""
    honour_ranges: bool = False
    """Answer ``Range`` requests for files with 206, as a static file server does (PHP scripts don't)."""
    ranges_seen: list[str] = field(default_factory=list)
    """Every ``Range`` header a file request carried."""


def is_page(response: DemoResponse) -> bool:
    """Whether ``response`` is a page (HTML, or an error/redirect) rather than a file."""
    content_type = (response.header("content-type") or "").lower()
    return "html" in content_type or response.status != 200


@functools.cache
def gzip_bomb(size: int, layers: int = 1) -> bytes:
    """A gzip stream of ``size`` zero bytes (``layers`` times gzipped), built without compressing it all.

    Deflate after a full flush starts afresh, so the compressed form of each further MiB of zeros is the
    same bytes: one MiB is compressed, its second copy repeated, and the trailer's CRC computed directly.
    """
    block = 1 << 20
    count, rest = divmod(size, block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    zeros = b"\0" * block
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(b"\0" * rest) + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(b"\0" * rest, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    body = first + again * (count - 1) if count else b""
    data = header + body + tail + struct.pack("<II", crc, size & 0xFFFFFFFF)
    for _ in range(layers - 1):
        outer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        data = outer.compress(data) + outer.flush()
    return data


def fault_response(kind: str | None, response: DemoResponse, target: str, base_url: str) -> DemoResponse | None:
    """The answer a fault puts in place of ``response`` (None: the fault acts while writing, or none)."""
    if kind == "500":
        return None  # handled by the server's own 500 page
    if kind in ("429", "429-once", "503"):
        status = 429 if kind.startswith("429") else 503
        answer = DemoResponse.html(f"<html><body><h1>{status}</h1></body></html>", status=status)
        answer.headers.append(("Retry-After", "1" if kind == "429-once" else "0"))
        return answer
    if kind == "redirect-loop":
        return DemoResponse.redirect(base_url + target)
    if kind == "redirect-scheme":
        return DemoResponse.redirect("ftp://" + base_url.removeprefix("http://") + target)
    if kind == "redirect-host":
        # Another host on the loopback range where nothing listens: the follow-up is refused.
        return DemoResponse.redirect("http://127.0.0.2:9" + target)
    if kind == "empty":
        return DemoResponse(200, [("Content-Type", response.header("content-type") or "text/html")], b"")
    if kind == "alert":
        return DemoResponse.html(ALERT_PAGE)
    if kind == "wrong-charset":
        return _mislabelled(response)
    if kind == "bad-utf8":
        return _with_bad_byte(response)
    return None


def _mislabelled(response: DemoResponse) -> DemoResponse:
    content_type = response.header("content-type") or "text/html"
    wrong = "euc-kr" if "utf-8" in content_type.lower() else "utf-8"
    headers = [(k, v) for k, v in response.headers if k.lower() != "content-type"]
    return DemoResponse(response.status, [("Content-Type", f"text/html; charset={wrong}"), *headers], response.body)


def _with_bad_byte(response: DemoResponse) -> DemoResponse:
    # One invalid UTF-8 byte inside the first link text (a title on a list page).
    body = response.body.replace(b"</a>", b"\xff</a>", 1)
    return DemoResponse(response.status, list(response.headers), body)


def reset(connection: socket.socket) -> None:
    """Abort the TCP connection with RST (SO_LINGER 0) instead of a clean close."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def write_faulty(
    handler: BaseHTTPRequestHandler, fault: str, response: DemoResponse, plan: FaultPlan, stopping: threading.Event
) -> None:
    """Write ``response`` through ``handler`` the way ``fault`` mangles it (bomb, reset, lie, trickle)."""
    body, length = response.body, len(response.body)
    headers = list(response.headers)
    if fault in ("gzip-bomb", "gzip-bomb2"):
        body = gzip_bomb(plan.bomb_size, 2 if fault == "gzip-bomb2" else 1)
        headers.append(("Content-Encoding", "gzip, gzip" if fault == "gzip-bomb2" else "gzip"))
        length = len(body)
    elif fault == "truncated":
        length = len(body) + 100_000
    handler.send_response(response.status)
    for name, value in headers:
        handler.send_header(name, value)
    if fault == "huge":
        handler.send_header("Connection", "close")
    else:
        handler.send_header("Content-Length", str(length))
    handler.end_headers()
    out = handler.wfile
    try:
        if fault == "reset":
            out.write(body[: len(body) // 2])
            out.flush()
            reset(handler.connection)
        elif fault == "huge":
            filler = ("<p>" + "공지 " * 5000 + "</p>\n").encode()
            sent = 0
            while sent < HUGE_BYTES and not stopping.is_set():
                out.write(filler)
                sent += len(filler)
        elif fault == "drip":
            step = max(plan.drip_bytes, 1)
            for i in range(0, len(body), step):
                out.write(body[i : i + step])
                out.flush()
                if stopping.wait(plan.drip_interval):
                    return
        else:
            out.write(body)
        out.flush()
    except OSError:
        pass  # the client gave up (limit reached, deadline passed): expected
