"""The deterministic Korean sample posts every demo site serves, and the ground truth tests compare with.

:func:`sample_posts` depends only on ``now`` (and a fixed seed): the two newest posts are from today, a
few hours before ``now``, so lists show ``HH:MM``; the rest go back more than a year, so year-less
``MM-DD`` dates cross a year boundary.  Each flavoured board posts in its own rhythm (:class:`_Rhythm`:
how long ago its newest post went up, how often it posts, at what hours); the mixed set keeps the
default one.  Keys are gnuboard-style ``wr_id`` numbers in creation order,
with gaps where comments took ids.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache

from noticetui.demo import assets, corpus
from noticetui.demo.flavours import BOARDS, Flavour
from noticetui.demo.stories import Context, Story, question
from noticetui.models import SEOUL

SEED = 20260302
"""The seed of every random choice: change it and every test's expectations move."""

IMAGE_TOKEN = corpus.IMAGE_TOKEN
"""The placeholder for a site's image folder in :attr:`SamplePost.body_html`; see :meth:`SamplePost.body_for`."""

_ADMIN = ("관리자", "admin")
"""The site administrator's name and member id: the author of general notices and of every answer."""
_AUTHORS = {
    "사업공고": ("기업지원과", "corp"),
    "보도자료": ("홍보담당관", "press"),
    "채용": ("총무과", "hr"),
    "휴관": _ADMIN,
    "행사": _ADMIN,
    "안내": _ADMIN,
    "학사": ("학사지원팀", "haksa"),
    "자료": ("정보공개팀", "info"),
}
_GUESTS = ("홍길동", "김민지", "이서준")
_KINDS = ("사업공고", "보도자료", "채용", "휴관", "행사", "안내")
_KIND_WEIGHTS = (5, 3, 3, 2, 2, 2)
# Fixed roles by position (0 = newest top-level post); everything else is drawn from the seed.
_NEWEST_GRANT, _SECRET_AT, _REPLIED_AT, _EVENT_AT = 0, 3, 6, 9
_NOTICES_AT = (12, 30)
# Where a flavoured board's one pinned notice sits: boards pinned theirs at different times.
_PINNED_SLOTS = (12, 30, 15, 21, 27, 33, 18, 24, 36, 39, 14, 26, 20, 32)
_TOP_LEVEL = 47
_COMMENTS = (
    "좋은 정보 감사합니다.",
    "신청 기간이 연장될 예정인가요?",
    "첨부파일이 열리지 않습니다. 확인 부탁드립니다.",
    "문의 주신 내용은 담당 부서에서 답변드리겠습니다.",
)


@dataclass(frozen=True)
class SamplePost:
    """One sample post: what a site shows, and what a parser should read back."""

    key: str
    """The post's id (gnuboard ``wr_id``), unique and increasing with creation time."""
    title: str
    """The full title (lists may show it cut short)."""
    author: str
    """The name lists and the post's page show: the kind's department or 관리자, a guest's name for 문의."""
    posted_at: datetime
    """Aware (Asia/Seoul), whole minutes."""
    views: int
    """The view counter as lists show it."""
    notice: bool
    """Pinned at the top of the first list page."""
    secret: bool
    """Listed with a lock; its page asks for a password."""
    reply_depth: int
    """0 for a post, 1 for a reply to it (replies follow their post in :func:`sample_posts`)."""
    comments: int
    """How many comments the post has (see :meth:`comment_list`)."""
    category: str | None
    """The board category (분류) the post is filed under, None on boards without categories."""
    body_html: str
    """The body's HTML; image URLs start with :data:`IMAGE_TOKEN` (see :meth:`body_for`)."""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    """``(file name, bytes)`` in upload order; images among them are shown inline by gnuboard."""
    kind: str = ""
    """What sort of notice (사업공고, 보도자료, 채용, 휴관, 행사, 안내, 문의)."""
    author_id: str | None = None
    """The member id of the author, None for a guest."""
    parent_key: str | None = None
    """For a reply, the key of the post it answers."""
    links: tuple[str, ...] = ()
    """Related links (gnuboard ``wr_link1``…)."""

    def body_for(self, image_base: str) -> str:
        """The body with image URLs under ``image_base`` (a site's image folder URL, no trailing slash)."""
        return self.body_html.replace(IMAGE_TOKEN, image_base)

    def comment_list(self) -> list[SampleComment]:
        """The post's comments, oldest first (as many as :attr:`comments`)."""
        rng = random.Random(f"{SEED}-{self.key}")
        return [
            SampleComment(
                author=rng.choice(_GUESTS),
                posted_at=self.posted_at + timedelta(minutes=7 + 41 * i),
                text=_COMMENTS[(int(self.key) + i) % len(_COMMENTS)],
            )
            for i in range(self.comments)
        ]


