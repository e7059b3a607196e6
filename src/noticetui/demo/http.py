"""The request and response that the demo server hands to its sites.

Sites never see ``http.server``: they get a :class:`DemoRequest` (query, form, headers, cookies and a
server-side session) and return a :class:`DemoResponse`.  That keeps each site a plain function of the
request, easy to test and easy to add.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

_PHP_SID_CHARS = "0123456789abcdefghijklmnopqrstuv"


class Headers(Mapping[str, str]):
    """Request headers looked up without regard to case (``headers["referer"]``)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._items: dict[str, str] = {}
        for name, value in pairs:
            key = name.lower()
            # Repeated headers are joined as HTTP allows, so nothing the client sent is lost.
            self._items[key] = f"{self._items[key]}, {value}" if key in self._items else value

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def parse_cookies(header: str | None) -> dict[str, str]:
    """The cookies of a ``Cookie`` header as name → value ({} when absent or unreadable)."""
    if not header:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def new_session_id(cookie_name: str) -> str:
    """A fresh session id in the style of the platform that names its cookie ``cookie_name``."""
    if cookie_name == "PHPSESSID":
        # PHP's default session id: 26 characters of 5 bits each.
        return "".join(secrets.choice(_PHP_SID_CHARS) for _ in range(26))
    if cookie_name == "JSESSIONID":
        return secrets.token_hex(16).upper()
    return secrets.token_hex(16)


class SessionStore:
    """Server-side sessions, keyed by cookie name and id; shared by every site of one server."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], dict[str, object]] = {}

    def get(self, cookie_name: str, session_id: str | None) -> dict[str, object] | None:
        """The session ``session_id`` under ``cookie_name``, or None when the server does not know it."""
        if not session_id:
            return None
        return self._data.get((cookie_name, session_id))

    def create(self, cookie_name: str) -> tuple[str, dict[str, object]]:
        """A new empty session and its id."""
        session_id = new_session_id(cookie_name)
        data: dict[str, object] = {}
        self._data[(cookie_name, session_id)] = data
        return session_id, data


@dataclass
class DemoRequest:
    """One HTTP request as a site sees it."""

    method: str
    """``GET``, ``POST`` or ``HEAD``."""
    path: str
    """The path alone, percent-decoded (``/gnuboard5/bbs/board.php``)."""
    query: dict[str, list[str]]
    """Query parameters, each with every value given (blank values kept)."""
    form: dict[str, list[str]] = field(default_factory=dict)
    """Fields of an ``application/x-www-form-urlencoded`` body."""
    headers: Headers = field(default_factory=Headers)
    cookies: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    """The raw body (for sites that decode forms in another charset)."""
    base_url: str = ""
    """``http://127.0.0.1:PORT``: where the server answers, for absolute links."""
    now: datetime | None = None
    """The server's fixed "current" time (aware, Asia/Seoul): the reference for every date a site shows."""
    raw_target: str = ""
    """The request target as received (path and query, still encoded)."""
    sessions: SessionStore | None = None
    session_cookie: str = "PHPSESSID"
    """The cookie that carries the session id; the server sets it from the site's ``session_cookie``."""
    _session: dict[str, object] | None = field(default=None, repr=False)
    _session_id: str | None = field(default=None, repr=False)
    _new_session: bool = field(default=False, repr=False)

    def param(self, name: str, default: str = "") -> str:
        """The first value of ``name`` in the query, else in the form (PHP's ``$_REQUEST``), else ``default``."""
        for source in (self.query, self.form):
            values = source.get(name)
            if values:
                return values[0]
        return default

    @property
    def session(self) -> dict[str, object]:
        """The server-side session, created on first use (the response then sets its cookie)."""
        if self._session is None:
            if self.sessions is None:
                self.sessions = SessionStore()
            sid = self.cookies.get(self.session_cookie)
            found = self.sessions.get(self.session_cookie, sid)
            if found is not None and sid is not None:
                self._session, self._session_id = found, sid
            else:
                # Unknown ids are replaced, not adopted (PHP's strict mode): a client cannot choose its id.
                self._session_id, self._session = self.sessions.create(self.session_cookie)
                self._new_session = True
        return self._session

    @property
    def session_id(self) -> str:
        """The id of :attr:`session` (creating the session if needed)."""
        _ = self.session
        assert self._session_id is not None
        return self._session_id

    def session_cookie_header(self) -> str | None:
        """The ``Set-Cookie`` value for a session created by this request, else None."""
        if not self._new_session or self._session_id is None:
            return None
        suffix = "; path=/" if self.session_cookie == "PHPSESSID" else "; Path=/; HttpOnly"
        return f"{self.session_cookie}={self._session_id}{suffix}"


def parse_form(body: bytes, content_type: str | None, charset: str = "utf-8") -> dict[str, list[str]]:
    """The fields of a urlencoded body ({} for other content types)."""
    if not body or "application/x-www-form-urlencoded" not in (content_type or "").lower():
        return {}
    # Browsers percent-encode form bodies, so the bytes are ASCII; the charset says what the escapes mean.
    return parse_qs(body.decode("ascii", errors="replace"), keep_blank_values=True, encoding=charset, errors="replace")


@dataclass
class DemoResponse:
    """What a site answers: status, headers in order (repeats allowed) and the body bytes."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (any case), or None."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @classmethod
    def html(cls, text: str, charset: str = "utf-8", status: int = 200) -> DemoResponse:
        """An HTML page encoded in ``charset``.

        Characters the charset lacks become numeric references, as PHP's ``mb_convert_encoding`` with
        HTML-ENTITIES does on EUC-KR sites.
        """
        body = text.encode(charset, errors="xmlcharrefreplace")
        return cls(status, [("Content-Type", f"text/html; charset={charset}")], body)

    @classmethod
    def text(cls, text: str, status: int = 200, charset: str = "utf-8") -> DemoResponse:
        """A plain-text answer."""
        return cls(status, [("Content-Type", f"text/plain; charset={charset}")], text.encode(charset))

    @classmethod
    def redirect(cls, url: str, status: int = 302) -> DemoResponse:
        """A redirect to ``url`` (absolute, as PHP's ``header('Location: …')`` sends it)."""
        return cls(status, [("Location", url), ("Content-Type", "text/html; charset=utf-8")], b"")

    @classmethod
    def file(
        cls,
        data: bytes,
        disposition: str | None,
        content_type: str = "application/octet-stream",
        extra: list[tuple[str, str]] | None = None,
    ) -> DemoResponse:
        """A file download; ``disposition`` is the whole ``Content-Disposition`` value (None for none)."""
        headers = [("Content-Type", content_type)]
        if disposition is not None:
            headers.append(("Content-Disposition", disposition))
        headers += extra or []
        return cls(200, headers, data)

    @classmethod
    def not_found(cls) -> DemoResponse:
        """A web server's plain 404 page."""
        page = (
            "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
            "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"
        )
        return cls.html(page, status=404)


Handler = Callable[[DemoRequest], DemoResponse]
"""A function that answers one kind of request."""
