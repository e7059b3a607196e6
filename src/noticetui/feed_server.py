"""Every board and saved search as Atom, RSS and JSON feeds over HTTP, for any feed reader.

``/`` lists the feeds; ``/boards/<name>.atom|.rss|.json`` and ``/search/<name>.atom|…`` are the feeds
(every cached post, streamed post by post; ``?limit=N`` keeps the newest N); ``/opml`` lists every board
for a reader to import.  Feeds answer conditional GETs (ETag, Last-Modified) with 304.  Bound to
loopback, it answers only requests whose ``Host`` is a loopback name (403 otherwise: DNS rebinding).

The standard library's threading HTTP server: one thread per request, and each request opens its own
connection to the cache (SQLite connections are not shared between threads), so a sync running next to
the server is seen at the next request.
"""

from __future__ import annotations

import io
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from noticetui.config import Config, ConfigError, load_config
from noticetui.feed_pages import FEED_TYPES, FeedVersion, feed_version, index_page, opml
from noticetui.feeds import TextOf, write_feed
from noticetui.loopback import host_name, is_loopback
from noticetui.paths import Paths
from noticetui.render.sanitize import sanitize_line
from noticetui.store import BoardRow, PostRow, Store, StoreError

_FEED_PATH = re.compile(r"^/(boards|search)/([^/]+)\.(atom|rss|json)$")
# What a Host header may hold for it to name this server in feed links (anything else: the bound address).
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
SEARCH_LIMIT = 10_000
"""Posts a saved search's feed holds at most (a board's feed holds every post)."""


class NotFound(Exception):
    """The path names no feed: 404."""


class BadRequest(Exception):
    """The request's query cannot be understood (``?limit=abc``): 400."""


