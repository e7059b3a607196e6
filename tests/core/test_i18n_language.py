"""Which language the UI speaks: ``ui_language`` in the config, or the locale when it is ``auto``."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticetui.config import ConfigError, load_config
from noticetui.i18n import _, language, ngettext, resolve_language, set_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),  # LC_ALL wins over LANG
        ({"LC_ALL": "", "LC_MESSAGES": "ko_KR", "LANG": "en_US"}, "ko"),  # an empty one is skipped
        ({"LC_MESSAGES": "en_GB", "LANG": "ko_KR"}, "en"),
        ({"LC_ALL": "ko"}, "ko"),
    ],
)
def test_auto_follows_the_first_set_locale_variable(environ: dict[str, str], expected: str) -> None:
    assert resolve_language("auto", environ) == expected


def test_an_explicit_language_ignores_the_locale() -> None:
    assert resolve_language("en", {"LANG": "ko_KR.UTF-8"}) == "en"
    assert resolve_language("ko", {"LANG": "C"}) == "ko"


def test_one_process_can_switch_between_english_and_korean() -> None:
    assert set_language("ko") == "ko" and language() == "ko"
    assert _("Quit") == "종료"
    assert ngettext("Sync done: {n} board", "Sync done: {n} boards", 2).format(n=2) == "동기화 완료: 게시판 2개"
    set_language("en")
    assert _("Quit") == "Quit"
    assert ngettext("Sync done: {n} board", "Sync done: {n} boards", 2).format(n=2) == "Sync done: 2 boards"


def test_a_message_without_korean_stays_english() -> None:
    set_language("ko")
    assert _("a message nobody translated") == "a message nobody translated"


def test_ui_language_is_read_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[settings]\nui_language = "ko"\n', encoding="utf-8")
    assert load_config(path).settings.ui_language == "ko"
    path.write_text("[settings]\n", encoding="utf-8")
    assert load_config(path).settings.ui_language == "auto"


def test_an_unknown_ui_language_is_one_config_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[settings]\nui_language = "fr"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == "settings.ui_language" and "'fr'" in str(caught.value)
