"""Each sample board reads like a real one: its own kind of notices, titles that match their bodies,
one pinned notice, distinct titles, and the files a real board of that kind attaches."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from noticetui.demo import assets, content, corpus, flavours
from noticetui.demo.content import SamplePost
from noticetui.demo.server import DemoServer
from noticetui.models import SEOUL
from noticetui.previews.preview import preview_file

from .conftest import NOW

SHOWCASE = sorted(flavours.BOARDS)


def posts(board: str) -> list[SamplePost]:
    return content.sample_posts(NOW, board)


def test_every_showcase_board_has_a_flavour_and_the_hostile_board_none() -> None:
    with DemoServer(now=NOW) as server:
        shown = {b.name for b in server.boards() if b.showcase}
        assert shown == set(flavours.BOARDS)
        assert "hostile" not in flavours.BOARDS


@pytest.mark.parametrize("board", SHOWCASE)
def test_a_board_never_repeats_a_title(board: str) -> None:
    titles = [p.title for p in posts(board)]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("board", SHOWCASE)
def test_a_board_pins_exactly_one_notice(board: str) -> None:
    assert sum(p.notice for p in posts(board)) == 1


def test_no_two_boards_pin_the_same_notice() -> None:
    pinned = [next(p.title for p in posts(b) if p.notice) for b in SHOWCASE]
    assert len(set(pinned)) == len(pinned)


def test_boards_pinned_their_notices_at_different_times() -> None:
    dates = [next(p.posted_at for p in posts(b) if p.notice) for b in SHOWCASE]
    assert len(set(dates)) == len(dates)


def test_boards_of_the_same_kind_still_list_different_posts() -> None:
    assert [p.title for p in posts("g4-data")] != [p.title for p in posts("kboard-data")]


def test_boards_keep_the_shape_every_engine_test_relies_on() -> None:
    mixed = content.sample_posts(NOW)
    for board in SHOWCASE:
        same = posts(board)
        assert [(p.key, p.secret, p.reply_depth, p.comments) for p in same] == [
            (p.key, p.secret, p.reply_depth, p.comments) for p in mixed
        ]
        # Newest first, two posts today, the oldest more than a year back (year-less dates cross a year).
        tops = [p.posted_at for p in same if not p.reply_depth]
        assert tops == sorted(tops, reverse=True)
        assert tops[0].date() == tops[1].date() == NOW.date() and (NOW - tops[-1]).days > 365


@pytest.mark.parametrize("now", [NOW, NOW.replace(hour=0, minute=0), NOW.replace(hour=0, minute=3)])
def test_boards_post_at_their_own_times_and_never_in_the_future(now: datetime) -> None:
    newest = [max(p.posted_at for p in content.sample_posts(now, b)) for b in SHOWCASE]
    assert all(when <= now for when in newest)
    if now.hour:  # just after midnight every board's newest post is at 00:00
        assert len(set(newest)) == len(newest)


def test_the_mixed_set_keeps_its_dates() -> None:
    # The default set is the one the engine tests were written against: its two newest posts stay put.
    mixed = content.sample_posts(NOW)
    assert [p.posted_at for p in mixed[:2]] == [
        NOW - timedelta(hours=2, minutes=10),
        NOW - timedelta(hours=5, minutes=20),
    ]


def role_titles(board: str) -> tuple[str, str, str]:
    """The titles of ``board``'s headline (the post with the odd file name), secret post and reply."""
    own = posts(board)
    headline = next(p for p in own if corpus.ODD_NAME in (name for name, _ in p.attachments))
    return headline.title, next(p for p in own if p.secret).title, next(p for p in own if p.reply_depth).title


def test_boards_of_a_kind_have_their_own_headline_and_questions() -> None:
    for titles in zip(*(role_titles(b) for b in SHOWCASE), strict=True):
        assert len(set(titles)) == len(titles)


INSTANTS = [
    NOW,
    datetime(2026, 11, 18, 14, 30, tzinfo=SEOUL),  # the suite's pinned instant (tests/conftest.py)
    # The clock-boundary instants of tests/test_clock_boundaries.py.
    datetime(2026, 12, 31, 23, 59, tzinfo=SEOUL),
    datetime(2027, 1, 1, 0, 0, tzinfo=SEOUL),
    datetime(2027, 3, 1, 0, 0, tzinfo=SEOUL),
    datetime(2028, 2, 29, 12, 0, tzinfo=SEOUL),
    datetime(2029, 1, 3, 14, 30, tzinfo=SEOUL),
]
"""Instants at which no two boards may carry the same title (dates move titles' years, months and halves)."""


