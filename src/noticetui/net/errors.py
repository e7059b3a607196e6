"""Fetch failures as one clear line each, and which of them are worth another try.

httpx raises a dozen exception types whose messages range from useful to "All connection attempts
failed"; the real cause (refused, DNS, certificate) sits further down the ``__cause__`` chain.  Here they
become a :class:`FetchError` with a ``kind`` the caller can branch on and a message a person can read.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterator
from http import HTTPStatus
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from noticetui.i18n import _

if TYPE_CHECKING:  # imported where used: the TUI's first frame needs error_line, not httpx
    import httpx

__all__ = [
    "RETRY_STATUSES",
    "FetchError",
    "FetchErrorKind",
    "error_from_exception",
    "error_from_status",
    "error_line",
    "one_line",
]

FetchErrorKind = Literal[
    "http",
    "timeout",
    "refused",
    "dns",
    "tls",
    "too-large",
    "redirects",
    "protocol",
    "network",
]
"""What went wrong; ``network`` covers the connection failures that are none of refused, DNS and TLS
(connection reset, network unreachable)."""

RETRY_STATUSES = frozenset({429, 502, 503, 504})
"""Statuses that mean "not now" rather than "no"."""

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+")


def one_line(text: str) -> str:
    """``text`` on one line with no control or bidi characters (it may quote a server or a URL)."""
    return re.sub(r"\s+", " ", _UNSAFE.sub(" ", text)).strip()


def error_line(exc: BaseException, limit: int | None = None) -> str:
    """An exception as one line for a status bar, a pane or an error message: its text (its type when it
    has none), on one line, cut to ``limit`` characters with "..." when given."""
    text = one_line(str(exc)) or type(exc).__name__
    return text if limit is None or len(text) <= limit else text[: limit - 3] + "..."


class FetchError(Exception):
    """A request that failed for good (after any retries); ``str(error)`` is one line naming the URL."""

    def __init__(
        self,
        url: str,
        kind: FetchErrorKind,
        detail: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        self.url = url
        """The URL that was asked for."""
        self.kind: FetchErrorKind = kind
        """What went wrong, for callers that react differently (a 404 is not a timeout)."""
        self.detail = one_line(detail)
        """The message without the URL."""
        self.status = status
        """The HTTP status for ``kind == "http"``, else None."""
        self.retryable = retryable
        """Whether another attempt may succeed (the fetcher has already made its attempts)."""
        self.retry_after = retry_after
        """Seconds the server asked us to wait (``Retry-After``, capped), when it said."""
        super().__init__(one_line(f"{url}: {self.detail}"))

    def after_attempts(self, attempts: int) -> FetchError:
        """This error, its message saying how many attempts were made (unchanged for a single one)."""
        if attempts <= 1:
            return self
        return FetchError(
            self.url,
            self.kind,
            _("{detail} ({n} attempts)").format(detail=self.detail, n=attempts),
            status=self.status,
            retryable=self.retryable,
            retry_after=self.retry_after,
        )


def error_from_status(url: str, response: httpx.Response, retry_after: float | None = None) -> FetchError:
    """The error for a response whose status is not a success."""
    status = response.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = response.reason_phrase or ""
    return FetchError(
        url,
        "http",
        f"HTTP {status} {phrase}".strip(),
        status=status,
        retryable=status in RETRY_STATUSES,
        retry_after=retry_after,
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _connect_error(url: str, exc: Exception) -> FetchError:
    host = urlsplit(url).hostname or url
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or cause.reason or ""
            return FetchError(url, "tls", _("TLS certificate verify failed ({reason})").format(reason=reason) if reason
                              else _("TLS certificate verify failed"))  # fmt: skip
        if isinstance(cause, ssl.SSLError):
            return FetchError(url, "tls", _("TLS handshake failed ({reason})").format(reason=cause.reason or cause))
        # Refused and unresolvable are answers, not hiccups: retrying them only delays "offline".
        if isinstance(cause, ConnectionRefusedError):
            return FetchError(url, "refused", _("connection refused"))
        if isinstance(cause, socket.gaierror):
            return FetchError(url, "dns", _("could not resolve host {host}").format(host=host))
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return FetchError(url, "tls", _("TLS certificate verify failed"))
    if "refused" in text.lower():
        return FetchError(url, "refused", _("connection refused"))
    deepest = list(_causes(exc))[-1]
    reason = str(deepest) or type(deepest).__name__
    return FetchError(url, "network", _("could not connect ({reason})").format(reason=reason), retryable=True)


def error_from_exception(url: str, exc: Exception, *, timeout: float, max_redirects: int) -> FetchError:
    """The error for an exception httpx raised while asking for ``url``."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        if isinstance(exc, httpx.ConnectTimeout):
            what = _("connecting timed out after {seconds}")
        else:
            what = _("timed out after {seconds}")
        return FetchError(url, "timeout", what.format(seconds=_seconds(timeout)), retryable=True)
    if isinstance(exc, httpx.ConnectError):
        return _connect_error(url, exc)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(url, "redirects", _("too many redirects (more than {n})").format(n=max_redirects))
    if isinstance(exc, httpx.RemoteProtocolError):
        # Usually a keep-alive connection the server closed under us: worth another try.
        return FetchError(url, "protocol", _("protocol error: {reason}").format(reason=exc), retryable=True)
    if isinstance(exc, httpx.NetworkError):
        reason = str(exc) or type(exc).__name__
        return FetchError(url, "network", _("connection failed: {reason}").format(reason=reason), retryable=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(url, "protocol", _("unsupported URL scheme"))
    if isinstance(exc, httpx.InvalidURL):
        return FetchError(url, "protocol", _("invalid URL ({reason})").format(reason=exc))
    if isinstance(exc, httpx.DecodingError):
        return FetchError(url, "protocol", _("could not decode the response body ({reason})").format(reason=exc))
    return FetchError(url, "protocol", f"{type(exc).__name__}: {exc}")
