"""Print a pip constraints file pinning every direct dependency to its declared floor.

``.ci/run`` installs with it (``pip install -c``) to check that every lower bound in pyproject.toml is a
version the code runs on; a floor that is not gets raised in pyproject.toml, not here.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def floors(pyproject: Path) -> list[str]:
    """``name==floor`` for each runtime and dev requirement written ``name>=floor``."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project.get("optional-dependencies", {}).get("dev", [])]
    pins = []
    for requirement in wanted:
        match = FLOOR.match(requirement)
        if match is None:
            sys.exit(f"{pyproject}: {requirement!r} has no '>=' floor to test")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    print("\n".join(floors(Path(__file__).resolve().parent.parent / "pyproject.toml")))
