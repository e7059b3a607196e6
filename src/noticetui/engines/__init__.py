"""Board engines: the registry and engine detection.

Every module in this package that defines ``ENGINE`` (an :class:`~noticetui.engines.base.Engine`) is an
engine, and so is every subpackage whose ``engine`` module defines one (``generic/``, ``egov/``…, which keep
their helper modules beside it); adding a module is all it takes to add one.  ``base`` is the interface
engines implement and ``common/`` the helpers several engines share: neither is an engine.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from functools import cache

from noticetui.engines.base import Doc, Engine


@cache
def all_engines() -> dict[str, Engine]:
    """Every engine by name, discovered from this package's modules."""
    found: dict[str, Engine] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        name = f"{__name__}.{info.name}.engine" if info.ispkg else f"{__name__}.{info.name}"
        if info.ispkg and importlib.util.find_spec(name) is None:
            continue  # a package of helpers (common/)
        module = importlib.import_module(name)
        engine = getattr(module, "ENGINE", None)
        if isinstance(engine, Engine):
            found[engine.name] = engine
    return found


def get_engine(name: str) -> Engine:
    """The engine called ``name``; KeyError listing the known names when there is none."""
    engines = all_engines()
    if name not in engines:
        raise KeyError(f"unknown engine {name!r} (known: {', '.join(sorted(engines))})")
    return engines[name]


@dataclass(frozen=True)
class Detection:
    """One engine's verdict on a page."""

    engine: Engine
    score: float


def detect(url: str, doc: Doc) -> list[Detection]:
    """Every engine's score for the page at ``url``, best first (ties broken by name)."""
    scored = [Detection(engine, max(0.0, min(1.0, engine.score(url, doc)))) for engine in all_engines().values()]
    return sorted(scored, key=lambda d: (-d.score, d.engine.name))
