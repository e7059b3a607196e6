"""Deep-nesting benchmark: 5,000 levels of each element kind through the renderer.

Run: ``python benchmarks/bench_deep.py`` — prints, per kind, the time to parse the body into a document,
to lay it out as plain text and as Rich text at 80 columns, and the number of output lines.
"""

from __future__ import annotations

import time

from noticetui.demo.templates.hostile import DEPTH, NESTINGS, nested
from noticetui.render import render_html, to_plain, to_rich


def main() -> None:
    """Print one line per kind."""
    for kind, (opening, closing) in NESTINGS.items():
        html = nested(opening, closing)
        t0 = time.perf_counter()
        doc = render_html(html, "https://example.org/")
        t1 = time.perf_counter()
        plain = to_plain(doc, 80)
        t2 = time.perf_counter()
        to_rich(doc, 80)
        t3 = time.perf_counter()
        print(
            f"{DEPTH} x {kind:<18} parse {t1 - t0:5.2f} s  plain {t2 - t1:5.2f} s  rich {t3 - t2:5.2f} s"
            f"  ({plain.count(chr(10)) + 1} lines)"
        )


if __name__ == "__main__":
    main()
