"""Reading a post field by field: the engine's own selectors first, generic extraction for what they miss.

Real deployments of one engine differ by skin.  An engine's selectors are the fast path, never the only
one: when they raise :class:`~noticetui.engines.base.EngineError` or leave a field empty, the field comes
from the generic reading of the page (:mod:`~noticetui.engines.generic.body`, :mod:`~noticetui.engines.generic.post`) — the title near the top
of the content, the densest text block as the body, labelled facts in any tag, download-looking links.
The post records which path found each field in :attr:`~noticetui.models.Post.provenance`.

A post is secret only on positive evidence (the engine saw its password form or its lock, or the page has
a password field or a 비밀글 notice), never because nothing was found; a page where nothing can be read is
an :class:`EngineError` with the reason (the site's own words when it states an error).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import TypeVar

from selectolax.lexbor import LexborNode

from noticetui.dates import parse_board_date, to_datetime
from noticetui.engines.base import Doc, Engine, EngineError, clean_text, node_text, parse_html
from noticetui.engines.common.site_errors import stated_error
from noticetui.engines.generic.body import body_html, find_body
from noticetui.engines.generic.post import Facts, find_attachments, find_facts, find_title, is_password_page
from noticetui.engines.generic.text import TITLE_JUNK, text_without
from noticetui.models import Attachment, ParseContext, Post

ENGINE_PATH = "engine"
"""Provenance of a field the engine's own selectors read."""
GENERIC_PATH = "generic"
"""Provenance of a field the generic fallback read."""
FIELDS = ("title", "posted_at", "author", "views", "body", "attachments", "secret")
"""The fields whose provenance a post records, in the order ``doctor`` shows them."""

_SECRET_NOTICE = re.compile(
    r"비밀글(?:\s*기능으로\s*보호된|\s*입니다|은|\s*입력)|비밀번호를\s*입력|password\s*protected", re.I
)
_T = TypeVar("_T")


class _Generic:
    """The generic reading of one page, each part computed only when a field needs it."""

    def __init__(self, doc: Doc, ctx: ParseContext, listed_title: str) -> None:
        self.doc, self.ctx = doc, ctx
        self.stem = _stem(listed_title)

    @cached_property
    def body(self) -> LexborNode | None:
        return find_body(self.doc)

    @cached_property
    def body_html(self) -> str:
        return body_html(self.body) if self.body is not None else ""

    @cached_property
    def title(self) -> tuple[str, LexborNode | None]:
        return find_title(self.doc, self.body)

    @cached_property
    def facts(self) -> Facts:
        title, node = self.title
        return find_facts(self.doc, self.body, title, node)

    @cached_property
    def attachments(self) -> list[Attachment]:
        return find_attachments(self.doc, self.ctx)

    def full_title(self) -> str:
        """The labelled or found title; one that continues the list's title wins over a board name."""
        found = self.facts.title or self.title[0]
        if not self.stem or _squeezed(self.stem) in _squeezed(found):
            return found
        return _continuing(self.doc, self.stem) or found

    def posted_at(self) -> datetime | None:
        date = parse_board_date(self.facts.date, self.ctx.now) if self.facts.date else None
        return to_datetime(date, self.ctx.now) if date is not None else None


def has_content(html: str) -> bool:
    """Whether a body's HTML shows anything: letters or digits, an image, a table or an embedded object."""
    if not html.strip():
        return False
    doc = parse_html(html)
    root = doc.body
    if root is None:
        return False
    if any(c.isalnum() for c in root.text()):
        return True
    return root.css_first("img, table, iframe, video, embed, object") is not None


def secret_evidence(doc: Doc, body: LexborNode | None) -> bool:
    """Positive evidence that the page withholds a secret post: a password form or a 비밀글 notice."""
    if is_password_page(doc, body):
        return True
    text = node_text(doc.body, skip="script, style") if doc.body is not None else ""
    return bool(_SECRET_NOTICE.search(text)) and len(text) < 3000


@dataclass
class _Merge:
    """One field at a time: the engine's value when it has one, else the fallback's, with its path."""

    provenance: dict[str, str]

    def pick(self, name: str, own: _T, usable: bool, fallback: Callable[[], _T], empty: _T) -> _T:
        if usable:
            self.provenance[name] = ENGINE_PATH
            return own
        found = fallback()
        if found:
            self.provenance[name] = GENERIC_PATH
            return found
        return empty


