"""When a list row means the post itself changed (its body is fetched again) and when only its counters did.

A routine sync sees every post of its first page again, with new view and comment counts each time: that
is no reason to fetch a body (the fetch itself raises the site's view count, so it would never stop). What
counts is what the list shows of the post itself: its title, its day, whether it has files, and the
list's own edit marker where a skin shows one.
"""

from __future__ import annotations

import json

from noticetui.models import PostStub


def list_fields(stub: PostStub) -> list[object]:
    """The parts of a list row that say the post itself changed; None where the row shows nothing."""
    # Month and day only: a year the list left out and sync later corrected is no change of the post.
    day = stub.posted_at.strftime("%m-%d") if stub.posted_at else None
    return [stub.title.strip(), day, stub.has_file, stub.edited]


def merge_signature(stored: str | None, stub: PostStub) -> tuple[str, bool]:
    """The signature to store for ``stub`` and whether it differs from ``stored``.

    A field the row does not show (None) keeps its stored value, and a field shown for the first time is
    stored; neither is a change. With nothing stored yet (a new post, or a cache from before signatures),
    nothing counts as changed.
    """
    fields = list_fields(stub)
    if stored is None:
        return json.dumps(fields, ensure_ascii=False), False
    old = json.loads(stored)
    merged = [o if f is None else f for f, o in zip(fields, old, strict=True)]
    # A field seen for the first time (a date where the row showed none) is news about the row, not a change.
    changed = any(o is not None and m != o for m, o in zip(merged, old, strict=True))
    return json.dumps(merged, ensure_ascii=False), changed


def keep_full_title(stored: str, listed: str) -> str:
    """The title to keep when a list row shows ``listed`` for a post stored as ``stored``.

    Boards cut long titles in their lists ("… 사업설명회 개최 안내 - 지역혁신…"); the post's own page gave the
    whole title, which a later list sync must not shorten again.
    """
    cut = listed.rstrip().removesuffix("…").removesuffix("...").rstrip()
    if cut != listed.rstrip() and len(stored) > len(cut) and stored.startswith(cut):
        return stored
    return listed
