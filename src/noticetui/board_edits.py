"""Changes to the followed boards beyond what ``config_write`` does to the file: the checks a name must
pass, and the cache following a board that is renamed (its posts are keyed by the board's name)."""

from __future__ import annotations

from noticetui.config import NAME_RE, Config, ConfigError
from noticetui.config_write import rename_board
from noticetui.context import AppContext
from noticetui.i18n import _


def name_problem(ctx: AppContext, name: str, current: str | None = None) -> str | None:
    """Why ``name`` cannot name a board (``current`` is the board being renamed), or None when it can."""
    if not NAME_RE.match(name):
        return _("{name!r} is not a usable name (letters, digits, _ . -)").format(name=name)
    if name == current:
        return None
    if ctx.config.board(name):
        return _("a board named {name!r} already exists").format(name=name)
    if current is not None and ctx.store.board(name) is not None:
        # Renaming onto a removed board's cached posts would mix two boards' posts under one name.
        return _("the cache still holds posts of a board named {name!r} (noticetui remove {name} --purge)").format(
            name=name
        )
    return None


def rename(ctx: AppContext, name: str, new_name: str, title: str) -> Config:
    """Rename board ``name`` to ``new_name`` with display title ``title`` in config.toml, and move its
    cached posts to the new name; ``ctx.config`` becomes the file's new content.  ConfigError when the
    new name is refused or the file cannot be changed (nothing is changed then)."""
    problem = name_problem(ctx, new_name, name)
    if problem:
        raise ConfigError(ctx.paths.config_file, "boards", problem)
    config = rename_board(ctx.paths.config_file, name, new_name, title.strip())
    if new_name != name:
        with ctx.store.transaction() as conn:  # one row: the posts point at it by id
            conn.execute("UPDATE boards SET name = ? WHERE name = ?", (new_name, name))
    ctx.config = config
    return config
