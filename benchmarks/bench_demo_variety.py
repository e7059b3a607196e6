"""How varied the sample boards are: distinct titles and pinned notices per board, before and after flavours.

Then how much boards share: the titles that sit on two boards or more, the pairs of boards that share a
title, and how many distinct minutes the boards' newest posts are at (each board has its own rhythm).

"Before" is the mixed set every board served until the boards had flavours (``sample_posts(now)``, still the
default); "after" is what each board serves now (``sample_posts(now, board)``).  Prints a Markdown table.

Run: ``python benchmarks/bench_demo_variety.py [ISO-INSTANT]`` (default: the suite's pinned instant).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime
from itertools import combinations

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
    shared(now)


def shared(now: datetime) -> None:
    """Print what the boards share: titles on several boards, board pairs sharing one, newest minutes."""
    titles = {board: {p.title for p in content.sample_posts(now, board)} for board in BOARDS}
    on = Counter(t for board_titles in titles.values() for t in board_titles)
    repeated = {t: n for t, n in on.items() if n > 1}
    pairs = sum(1 for a, b in combinations(titles, 2) if titles[a] & titles[b])
    newest = {max(p.posted_at for p in content.sample_posts(now, board)) for board in BOARDS}
    print(f"titles on 2+ boards: {len(repeated)} (board copies: {sum(repeated.values())})")
    print(f"board pairs sharing a title: {pairs} of {len(BOARDS) * (len(BOARDS) - 1) // 2}")
    print(f"distinct newest-post minutes: {len(newest)} of {len(BOARDS)}")
    for title, n in sorted(repeated.items(), key=lambda item: -item[1])[:5]:
        print(f"  {n}× {title}")


if __name__ == "__main__":
    main(datetime.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL))
