"""How varied the sample boards are: distinct titles and pinned notices per board, before and after flavours.

"Before" is the mixed set every board served until the boards had flavours (``sample_posts(now)``, still the
default); "after" is what each board serves now (``sample_posts(now, board)``).  Prints a Markdown table.

Run: ``python benchmarks/bench_demo_variety.py [ISO-INSTANT]`` (default: the suite's pinned instant).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime

from noticetui.demo import content
from noticetui.demo.flavours import BOARDS
from noticetui.models import SEOUL


def main(now: datetime) -> None:
    """Print the table for ``now``."""
    every_before: set[str] = set()
    every_after: set[str] = set()
    print("| board | posts | distinct titles before → after | pinned before → after | kinds after |")
    print("|---|---|---|---|---|")
    for board in BOARDS:
        before, after = content.sample_posts(now), content.sample_posts(now, board)
        titles_before, titles_after = {p.title for p in before}, {p.title for p in after}
        every_before |= titles_before
        every_after |= titles_after
        kinds = " ".join(f"{k} {n}" for k, n in Counter(p.kind for p in after).most_common())
        pinned = f"{sum(p.notice for p in before)} → {sum(p.notice for p in after)}"
        print(f"| {board} | {len(after)} | {len(titles_before)} → {len(titles_after)} | {pinned} | {kinds} |")
    print(f"\ndistinct titles over all {len(BOARDS)} boards: {len(every_before)} → {len(every_after)}")


if __name__ == "__main__":
    main(datetime.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL))
