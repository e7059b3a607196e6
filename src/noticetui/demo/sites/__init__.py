"""The sample sites the demo server hosts, one module each, found automatically.

A module in this package that defines ``SITE`` (an object with the :class:`Site` shape) is a site;
adding the module is all it takes.  Modules whose names start with ``_`` are helpers and are skipped.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from typing import Protocol, runtime_checkable

from noticetui.demo.http import DemoRequest, DemoResponse


@dataclass(frozen=True)
class DemoBoard:
    """One board a demo site serves: what a user would add to noticetui."""

    name: str
    """A short unique name (``g5-notice``)."""
    engine: str
    """The engine that should detect it (``gnuboard``)."""
    url: str
    """The board's list URL."""
    title: str
    """The board's human title (``공지사항``)."""
    showcase: bool = True
    """Whether ``--demo`` follows it; the hostile board exists for tests, not for a first impression."""


@runtime_checkable
class Site(Protocol):
    """A sample site: answers every request under its path prefix."""

    prefix: str
    """The path the site lives under, without a trailing slash (``/gnuboard5``)."""
    session_cookie: str
    """The cookie name of its sessions (``PHPSESSID``, ``JSESSIONID``)."""

    def boards(self, base_url: str) -> list[DemoBoard]:
        """The boards it serves when the server answers at ``base_url``."""
        ...

    def handle(self, request: DemoRequest) -> DemoResponse:
        """Answer one request whose path starts with :attr:`prefix`."""
        ...


@cache
def all_sites() -> tuple[Site, ...]:
    """Every site module's ``SITE``, in module-name order."""
    found: list[Site] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        site = getattr(module, "SITE", None)
        if isinstance(site, Site):
            found.append(site)
    return tuple(found)


def site_for(path: str) -> Site | None:
    """The site whose prefix ``path`` falls under, or None."""
    for site in all_sites():
        if path == site.prefix or path.startswith(site.prefix + "/"):
            return site
    return None
