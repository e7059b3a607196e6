"""The message catalogue: every message of the code has its Korean, and the shipped .mo is the .po compiled.

A string someone wraps in ``_()`` without adding its Korean fails here, with the message named; run
``python -m noticetui.locale_tools update``, translate the new entries of ``ko/LC_MESSAGES/noticetui.po``
and run it again.
"""

from __future__ import annotations

import gettext
import io
import re
import string
from collections.abc import Iterator
from pathlib import Path

from noticetui.i18n import LOCALE_DIR
from noticetui.locale_tools import compile_catalog, extract, po_path, read_catalog, untranslated


def test_every_message_of_the_code_has_its_korean() -> None:
    missing = untranslated(read_catalog(po_path("ko")), extract())
    assert missing == [], f"untranslated (run python -m noticetui.locale_tools update): {missing}"


def messages_of(mo: bytes) -> dict[object, str]:
    """What a compiled catalogue says, as gettext reads it, without its header (Babel versions lay the bytes
    out differently and sign the header with their own version)."""
    messages = dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def test_the_shipped_mo_is_the_po_compiled() -> None:
    shipped = messages_of(po_path("ko").with_suffix(".mo").read_bytes())
    compiled = messages_of(compile_catalog(read_catalog(po_path("ko"))))
    assert shipped == compiled, "run python -m noticetui.locale_tools update"


def test_the_template_lists_what_the_code_says() -> None:
    with (LOCALE_DIR / "noticetui.pot").open("rb") as f:
        from babel.messages.pofile import read_po

        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    code = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    assert template == code, "run python -m noticetui.locale_tools update"


def _fields(text: str) -> list[str]:
    return sorted(f"{name}!{conv}" for _, name, _, conv in string.Formatter().parse(text) if name is not None)


def _translations(*, percent_formatted: bool = False) -> Iterator[tuple[str, str]]:
    """``(msgid, translation)`` for each translated form of the Korean catalogue (the plural msgid for a
    plural's forms); only argparse-style ``%`` messages with ``percent_formatted``."""
    for message in read_catalog(po_path("ko")):
        if not message.id or not message.string or (percent_formatted and "python-format" not in message.flags):
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for translation in strings:
            yield ids[-1], translation


def test_translations_keep_every_placeholder() -> None:
    for msgid, translation in _translations():
        assert _fields(translation) == _fields(msgid), f"{msgid!r} → {translation!r}"


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[a-zA-Z%]")


def test_translations_keep_every_percent_placeholder() -> None:
    # argparse's words (cli/argparse_words.py) are %-formatted by argparse itself: "%(prog)s", "%s", "%r".
    for msgid, translation in _translations(percent_formatted=True):
        assert sorted(_PERCENT.findall(translation)) == sorted(_PERCENT.findall(msgid)), f"{msgid!r} → {translation!r}"


def test_the_mo_loads_with_gettext() -> None:
    translations = gettext.GNUTranslations(io.BytesIO(po_path("ko").with_suffix(".mo").read_bytes()))
    assert translations.gettext("Quit") == "종료"
    assert translations.ngettext("{n} file", "{n} files", 3) == "파일 {n}개"
    assert re.search(r"[가-힣]", translations.gettext("views {n}"))


def test_every_key_label_and_tip_of_the_registry_has_its_korean() -> None:
    from noticetui.tui.actions import ACTIONS

    korean = read_catalog(po_path("ko"))
    lacking = [text for a in ACTIONS for text in (a.label, a.tip) if not (m := korean.get(text)) or not m.string]
    assert lacking == [], f"untranslated (run python -m noticetui.locale_tools update): {lacking}"


def test_extraction_finds_every_label_and_tip_of_the_registry_at_its_line() -> None:
    from noticetui.tui.actions import ACTIONS, REGISTRY_FILE

    found = {m.id: m.locations for m in extract() if any(path.endswith("actions.toml") for path, _ in m.locations)}
    assert set(found) == {text for a in ACTIONS for text in (a.label, a.tip)}
    lines = REGISTRY_FILE.read_text(encoding="utf-8").splitlines()
    path, line = found["Quit"][0]
    assert path == "noticetui/tui/actions.toml" and lines[line - 1] == 'label = "Quit"'


def test_a_registry_label_without_korean_is_reported(tmp_path: Path) -> None:
    registry = tmp_path / "tui" / "actions.toml"
    registry.parent.mkdir()
    registry.write_text(
        '[[action]]\nname = "frob"\nkeys = "z"\narea = "main"\nlabel = "Frobnicate"\ntip = "Show every key"\n',
        encoding="utf-8",
    )
    assert untranslated(read_catalog(po_path("ko")), extract(tmp_path)) == ["Frobnicate"]
