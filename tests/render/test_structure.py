"""The renderer's modules import each other without a cycle (each can be read on its own)."""

from __future__ import annotations

import ast
from pathlib import Path

import noticetui.render

PACKAGE = Path(noticetui.render.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The render modules that the module at ``path`` imports at its top level."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module == "noticetui.render":
            found |= {alias.name for alias in node.names if (PACKAGE / f"{alias.name}.py").exists()}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("noticetui.render."):
            found.add((node.module or "").split(".")[2])
    return found


def test_render_modules_import_each_other_without_a_cycle() -> None:
    graph = {path.stem: imports_of(path) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        assert module not in trail, " -> ".join([*trail, module])
        if module in done:
            return
        for imported in sorted(graph.get(module, set())):
            visit(imported, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert "tables" in graph["layout"]  # the graph was read
