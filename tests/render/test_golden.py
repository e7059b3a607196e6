"""Golden files: each ``golden/NAME.html`` rendered at 80 and 120 columns must match ``NAME.WIDTH.txt``.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/render`` and read every changed file before keeping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from noticetui.render import render_html, to_plain

GOLDEN = Path(__file__).parent / "golden"
BASE_URL = "https://www.hanbit.go.kr/bbs/board.php?bo_table=notice&wr_id=42"
CASES = [(path, width) for path in sorted(GOLDEN.glob("*.html")) for width in (80, 120)]


@pytest.mark.parametrize(("source", "width"), CASES, ids=[f"{p.stem}-{w}" for p, w in CASES])
def test_rendering_matches_golden_file(source: Path, width: int) -> None:
    expected_path = source.with_suffix(f".{width}.txt")
    actual = to_plain(render_html(source.read_text(encoding="utf-8"), BASE_URL), width) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"no golden file {expected_path.name}: run with UPDATE_GOLDEN=1"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_golden_input_has_both_widths() -> None:
    names = {p.name for p in GOLDEN.iterdir()}
    for source in GOLDEN.glob("*.html"):
        assert {f"{source.stem}.80.txt", f"{source.stem}.120.txt"} <= names
