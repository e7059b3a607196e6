"""The sample Rhymix/XE site's boards and documents: the shared sample posts given XE ids and settings.

Two boards stand for the two generations of the engine (a real install has one URL mode for all its
boards; the demo hosts both under one prefix):

* ``notice`` — current Rhymix: ``default`` skin, ``index.php?mid=notice`` URLs, ``rhymix_content``
  bodies, pinned notices left out of the regular rows, downloads with a signed, IP-bound file key and a
  file name encoded for the browser the User-Agent names.
* ``free`` — an XE 1.x-era install: ``xedition`` skin, rewritten ``/free/page/2`` URLs, ``xe_content``
  bodies, notices also listed at their place in time, downloads with a session-bound file key and the
  file name sent as raw UTF-8 bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from noticetui.demo.content import SamplePost, sample_posts

PREFIX = "/rhymix"
"""Where the site lives on the demo server (the install's base path, without the trailing slash)."""

CATEGORY_SRLS = {"사업공고": 201, "보도자료": 202, "채용": 203, "행사": 204}
"""XE category ids of the sample categories (shown on boards that use categories)."""

_MEMBER_SRLS = {"admin": 4, "corp": 12, "press": 13, "hr": 14}
NEW_HOURS = 12
"""Posts younger than this get the ``new`` icon (the board module's default ``duration_new``)."""


@dataclass(frozen=True)
class BoardSetup:
    """One board's module settings."""

    mid: str
    title: str
    module_srl: int
    skin: str
    """``default`` or ``xedition``."""
    rewrite: bool
    """Pretty URLs (``/free/123``) instead of ``index.php?mid=free&document_srl=123``."""
    legacy: bool
    """XE 1.x behaviour: ``xe_content`` bodies, XE page globals, session-bound raw-bytes downloads."""
    except_notice: bool
    """Leave pinned notices out of the regular rows (else they show twice)."""
    list_count: int
    use_category: bool
    srl_base: int
    """Document ids are ``srl_base + 10 × sample key``; a post's files take the ids right after it."""


BOARDS = (
    BoardSetup("notice", "공지사항", 101, "default", rewrite=False, legacy=False, except_notice=True,
               list_count=20, use_category=False, srl_base=1000),
    BoardSetup("free", "자유게시판", 102, "xedition", rewrite=True, legacy=True, except_notice=False,
               list_count=15, use_category=True, srl_base=3000),
)  # fmt: skip
"""The site's boards."""


@dataclass(frozen=True)
class StoredFile:
    """An attachment as the file module stores it."""

    file_srl: int
    sid: str
    name: str
    data: bytes
    index: int


@dataclass(frozen=True)
class Document:
    """A sample post on one board, with its XE ids."""

    board: BoardSetup
    post: SamplePost
    srl: int

    @property
    def files(self) -> list[StoredFile]:
        """Its attachments, in upload order."""
        return [
            StoredFile(self.srl + 1 + i, _sid(self.srl + 1 + i), name, data, i)
            for i, (name, data) in enumerate(self.post.attachments)
        ]

    @property
    def member_srl(self) -> int:
        """The author's member id; 0 for a guest."""
        author_id = self.post.author_id
        if author_id is None:
            return 0
        return _MEMBER_SRLS.get(author_id, 20 + sum(author_id.encode()) % 50)

    @property
    def category_srl(self) -> int | None:
        """The category id, on boards that use categories."""
        category = self.post.category
        return CATEGORY_SRLS.get(category) if self.board.use_category and category else None

    def is_new(self, now: datetime) -> bool:
        """Whether the list shows the ``new`` icon."""
        return now - self.post.posted_at < timedelta(hours=NEW_HOURS)


def _sid(file_srl: int) -> str:
    # Rhymix stores 32 random hex digits per file; derived from the id here so that runs are repeatable.
    return hashlib.sha1(f"rhymix-sid-{file_srl}".encode()).hexdigest()[:32]


def board(mid: str) -> BoardSetup | None:
    """The board called ``mid``."""
    return next((b for b in BOARDS if b.mid == mid), None)


def documents(setup: BoardSetup, now: datetime) -> list[Document]:
    """The board's documents in list order (newest first), pinned ones included."""
    docs = [Document(setup, p, setup.srl_base + 10 * int(p.key)) for p in sample_posts(now, f"rhymix-{setup.mid}")]
    return sorted(docs, key=lambda d: d.post.posted_at, reverse=True)


def document(srl: int, now: datetime) -> Document | None:
    """The document with id ``srl`` on any board."""
    for setup in BOARDS:
        found = next((d for d in documents(setup, now) if d.srl == srl), None)
        if found is not None:
            return found
    return None


def stored_file(file_srl: int, now: datetime) -> tuple[Document, StoredFile] | None:
    """The file with id ``file_srl`` and the document it belongs to."""
    for setup in BOARDS:
        for doc in documents(setup, now):
            for stored in doc.files:
                if stored.file_srl == file_srl:
                    return doc, stored
    return None