@pytest.mark.parametrize("now", INSTANTS, ids=lambda now: f"{now:%Y-%m-%dT%H:%M}")
def test_no_two_boards_carry_the_same_title(now: datetime) -> None:
    # Even boards of one kind: each kind has stories enough that a board never needs another's title.
    on: dict[str, list[str]] = {}
    for board in SHOWCASE:
        for post in content.sample_posts(now, board):
            on.setdefault(post.title, []).append(board)
    assert {title: boards for title, boards in on.items() if len(boards) > 1} == {}


def test_a_press_board_is_press_releases_with_photo_captions() -> None:
    releases = [p for p in posts("plain-news") if p.kind == "보도자료"]
    assert len(releases) >= 40
    assert all(p.title.startswith("[보도자료]") and "▲" in p.body_html for p in releases)


def test_a_grant_board_has_calls_with_period_and_scale_tables_and_hwp_hwpx_pdf_files() -> None:
    calls = [
        p
        for p in posts("rhymix-notice")
        if p.kind == "사업공고" and not p.title.startswith(("[정정]", "[결과]")) and "결과" not in p.title
    ]
    assert calls
    for call in calls:
        assert "<table" in call.body_html and "모집기간" in call.body_html and "지원규모" in call.body_html
    suffixes = {name.rsplit(".", 1)[-1] for p in posts("rhymix-notice") for name, _ in p.attachments}
    assert {"hwp", "hwpx", "pdf"} <= suffixes


def test_titles_count_quarters_and_months_as_a_calendar_does() -> None:
    titles = [p.title for board in SHOWCASE for p in posts(board)]
    quarters = [int(q) for t in titles for q in re.findall(r"(\d+)분기", t)]
    months = [int(m) for t in titles for m in re.findall(r"(?<![\d.])(\d+)월", t)]
    assert quarters and all(1 <= q <= 4 for q in quarters)
    assert months and all(1 <= m <= 12 for m in months)


def test_titles_match_bodies() -> None:
    # What a title announces, its body says: a results notice lists who passed, a hiring call its steps.
    checks = {
        "합격자": "합격자",
        "선정 결과": "선정",
        "채용 공고": "채용",
        "휴관": "휴관",
        "설명회": "사업설명회",
        "수강신청": "수강신청",
    }
    for board in SHOWCASE:
        for post in posts(board):
            for in_title, in_body in checks.items():
                if in_title in post.title and not post.title.startswith("RE:") and post.kind != "문의":
                    assert in_body in post.body_html, (board, post.title)


def test_the_long_press_release_is_written_as_an_agency_writes_it() -> None:
    release = posts("bbsntt-notice")[0]
    body = release.body_html
    assert len(body) > 5000
    assert "font-family:휴먼명조" in body and "<o:p></o:p>" in body  # pasted from a Hangul document
    assert re.search(r"\* [^*]", body) and "** " in body  # footnotes marked * and **
    assert body.count("▲") >= 3  # photo captions
    assert "[별첨]" in body
    assert any(name.endswith(".hwp") for name, _ in release.attachments)


def test_the_same_now_gives_the_same_boards() -> None:
    for board in SHOWCASE:
        assert content.sample_posts(NOW, board) == posts(board)


def test_the_sample_hwp_previews_as_a_grant_call(tmp_path: Path) -> None:
    path = tmp_path / "공고문.hwp"
    path.write_bytes(assets.asset(assets.HWP))
    preview = preview_file(path)
    assert preview.kind == "hwp" and "지원사업 공고" in preview.text


def test_a_flavour_entry_with_two_bodies_is_refused() -> None:
    entry = {"kind": "안내", "title": "둘", "notice": ["본문"], "question": ["질문"]}
    with pytest.raises(ValueError, match="one body expected"):
        flavours.story(entry)


SEASONS = re.compile("봄|여름|가을|겨울")


@pytest.mark.parametrize("kind", sorted(flavours.FLAVOURS))
def test_a_headline_names_no_season_as_it_is_the_newest_post_in_every_month(kind: str) -> None:
    flavour = flavours.FLAVOURS[kind]
    for title in (flavour.headline.title, *flavour.headline_titles):
        assert not SEASONS.search(title), title
