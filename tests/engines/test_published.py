"""A post page's machine-readable publication time (meta, JSON-LD, <time>), and the generic engine's use of it."""

from __future__ import annotations

from datetime import datetime

from noticetui.engines.base import parse_html
from noticetui.engines.common.published import published_text
from noticetui.engines.generic.engine import ENGINE
from noticetui.models import SEOUL, ParseContext

NOW = datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL)


def test_the_article_meta_comes_first() -> None:
    doc = parse_html(
        '<head><meta property="article:published_time" content="2026-11-09T14:00:00+09:00"></head>'
        '<body><time datetime="2026-11-10">11월 10일</time></body>'
    )
    assert published_text(doc) == "2026-11-09T14:00:00+09:00"


def test_json_ld_inside_a_graph_is_read() -> None:
    doc = parse_html(
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
        ' {"@type": "NewsArticle", "datePublished": "2026-11-02T08:30:00+09:00"}]}</script>'
    )
    assert published_text(doc) == "2026-11-02T08:30:00+09:00"


def test_broken_json_ld_is_skipped_for_the_articles_time() -> None:
    doc = parse_html(
        '<script type="application/ld+json">{broken</script><article><time datetime="2026-10-01T09:00">x</time></article>'
    )
    assert published_text(doc) == "2026-10-01T09:00"


def test_a_page_without_any_gives_none() -> None:
    assert published_text(parse_html("<p>2026-11-09</p>")) is None


def test_the_generic_post_takes_the_time_the_printed_day_lacks() -> None:
    doc = parse_html(
        '<html><head><meta property="article:published_time" content="2026-11-09T14:05:00+09:00"></head><body>'
        '<article><h1>북토크 안내</h1><p class="meta">등록일 2026.11.09</p>'
        "<div class='content'><p>김한솔 작가를 모시고 북토크를 엽니다. 많은 참여 바랍니다.</p>"
        "<p>장소는 2층 다목적실입니다. 신청은 안내데스크에서 받습니다.</p></div></article></body></html>"
    )
    post = ENGINE.parse_post(doc, ParseContext("https://lib.hansol.kr/news/7", NOW), "7")
    assert post.posted_at == datetime(2026, 11, 9, 14, 5, tzinfo=SEOUL)
