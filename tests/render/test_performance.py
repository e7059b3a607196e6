"""Speed: a 200 KB pasted body is parsed once and laid out at any width (figures, not assertions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from noticetui.render import Document, blocks, render_html, to_plain, to_rich

GOLDEN = Path(__file__).parent / "golden"


def big_body(size: int = 200_000) -> str:
    """A press-release-and-tables body of about ``size`` bytes, as long HWP/Word pastes are."""
    unit = (GOLDEN / "press_release.html").read_text(encoding="utf-8") + (GOLDEN / "tables.html").read_text(
        encoding="utf-8"
    )
    return unit * (size // len(unit.encode()) + 1)


def test_layout_does_not_parse_again(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = render_html(big_body(20_000))

    def fail(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(blocks, "LexborHTMLParser", fail)
    assert to_plain(doc, 60) and to_rich(doc, 100).plain


def test_benchmark_render_200kb_body(benchmark: BenchmarkFixture) -> None:
    html = big_body()

    def run() -> Document:
        doc = render_html(html, "https://www.hanbit.go.kr/")
        to_plain(doc, 100)
        return doc

    doc = benchmark.pedantic(run, rounds=3, iterations=1)  # type: ignore[no-untyped-call]
    assert len(doc.images) > 10
