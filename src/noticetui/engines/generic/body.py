"""Finding a post's body on a page no engine knows, by where its prose is.

Every run of text belongs to its nearest *container* (a ``div``, ``article``, ``section``, ``td`` that
holds blocks…); the body is the container that owns the most letters, links counting against it, outside
site chrome (menus, headers, footers, sidebars, comments) and headings.  Letters rather than characters:
dates, numbers and separators make up most of a post's metadata and little of its prose.  Two steps then
widen the choice: an editor that writes each paragraph as its own ``<div>`` makes the body their parent,
and a parent that owns as much text of its own (paragraphs beside a nested box) takes the place of its child.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from noticetui.engines.base import Doc, attr, parse_html
from noticetui.engines.generic.text import is_chrome

_CONTAINERS = frozenset({"div", "article", "section", "main", "dd", "blockquote", "body", "form", "fieldset", "center"})
_CELLS = frozenset({"td", "th", "li"})
"""Containers only when they hold blocks or long text (a layout cell), else part of their container's text."""
_SILENT = frozenset(
    {"script", "style", "noscript", "template", "h1", "h2", "h3", "h4", "h5", "h6", "button", "select", "option"}
)
_CELL_BLOCKS = "div, p, table, ul, ol, br"
_LONG_CELL = 200
_JUNK = "script, style, noscript, template, nav, aside, button, select, iframe[src*='ads']"


@dataclass
class _Share:
    node: LexborNode
    letters: int = 0
    link_letters: int = 0
    parent: LexborNode | None = None
    children: list[int] = field(default_factory=list)


class _Owners:
    """Letters owned by each container of a page."""

    def __init__(self) -> None:
        self.shares: dict[int, _Share] = {}
        self.containers: dict[int, bool] = {}
        self.chrome: dict[int, bool] = {}

    def is_container(self, node: LexborNode) -> bool:
        known = self.containers.get(node.mem_id)
        if known is None:
            if node.tag in _CONTAINERS:
                known = True
            elif node.tag in _CELLS:
                known = node.css_first(_CELL_BLOCKS) is not None or len(node.text()) > _LONG_CELL
            else:
                known = False
            self.containers[node.mem_id] = known
        return known

    def container_of(self, node: LexborNode) -> LexborNode | None:
        current = node.parent
        while current is not None and not self.is_container(current):
            current = current.parent
        return current

    def share(self, node: LexborNode) -> _Share:
        found = self.shares.get(node.mem_id)
        if found is not None:
            return found
        # Up to the nearest container already known, then created from the top down: a loop, not a
        # recursion, so that a page of thousands of nested boxes cannot exhaust the stack.
        missing: list[LexborNode] = []
        current: LexborNode | None = node
        while current is not None and current.mem_id not in self.shares:
            missing.append(current)
            current = self.container_of(current)
        for each in reversed(missing):
            share = self.shares[each.mem_id] = _Share(each, parent=self.container_of(each))
            if share.parent is not None:
                self.shares[share.parent.mem_id].children.append(each.mem_id)
        return self.shares[node.mem_id]

    def add_text(self, text_node: LexborNode) -> None:
        text = text_node.text_content or ""
        letters = sum(c.isalpha() for c in text)
        if not letters:
            return
        in_link = False
        current = text_node.parent
        while current is not None and not self.is_container(current):
            if current.tag in _SILENT or _is_label_text(current):
                return
            in_link = in_link or current.tag == "a"
            current = current.parent
        if current is None or is_chrome(current, self.chrome):
            return
        share = self.share(current)
        share.letters += letters
        share.link_letters += letters if in_link else 0


def _is_label_text(node: LexborNode) -> bool:
    """Whether ``node`` is a label or a labelled value of a facts table (``<th>제목</th><td>…</td>``, a
    ``<caption>``): the post's metadata, not its prose.  Without this a short body loses to the box around
    the facts table, whose labels and values hold more letters than the body's one paragraph."""
    if node.tag in ("th", "caption"):
        return True
    row = node.parent
    return node.tag == "td" and row is not None and row.tag == "tr" and any(c.tag == "th" for c in row.iter())


def _value(share: _Share) -> int:
    return share.letters - 3 * share.link_letters


def _total(owners: _Owners, share: _Share) -> int:
    """The letters of ``share``'s container and of every container inside it."""
    total, stack = 0, [share]
    while stack:  # a loop rather than a recursion: nesting can be thousands deep
        current = stack.pop()
        total += current.letters
        stack.extend(owners.shares[i] for i in current.children)
    return total


def find_body(doc: Doc) -> LexborNode | None:
    """The element that holds the post's body, or None when the page has no prose outside its chrome."""
    root = doc.body
    if root is None:
        return None
    owners = _Owners()
    for node in root.traverse(include_text=True):
        if node.is_text_node:
            owners.add_text(node)
    scored = [s for s in owners.shares.values() if _value(s) > 0]
    if not scored:
        return None
    best = max(scored, key=_value)
    while best.parent is not None and not is_chrome(best.parent, owners.chrome):
        parent = owners.share(best.parent)
        if parent.node.tag == "body" or not _widens(owners, parent, best):
            break
        best = parent
    return best.node


def _widens(owners: _Owners, parent: _Share, best: _Share) -> bool:
    """Whether ``parent`` takes the place of ``best``: it holds siblings like ``best`` (an editor's one
    ``<div>`` per paragraph), or as much prose of its own as ``best`` holds, and few links."""
    like = any(
        i != best.node.mem_id
        and owners.shares[i].node.tag == best.node.tag
        and attr(owners.shares[i].node, "class") == attr(best.node, "class")
        and owners.shares[i].letters > 0
        for i in parent.children
    )
    return like or (parent.letters >= _total(owners, best) and parent.link_letters * 3 < parent.letters)


def body_html(node: LexborNode) -> str:
    """The body's inner HTML without scripts, forms' buttons and chrome that sits inside it."""
    clone = parse_html(node.inner_html or "")
    container = clone.body
    if container is None:
        return ""
    for junk in container.css(_JUNK):
        junk.decompose()
    memo: dict[int, bool] = {}
    # Only the outermost chrome element of each subtree goes: its descendants go with it.
    outermost = [
        e for e in container.css("*") if is_chrome(e, memo) and (e.parent is None or not is_chrome(e.parent, memo))
    ]
    for element in outermost:
        element.decompose()
    return (container.inner_html or "").strip()
