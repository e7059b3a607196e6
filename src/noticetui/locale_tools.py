"""Keep the message catalogue in step with the code (a developer's tool; it needs Babel, a dev dependency).

    python -m noticetui.locale_tools update    # extract _() / N_() / N_plural() / ngettext() and the keys' labels, merge, compile
    python -m noticetui.locale_tools check     # list the messages that have no Korean yet (exit 1 if any)

``update`` rewrites ``locale/noticetui.pot`` from the code (and from the labels and tips of the action
registry, ``tui/actions.toml``), adds its new messages (untranslated) to each
``<lang>/LC_MESSAGES/noticetui.po``, drops the ones the code no longer has, and compiles each ``.po`` to
the ``.mo`` that is shipped.  Translate the new entries in the ``.po`` and run ``update`` again.
"""

from __future__ import annotations

import io
import sys
import tomllib
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from noticetui.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE_DIR = Path(__file__).parent
KEYWORDS = {"_": None, "N_": None, "N_plural": (1, 2), "ngettext": (1, 2)}
"""The functions whose string arguments are messages."""
METHODS = [("**.py", "python"), ("tui/actions.toml", "noticetui.locale_tools:extract_registry")]
"""How each file holding messages is read (paths relative to the package)."""
REGISTRY_MESSAGES = ("label", "tip")
"""The keys of ``actions.toml`` whose values are messages."""
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
"""The header's dates, fixed: a date that changed at every run would make every merge of the files clash."""


def _new_catalog(locale: str | None = None) -> Catalog:
    catalog = Catalog(
        locale=locale,
        project=DOMAIN,
        version="",
        copyright_holder="the noticetui authors",
        msgid_bugs_address="",
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="noticetui",
        language_team="Korean" if locale == "ko" else "",
        charset="utf-8",
        fuzzy=False,
    )
    return catalog


def extract_registry(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, object]
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method for ``actions.toml``: each action's label and tip, with its line.

    The registry writes each of them on one line (``label = "Quit"``), so a line is read as a TOML document
    of its own; ``tests/core/test_i18n_catalogue.py`` checks that this finds every label and tip.
    """
    for lineno, line in enumerate(fileobj.read().decode("utf-8").splitlines(), 1):
        key = line.partition("=")[0].strip()
        if key in REGISTRY_MESSAGES:
            yield lineno, None, tomllib.loads(line)[key], []


def extract(package_dir: Path = PACKAGE_DIR) -> Catalog:
    """Every message of the code under ``package_dir`` (and of its action registry), with where it is used."""
    catalog = _new_catalog()
    found = extract_from_dir(str(package_dir), method_map=METHODS, keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, locations=[(f"noticetui/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str) -> Path:
    """The translations of ``lang``, as edited by hand."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    """The ``.po`` at ``path``."""
    with path.open("rb") as f:
        return read_po(f)


def compile_catalog(catalog: Catalog) -> bytes:
    """The ``.mo`` of ``catalog`` (fuzzy entries left out, as msgfmt does)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog, template: Catalog) -> list[str]:
    """The messages of ``template`` that ``catalog`` does not translate (missing, empty or fuzzy)."""
    missing: list[str] = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        strings = entry.string if entry is not None else None
        ok = all(strings) if isinstance(strings, (list, tuple)) else bool(strings)
        if entry is None or not ok or entry.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False, no_location=False, include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update() -> list[str]:
    """Re-extract, merge into every language's ``.po`` and compile; returns the untranslated messages."""
    template = extract()
    _write(LOCALE_DIR / f"{DOMAIN}.pot", template)
    missing: list[str] = []
    for lang in LANGUAGES:
        if lang == "en":
            continue
        path = po_path(lang)
        catalog = read_catalog(path) if path.exists() else _new_catalog(lang)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = STAMP
        catalog.fuzzy = False
        _write(path, catalog)
        path.with_suffix(".mo").write_bytes(compile_catalog(read_catalog(path)))
        missing += [f"{lang}: {m}" for m in untranslated(catalog, template)]
    return missing


def main(argv: Sequence[str] | None = None) -> int:
    """``update`` or ``check``; exit 1 when a message lacks a translation."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in (["update"], ["check"]):
        sys.stderr.write("usage: python -m noticetui.locale_tools update|check\n")
        return 2
    if args == ["update"]:
        missing = update()
    else:
        missing = [
            f"{lang}: {m}"
            for lang in LANGUAGES
            if lang != "en"
            for m in untranslated(read_catalog(po_path(lang)), extract())
        ]
    for line in missing:
        print(f"untranslated {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
