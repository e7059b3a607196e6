"""Attachments behind script calls: ``<a href="javascript:fnFileDown('F202611170031','1')">``.

The page's own download function (``location.href = "/file/download.do?fileId=" + fileId + …``) says
which request a call makes (:mod:`~noticetui.engines.common.js_calls`); a call whose function the page does not show is skipped,
since its URL cannot be known.
"""

from __future__ import annotations

import re

from noticetui.engines.base import Doc, node_text, parse_size
from noticetui.engines.common.js_targets import Scripts, node_call
from noticetui.engines.generic.text import text_without
from noticetui.models import Attachment, ParseContext, Request

_DOWNLOAD = re.compile(r"(?i)down|file")
_SIZE = re.compile(r"[(\[]\s*(\d[\d,.]*\s*(?:bytes?|byte|[KMG]i?B?|B))\s*[)\]]", re.I)
_JUNK = "img, i, svg, .sr-only, .blind, .sound_only"


def script_attachments(doc: Doc, ctx: ParseContext, start: int = 0) -> list[Attachment]:
    """The files the page's download calls fetch, in page order, indexed from ``start``."""
    scripts = Scripts.of(doc, ctx.url)
    files: list[Attachment] = []
    seen: set[str] = set()
    for link in doc.css("a[onclick], a[href], button[onclick]"):
        call = node_call(link)
        if call is None or not call[1] or not _DOWNLOAD.search(call[0]):
            continue
        request = scripts.request(call[0], call[1])
        name = text_without(link, _JUNK)
        if request is None or not name or request.url in seen:
            continue
        seen.add(request.url)
        parent = link.parent
        around = node_text(parent) if parent is not None else ""
        size = _SIZE.search(around.split(name, 1)[-1])
        files.append(
            Attachment(
                index=start + len(files),
                name=name,
                size=parse_size(size.group(1)) if size else None,
                request=Request(
                    url=request.url, method=request.method, form=request.form, referer=ctx.url, prime=ctx.url
                ),
            )
        )
    return files
