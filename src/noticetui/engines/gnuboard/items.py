"""Gnuboard 5 list skins made of items rather than table rows: webzine-style ``<li>`` lists and the older
gallery skins' labelled ``<li>`` facts.  Selection only; :mod:`~noticetui.engines.gnuboard.engine` reads the rows it finds."""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from noticetui.engines.base import node_text, parse_html

_LABEL = "span.gall_subject, span.bo_img_subject"


def post_items(box: LexborNode, title_of: Callable[[LexborNode], str]) -> list[tuple[LexborNode, LexborNode]]:
    """Each innermost ``<li>`` of ``box`` holding a post link, with the link whose title is longest.

    ``title_of`` gives a link's title, or "" for a link that is no post's (a category, a thumbnail).
    """
    found: list[tuple[LexborNode, LexborNode]] = []
    for li in box.css("li"):
        if any(inner.mem_id != li.mem_id for inner in li.css("li")):
            continue  # an outer item: its inner items are the posts
        links = [(a, title_of(a)) for a in li.css("a[href]")]
        titled = [(a, t) for a, t in links if t]
        if titled:
            found.append((li, max(titled, key=lambda pair: len(pair[1]))[0]))
    return found


def labelled_item(item: LexborNode, label: str) -> LexborNode | None:
    """The value of an older gallery skin's ``<li><span class="gall_subject">작성자 </span>홍길동</li>``:
    a copy of the ``<li>`` without its label."""
    for li in item.css("li"):
        head = li.css_first(_LABEL)
        if head is not None and node_text(head).startswith(label):
            clone = parse_html(li.html or "").css_first("li")
            label_node = clone.css_first(_LABEL) if clone is not None else None
            if label_node is not None:
                label_node.decompose()
            return clone
    return None
