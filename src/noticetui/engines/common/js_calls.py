"""JavaScript navigation calls in links (``onclick``, ``javascript:`` hrefs), their arguments told apart
by shape rather than by position.

Deployed sites reorder the arguments of the calls their component's sample pages use:
``fn_egov_inqire_notice('1234', 'BBSMSTR_000000000011')`` in the sample JSP,
``fn_egov_inqire_notice('BBSMSTR_000000000011', '1234')`` on a city's site.  Read by position, one of them
gives every row the board's id as its key.  A board id has letters (``BBSMSTR_…``, ``notice``) or is the
board's own id from the URL (``bid=0027``); a post id is all digits; a file id has letters and a file's
serial number is a small number.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from selectolax.lexbor import LexborNode

from noticetui.engines.base import attr

_CALL = re.compile(r"(?P<fn>[A-Za-z_$][\w$.]*)\s*\((?P<args>[^()]*)\)")
_ARG = re.compile(r"""'(?P<single>[^']*)'|"(?P<double>[^"]*)"|(?P<bare>[^\s,'"]+)""")
_BOARD_ID = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9_\-]{2,60}$")
_DIGITS = re.compile(r"^\d+$")


def js_calls(code: str) -> list[tuple[str, list[str]]]:
    """The function calls in a snippet of JavaScript, with their literal arguments, in order.

    ``"fn_egov_inqire_notice('123', 'BBSMSTR_1'); return false;"`` gives
    ``[("fn_egov_inqire_notice", ["123", "BBSMSTR_1"])]``; a leading ``javascript:`` is ignored.
    """
    calls: list[tuple[str, list[str]]] = []
    for match in _CALL.finditer(code):
        args = [m.group("single") or m.group("double") or m.group("bare") or "" for m in _ARG.finditer(match["args"])]
        calls.append((match["fn"].rsplit(".", 1)[-1], args))
    return calls


def handler(node: LexborNode | None) -> str:
    """A link's JavaScript: its ``onclick`` and its ``javascript:`` ``href``, joined."""
    href = attr(node, "href")
    script = href[len("javascript:") :] if href.lower().startswith("javascript:") else ""
    return f"{attr(node, 'onclick')};{script}"


def board_arg(args: Sequence[str], known: Collection[str] = ()) -> str | None:
    """The argument that names a board: one of the ``known`` board ids, else the first with letters."""
    found = next((a for a in args if a and a in known), None)
    return found or next((a for a in args if _BOARD_ID.match(a)), None)


def post_arg(args: Sequence[str], known_boards: Collection[str] = ()) -> str | None:
    """The argument that names a post: the first all-digit one that is not a known board id.

    A zero-padded number (``0027``) is a board's or menu's code before it is a post's id.
    """
    digits = [a for a in args if _DIGITS.match(a) and a not in known_boards]
    return next((a for a in digits if not a.startswith("0")), digits[0] if digits else None)


def board_and_post(args: Sequence[str], known_boards: Collection[str] = ()) -> tuple[str, str] | None:
    """``(board id, post id)`` among a call's arguments, by shape; None when they cannot be told apart."""
    post = post_arg(args, known_boards)
    rest = [a for a in args if a != post]
    board = board_arg(rest, known_boards)
    return (board, post) if board is not None and post is not None else None


def file_and_serial(args: Sequence[str]) -> tuple[str, str] | None:
    """``(file id, serial number)`` of a download call (``fn_egov_downFile('FILE_…', '0')``, either order)."""
    if len(args) < 2:
        return None
    first, second = args[0], args[1]
    if _DIGITS.match(first) and not _DIGITS.match(second):
        return second, first
    if _DIGITS.match(first) and _DIGITS.match(second) and len(first) < len(second):
        return second, first
    return first, second
