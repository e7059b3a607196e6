"""The sample posts: deterministic, relative to ``now``, and varied enough to exercise parsers."""

from __future__ import annotations

from datetime import datetime, timedelta

from selectolax.lexbor import LexborHTMLParser

from noticetui.demo import content
from noticetui.models import SEOUL

from .conftest import NOW

POSTS = content.sample_posts(NOW)


def test_same_now_gives_the_same_posts() -> None:
    assert content.sample_posts(NOW) == POSTS


def test_posts_move_with_now() -> None:
    later = content.sample_posts(NOW + timedelta(days=30))
    assert [p.key for p in later] == [p.key for p in POSTS]
    assert [p.posted_at for p in later] == [p.posted_at + timedelta(days=30) for p in POSTS]


def test_there_are_enough_posts_for_three_pages() -> None:
    assert len(POSTS) >= 46
    assert len({p.key for p in POSTS}) == len(POSTS)


def test_datetimes_are_aware_seoul_whole_minutes_and_not_in_the_future() -> None:
    for post in POSTS:
        assert post.posted_at.utcoffset() == timedelta(hours=9)
        assert post.posted_at.second == 0 and post.posted_at.microsecond == 0
        assert post.posted_at <= NOW


def test_newest_posts_are_from_today_a_few_hours_ago() -> None:
    today = [p for p in POSTS if p.posted_at.date() == NOW.date()]
    assert len(today) >= 2
    assert all(timedelta(hours=1) <= NOW - p.posted_at <= timedelta(hours=8) for p in today)


def test_posts_span_more_than_a_year() -> None:
    oldest = min(p.posted_at for p in POSTS)
    assert NOW - oldest > timedelta(days=366)


def test_just_after_midnight_todays_posts_stay_on_today() -> None:
    now = datetime(2026, 3, 1, 0, 20, tzinfo=SEOUL)
    posts = content.sample_posts(now)
    assert sum(p.posted_at.date() == now.date() for p in posts) >= 2
    assert all(p.posted_at <= now for p in posts)


def test_keys_do_not_move_with_the_time_of_day() -> None:
    # Just after midnight the two newest posts share 00:00; the newest must keep the largest key.
    day = NOW.replace(hour=0, minute=0)
    for moment in (day, day + timedelta(hours=1), day + timedelta(hours=3), day + timedelta(hours=23, minutes=59)):
        assert [p.key for p in content.sample_posts(moment)] == [p.key for p in POSTS], moment


def test_keys_grow_with_creation_time() -> None:
    by_time = sorted(POSTS, key=lambda p: p.posted_at)
    keys = [int(p.key) for p in by_time]
    assert keys == sorted(keys)


def test_top_level_posts_come_newest_first_with_replies_after_their_parent() -> None:
    top = [p for p in POSTS if p.reply_depth == 0]
    assert [p.posted_at for p in top] == sorted((p.posted_at for p in top), reverse=True)
    for i, post in enumerate(POSTS):
        if post.reply_depth:
            assert POSTS[i - 1].key == post.parent_key


def test_special_posts_are_present_once() -> None:
    assert sum(p.notice for p in POSTS) == 2
    assert sum(p.secret for p in POSTS) == 1
    replies = [p for p in POSTS if p.reply_depth == 1]
    assert len(replies) == 1
    assert replies[0].parent_key in {p.key for p in POSTS}


def test_some_posts_have_categories_comments_links_and_guests() -> None:
    assert any(p.category for p in POSTS) and any(p.category is None for p in POSTS)
    assert any(p.comments for p in POSTS) and any(p.links for p in POSTS)
    assert any(p.author_id is None for p in POSTS) and any(p.author_id for p in POSTS)


def test_comment_list_matches_the_comment_count() -> None:
    for post in POSTS:
        comments = post.comment_list()
        assert len(comments) == post.comments
        assert all(c.posted_at > post.posted_at and c.text for c in comments)


def test_attachment_names_include_korean_and_awkward_characters() -> None:
    names = [name for p in POSTS for name, _ in p.attachments]
    assert any(name.endswith(".hwpx") and "년" in name for name in names)
    awkward = [n for n in names if " " in n and "(" in n and ("%" in n or "#" in n)]
    assert awkward


def test_bodies_use_the_usual_editor_markup() -> None:
    docs = [LexborHTMLParser(p.body_html) for p in POSTS]
    assert any(d.css_first("table th") for d in docs)
    assert any(d.css_first("ul li") or d.css_first("ol li") for d in docs)
    assert any(d.css_first("strong") or d.css_first("b") for d in docs)
    assert any(d.css_first("a[href]") for d in docs)
    assert any(d.css_first("br") for d in docs)
    assert any("* " in p.body_html for p in POSTS)


def test_photos_have_alt_text_and_a_caption() -> None:
    post = next(p for p in POSTS if "<img" in p.body_html)
    doc = LexborHTMLParser(post.body_html)
    img = doc.css_first("img")
    assert img is not None and img.attributes.get("alt")
    assert "▲" in doc.text()


def test_some_bodies_carry_hwp_paste_noise() -> None:
    noisy = [p for p in POSTS if "mso-" in p.body_html and "<o:p>" in p.body_html]
    assert 0 < len(noisy) < len(POSTS)


def test_body_for_puts_images_under_the_given_base() -> None:
    post = next(p for p in POSTS if content.IMAGE_TOKEN in p.body_html)
    body = post.body_for("http://x/data/editor")
    assert content.IMAGE_TOKEN not in body
    img = LexborHTMLParser(body).css_first("img")
    assert img is not None
    src = img.attributes.get("src") or ""
    assert src.startswith("http://x/data/editor/")
    assert content.editor_image(src) is not None


def test_editor_image_knows_only_sample_images() -> None:
    assert content.editor_image("photo_2601011200.jpg") is not None
    assert content.editor_image("secret_2601011200.jpg") is None
