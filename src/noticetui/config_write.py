"""Changing ``config.toml`` (from the command line or the TUI's boards editor) without disturbing what the
user wrote.

``add`` appends a ``[[boards]]`` block to the file's text, ``remove`` cuts one block out, a rename edits
the lines of one block and a move swaps two blocks, so comments and formatting elsewhere in the file stay
as they were.  Every change is checked by parsing the result before it replaces the file (atomically).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticetui.config import DEFAULT_TIMEZONE, BoardConfig, Config, ConfigError, load_config
from noticetui.i18n import _


def toml_value(value: Any) -> str:
    """``value`` as a TOML literal (strings, numbers and booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # JSON string escapes are valid TOML basic-string escapes; JSON leaves DEL raw, which TOML forbids.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def board_block(board: BoardConfig) -> str:
    """The ``[[boards]]`` block that describes ``board``."""
    lines = ["[[boards]]", f"name = {toml_value(board.name)}", f"url = {toml_value(board.url)}"]
    lines.append(f"engine = {toml_value(board.engine)}")
    lines.append(f"pages = {board.pages}")
    if board.timezone != DEFAULT_TIMEZONE:
        lines.append(f"timezone = {toml_value(board.timezone)}")
    if board.title:
        lines.append(f"title = {toml_value(board.title)}")
    if board.watch:
        lines.append(f"watch = [{', '.join(toml_value(w) for w in board.watch)}]")
    profile = board.options.get("profile") or {}
    if profile:
        lines.append("")
        lines.append("[boards.profile]")
        lines += [f"{_key(k)} = {toml_value(v)}" for k, v in profile.items()]
    return "\n".join(lines) + "\n"


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else toml_value(name)


def add_board(path: Path, board: BoardConfig) -> Config:
    """Append ``board`` to the config at ``path``; ConfigError if its name is taken."""
    current = load_config(path)
    if current.board(board.name):
        raise ConfigError(path, "boards", _("a board named {name!r} already exists").format(name=board.name))
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    text += ("\n" if text else "") + board_block(board)
    return _replace(path, text)


def remove_board(path: Path, name: str) -> Config:
    """Remove the board called ``name`` from the config at ``path``; ConfigError if there is none."""
    current = load_config(path)
    if current.board(name) is None:
        raise ConfigError(path, "boards", _("no board named {name!r}").format(name=name))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip() == "[[boards]]"]
    for n, start in enumerate(starts):
        end = next(
            (i for i in range(start + 1, len(lines)) if _is_header(lines[i]) and not _is_board_subtable(lines[i])),
            len(lines),
        )
        if n + 1 < len(starts):
            end = min(end, starts[n + 1])
        block = "".join(lines[start:end])
        names = re.findall(r'^\s*name\s*=\s*(".*?"|\'.*?\')\s*$', block, re.M)
        if names and _unquote(names[0]) == name:
            text = "".join(lines[:start] + lines[end:])
            result = _replace(path, text)
            if len(result.boards) == len(current.boards) - 1 and result.board(name) is None:
                return result
            raise ConfigError(path, "boards", _("could not remove the board cleanly; edit the file by hand"))
    raise ConfigError(
        path, "boards", _("could not find the block of board {name!r}; edit the file by hand").format(name=name)
    )


def _is_header(line: str) -> bool:
    return line.lstrip().startswith("[")


def _is_board_subtable(line: str) -> bool:
    return line.strip().startswith("[boards.")


def _unquote(literal: str) -> str:
    if literal.startswith('"'):
        return str(json.loads(literal))
    return literal[1:-1]


