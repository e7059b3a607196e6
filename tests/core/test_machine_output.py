"""Machine output (JSON, feeds): the data stays exact, but no control or bidi character goes out raw."""

from __future__ import annotations

import json

import pytest

from noticetui.render import drop_controls, dumps_json

HOSTILE = "a\x7fb\x85c\x9b2Jd\u202ee\u2066f\u2069g\x1b[31m\x00\u200f\ufeff\u2028h 한글 \t\n"
RAW = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def test_json_escapes_every_control_and_bidi_character() -> None:
    text = dumps_json({"title": HOSTILE, "nested": [HOSTILE]})
    assert not any(char in text for char in RAW if char != "\n")  # newlines only from the indentation
    assert "\\u009b" in text and "\\u202e" in text and "한글" in text


@pytest.mark.parametrize("indent", [None, 2])
def test_json_stays_exact_for_a_parser(indent: int | None) -> None:
    data = {"title": HOSTILE, "views": 3, "list": [HOSTILE, None, True]}
    assert json.loads(dumps_json(data, indent=indent)) == data


def test_feed_text_drops_controls_and_neutralises_bidi() -> None:
    assert drop_controls("a\x1b[2Jb\x9bc\x07d\x7f") == "a[2Jbcd"
    assert drop_controls("x\u202ey\u2066z") == "x\ufffdy\ufffdz"
    assert drop_controls("줄\r\n바꿈\t탭") == "줄\n바꿈\t탭"
