"""A page's machine-readable publication time: ``<meta property="article:published_time">``, JSON-LD
``datePublished``, or the first ``<time datetime>`` of the content.

Printed dates often lack the time ("2026년 11월 9일"); these carry it, with the offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from noticetui.engines.base import Doc, attr

_META = (
    "meta[property='article:published_time']",
    "meta[name='article:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='date']",
    "meta[name='pubdate']",
)


def _json_ld_dates(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_dates(item)
    elif isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _json_ld_dates(data[key])


def published_text(doc: Doc) -> str | None:
    """The page's publication date as the page states it for machines (ISO 8601 text), or None."""
    for selector in _META:
        value = attr(doc.css_first(selector), "content")
        if value:
            return value
    for script in doc.css("script[type='application/ld+json']"):
        try:
            data = json.loads(script.text() or "")
        except ValueError:
            continue
        found = next(_json_ld_dates(data), None)
        if found:
            return found
    for node in doc.css("article time[datetime], time.published[datetime], time[itemprop='datePublished']"):
        value = attr(node, "datetime")
        if value:
            return value
    return None
