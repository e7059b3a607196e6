"""A post body as HTML that a feed reader can show safely: an allow-list of tags and attributes.

Feed readers render entry content as HTML, so the body goes out as HTML (tables stay tables, links stay
links) rather than the terminal rendering.  It is written by strangers: only the tags in :data:`KEEP`
survive, with only the attributes :data:`ATTRS` names; scripts, styles, frames, forms and their controls
go with everything inside them; other tags (``font``, ``span`` with styles, unknown ones) are unwrapped
so their text stays.  URLs are made absolute against the post's URL and kept only for ``http``, ``https``
and ``mailto`` (so ``javascript:``, ``data:`` and ``file:`` are dropped).  Text and attribute values lose
their control characters and are escaped.

The walk is iterative: a body of 5,000 nested elements cannot exhaust the stack, and elements nested
deeper than :data:`MAX_DEPTH` are unwrapped (their text kept) so the output does not nest without end.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from noticetui.render.sanitize import drop_controls

KEEP = frozenset(
    {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "dfn"}
    | {"div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img"}
    | {"ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "strike", "strong", "sub"}
    | {"sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr"}
)
"""Tags written out (with the attributes :data:`ATTRS` allows)."""
DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet"}
    | {"head", "title", "meta", "link", "base", "svg", "math", "canvas", "input", "select", "option"}
    | {"optgroup", "datalist", "button", "textarea", "param", "source", "track", "audio", "video", "map"}
    | {"area", "dialog", "portal"}
)
"""Tags dropped with everything inside them (a form itself is unwrapped: some sites wrap the whole page)."""
VOID = frozenset({"br", "hr", "img", "col", "wbr"})
ATTRS: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "abbr": frozenset({"title"}),
}
"""The attributes each kept tag may carry; every other attribute (``on*``, ``style``, ``class``…) goes."""
URL_ATTRS = frozenset({"href", "src", "cite"})
SCHEMES = frozenset({"http", "https", "mailto"})
MAX_DEPTH = 64
"""Kept elements nested deeper than this are unwrapped."""
# Browsers ignore tabs and newlines inside URLs ("java\tscript:"), and leading spaces and controls.
_URL_NOISE = re.compile(r"[\t\n\r]")
AS_DIV = frozenset(
    {"section", "article", "header", "footer", "main", "nav", "aside", "address", "center", "form", "fieldset"}
    | {"legend", "details", "summary", "hgroup", "search", "body", "html"}
)
"""Block containers written as a plain ``div``, so the layout's paragraphs stay apart."""
INLINE = frozenset(
    {"a", "abbr", "b", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp"}
    | {"small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr", "label"}
)
"""Elements whose text runs on with their neighbours' when they are unwrapped."""
_NOT_XML = re.compile("[\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", drop_controls(value))


def safe_url(value: str, base: str) -> str | None:
    """``value`` made absolute against ``base``, or None unless it is an http(s) or mailto URL."""
    value = _URL_NOISE.sub("", value).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x1f")
    if not value:
        return None
    try:
        absolute = urljoin(base, value) if base else value
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in SCHEMES and not any(c in absolute for c in "\x00 ") else None


def _attributes(tag: str, node: LexborNode, base: str) -> str | None:
    """The allowed attributes of ``node``, written out; None when the element is useless without them."""
    allowed = ATTRS.get(tag, frozenset())
    parts: list[str] = []
    for name, value in node.attributes.items():
        name = name.lower()
        if name not in allowed:
            continue
        if name in URL_ATTRS:
            value = safe_url(value or "", base)
            if value is None:
                continue
        parts.append(f' {name}="{html.escape(value or "", quote=True)}"')
    if tag == "a" and not any(p.startswith(" href=") for p in parts):
        return None  # a link with no usable target: its text alone
    if tag == "img" and not any(p.startswith(" src=") for p in parts):
        return None
    return "".join(parts)


def _pieces(root: LexborNode, base: str, texts: list[str]) -> Iterator[str]:
    """The safe HTML of ``root``'s content, piece by piece; its text goes to ``texts`` on the way."""
    # The stack holds nodes still to visit and closing tags still to write.
    # None marks the end of a block, where the summary needs a space.
    stack: list[LexborNode | str | None] = list(reversed(list(root.iter(include_text=True))))
    depth = 0
    while stack:
        item = stack.pop()
        if item is None:
            texts.append(" ")
            continue
        if isinstance(item, str):
            depth -= 1
            yield item
            continue
        tag = item.tag or ""
        tag = "div" if tag in AS_DIV else tag
        if tag == "-text":
            text = item.text_content or ""
            texts.append(text)
            yield html.escape(text, quote=False)
            continue
        if tag.startswith(("-", "!")) or tag in DROP:
            continue  # comments, doctypes and dangerous elements, with their content
        if tag not in INLINE:
            texts.append(" ")  # words of two blocks must not run together in the summary
            stack.append(None)
        children = list(reversed(list(item.iter(include_text=True))))
        attrs = _attributes(tag, item, base) if tag in KEEP else None
        if attrs is None or depth >= MAX_DEPTH:
            if tag not in INLINE:
                yield " "  # nor in the HTML, once unwrapped
            stack.extend(children)  # unwrapped: its content stays
            continue
        yield f"<{tag}{attrs}>"
        if tag in VOID:
            continue
        depth += 1
        stack.append(f"</{tag}>")
        stack.extend(children)


def feed_body(body: str, base_url: str, limit: int = 500) -> tuple[str, str]:
    """The post body ``body`` as safe HTML (URLs absolute against ``base_url``) and as a summary: the
    first ``limit`` characters of its text, whitespace folded to single spaces.  One parse for both."""
    root = LexborHTMLParser(body).body if body.strip() else None
    if root is None:
        return "", ""
    texts: list[str] = []
    # Control characters go from the whole at once: markup itself never has any.
    markup = _text("".join(_pieces(root, base_url, texts))).strip()
    summary = " ".join(_text("".join(texts)).split())
    return markup, summary if len(summary) <= limit else summary[: limit - 1].rstrip() + "…"


def clean_html(body: str, base_url: str) -> str:
    """The post body ``body`` as safe HTML, its URLs absolute against ``base_url``."""
    return feed_body(body, base_url)[0]


def summary_text(body: str, limit: int = 500) -> str:
    """The first ``limit`` characters of the body's text, whitespace folded to single spaces."""
    return feed_body(body, "", limit)[1]
