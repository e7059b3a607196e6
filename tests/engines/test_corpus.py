"""The skin corpus: saved list and post pages of many skins, each with the values a reader must get.

Every ``tests/fixtures/corpus/ENGINE/NAME.json`` describes the page ``NAME.html`` beside it (raw bytes, any
encoding); pages sit in a folder per engine that reads them, out of reach of the engines' own tests that
check every other engine's saved pages:

- ``kind``: ``list`` or ``post``; ``url``: where the page was served; ``engine``: the engine that must
  read it (for a list page, detection must choose it); ``now``: the moment the page was saved (year-less
  dates resolve against it); ``key``: a post page's key; ``options``: board options (CSS profiles).
- a list's ``posts``: every row in page order, each with its exact ``key`` and full ``title``, and
  ``posted_at`` (ISO 8601), ``author``, ``notice`` where the page shows them; ``next_page`` when given.
- a post's ``title``, ``posted_at``, ``author``; ``body_first`` / ``body_last``: how the body's text
  starts and ends (nothing of the page's chrome before or after); ``attachments``: ``[{name, size}]``.
- ``xfail``: why the page cannot be read on this branch yet (for the lead to remove once the work it
  names has landed).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from noticetui.engines import detect, get_engine
from noticetui.engines.base import clean_text, parse_html
from noticetui.models import ParseContext
from noticetui.net.charset import decode_html
from noticetui.sync import choose_engine

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _names(suffix: str) -> set[str]:
    return {str(p.relative_to(CORPUS).with_suffix("")) for p in CORPUS.glob(f"*/*.{suffix}")}


def _params() -> list[Any]:
    params = []
    for name in sorted(_names("json")):
        reason = _case(name).get("xfail")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def _context(case: dict[str, Any]) -> ParseContext:
    return ParseContext(case["url"], datetime.fromisoformat(case["now"]), case.get("options", {}))


def _page(name: str) -> str:
    text, _encoding = decode_html((CORPUS / f"{name}.html").read_bytes(), None)
    return text


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def test_the_corpus_holds_at_least_thirty_pages() -> None:
    pages = _names("html")
    assert len(pages) >= 30
    assert pages == _names("json")


@pytest.mark.parametrize("name", _params())
def test_corpus_page_reads_completely(name: str) -> None:
    case = _case(name)
    doc = parse_html(_page(name))
    ctx = _context(case)
    engine = get_engine(case["engine"])
    if case["kind"] == "list":
        chosen = choose_engine(detect(case["url"], doc))
        assert chosen is not None and chosen.engine.name == case["engine"]
        found = engine.parse_list(doc, ctx)
        wanted = case["posts"]
        assert [s.key for s in found.stubs] == [p["key"] for p in wanted]
        assert [s.title for s in found.stubs] == [p["title"] for p in wanted]
        for stub, post in zip(found.stubs, wanted, strict=True):
            if "posted_at" in post:
                assert _iso(stub.posted_at) == post["posted_at"], stub.key
            if "author" in post:
                assert stub.author == post["author"], stub.key
            assert stub.notice == post.get("notice", False), stub.key
        if "next_page" in case:
            assert found.next_page == case["next_page"]
        return
    post = engine.parse_post(doc, ctx, case["key"])
    assert post.title == case["title"]
    if "posted_at" in case:
        assert _iso(post.posted_at) == case["posted_at"]
    if "author" in case:
        assert post.author == case["author"]
    body = parse_html(post.body_html)
    text = clean_text(body.body.text(separator=" ") if body.body is not None else "")
    assert text.startswith(case["body_first"]), text[:80]
    assert text.endswith(case["body_last"]), text[-80:]
    assert [{"name": a.name, "size": a.size} for a in post.attachments] == case["attachments"]