def read_post(engine: Engine, doc: Doc, ctx: ParseContext, key: str, listed_title: str = "") -> Post:
    """``engine.parse_post`` with every field it missed filled by generic extraction (see the module doc).

    ``listed_title`` is the post's title in its list row: when the engine's selectors find nothing at all,
    the page is taken for the post only if it shows that title (a maintenance page or a login wall is
    prose too).  Raises :class:`EngineError` with the reason when the page holds no body, no files and no
    evidence of a secret post.
    """
    own, problem = _own_reading(engine, doc, ctx, key)
    if own is not None and own.secret:
        return replace(own, provenance={"secret": ENGINE_PATH})
    is_generic = engine.name == "generic"
    if own is not None and is_generic:
        return replace(own, provenance={name: GENERIC_PATH for name in FIELDS if _filled(own, name)})
    generic = _Generic(doc, ctx, listed_title)
    if own is None and not _shows(doc, listed_title):
        said = stated_error(doc)
        reason = f"the site answered {said!r}" if said else f"{problem}; the page does not show {listed_title!r}"
        raise EngineError(reason)
    base = own or Post(key=key, title="", url=ctx.url, body_html="")
    merge = _Merge({})
    title = merge.pick("title", base.title, _whole(base.title, generic), generic.full_title, "")
    # An engine that found its body container gives its HTML even when the post is empty ("<p>&nbsp;</p>"
    # beside the files); "" means it found none, and only then is the generic body looked for.
    body = merge.pick("body", base.body_html, bool(base.body_html.strip()), lambda: generic.body_html, "")
    posted = merge.pick("posted_at", base.posted_at, base.posted_at is not None, generic.posted_at, None)
    author = merge.pick("author", base.author, bool(base.author), lambda: generic.facts.author, None)
    views = merge.pick("views", base.views, base.views is not None, lambda: generic.facts.views, None)
    files = merge.pick("attachments", base.attachments, bool(base.attachments), lambda: generic.attachments, [])
    if not has_content(body) and not files and merge.provenance.get("body") != ENGINE_PATH:
        return _withheld(doc, ctx, key, title, generic.body, problem)
    return replace(
        base,
        title=title,
        body_html=body,
        posted_at=posted,
        author=author,
        views=views,
        attachments=files,
        provenance=merge.provenance,
    )


def _own_reading(engine: Engine, doc: Doc, ctx: ParseContext, key: str) -> tuple[Post | None, str]:
    """The engine's own reading of the page and, when its selectors failed, why."""
    try:
        return engine.parse_post(doc, ctx, key), ""
    except EngineError as exc:
        return None, str(exc)


def _withheld(doc: Doc, ctx: ParseContext, key: str, title: str, body: LexborNode | None, problem: str) -> Post:
    """A page with no body and no files: a secret post on evidence, else an error with the reason."""
    if secret_evidence(doc, body):
        return Post(key=key, title=title, url=ctx.url, body_html="", secret=True, provenance={"secret": GENERIC_PATH})
    said = stated_error(doc)
    reason = f"the site answered {said!r}" if said else (problem or "no body and no files")
    raise EngineError(f"nothing readable on the post page: {reason}")


def _stem(title: str) -> str:
    """A list title without the "..." / "…" that marks it cut."""
    return clean_text(title).removesuffix("…").removesuffix("...").rstrip()


def _continuing(doc: Doc, stem: str) -> str:
    """The shortest short text on the page that holds ``stem`` (the post's whole title), or ''."""
    want = _squeezed(stem)
    best = ""
    for node in doc.css("body h1, body h2, body h3, body h4, body p, body div, body span, body strong, body td"):
        text = clean_text(text_without(node, TITLE_JUNK))
        if len(text) <= 300 and want in _squeezed(text) and (not best or len(text) < len(best)):
            best = text
    return best


def _squeezed(text: str) -> str:
    return "".join(text.split()).lower()


def _shows(doc: Doc, listed_title: str) -> bool:
    """Whether the page shows the listed title (its uncut part), in its text or its ``<title>``."""
    stem = _squeezed(_stem(listed_title))
    if not stem:
        return True
    root = doc.root
    return root is not None and stem[:40] in _squeezed(root.text())


def _whole(title: str, generic: _Generic) -> bool:
    """Whether the engine's title is usable: present, and not cut with "..." where the page has it whole."""
    text = clean_text(title)
    stem = text.removesuffix("…").removesuffix("...").rstrip()
    if not text or stem == text:
        return bool(text)
    found = generic.full_title()
    return not (len(found) > len(stem) and found.startswith(stem))


def _filled(post: Post, name: str) -> bool:
    value = {"body": post.body_html, "secret": post.secret}.get(name, getattr(post, name, None))
    return bool(value) or (name == "views" and value is not None)