@dataclass(frozen=True)
class SampleComment:
    """One comment under a post."""

    author: str
    """The guest name the comment is signed with."""
    posted_at: datetime
    """Aware (Asia/Seoul): minutes after the post, in the order of the comments."""
    text: str
    """The comment's plain text."""


def editor_image(name: str) -> bytes | None:
    """The image behind a body image URL's file name (``photo_2603021015.jpg``), or None."""
    stem = name.rsplit("/", 1)[-1].split("_", 1)[0]
    wanted = f"{stem}.jpg"
    return assets.asset(wanted) if wanted in assets.IMAGES else None


def sample_posts(now: datetime, board: str = "") -> list[SamplePost]:
    """Every sample post of ``board`` relative to ``now``, newest thread first; a reply follows its post.

    Every board has the same shape (keys, the secret post, the reply, comments; dates in its own rhythm),
    so a test of one engine holds for all; what the posts say depends on the board's flavour
    (:data:`noticetui.demo.flavours.BOARDS`): a press-release board carries press releases, a university
    board its notices.  A board without a flavour (``""``) gets the mixed set of every kind, with two
    pinned notices; a flavoured board pins one.  Pinned notices sit at their place in time here: pinning
    them is the site's business.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=SEOUL)
    return list(_generate(now.astimezone(SEOUL).replace(second=0, microsecond=0), board))


@dataclass
class _Draft:
    """A post being made up: drawn in creation order, given its key once every post is drawn."""

    kind: str
    """What sort of notice (see :attr:`SamplePost.kind`); a story may change it."""
    title: str
    """The full title."""
    posted_at: datetime
    """Aware (Asia/Seoul), whole minutes."""
    rng: random.Random
    """The random source of the post's own details (body, files, views)."""
    notice: bool = False
    """Pinned at the top of the first list page."""
    secret: bool = False
    """Listed with a lock; its page asks for a password."""
    reply_to: _Draft | None = None
    """For a reply, the draft it answers."""
    key: str = ""
    """The post's ``wr_id``, set once all drafts are in creation order."""
    story: Story | None = None
    """The flavoured board's story this post tells (None on the mixed board)."""
    odd_name: bool = False
    """Whether the post also attaches :data:`corpus.ODD_NAME` (every board has one such post)."""


