"""``[[searches]]`` in config.toml: saved searches that ``serve`` turns into feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.config import ConfigError, SavedSearch, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_saved_searches_are_read_in_order(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[[searches]]\nname = "grants"\nquery = "지원사업"\n\n[[searches]]\nname = "hwp"\nquery = "공고 hwp"\n',
        )
    )
    assert config.searches == [SavedSearch("grants", "지원사업"), SavedSearch("hwp", "공고 hwp")]
    assert config.search("hwp") == SavedSearch("hwp", "공고 hwp") and config.search("none") is None


def test_a_config_without_searches_has_none(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")).searches == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[[searches]]\nname = "a b"\nquery = "x"\n', "searches[0].name"),
        ('[[searches]]\nname = "a"\n', "searches[0].query"),
        ('[[searches]]\nname = "a"\nquery = "  "\n', "searches[0].query"),
        ('[[searches]]\nname = "a"\nquery = "x"\ncolor = 1\n', "searches[0].color"),
        ('[[searches]]\nname = "a"\nquery = "x"\n[[searches]]\nname = "a"\nquery = "y"\n', "searches[1].name"),
        ('[[searches]]\nname = "a"\nquery = "공고 after:yesterday"\n', "searches[0].query"),
        ('searches = "x"\n', "searches"),
    ],
)
def test_a_bad_saved_search_names_its_key(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert caught.value.key == key
