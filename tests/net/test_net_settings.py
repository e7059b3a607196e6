"""The network settings of ``[settings]``: read, checked, and handed to the fetcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.config import ConfigError, Settings, load_config
from noticetui.context import AppContext, make_fetcher


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_net_settings_have_documented_defaults() -> None:
    settings = Settings()
    assert (settings.retries, settings.retry_backoff) == (2, 0.5)
    assert (settings.page_limit, settings.file_limit) == (20_000_000, 500_000_000)
    assert (settings.min_rate, settings.rate_window, settings.downloads_parallel) == (1024.0, 30.0, 3)


def test_net_settings_are_read_and_reach_the_fetcher(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    _write(
        home,
        "[settings]\nretries = 0\nretry_backoff = 0.01\npage_limit = 1000\nfile_limit = 2000\n"
        "min_rate = 10\nrate_window = 2\ndownloads_parallel = 5\n",
    )
    ctx = AppContext.for_home(home)
    try:
        settings = ctx.config.settings
        assert (settings.retries, settings.page_limit, settings.downloads_parallel) == (0, 1000, 5)
        fetcher = make_fetcher(ctx)
        assert fetcher.file_limits.max_bytes == 2000
        assert (fetcher.file_limits.min_rate, fetcher.file_limits.window) == (10.0, 2.0)
    finally:
        ctx.close()


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("retries = -1", "settings.retries"),
        ("timeout = 0", "settings.timeout"),
        ("per_host = 0", "settings.per_host"),
        ("retry_backoff = -0.5", "settings.retry_backoff"),
        ("page_limit = 0", "settings.page_limit"),
        ("file_limit = 'big'", "settings.file_limit"),
        ("rate_window = 0", "settings.rate_window"),
        ("downloads_parallel = 0", "settings.downloads_parallel"),
    ],
)
def test_a_bad_net_setting_names_its_key(tmp_path: Path, line: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(_write(tmp_path, f"[settings]\n{line}\n"))
    assert key in str(caught.value)
