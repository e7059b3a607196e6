"""Hostile page text: no escape sequences, no bidi overrides, no Rich markup reaches the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from noticetui.render import cell_width, render_html, sanitize, to_plain, to_rich

from .helpers import CONTROL

HOSTILE = (Path(__file__).parent / "golden" / "hostile.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b[31mb", "a\ufffd[31mb"),
        ("csi\x9b1m", "csi\ufffd1m"),
        ("bell\x07 nul\x00 del\x7f", "bell\ufffd nul\ufffd del\ufffd"),
        ("abc\u202edcba\u202c", "abc\ufffddcba\ufffd"),
        ("\u2066iso\u2069", "\ufffdiso\ufffd"),
        ("rlm\u200f lrm\u200e", "rlm lrm"),
        ("줄\r\n바꿈\r끝", "줄\n바꿈\n끝"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),
        ("한글 그대로", "한글 그대로"),
    ],
)
def test_sanitize_neutralises_controls_and_bidi(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("한글", 4), ("가a나", 5), ("", 0), ("👍", 2), ("é", 1)])
def test_cell_width_counts_terminal_cells(text: str, width: int) -> None:
    assert cell_width(text) == width


@pytest.mark.parametrize("width", [40, 80, 120])
def test_plain_output_has_no_control_or_bidi_characters(width: int) -> None:
    out = to_plain(render_html(HOSTILE, "https://example.com/"), width)
    assert CONTROL.search(out.replace("\n", "")) is None
    assert "\ufffd[31mred" in out


@pytest.mark.parametrize("width", [40, 80])
def test_rich_output_has_no_control_or_bidi_characters(width: int) -> None:
    text = to_rich(render_html(HOSTILE, "https://example.com/"), width)
    assert CONTROL.search(text.plain.replace("\n", "")) is None


def test_markup_in_page_text_shows_literally_in_plain_text() -> None:
    out = to_plain(render_html("<p>[bold]not bold[/bold] [link=https://evil.example]x[/link]</p>"))
    assert out == "[bold]not bold[/bold] [link=https://evil.example]x[/link]"


def test_markup_in_page_text_is_not_interpreted_by_rich() -> None:
    text = to_rich(render_html("<p>[bold]not bold[/bold] :smile: [red]x[/]</p>"))
    assert text.plain == "[bold]not bold[/bold] :smile: [red]x[/]"
    assert not any(span.style and "bold" in str(span.style) for span in text.spans)


def test_printed_rich_output_contains_no_page_escape_sequences() -> None:
    console = Console(width=80, force_terminal=True, color_system="truecolor", record=True)
    with console.capture() as capture:
        console.print(to_rich(render_html(HOSTILE, "https://example.com/"), 80))
    printed = capture.get()
    # Rich's own SGR codes are fine; the page's must not survive: none says "[31m" right after an ESC.
    assert "\x1b[31mred" not in printed and "\x1b]0;title" not in printed and "\x9b" not in printed
    assert "[bold]not bold[/bold]" in printed


def test_hostile_link_url_is_sanitised() -> None:
    doc = render_html('<a href="https://example.com/\x1b[2J">x</a>')
    assert doc.links[0].url == "https://example.com/\ufffd[2J"


def test_hostile_alt_text_is_sanitised() -> None:
    doc = render_html('<img src="a.png" alt="\u202egnp.exe">')
    assert doc.images[0].alt == "\ufffdgnp.exe"
