"""Deeply nested bodies: every level's text survives, whatever the depth, in plain and Rich output."""

from __future__ import annotations

import re

import pytest

from noticetui.demo.templates.hostile import DEPTH, NESTINGS, nested
from noticetui.render import render_html, to_plain, to_rich


def words(text: str) -> set[str]:
    """The level words of a nested body and its innermost word (바닥)."""
    return set(re.findall(r"w\d+|바닥", text))


@pytest.mark.parametrize("kind", NESTINGS)
def test_every_level_of_a_deep_body_is_shown(kind: str) -> None:
    doc = render_html(nested(*NESTINGS[kind]), "https://example.org/")
    expected = {f"w{i}" for i in range(DEPTH)} | {"바닥"}
    assert words(to_plain(doc, 80)) == expected
    assert words(to_rich(doc, 80).plain) == expected


def test_links_and_images_deep_inside_keep_their_numbers() -> None:
    inner = '<a href="/deep">deep link</a> <img src="/deep.png" alt="deep picture">'
    html = "<div>" * DEPTH + inner + "</div>" * DEPTH
    doc = render_html(html, "https://example.org/")
    assert [link.url for link in doc.links] == ["https://example.org/deep"]
    assert [image.src for image in doc.images] == ["https://example.org/deep.png"]
    assert "deep link[1]" in to_plain(doc, 80)


def test_a_nested_data_table_beyond_the_limit_keeps_its_cells() -> None:
    html = nested("<table><tr><td>a{i}</td><td>w{i} ", "</td></tr></table>", 40)
    text = to_plain(render_html(html), 80)
    assert {f"w{i}" for i in range(40)} | {"바닥"} <= words(text)
    assert all(f"a{i}" in text for i in range(40))


def test_shallow_nesting_keeps_its_structure() -> None:
    text = to_plain(render_html("<blockquote><blockquote>inner</blockquote></blockquote>"), 80)
    assert text == "│ │ inner"


def test_blocks_after_a_deep_part_are_paragraphs_of_their_own() -> None:
    html = "<div>" * 100 + "<p>first</p><p>second</p>" + "</div>" * 100
    assert to_plain(render_html(html), 80).split("\n") == ["first", "", "second"]
