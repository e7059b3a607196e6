"""No function in ``src/`` (outside the sample sites of ``demo/``) is more tangled than cyclomatic complexity 15.

Measured with radon, the figure ``radon cc -s src`` prints. The functions that were already past the limit
when the check came are listed in ``KNOWN`` with the issue that splits them, at their current score: they
may not grow, and each entry must go once its function is split (the test says so), so the list only shrinks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from radon.complexity import cc_visit

LIMIT = 15
SRC = Path(__file__).resolve().parent.parent / "src" / "noticetui"
EXCLUDED = ("demo",)
"""The sample sites imitate real PHP/JSP templates and are not product code."""

KNOWN: dict[str, tuple[int, str]] = {
    # name: (its complexity when listed, the issue that splits it)
}


def _blocks(blocks: Iterable[Any], prefix: str = "") -> Iterator[tuple[str, int]]:
    """``(qualified name, complexity)`` of every function, method and nested function."""
    for block in blocks:
        if hasattr(block, "methods"):  # a class
            yield from _blocks(block.methods, f"{prefix}{block.name}.")
            yield from _blocks(block.inner_classes, f"{prefix}{block.name}.")
        else:
            name = f"{prefix}{block.classname}.{block.name}" if block.is_method and not prefix else prefix + block.name
            yield name, block.complexity
            yield from _blocks(block.closures, f"{name}.")


def complexities() -> dict[str, int]:
    """Every function of the product code by ``path:qualified name``."""
    found: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative.parts[0] in EXCLUDED:
            continue
        for name, score in _blocks(cc_visit(path.read_text(encoding="utf-8"))):
            found[f"{relative.as_posix()}:{name}"] = score
    return found


def test_the_scan_sees_methods_and_nested_functions() -> None:
    found = complexities()
    assert "previews/hwp_records.py:section_lines" in found
    assert "previews/hwp_records.py:_Table.take" in found
    assert len(found) > 500


def test_no_new_function_is_above_the_limit() -> None:
    found = complexities()
    over = {name: score for name, score in found.items() if score > LIMIT and name not in KNOWN}
    assert over == {}, f"split these (cyclomatic complexity above {LIMIT}): {over}"


def test_known_offenders_do_not_grow() -> None:
    found = complexities()
    grown = {name: (found[name], score) for name, (score, _issue) in KNOWN.items() if found.get(name, 0) > score}
    assert grown == {}, f"(now, when listed) for listed functions that grew: {grown}"


def test_the_list_of_known_offenders_only_shrinks() -> None:
    found = complexities()
    done = sorted(name for name in KNOWN if found.get(name, 0) <= LIMIT)
    assert done == [], f"split or gone: remove from KNOWN in tests/test_complexity.py: {done}"