def _replace(path: Path, text: str) -> Config:
    """Write ``text`` to ``path`` atomically after checking that it parses."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            config = load_config(tmp)
        except ConfigError as exc:  # name the user's file, not the scratch copy
            raise ConfigError(path, exc.key, exc.problem) from exc
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return config


@dataclass(frozen=True)
class _Span:
    """Where one ``[[boards]]`` block sits in the file's lines: ``start`` takes in the comment lines
    right above its header (they describe it), ``end`` leaves out the blank and comment lines after it."""

    start: int
    end: int
    name: str | None


def _spans(lines: list[str]) -> list[_Span]:
    """Every ``[[boards]]`` block of ``lines``, in file order."""
    heads = [i for i, line in enumerate(lines) if line.strip() == "[[boards]]"]
    spans: list[_Span] = []
    for head in heads:
        end = next(
            (i for i in range(head + 1, len(lines)) if _is_header(lines[i]) and not _is_board_subtable(lines[i])),
            len(lines),
        )
        while end > head + 1 and _is_filler(lines[end - 1]):
            end -= 1
        start, floor = head, spans[-1].end if spans else 0
        while start > floor and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        names = re.findall(r'^\s*name\s*=\s*(".*?"|\'.*?\')\s*$', "".join(lines[head:end]), re.M)
        spans.append(_Span(start, end, _unquote(names[0]) if names else None))
    return spans


def _is_filler(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _find(path: Path, lines: list[str], name: str) -> tuple[int, list[_Span]]:
    spans = _spans(lines)
    for n, span in enumerate(spans):
        if span.name == name:
            return n, spans
    raise ConfigError(
        path, "boards", _("could not find the block of board {name!r}; edit the file by hand").format(name=name)
    )


def rename_board(path: Path, name: str, new_name: str, title: str) -> Config:
    """Give board ``name`` the name ``new_name`` and the display title ``title`` (empty: none)."""
    current = load_config(path)
    if current.board(name) is None:
        raise ConfigError(path, "boards", _("no board named {name!r}").format(name=name))
    if new_name != name and current.board(new_name):
        raise ConfigError(path, "boards", _("a board named {name!r} already exists").format(name=new_name))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    span = _spans(lines)[_find(path, lines, name)[0]]
    block = _renamed(lines[span.start : span.end], new_name, title)
    result = _replace(path, "".join(lines[: span.start] + block + lines[span.end :]))
    renamed = result.board(new_name)
    if renamed is None or renamed.title != title or len(result.boards) != len(current.boards):
        raise ConfigError(path, "boards", _("could not rename the board cleanly; edit the file by hand"))
    return result


def _renamed(block: list[str], new_name: str, title: str) -> list[str]:
    """A board block's lines with its ``name`` line replaced and its ``title`` line replaced, added or
    dropped (an empty ``title``)."""
    block = list(block)
    if block and not block[-1].endswith("\n"):
        block[-1] += "\n"
    # Only the block's own keys, above any [boards.profile] sub-table (whose keys may be called anything).
    own = next((i for i, line in enumerate(block) if _is_board_subtable(line)), len(block))
    at_name = next(i for i in range(own) if re.match(r"\s*name\s*=", block[i]))
    block[at_name] = f"name = {toml_value(new_name)}\n"
    at_title = next((i for i in range(own) if re.match(r"\s*title\s*=", block[i])), None)
    if at_title is not None:
        del block[at_title]
        if at_title < at_name:  # a title written above the name
            at_name -= 1
    if title:
        block.insert(at_name + 1, f"title = {toml_value(title)}\n")
    return block


def move_board(path: Path, name: str, offset: int) -> Config:
    """Move board ``name`` one place up (``offset`` -1) or down (+1) in the file's order of boards; the
    blank lines and sections between blocks stay where they were.  At either end nothing changes."""
    current = load_config(path)
    if current.board(name) is None:
        raise ConfigError(path, "boards", _("no board named {name!r}").format(name=name))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n, spans = _find(path, lines, name)
    other = n + offset
    if not 0 <= other < len(spans) or offset not in (-1, 1):
        return current
    first, second = sorted((spans[n], spans[other]), key=lambda s: s.start)

    def text(span: _Span) -> list[str]:
        block = lines[span.start : span.end]
        return [*block[:-1], block[-1] if block[-1].endswith("\n") else block[-1] + "\n"]

    swapped = [*lines[: first.start], *text(second), *lines[first.end : second.start], *text(first)]
    swapped += lines[second.end :]
    result = _replace(path, "".join(swapped))
    order = [b.name for b in current.boards]
    order[n], order[other] = order[other], order[n]
    if [b.name for b in result.boards] != order:
        raise ConfigError(path, "boards", _("could not move the board cleanly; edit the file by hand"))
    return result


def set_setting(path: Path, name: str, value: str | int | float | bool) -> Config:
    """Set ``[settings] name = value`` in the config at ``path``, touching no other line: the key's line is
    replaced where it is, or added under the ``[settings]`` header (which is added at the top when absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    line = f"{name} = {toml_value(value)}\n"
    header = next((i for i, raw in enumerate(lines) if raw.strip().split("#")[0].strip() == "[settings]"), None)
    if header is None:
        return _replace(path, "[settings]\n" + line + ("\n" if text else "") + text)
    end = next((i for i in range(header + 1, len(lines)) if _is_header(lines[i])), len(lines))
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
    for i in range(header + 1, end):
        if pattern.match(lines[i]):
            lines[i] = line
            return _replace(path, "".join(lines))
    lines.insert(header + 1, line)
    return _replace(path, "".join(lines))
