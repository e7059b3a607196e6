"""Watch words: matching that ignores case and spaces, highlight spans, and the config keys."""

from pathlib import Path

import pytest

from noticetui.config import ConfigError, load_config
from noticetui.watch import matches, spans


def test_a_watch_word_matches_whatever_the_spacing_and_case() -> None:
    title = "2026년 청년 지원 사업 공고 (AI 채용)"
    assert matches(title, ["지원사업", "ai채용", "없는말"]) == ["지원사업", "ai채용"]
    assert matches(title, []) == []


def test_spans_cover_each_occurrence_in_the_title_as_given() -> None:
    title = "채용 공고: 지원 사업 채용"
    found = spans(title, ["채용", "지원사업"])
    assert [title[a:b] for a, b in found] == ["채용", "지원 사업", "채용"]


def test_watch_words_come_from_settings_and_from_each_board(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[settings]\nwatch = ["지원사업"]\nnotify_command = ["my-notify", "--urgent"]\n\n'
        '[[boards]]\nname = "n"\nurl = "http://x.kr/"\nwatch = ["채용"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.settings.watch == ("지원사업",)
    assert config.settings.notify_command == ("my-notify", "--urgent")
    assert config.boards[0].watch == ("채용",)


@pytest.mark.parametrize("value", ['"채용"', "[1, 2]", '[""]'])
def test_a_watch_list_of_the_wrong_shape_is_one_line_naming_the_key(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[settings]\nwatch = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings\.watch: expected a list of words"):
        load_config(path)


def test_a_board_added_with_watch_words_reads_back_the_same(tmp_path: Path) -> None:
    from noticetui.config import BoardConfig
    from noticetui.config_write import add_board

    path = tmp_path / "config.toml"
    add_board(path, BoardConfig(name="n", url="http://x.kr/", watch=("채용", 'say "hi"')))
    assert load_config(path).boards[0].watch == ("채용", 'say "hi"')
