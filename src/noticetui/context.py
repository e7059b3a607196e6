"""What one run of noticetui works with: its paths, the user's config and the open cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from noticetui.config import BoardConfig, Config, load_config
from noticetui.paths import Paths, resolve_paths
from noticetui.store import Store

if TYPE_CHECKING:
    from noticetui.net.fetch import Fetcher


@dataclass
class AppContext:
    """The paths, config and store of a run; the CLI and the TUI both start from one."""

    paths: Paths
    config: Config
    store: Store

    @classmethod
    def load(cls, paths: Paths | None = None) -> AppContext:
        """Read the config and open the cache (ConfigError or StoreError when either is unusable)."""
        resolved = paths or resolve_paths()
        config = load_config(resolved.config_file)
        return cls(resolved, config, Store.open(resolved.database))

    @classmethod
    def for_home(cls, home: Path) -> AppContext:
        """A context rooted in ``home``, as ``NOTICETUI_HOME`` would give (for tests and the demo)."""
        return cls.load(resolve_paths({"NOTICETUI_HOME": str(home)}))

    def board(self, name: str) -> BoardConfig | None:
        """The configured board called ``name``."""
        return self.config.board(name)

    def board_id(self, board: BoardConfig, engine: str | None = None) -> int:
        """The store's id of ``board``, registering it on first use."""
        return self.store.ensure_board(board.name, board.url, engine or board.engine, board.title)

    @property
    def download_dir(self) -> Path:
        """Where attachments are saved by default."""
        custom = self.config.settings.download_dir
        return Path(custom).expanduser() if custom else self.paths.downloads

    def close(self) -> None:
        """Close the cache."""
        self.store.close()


def make_fetcher(ctx: AppContext) -> Fetcher:
    """A fetcher set up from the config's settings (use it as an async context manager)."""
    from noticetui.net.fetch import DEFAULT_USER_AGENT, Fetcher  # httpx: only where there is a request

    settings = ctx.config.settings
    return Fetcher(
        user_agent=settings.user_agent or DEFAULT_USER_AGENT,
        timeout=settings.timeout,
        per_host=settings.per_host,
        delay=settings.delay,
        retries=settings.retries,
        backoff=settings.retry_backoff,
        max_bytes=settings.page_limit,
        file_limit=settings.file_limit,
        min_rate=settings.min_rate,
        rate_window=settings.rate_window,
    )
