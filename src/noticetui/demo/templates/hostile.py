"""What the hostile board serves: page text written to break a terminal, a parser or a file system.

Every post is served as a real (malicious) site would: raw control characters in titles, authors and
bodies, escape sequences that would clear the screen, set the clipboard or retitle the window, bidi
overrides, Rich markup, words of 100,000 characters, 5,000 levels of nesting, dangerous link schemes,
and attachments whose names try to leave the download folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

DEPTH = 5000
"""Levels of nesting of each kind in the deep post."""
LONG_WORD = 100_000
"""Characters in the long words."""

C0 = "".join(chr(code) for code in range(0x00, 0x20))
C1 = "".join(chr(code) for code in range(0x80, 0xA0))
CONTROLS = C0 + "\x7f" + C1
"""Every C0 and C1 control character and DEL."""
ESCAPES = (
    "\x1b[2J\x1b[H"  # clear the screen, cursor home
    "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: set the clipboard
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # OSC 8: a hidden hyperlink
    "\x1b]2;pwned\x07"  # OSC 2: the window title
    "\x9b31m"  # an 8-bit CSI
    "\x1bP+q544e\x1b\\"  # DCS: a terminfo query
)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
MARKUP = "[bold red]굵게[/] [@click=app.quit]종료[/] [link=file:///etc/passwd]링크[/link] [/]"
EVERYTHING = CONTROLS + ESCAPES + BIDI + ZERO_WIDTH + MARKUP
"""All the hostile text, in one string."""

LINKS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "https://example.org/\x1b]2;pwned\x07",
]
IMAGES = ["javascript:alert(1)", "file:///etc/passwd", "data:image/svg+xml;base64,PHN2Zy8+"]
FILE_NAMES = [
    "../../../../etc/passwd",
    "..\\..\\..\\Windows\\System32\\evil.dll",
    "/etc/shadow",
    "C:\\Windows\\win.ini",
    "CON",
    "nul.txt",
    "aux.hwp",
    "COM1.pdf",
    "null\x00byte.pdf",
    "esc\x1b[2Jape\x07.txt",
    "\u202etxt.exe",
    "가" * 100 + ".hwp",
    "dup.txt",
    "dup.txt",
    ".hidden",
    "trailing dot. ",
]
"""Attachment names: traversal, absolute paths, reserved names, NUL, controls, 300+ bytes, duplicates."""


@dataclass(frozen=True)
class HostilePost:
    """One post of the hostile board."""

    key: str
    title: str
    author: str
    body: str
    """The body's HTML, as the site sends it."""
    files: tuple[str, ...] = ()


NESTINGS: dict[str, tuple[str, str]] = {
    "div": ("<div>w{i} ", "</div>"),
    "blockquote": ("<blockquote>w{i} ", "</blockquote>"),
    "table": ("<table><tr><td>w{i} ", "</td></tr></table>"),
    "table (2 columns)": ("<table><tr><td>x</td><td>w{i} ", "</td></tr></table>"),
    "ul": ("<ul><li>w{i} ", "</li></ul>"),
    "ol": ("<ol><li>w{i} ", "</li></ol>"),
    "span": ("<span>w{i} ", "</span>"),
}
"""Each kind of deep nesting the renderer must survive: ``(opening, closing)`` for :func:`nested`."""


def nested(opening: str, closing: str, depth: int = DEPTH) -> str:
    """``depth`` levels of ``opening``…``closing``, each with its own word ``w<level>``."""
    return "".join(opening.format(i=i) for i in range(depth)) + "바닥" + closing * depth


def _text(raw: str) -> str:
    """Hostile text in HTML: markup characters escaped, everything else (controls too) left raw."""
    return escape(raw, quote=False)


def posts() -> list[HostilePost]:
    """The hostile board's posts, newest first."""
    link_items = "".join(f'<li><a href="{escape(url)}">링크 {i}</a></li>' for i, url in enumerate(LINKS, 1))
    images = "".join(f'<img src="{escape(src)}" alt="그림 {i}">' for i, src in enumerate(IMAGES, 1))
    deep = "".join(
        nested(opening, closing)
        for opening, closing in (
            ("<div>d{i} ", "</div>"),
            ("<blockquote>q{i} ", "</blockquote>"),
            ("<table><tr><td>t{i} ", "</td></tr></table>"),
            ("<ul><li>u{i} ", "</li></ul>"),
            ("<ol><li>o{i} ", "</li></ol>"),
        )
    )
    return [
        HostilePost("6", "제어 문자 " + _text(CONTROLS), "작성자" + _text(CONTROLS), f"<p>{_text(CONTROLS)}</p>"),
        HostilePost(
            "5",
            "이스케이프 " + _text(ESCAPES),
            "\x1b]2;author\x07관리자",
            f"<p>화면 지우기 {_text(ESCAPES)}</p><pre>{_text(ESCAPES)}</pre>",
        ),
        HostilePost(
            "4",
            "방향 " + _text(BIDI + ZERO_WIDTH + MARKUP),
            "\u202e자작성\u202c",
            f"<p>{_text(BIDI)} 뒤집기 {_text(ZERO_WIDTH)}</p><p>{_text(MARKUP)}</p>",
        ),
        HostilePost("3", "긴 낱말 " + "A" * 300, "긴이름" * 50, f"<p>{'가' * LONG_WORD}</p><p>{'W' * LONG_WORD}</p>"),
        HostilePost("2", "깊은 중첩", "관리자", deep),
        HostilePost(
            "1",
            "링크와 첨부 " + _text(EVERYTHING),
            "관리자",
            f"<ul>{link_items}</ul><p>{images}</p><p>{_text(EVERYTHING)}</p>",
            tuple(FILE_NAMES),
        ),
    ]
