"""The TUI's pure pieces: how rows, dates and sizes look, and how the list reads the cache in pages."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.cells import cell_len
from rich.text import Text

from noticetui.models import SEOUL, PostStub, Request
from noticetui.render import sanitize_line
from noticetui.store import PostRow, Store
from noticetui.tui.format import (
    TAG_MAX_WIDTH,
    TODAY,
    fit_pair,
    long_date,
    post_line,
    short_date,
    tag_width,
)
from noticetui.tui.sources import BoardPosts, PageCache

NOW = datetime(2024, 3, 10, 15, 0, tzinfo=SEOUL)


def row(post_id: int = 1, title: str = "제목", **extra: object) -> PostRow:
    """A post row with plausible defaults."""
    url = f"http://x/{post_id}"
    values: dict[str, object] = dict(
        id=post_id, board_id=1, board="notice", key=str(post_id), title=title, url=url, request=Request(url),
        author="작성자", posted_at=datetime(2024, 3, 1, 9, 0, tzinfo=SEOUL), views=1, notice=False, secret=False,
        reply_depth=0, comments=None, has_file=False, category=None, read=False, has_body=False,
    )  # fmt: skip
    values.update(extra)
    return PostRow(**values)  # type: ignore[arg-type]


class CountingSource:
    """A source of ``total`` rows that counts how often the store would be asked."""

    label = "counting"
    tags = 0

    def __init__(self, total: int) -> None:
        self.total = total
        self.fetches: list[tuple[int, int]] = []

    def count(self) -> int:
        return self.total

    def fetch(self, offset: int, limit: int) -> list[PostRow]:
        self.fetches.append((offset, limit))
        return [row(i) for i in range(offset, min(offset + limit, self.total))]


def test_short_date_is_time_of_day_for_today_in_the_posts_zone() -> None:
    posted = datetime(2024, 3, 10, 0, 30, tzinfo=SEOUL)
    # 15:00 UTC on the 9th is already the 10th in Seoul.
    assert short_date(posted, datetime(2024, 3, 9, 15, 0, tzinfo=UTC)) == "00:30"


def test_short_date_is_the_full_date_for_other_days() -> None:
    assert short_date(datetime(2024, 3, 9, 23, 59, tzinfo=SEOUL), NOW) == "2024-03-09"


def test_short_date_of_a_post_from_today_without_a_time_is_today_not_midnight() -> None:
    assert short_date(datetime(2024, 3, 10, 0, 0, tzinfo=SEOUL), NOW) == TODAY


def test_short_date_of_an_older_post_without_a_time_is_its_date() -> None:
    assert short_date(datetime(2024, 3, 2, 0, 0, tzinfo=SEOUL), NOW) == "2024-03-02"


def test_long_date_shows_a_time_only_when_the_post_has_one() -> None:
    assert long_date(datetime(2024, 3, 10, 0, 0, tzinfo=SEOUL)) == "2024-03-10"
    assert long_date(datetime(2024, 3, 10, 0, 5, tzinfo=SEOUL)) == "2024-03-10 00:05"
    assert long_date(None) == ""


def test_short_date_of_an_unknown_date_is_empty() -> None:
    assert short_date(None, NOW) == ""


def test_clean_line_removes_escape_sequences_and_newlines() -> None:
    cleaned = sanitize_line("a\x1b[31mb\nc\x07")
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\n" not in cleaned
    assert cleaned.startswith("a") and "b c" in cleaned


def test_post_line_fills_exactly_the_width_with_korean_titles() -> None:
    for width in (30, 59, 60, 97):
        line = post_line(row(title="아주 긴 한국어 제목이 여기에 있습니다 " * 3), width, NOW)
        assert cell_len(line.plain) == width


def test_post_line_with_a_board_column_names_the_board_before_the_title() -> None:
    line = post_line(row(board="g4-notice", title="휴관 안내"), 100, NOW, tags=10).plain
    assert line.index("g4-notice") < line.index("휴관 안내")
    assert cell_len(line) == 100


def test_post_line_without_a_board_column_does_not_name_the_board() -> None:
    assert "g4-notice" not in post_line(row(board="g4-notice"), 100, NOW).plain


def test_post_line_narrows_the_board_column_on_a_narrow_list() -> None:
    line = post_line(row(board="boardes-notice", title="공지 제목"), 50, NOW, tags=TAG_MAX_WIDTH).plain
    assert cell_len(line) == 50
    assert "boardes-notice" not in line and "boardes-" in line and "…" in line
    assert "공지 제목" in line


def test_tag_width_fits_the_longest_name_within_bounds() -> None:
    assert tag_width(["free", "notice"]) == 6
    assert tag_width(["g4-notice", "kboard-data"]) == 11
    assert tag_width(["a-board-name-far-too-long-to-show"]) == TAG_MAX_WIDTH
    assert tag_width([]) == 6


def test_fit_pair_keeps_the_right_part_whole_and_cuts_the_left_with_an_ellipsis() -> None:
    line = fit_pair(Text("공지사항 · gnuboard4"), Text("45"), 16)
    assert cell_len(line.plain) == 16
    assert line.plain.endswith(" 45") and "…" in line.plain


def test_fit_pair_pads_a_short_left_part_so_the_right_is_flush_right() -> None:
    line = fit_pair(Text("학사 공지"), Text("5"), 20)
    assert line.plain == "학사 공지" + " " * 10 + "5"


def test_fit_pair_without_a_right_part_fills_the_width_with_the_left() -> None:
    assert fit_pair(Text("자유게시판"), Text(""), 12).plain == "자유게시판  "


def test_post_line_marks_notices_files_secrets_and_comments() -> None:
    line = post_line(row(notice=True, has_file=True, secret=True, comments=4), 100, NOW).plain
    assert line.startswith("공지") and "📎" in line and "🔒" in line and "[4]" in line


def test_post_line_cuts_a_long_title_before_its_marks() -> None:
    title = "2026년 보조금 신청&정산 서식 일체 (신청서, 사업계획서, 정산보고서, 개인정보 동의서) 안내"
    line = post_line(row(title=title, has_file=True, comments=4, edited=True), 80, NOW)
    assert line.cell_len == 80
    assert "… ✎ 📎 [4]" in line.plain and "안내" not in line.plain  # the title gave way, not its marks


def test_post_line_is_bold_only_while_unread() -> None:
    def bold(post: PostRow) -> bool:
        line = post_line(post, 80, NOW)
        return any("bold" in str(span.style) for span in line.spans)

    assert bold(row(read=False)) and not bold(row(read=True))


def test_post_line_keeps_markup_in_titles_literal() -> None:
    assert "[bold red]x[/]" in post_line(row(title="[bold red]x[/]"), 80, NOW).plain


def test_page_cache_reads_only_the_pages_it_is_asked_for() -> None:
    source = CountingSource(100_000)
    cache = PageCache(source, page_size=100)
    assert len(cache) == 100_000 and source.fetches == []
    for index in range(40):
        cache.get(index)
    assert source.fetches == [(0, 100)]
    last = cache.get(99_999)
    assert last is not None and last.id == 99_999 and len(source.fetches) == 2


def test_page_cache_keeps_a_bounded_number_of_pages() -> None:
    cache = PageCache(CountingSource(10_000), page_size=10, max_pages=3)
    for index in range(0, 10_000, 10):
        cache.get(index)
    assert cache.pages_loaded == 3


def test_page_cache_marks_a_row_read_in_place() -> None:
    source = CountingSource(5)
    cache = PageCache(source)
    before = cache.get(2)
    cache.mark_read(2)
    after = cache.get(2)
    assert before is not None and not before.read
    assert after is not None and after.read and len(source.fetches) == 1


def test_board_with_many_posts_is_read_one_page_at_a_time() -> None:
    store = Store.open(None)
    board = store.ensure_board("big", "http://x/", "gnuboard")
    stubs = [PostStub(str(i), f"글 {i}", f"http://x/{i}", Request(f"http://x/{i}")) for i in range(2_000)]
    store.upsert_stubs(board, stubs)
    cache = PageCache(BoardPosts(store, board, "big"))
    assert len(cache) == 2_000
    cache.get(0)
    assert cache.pages_loaded == 1
    store.close()


def test_a_starred_post_shows_a_star_before_its_title_and_keeps_the_width() -> None:
    plain, starred = (post_line(row(title="공지 제목", starred=s), 60, NOW).plain for s in (False, True))
    assert "★ 공지 제목" in starred and "★" not in plain
    assert cell_len(starred) == cell_len(plain) == 60


def test_patching_the_page_cache_shows_new_marks_without_reading_the_store_again() -> None:
    source = CountingSource(5)
    cache = PageCache(source, page_size=5)
    first = cache.get(0)
    assert first is not None
    cache.patch({first.id}, read=True, starred=True)
    again = cache.get(0)
    assert again is not None and again.read and again.starred and len(source.fetches) == 1