@lru_cache(maxsize=64)
def _generate(now: datetime, board: str) -> tuple[SamplePost, ...]:
    rng = random.Random(SEED)
    flavour = BOARDS.get(board)
    drafts = _top_level_drafts(rng, now, _Rhythm() if flavour is None else _Rhythm.of(board))
    if flavour is not None:
        slot = _PINNED_SLOTS[sorted(BOARDS).index(board) % len(_PINNED_SLOTS)]
        # Boards of one kind pin different notices and word their headline their own way: the n-th such
        # board its n-th of each; and a title another board of the kind already carries is taken.
        kin_boards = [b for b in sorted(BOARDS) if BOARDS[b] is flavour]
        kin = kin_boards.index(board)
        pinned = (flavour.pinned, *flavour.also_pinned)[kin % (1 + len(flavour.also_pinned))]
        wording = (flavour.headline.title, *flavour.headline_titles)[kin % (1 + len(flavour.headline_titles))]
        taken = frozenset(p.title for other in kin_boards[:kin] for p in _generate(now, other))
        roles = _Roles(slot, pinned, replace(flavour.headline, title=wording), taken)
        _flavour(drafts, flavour, random.Random(f"{SEED}-{board}"), roles)
    replied = drafts[_REPLIED_AT]
    reply = _Draft("문의", f"RE: {replied.title}", replied.posted_at + timedelta(hours=3, minutes=17), rng)
    reply.reply_to = replied
    if flavour is not None:
        reply.story = Story("문의", reply.title, lambda c: _answer(flavour.answer))
    threads = [*drafts[: _REPLIED_AT + 1], reply, *drafts[_REPLIED_AT + 1 :]]
    comments = {id(d): (rng.randint(1, 4) if rng.random() < 0.3 else 0) for d in threads}
    # Keys follow creation order; each post's comments take the ids right after it, as gnuboard's do.
    # Oldest first, ties kept in that order: just after midnight the two newest posts share 00:00, and
    # the newer one must still get the larger key, or keys would move with the time of day.
    next_id = 7
    for draft in sorted(reversed(threads), key=lambda d: d.posted_at):
        draft.key = str(next_id)
        next_id += 1 + comments[id(draft)]
    return tuple(_finish(d, comments[id(d)], now) for d in threads)


@dataclass(frozen=True)
class _Rhythm:
    """When a board posts: how long before ``now`` its newest post went up, and how often it posts."""

    newest: timedelta = timedelta(hours=2, minutes=10)
    """How long before ``now`` the newest post went up (never before today's midnight)."""
    gap: timedelta = timedelta(hours=3, minutes=10)
    """How long before the newest post the second newest went up (also today, or at midnight)."""
    step: float = 9.6
    """Days between older posts on average: 46 of them reach back more than a year whatever the step."""
    hour_shift: int = 0
    """Hours added to each older post's 9-17 o'clock (a board whose staff post early or late)."""
    minute_shift: int = 0
    """Minutes added (mod 60) to each older post's minute, so boards don't share minutes."""

    @classmethod
    def of(cls, board: str) -> _Rhythm:
        """The rhythm drawn for ``board`` from the seed: its own offsets, never in the future."""
        rng = random.Random(f"{SEED}-rhythm-{board}")
        return cls(
            newest=timedelta(minutes=rng.randint(7, 230)),
            gap=timedelta(minutes=rng.randint(40, 300)),
            step=rng.uniform(8.6, 11.0),
            hour_shift=rng.randint(-1, 1),
            minute_shift=rng.randint(0, 59),
        )


def _top_level_drafts(rng: random.Random, now: datetime, rhythm: _Rhythm) -> list[_Draft]:
    midnight = now.replace(hour=0, minute=0)
    used: dict[str, int] = {}
    drafts: list[_Draft] = []
    for i in range(_TOP_LEVEL):
        # The same draws on every board (so keys, kinds and comments keep one shape); the rhythm spaces them.
        if i == 0:
            when = max(midnight, now - rhythm.newest)
        elif i == 1:
            when = max(midnight, now - rhythm.newest - rhythm.gap)
        else:
            days = round(1 + (i - 1) * rhythm.step) + rng.randint(0, 3)
            hour, minute = rng.randint(9, 17) + rhythm.hour_shift, (rng.randint(0, 59) + rhythm.minute_shift) % 60
            when = midnight - timedelta(days=days) + timedelta(hours=hour, minutes=minute)
        kind = _kind_at(i, rng)
        template = corpus.TITLES[kind][used.get(kind, 0) % len(corpus.TITLES[kind])]
        used[kind] = used.get(kind, 0) + 1
        title = template.format(year=when.year, n=rng.randint(2, 12), half="상반기" if when.month < 7 else "하반기")
        drafts.append(_Draft(kind, title, when, random.Random(rng.random()), notice=i in _NOTICES_AT))
    drafts[_SECRET_AT].secret = True
    return drafts


