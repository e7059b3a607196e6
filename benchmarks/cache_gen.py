"""A realistic cache for benchmarks: N posts in 50 boards, each with a 2–5 KB Korean HTML body.

Titles come from the demo corpus's notice titles plus words; bodies are paragraphs (and now and then a
table) of sentences drawn from a Zipf-weighted vocabulary of common notice words and a long tail of
generated ones, so that two-syllable words are very common and five-syllable ones rare, as on real boards.

Run: ``python benchmarks/cache_gen.py PATH [POSTS]`` (default 100,000), or import :func:`build_cache`.
Rows go in with ``executemany`` in one transaction, then the search index is built in one pass.  It also
builds a cache for the schema of an older checkout (the v2 trigram table ``posts_fts``), for before/after
figures.
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from noticetui.demo.corpus import TITLES
from noticetui.models import SEOUL, Request
from noticetui.store import Store

_COMMON_TEXT = (
    "지원 사업 공고 모집 안내 청년 창업 연구 개발 과제 신청 접수 결과 발표 채용 휴관 행사 교육 설명회 변경 "
    "기업 지역 시민 참여 운영 시설 센터 서류 제출 기간 대상 방법 문의 담당 자격 선정 심사 평가 계획 예산 "
    "홍보 협약 체결 개최 일정 장소 신청서 공모전 수상작 온라인 오프라인 프로그램 컨설팅 바우처 수출 판로 "
    "중소기업 소상공인 사회적경제 스마트도시 도서관 체육관 주차장 민원 시스템 점검 서비스 이용 중단 회원가입"
)
COMMON = _COMMON_TEXT.split()
PARTICLES = ["은", "는", "이", "가", "을", "를", "에", "에서", "의", "으로", "와", "과", "도", ""]
ENDINGS = ["합니다.", "바랍니다.", "있습니다.", "예정입니다.", "드립니다.", "하였습니다.", "됩니다."]
_SYLLABLES = (
    "가나다라마바사아자차카타파하고노도로모보소오조호구누두루무부수우주추기니디리미비시이지치해개대래매배새재"
    + ("강남동서북산천수원성진현정민영준호석철광명학교회관장실국과팀부처청원시군구읍면리")
)


def _vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    tail = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4)))) for _ in range(size)}
    words = COMMON + sorted(tail - set(COMMON))
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(words))]  # Zipf: a few words everywhere
    return words, list(itertools.accumulate(weights))


def _sentences(rng: random.Random, count: int) -> list[str]:
    words, cumulative = _vocabulary(rng)
    result = []
    for _ in range(count):
        picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(5, 12))
        parts = [w + rng.choice(PARTICLES) for w in picked[:-1]]
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), f"{rng.randint(1, 2026)}년 {rng.randint(1, 12)}월")
        result.append(" ".join(parts) + " " + picked[-1] + rng.choice(ENDINGS))
    return result


def _body(rng: random.Random, sentences: list[str]) -> str:
    target = rng.randint(2000, 5000)  # bytes of UTF-8, as the "2–5 KB bodies"
    parts: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.1:
            cells = "".join(f"<td>{rng.choice(sentences)[:20]}</td>" for _ in range(3))
            chunk = f"<table><tr><th>구분</th><th>내용</th><th>비고</th></tr><tr>{cells}</tr></table>"
        else:
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
            chunk = f"<p>{text}</p>" if rng.random() < 0.8 else f"<p><strong>{text}</strong></p>"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(parts)


def _title(rng: random.Random, sentences: list[str], when: datetime) -> str:
    kind = rng.choice(list(TITLES))
    template = rng.choice(TITLES[kind])
    title = template.format(year=when.year, n=rng.randint(1, 30), half=rng.choice(("상반기", "하반기")))
    return title if rng.random() < 0.7 else f"{title} ({rng.choice(sentences)[:12].strip()})"


def build_cache(path: Path, posts: int = 100_000, boards: int = 50, seed: int = 7) -> None:
    """Write a cache of ``posts`` posts spread over ``boards`` boards at ``path`` (which must not exist)."""
    rng = random.Random(seed)
    sentences = _sentences(rng, 20_000)
    store = Store.open(path)
    conn = store.conn
    v3 = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").fetchone() is not None
    start = datetime(2026, 11, 1, tzinfo=SEOUL)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO boards (id, name, url, engine) VALUES (?, ?, ?, 'gnuboard')",
        [(b + 1, f"board{b:02d}", f"http://x{b}.kr/bbs/board.php?bo_table=n") for b in range(boards)],
    )
    rows, bodies = [], []
    for i in range(posts):
        board, key = i % boards + 1, i // boards
        when = start - timedelta(minutes=37 * i + rng.randint(0, 30))
        url = f"http://x{board}.kr/bbs/board.php?bo_table=n&wr_id={key}"
        rows.append((i + 1, board, str(key), _title(rng, sentences, when), url, Request(url).to_json(), "관리자",
                     when.isoformat(), when.timestamp(), rng.randint(0, 5000), int(rng.random() < 0.01),
                     int(rng.random() < 0.3), int(rng.random() < 0.5), "now", "now", "now"))  # fmt: skip
        bodies.append((i + 1, _body(rng, sentences)))
    conn.executemany(
        """INSERT INTO posts (id, board_id, key, title, url, request, author, posted_at, posted_ts, views,
               notice, has_file, read, body_at, first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        rows,
    )
    if v3:
        from noticetui.store.search import compress_body

        conn.executemany("INSERT INTO bodies (post_id, html) VALUES (?, ?)", [(i, compress_body(h)) for i, h in bodies])
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    else:  # an older checkout: plain bodies and the trigram table with its own copy of the text
        from noticetui.store.db import body_search_text  # type: ignore[attr-defined]

        conn.executemany("INSERT INTO bodies (post_id, html) VALUES (?, ?)", bodies)
        titles = {r[0]: r[3] for r in rows}
        conn.executemany(
            "INSERT INTO posts_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(i, titles[i], body_search_text(h)) for i, h in bodies],
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def main() -> None:
    """Build the cache named on the command line and print how long it took and its size."""
    path = Path(sys.argv[1])
    posts = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    if path.exists():
        sys.exit(f"{path} exists")
    t0 = time.perf_counter()
    build_cache(path, posts)
    size = path.stat().st_size
    print(f"{posts:,} posts in {time.perf_counter() - t0:.1f} s: {size / 1e6:.1f} MB, {size / posts:,.0f} bytes/post")


if __name__ == "__main__":
    sqlite3.enable_callback_tracebacks(True)
    main()
