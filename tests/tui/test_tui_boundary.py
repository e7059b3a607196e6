"""The layers stay apart: only ``noticetui.tui`` imports Textual, and engines never touch the network or the store.

Every module is found with ``pkgutil.walk_packages`` (nothing listed by hand, so a new module is covered the
day it is added) and its imports are read from its source with ``ast``: that covers imports inside
functions too, which an import-and-look check would miss. One subprocess check then imports the whole
headless core to catch Textual arriving through another package.
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import noticetui

UI = ("textual", "textual_image")
"""Packages only the TUI may import (textual-image is built on Textual)."""
IO = ("httpx", "sqlite3", "socket", "urllib.request", "noticetui.net", "noticetui.store", "noticetui.sync")
"""What an engine may not import: engines are pure, HTML in and models out (docs/architecture.md)."""


@cache
def all_modules() -> dict[str, Path]:
    """Every module of the package (``__main__`` modules included) and its source file."""
    found = {"noticetui": Path(noticetui.__file__)}
    for info in pkgutil.walk_packages(noticetui.__path__, "noticetui."):
        spec = importlib.util.find_spec(info.name)
        assert spec is not None and spec.origin is not None, info.name
        found[info.name] = Path(spec.origin)
    return found


def imported_names(module: str, path: Path) -> set[str]:
    """The absolute names a module imports anywhere in its source (relative imports resolved)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def offending(module: str, banned: tuple[str, ...]) -> list[str]:
    """The names ``module`` imports that are, or live under, one of ``banned``."""
    names = imported_names(module, all_modules()[module])
    return sorted(n for n in names if any(n == b or n.startswith(f"{b}.") for b in banned))


def headless() -> list[str]:
    return [m for m in all_modules() if m != "noticetui.tui" and not m.startswith("noticetui.tui.")]


def engines() -> list[str]:
    return [m for m in all_modules() if m == "noticetui.engines" or m.startswith("noticetui.engines.")]


def test_the_walk_finds_every_layer() -> None:
    # A walk that silently found nothing would make every check below pass.
    modules = all_modules()
    assert len(modules) > 100
    for expected in ("noticetui.engines.generic.engine", "noticetui.cli.posts_cmds", "noticetui.demo.sites.egov"):
        assert expected in modules
    assert len(engines()) > 10


@pytest.mark.parametrize("module", headless())
def test_the_headless_core_never_imports_textual(module: str) -> None:
    assert offending(module, UI) == []


@pytest.mark.parametrize("module", engines())
def test_engines_import_neither_the_network_nor_the_store(module: str) -> None:
    assert offending(module, IO) == []


def test_the_scan_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text("from ..net import fetch\n\ndef later():\n    import textual.app\n", encoding="utf-8")
    names = imported_names("noticetui.engines.sample", source)
    assert {"noticetui.net", "noticetui.net.fetch", "textual.app"} <= names


def test_the_whole_headless_core_loads_without_textual() -> None:
    # Catches Textual arriving indirectly, through a third-party package or an import the scan cannot see.
    names = [m for m in headless() if not m.endswith("__main__")]
    check = f"import importlib, sys\nfor m in {names!r}: importlib.import_module(m)\nsys.exit('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", check], check=False, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0


def test_the_app_module_does_load_textual() -> None:
    check = "import sys; import noticetui.tui.app; sys.exit('textual' not in sys.modules)"
    done = subprocess.run([sys.executable, "-c", check], check=False, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0