@dataclass(frozen=True)
class _Roles:
    """What sets a flavoured board apart from the other boards of its kind."""

    pinned_at: int
    """The position of its one pinned notice."""
    pinned: Story
    """The notice it pins."""
    headline: Story
    """Its newest post, in its own wording."""
    taken: frozenset[str]
    """The titles the other boards of its kind already carry."""


def _flavour(drafts: list[_Draft], flavour: Flavour, deck_rng: random.Random, roles: _Roles) -> None:
    """Retell ``drafts`` (same keys and roles) with the stories of ``flavour``; titles stay distinct."""
    deck: list[Story] = []
    used: set[str] = set()
    for i, draft in enumerate(drafts):
        draft.notice = i == roles.pinned_at  # one pinned notice: a real board pins few
        if i in (_SECRET_AT, _REPLIED_AT):
            # The secret post asks the board's question privately, the answered one in the open; a reader
            # of another board of the kind asks it again.
            title = flavour.asks[0] if i == _REPLIED_AT else f"{flavour.asks[0]} (비밀글)"
            story = Story("문의", _unique(title, "문의", set(roles.taken)), question(flavour.asks[1]))
        elif draft.notice:
            story = roles.pinned
        elif i == 0:
            story, draft.odd_name = roles.headline, True
        else:
            story, title = _deal(deck, flavour.stories, deck_rng, draft.posted_at, used, roles.taken)
        draft.story, draft.kind = story, story.kind
        draft.title = _unique(
            title if story in flavour.stories else _title(story.title, draft.posted_at, 0), story.kind, used
        )


def _deal(
    deck: list[Story],
    stories: tuple[Story, ...],
    rng: random.Random,
    day: datetime,
    used: set[str],
    kin: frozenset[str],
) -> tuple[Story, str]:
    """The next story off a shuffled deck (so a board's kinds stay mixed) whose title is still free.

    Free means on no board of the kind (``used`` on this one, ``kin`` on the others) if a story allows it,
    else free on this board: a small board kind would rather share a title than re-announce everything.
    """
    n = rng.randint(2, 12)
    if not deck:
        deck.extend(rng.sample(stories, len(stories)))
    # A story whose title is taken waits in the deck; failing the deck, any story of the board will do.
    anywhere = rng.sample(stories, len(stories))
    for taken in (used | kin, used):
        for pool in (deck, anywhere):
            for story in pool:
                title = _title(story.title, day, n)
                if title not in taken:
                    if story in deck:
                        deck.remove(story)
                    return story, title
    story = deck.pop(0)
    return story, _title(story.title, day, n)


def _fields(day: datetime, n: int) -> dict[str, object]:
    half = "상반기" if day.month < 7 else "하반기"
    term = "1학기" if day.month < 7 else "2학기"
    return {
        "year": day.year,
        "month": day.month,
        "quarter": (day.month - 1) // 3 + 1,
        "n": n,
        "half": half,
        "term": term,
    }


def _title(template: str, day: datetime, n: int) -> str:
    return template.format_map(_fields(day, n))


def _unique(title: str, kind: str, used: set[str]) -> str:
    # A notice called again is a re-announcement on a real board.
    if title in used:
        title = f"[{'재문의' if kind == '문의' else '재공고'}] {title}"
    count = 2
    while title in used:
        title, count = f"{title.removesuffix(f' ({count - 1})')} ({count})", count + 1
    used.add(title)
    return title


def _answer(text: str) -> str:
    return f"<p>안녕하세요. 문의하신 내용에 답변드립니다.</p><p>{text}<br>감사합니다.</p>"


