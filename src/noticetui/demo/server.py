"""The loopback server that hosts the sample boards, for integration tests and ``noticetui --demo``.

A stdlib ``ThreadingHTTPServer`` runs in a background thread and hands each request to the site whose
path prefix it falls under (see :mod:`noticetui.demo.sites`).  Test hooks make it fail on purpose
(:meth:`DemoServer.set_fault`) and record what clients asked for (:attr:`DemoServer.request_log`).
"""

from __future__ import annotations

import contextlib
import html
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from noticetui.demo import faults
from noticetui.demo.faults import FAULTS, FaultPlan, FaultScope, is_page
from noticetui.demo.http import DemoRequest, DemoResponse, Headers, SessionStore, parse_cookies, parse_form
from noticetui.demo.sites import DemoBoard, all_sites, site_for
from noticetui.models import SEOUL

__all__ = ["FAULTS", "DemoBoard", "DemoServer", "run_forever"]

SLOW_SECONDS = 2.0
"""How long every page takes under the ``slow`` fault."""

_ERROR_500 = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>500 Internal Server Error</title>\n'
    "</head><body>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or\n"
    "misconfiguration and was unable to complete your request.</p>\n</body></html>\n"
)
_ERROR_503 = (
    "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
    "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
# What a board URL shows when the site is swapped for something else: a 200 that is no board at all.
_GARBAGE = (
    '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8"><title>서비스 점검 안내</title></head>\n'
    '<body><div class="maintenance"><h1>더 나은 서비스를 위해 시스템 점검 중입니다</h1>\n'
    "<p>점검 시간: 00:00 ~ 06:00</p><p>이용에 불편을 드려 죄송합니다.</p></div></body></html>\n"
)


class _HTTPServer(ThreadingHTTPServer):
    """The stdlib server, quiet about clients that hang up (timeouts, the ``down`` fault)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], demo: DemoServer) -> None:
        self.demo = demo
        self.open_sockets: set[socket.socket] = set()
        self.sockets_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = super().get_request()
        with self.sockets_lock:
            self.open_sockets.add(conn)
        return conn, address

    def shutdown_request(self, request: Any) -> None:
        with self.sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """Hang up on every client still connected (keep-alive connections outlive ``shutdown``)."""
        with self.sockets_lock:
            conns = list(self.open_sockets)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up mid-answer is expected here (timeout tests); anything else is reported.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Turns ``http.server`` requests into :class:`DemoRequest` and writes back :class:`DemoResponse`."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "Apache/2.4.58 (Unix)"
    sys_version = ""
    timeout = 10
    # Headers and body go out in two writes; with Nagle's algorithm on, the body then waits for the client's
    # delayed ACK (~40 ms on Linux) on every keep-alive response, which made every sync crawl.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request log line (tests read :attr:`DemoServer.request_log` instead)."""

    def do_GET(self) -> None:
        """Answer a GET."""
        self._serve()

    def do_POST(self) -> None:
        """Answer a POST."""
        self._serve()

    def do_HEAD(self) -> None:
        """Answer a HEAD (the GET's headers, no body)."""
        self._serve()

    def _serve(self) -> None:
        demo = self.server.demo
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        demo._log(self.command, self.path)
        response = demo._edited(demo._dispatch(self.command, self.path, list(self.headers.items()), body))
        page = is_page(response)
        fault = demo._take_fault(page)
        if not page:
            response = self._ranged(response)
        if fault in ("down", "hang"):
            # Hang up without a byte of answer (``hang`` first keeps the client waiting, up to a minute).
            if fault == "hang":
                demo._stopping.wait(60.0)
            self.close_connection = True
            return
        if fault == "slow" and demo._stopping.wait(SLOW_SECONDS):
            self.close_connection = True
            return
        response = self._fault_response(fault) or response
        response = faults.fault_response(fault, response, self.path, demo.base_url) or response
        if fault in ("reset", "truncated", "huge", "gzip-bomb", "gzip-bomb2", "drip"):
            self._write_faulty(fault, response)
            return
        self._write(response)

    def _ranged(self, response: DemoResponse) -> DemoResponse:
        """A file answer cut to the request's ``Range`` when the server is told to honour ranges."""
        demo = self.server.demo
        wanted = self.headers.get("Range")
        if wanted is None:
            return response
        demo._note_range(wanted)
        start_text = wanted.removeprefix("bytes=").split("-", 1)[0]
        if not demo.faults.honour_ranges or response.status != 200 or not start_text.isdigit():
            return response
        start, size = int(start_text), len(response.body)
        if start >= size:
            return DemoResponse(416, [("Content-Range", f"bytes */{size}")], b"")
        headers = [*response.headers, ("Content-Range", f"bytes {start}-{size - 1}/{size}")]
        return DemoResponse(206, headers, response.body[start:])

    def _fault_response(self, fault: str | None) -> DemoResponse | None:
        if fault == "500":
            return DemoResponse.html(_ERROR_500, charset="iso-8859-1", status=500)
        if fault == "503-once":
            response = DemoResponse.html(_ERROR_503, status=503)
            response.headers.append(("Retry-After", "1"))
            return response
        if fault == "garbage":
            return DemoResponse.html(_GARBAGE)
        return None

    def _write_faulty(self, fault: str, response: DemoResponse) -> None:
        """Write ``response`` the way ``fault`` mangles it; the connection is not reused afterwards."""
        self.close_connection = True
        faults.write_faulty(self, fault, response, self.server.demo.faults, self.server.demo._stopping)

    def _write(self, response: DemoResponse) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)
        self.wfile.flush()


