"""Where noticetui keeps its files.

By default the platform's own places (via platformdirs): the config in the user config dir, the cache
database in the user data dir, downloads in the user downloads dir under ``noticetui/``.  When
``NOTICETUI_HOME`` is set, all three live under that one directory instead; tests and scripts rely on it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "noticetui"
HOME_ENV = "NOTICETUI_HOME"


@dataclass(frozen=True)
class Paths:
    """The three places noticetui reads and writes."""

    config_file: Path
    """The user's ``config.toml``."""
    database: Path
    """The SQLite cache."""
    downloads: Path
    """Where attachments are saved unless ``--to`` says otherwise."""


def resolve_paths(environ: dict[str, str] | None = None) -> Paths:
    """The paths for this run, honouring ``NOTICETUI_HOME``."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return Paths(root / "config.toml", root / "noticetui.sqlite3", root / "downloads")
    return Paths(
        config_file=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml",
        database=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "noticetui.sqlite3",
        downloads=Path(platformdirs.user_downloads_dir()) / APP_NAME,
    )