def _kind_at(i: int, rng: random.Random) -> str:
    if i == 1:
        return "보도자료"
    if i in (_SECRET_AT, _REPLIED_AT):
        return "문의"
    if i == _EVENT_AT:
        return "행사"
    if i in _NOTICES_AT:
        return "안내"
    if i == _NEWEST_GRANT:
        return "사업공고"
    return rng.choices(_KINDS, weights=_KIND_WEIGHTS)[0]


def _finish(draft: _Draft, comments: int, now: datetime) -> SamplePost:
    rng, kind, day = draft.rng, draft.kind, draft.posted_at
    if kind == "문의":
        author, author_id = _ADMIN if draft.reply_to else (rng.choice(_GUESTS), None)
    else:
        author, author_id = _AUTHORS[kind]
    attachments = _attachments(draft) if draft.story is None else _story_files(draft, draft.story)
    base_views = 3 + int(rng.paretovariate(1.3) * 35) if day.date() < now.date() else rng.randint(2, 40)
    return SamplePost(
        key=draft.key,
        title=draft.title,
        author=author,
        posted_at=day,
        views=min(base_views + (900 if draft.notice else 0), 9_999),
        notice=draft.notice,
        secret=draft.secret,
        reply_depth=1 if draft.reply_to else 0,
        comments=comments,
        category=corpus.CATEGORIES.get(kind),
        body_html=_body(draft),
        attachments=attachments,
        kind=kind,
        author_id=author_id,
        parent_key=draft.reply_to.key if draft.reply_to else None,
        links=("https://www.example.go.kr/apply",) if kind == "사업공고" and rng.random() < 0.4 else (),
    )


def _body(draft: _Draft) -> str:
    rng, day, kind = draft.rng, draft.posted_at, draft.kind
    hwp = rng.random() < 0.35
    if draft.story is not None:
        return draft.story.body(Context(rng, day, f"{day:%y%m%d%H%M}", hwp and kind != "문의"))
    if kind == "사업공고":
        return corpus.grant_body(rng, day, hwp)
    if kind == "보도자료":
        return corpus.press_body(rng, day, f"{day:%y%m%d%H%M}")
    if kind == "채용":
        return corpus.hiring_body(rng, day, hwp)
    if kind == "휴관":
        return corpus.closure_body(rng, day)
    if kind == "행사":
        return corpus.event_body(rng, day)
    if kind == "안내":
        return corpus.info_body(rng, day)
    if draft.reply_to is not None:
        return (
            "<p>안녕하세요. 문의하신 내용에 답변드립니다.</p><p>개인사업자도 신청하실 수 있습니다.<br>감사합니다.</p>"
        )
    return corpus.question_body(rng)


def _story_files(draft: _Draft, story: Story) -> list[tuple[str, bytes]]:
    fields = _fields(draft.posted_at, 0)
    files = [(name.format_map(fields), assets.asset(f)) for name, f in story.files]
    return [*files, (corpus.ODD_NAME, assets.asset(assets.PDF))] if draft.odd_name else files


def _attachments(draft: _Draft) -> list[tuple[str, bytes]]:
    rng = draft.rng
    if draft.kind not in corpus.ATTACHMENTS or (draft.kind == "보도자료" and rng.random() < 0.3):
        return []
    files = [(name.format(year=draft.posted_at.year), assets.asset(f)) for name, f in corpus.ATTACHMENTS[draft.kind]]
    if draft.kind == "보도자료":
        # A press photo uploaded as a file too: gnuboard shows it inline and leaves it out of the file list.
        files.insert(0, ("보도사진.jpg", assets.asset(assets.PHOTO_JPG)))
    if draft.title == corpus.TITLES["사업공고"][0].format(year=draft.posted_at.year):
        files.append((corpus.ODD_NAME, assets.asset(assets.PDF)))
    return files