class DemoServer:
    """The sample boards on a loopback port, served from a background thread.

    ``now`` is the server's "current" time: every date the sites show is relative to it, and it does not
    move while the server runs, so what a test sees is fixed.  Use as a context manager, or call
    :meth:`start` and :meth:`stop`.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, now: datetime | None = None) -> None:
        self.host = host
        self.port = port
        if now is None:
            now = datetime.now(SEOUL)
        elif now.tzinfo is None:
            now = now.replace(tzinfo=SEOUL)
        self.now: datetime = now.astimezone(SEOUL)
        """The fixed current time (aware, Asia/Seoul)."""
        self.request_log: list[tuple[str, str]] = []
        """``(method, path?query)`` of every request, in arrival order."""
        self.sessions = SessionStore()
        self.faults = FaultPlan()
        """The staged fault and its knobs (``bomb_size``, ``drip_bytes``, ``drip_interval``,
        ``honour_ranges``, ``ranges_seen``)."""
        self.edits: list[tuple[str, str]] = []
        """Text replaced in every HTML page served (see :meth:`edit_pages`)."""
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Bind the port and serve in a background thread; returns once requests can be made."""
        if self._httpd is not None:
            return
        self._stopping.clear()
        httpd = _HTTPServer((self.host, self.port), self)
        self.port = httpd.server_address[1]
        self._httpd = httpd
        # A short poll interval keeps stop() quick: tests start and stop many servers.
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="noticetui-demo", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port (pages still sleeping under ``slow`` give up at once)."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        httpd.drop_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- what it serves --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` (the real port once started)."""
        return f"http://{self.host}:{self.port}"

    def boards(self) -> list[DemoBoard]:
        """Every board of every site, with URLs on this server."""
        return [board for site in all_sites() for board in site.boards(self.base_url)]

    # --- test hooks ------------------------------------------------------------------------------

    def set_fault(self, kind: str | None, scope: FaultScope = "all") -> None:
        """Make requests fail: None (normal), ``500`` (every request answers 500), ``503-once`` (the next
        request answers 503 with ``Retry-After: 1``), ``slow`` (every request waits 2 s first), ``garbage``
        (200 with a page that is no board) or ``down`` (the connection closes without an answer); and for
        the fault matrix ``hang``, ``429``/``503`` (``Retry-After: 0``), ``429-once`` (``Retry-After: 1``),
        ``reset`` (RST mid-body), ``truncated`` (Content-Length too large), ``redirect-loop``,
        ``redirect-scheme`` (to ftp:), ``redirect-host`` (to a host where nothing listens), ``huge`` (a
        21 MB page), ``gzip-bomb``/``gzip-bomb2`` (``gzip`` / ``gzip, gzip`` of ``bomb_size`` zeros),
        ``empty``, ``alert`` (an HTML alert page), ``drip`` (1 byte/s), ``wrong-charset`` and
        ``bad-utf8``.  ``scope`` limits the fault to pages (HTML answers) or files."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r} (known: {', '.join(str(f) for f in FAULTS)})")
        with self._lock:
            self.faults.kind = kind
            self.faults.scope = scope

    def edit_pages(self, old: str, new: str) -> None:
        """Serve every HTML page with ``old`` replaced by ``new`` from now on: a post edited on the site
        (a title in the list and on the post's page, or a sentence of its body) for the edited-posts tests."""
        with self._lock:
            self.edits.append((old, new))

    def _edited(self, response: DemoResponse) -> DemoResponse:
        content_type = response.header("content-type") or ""
        with self._lock:
            edits = list(self.edits)
        if not edits or "html" not in content_type.lower() or response.status != 200:
            return response
        charset = content_type.partition("charset=")[2].strip() or "utf-8"
        text = response.body.decode(charset, errors="replace")
        for old, new in edits:
            text = text.replace(old, new)
        response.body = text.encode(charset, errors="xmlcharrefreplace")
        return response

    def _take_fault(self, page: bool = True) -> str | None:
        with self._lock:
            plan = self.faults
            if plan.kind is None or plan.scope == ("files" if page else "pages"):
                return None
            fault = plan.kind
            if fault.endswith("-once"):
                plan.kind = None
            return fault

    def _note_range(self, value: str) -> None:
        with self._lock:
            self.faults.ranges_seen.append(value)

    def _log(self, method: str, target: str) -> None:
        with self._lock:
            self.request_log.append((method, target))

    # --- dispatch --------------------------------------------------------------------------------

    def _dispatch(self, method: str, target: str, header_items: list[tuple[str, str]], body: bytes) -> DemoResponse:
        parts = urlsplit(target)
        path = unquote(parts.path)
        headers = Headers(header_items)
        if path in ("", "/"):
            return DemoResponse.html(self._index_page())
        site = site_for(path)
        if site is None:
            return DemoResponse.not_found()
        request = DemoRequest(
            method=method,
            path=path,
            query=parse_qs(parts.query, keep_blank_values=True),
            form=parse_form(body, headers.get("content-type")),
            headers=headers,
            cookies=parse_cookies(headers.get("cookie")),
            body=body,
            base_url=self.base_url,
            now=self.now,
            raw_target=target,
            sessions=self.sessions,
            session_cookie=site.session_cookie,
        )
        try:
            response = site.handle(request)
        except Exception:
            # A broken site answers like a PHP fatal error, and the traceback goes to stderr for the developer.
            traceback.print_exc()
            return DemoResponse.html(_ERROR_500, charset="iso-8859-1", status=500)
        cookie = request.session_cookie_header()
        if cookie is not None:
            response.headers.append(("Set-Cookie", cookie))
        return response

    def _index_page(self) -> str:
        items = "".join(
            f'<li><a href="{html.escape(b.url)}">{html.escape(b.title)}</a> ({html.escape(b.engine)})</li>'
            for b in self.boards()
        )
        return (
            '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>noticetui demo boards</title>'
            f"</head><body><h1>noticetui demo boards</h1><ul>{items}</ul></body></html>"
        )


def run_forever(host: str, port: int, on_ready: Callable[[DemoServer], None] | None = None) -> None:
    """Serve the demo boards until Ctrl-C; ``on_ready`` gets the started server (to print its URLs)."""
    server = DemoServer(host, port)
    server.start()
    try:
        if on_ready is not None:
            on_ready(server)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
