"""Names for a new file that never overwrite one: ``name.ext``, then ``name (2).ext``, ``name (3).ext``…"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path


def numbered(path: Path) -> Iterator[Path]:
    """``path``, then ``path`` with `` (2)``, `` (3)``… before its suffix, without end."""
    yield path
    for n in itertools.count(2):
        yield path.with_name(f"{path.stem} ({n}){path.suffix}")


def free_path(path: Path) -> Path:
    """``path``, or the first numbered name after it that no file has taken yet."""
    return next(candidate for candidate in numbered(path) if not candidate.exists())
