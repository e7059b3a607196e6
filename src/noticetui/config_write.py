"""Changing ``config.toml`` from the command line without disturbing what the user wrote.

``add`` appends a ``[[boards]]`` block to the file's text and ``remove`` cuts one block out, so comments
and formatting elsewhere in the file stay as they were.  Every change is checked by parsing the result
before it replaces the file (atomically).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from noticetui.config import BoardConfig, Config, ConfigError, load_config


def toml_value(value: Any) -> str:
    """``value`` as a TOML literal (strings, numbers and booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(str(value), ensure_ascii=False)


def board_block(board: BoardConfig) -> str:
    """The ``[[boards]]`` block that describes ``board``."""
    lines = ["[[boards]]", f"name = {toml_value(board.name)}", f"url = {toml_value(board.url)}"]
    lines.append(f"engine = {toml_value(board.engine)}")
    lines.append(f"pages = {board.pages}")
    if board.timezone != "Asia/Seoul":
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
        raise ConfigError(path, "boards", f"a board named {board.name!r} already exists")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    text += ("\n" if text else "") + board_block(board)
    return _replace(path, text)


def remove_board(path: Path, name: str) -> Config:
    """Remove the board called ``name`` from the config at ``path``; ConfigError if there is none."""
    current = load_config(path)
    if current.board(name) is None:
        raise ConfigError(path, "boards", f"no board named {name!r}")
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
            raise ConfigError(path, "boards", "could not remove the board cleanly; edit the file by hand")
    raise ConfigError(path, "boards", f"could not find the block of board {name!r}; edit the file by hand")


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