class FeedServer(ThreadingHTTPServer):
    """The feeds of the cache at ``paths.database`` and of ``config``'s boards and saved searches."""

    daemon_threads = True

    def __init__(self, paths: Paths, config: Config, host: str = "127.0.0.1", port: int = 0, log: bool = False):
        super().__init__((host, port), _Handler)
        self.paths = paths
        self.config = config
        self.log = log
        self._config_stamp = _stamp(paths)

    def current_config(self) -> Config:
        """The config, read again when its file changed (a board added while serving gets its feed).

        A file broken meanwhile keeps the last good config, with one line on stderr.
        """
        stamp = _stamp(self.paths)
        if stamp != self._config_stamp:
            self._config_stamp = stamp
            try:
                self.config = load_config(self.paths.config_file)
            except ConfigError as exc:
                sys.stderr.write(f"noticetui serve: {sanitize_line(str(exc))} (keeping the previous config)\n")
        return self.config

    @property
    def url(self) -> str:
        """The server's base URL (the bound port, so ``port=0`` gives the one chosen)."""
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> threading.Thread:
        """Serve in a background thread (stop with :meth:`stop`)."""
        thread = threading.Thread(target=self.serve_forever, args=(0.05,), name="feed-server", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.shutdown()
        self.server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line on stderr, never a traceback."""
        exc = sys.exc_info()[1]
        sys.stderr.write(f"noticetui serve: {client_address[0]}: {sanitize_line(str(exc)) or type(exc).__name__}\n")


def configured_boards(store: Store, config: Config) -> list[BoardRow]:
    """The configured boards as the cache knows them (an empty row for one never synced)."""
    cached = {b.name: b for b in store.boards()}
    return [
        cached.get(b.name) or BoardRow(0, b.name, b.url, b.engine, b.title, 0, 0, None, None) for b in config.boards
    ]


def _with_bodies(store: Store, rows: Iterable[list[PostRow]]) -> Iterator[PostRow]:
    """The posts of ``rows`` (an iterable of batches) one by one, each with its body."""
    for batch in rows:
        for row in batch:
            post = store.post(row.id)
            if post is not None:
                yield post


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    server_version = "noticetui"
    _started = False  # whether a status line went out for this request

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log:
            sys.stderr.write(sanitize_line(f"{self.address_string()} {format % args}") + "\n")

    def _base(self) -> str:
        host = self.headers.get("Host") or ""
        return f"http://{host}" if _HOST.match(host) else self.server.url

    def _host_allowed(self) -> bool:
        # A loopback server answers only requests addressed to a loopback name: a web page that points its
        # own host name at 127.0.0.1 (DNS rebinding) must not read the feeds through the browser.
        if not is_loopback(str(self.server.server_address[0])):
            return True
        host = self.headers.get("Host")
        if host is None:
            return True  # HTTP/1.0 without Host: not a browser
        return is_loopback(host_name(host))

    def _answer(self, body: bool) -> None:
        if not self._host_allowed():
            self._simple(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", "forbidden: not a loopback Host\n", body)
            return
        try:
            store = Store.open(self.server.paths.database)
        except StoreError as exc:
            self._simple(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", str(exc) + "\n", body)
            return
        try:
            self._route(store, body)
        except NotFound as exc:
            self._simple(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", f"not found: {exc}\n", body)
        except BadRequest as exc:
            self._simple(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"bad request: {exc}\n", body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the reader went away
        except Exception as exc:
            # One line on stderr and a 500 if nothing was sent yet; the next request starts afresh.
            self.server.handle_error(self.request, self.client_address)
            if not self._started:
                message = f"cannot serve this feed: {sanitize_line(str(exc)) or type(exc).__name__}\n"
                self._simple(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", message, body)
        finally:
            store.close()

    def _route(self, store: Store, body: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        base, config = self._base(), self.server.current_config()
        if path in ("/", "/index.html"):
            page = index_page(base, configured_boards(store, config), config)
            self._simple(HTTPStatus.OK, "text/html; charset=utf-8", page, body)
            return
        if path == "/opml":
            text = opml(base, configured_boards(store, config), config, datetime.now(UTC))
            self._simple(HTTPStatus.OK, "text/x-opml; charset=utf-8", text, body)
            return
        match = _FEED_PATH.match(path)
        if match is None:
            raise NotFound(sanitize_line(path))
        kind, name, fmt = match.groups()
        limit = _limit(parse_qs(parts.query).get("limit", [""])[-1])
        self_url = f"{base}{parts.path}"
        if kind == "boards":
            board = next((b for b in configured_boards(store, config) if b.name == name), None)
            if board is None:
                raise NotFound(f"no board named {sanitize_line(name)!r}")
            version = feed_version(store, board.id, fmt, limit, board.url, board.title)
            posts = _with_bodies(store, store.iter_posts(board.id, limit=limit) if board.id else [])
            self._feed(version, fmt, board, posts, self_url, None, body)
            return
        search = config.search(name)
        if search is None:
            raise NotFound(f"no saved search named {sanitize_line(name)!r}")
        urls = {b.name: b.url for b in store.boards()}
        version = feed_version(store, None, fmt, limit, search.name, search.query)
        feed_board = BoardRow(0, search.name, self_url, "search", f"{search.name}: {search.query}", 0, 0, None, None)
        hits = store.search(search.query, limit=limit or SEARCH_LIMIT)

        def entry_id(post: PostRow) -> str:
            return f"{urls.get(post.board, '')}#{post.key}"  # the id the post has in its own board's feed

        self._feed(version, fmt, feed_board, _with_bodies(store, [hits]), self_url, entry_id, body)

    def _feed(
        self,
        version: FeedVersion,
        fmt: str,
        board: BoardRow,
        posts: Iterable[PostRow],
        self_url: str,
        entry_id: TextOf | None,
        body: bool,
    ) -> None:
        headers = {"ETag": version.etag, "Cache-Control": "no-cache"}
        if version.http_date:
            headers["Last-Modified"] = version.http_date
        if version.matches(self.headers.get("If-None-Match"), _http_date(self.headers.get("If-Modified-Since"))):
            self._head(HTTPStatus.NOT_MODIFIED, None, headers)
            return
        self._head(HTTPStatus.OK, FEED_TYPES[fmt], headers)
        if not body:
            return
        # Straight to the socket as the posts arrive: a feed of any length needs one post in memory.
        out = io.TextIOWrapper(self.wfile, encoding="utf-8", newline="\n")  # type: ignore[type-var]
        try:
            write_feed(fmt, board, posts, None, out, self_url=self_url, entry_id=entry_id)
            out.flush()
        finally:
            out.detach()

    def _head(self, status: HTTPStatus, content_type: str | None, headers: dict[str, str]) -> None:
        self._started = True
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _simple(self, status: HTTPStatus, content_type: str, text: str, body: bool) -> None:
        data = text.encode("utf-8")
        self._head(status, content_type, {"Content-Length": str(len(data))})
        if body:
            self.wfile.write(data)


def _stamp(paths: Paths) -> tuple[int, int] | None:
    try:
        stat = paths.config_file.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _limit(text: str) -> int | None:
    """``?limit=``'s value: a whole number ≥ 1, or no limit when absent; anything else is a :class:`BadRequest`
    (ignoring it would hand a reader every post when it asked for a few)."""
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise BadRequest(f"limit must be a whole number of 1 or more, got {sanitize_line(text)!r}")
    return int(text)


def _http_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
