"""New file names that never overwrite: the numbered names after a taken one."""

import itertools
from pathlib import Path

from noticetui.free_names import free_path, numbered


def test_numbered_names_count_up_before_the_suffix() -> None:
    names = [p.name for p in itertools.islice(numbered(Path("/d/공고문.hwp")), 3)]
    assert names == ["공고문.hwp", "공고문 (2).hwp", "공고문 (3).hwp"]


def test_a_free_path_skips_every_taken_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1")
    (tmp_path / "a (2).txt").write_text("2")
    assert free_path(tmp_path / "a.txt") == tmp_path / "a (3).txt"
    assert free_path(tmp_path / "b.txt") == tmp_path / "b.txt"
