"""The real sample files (package data in ``demo/files``) that demo posts attach.

On disk they have plain ASCII names; the Korean names users see are chosen per post in
:mod:`noticetui.demo.content`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

PDF = "sample.pdf"
"""A one-page PDF with an English and a Korean text line."""
HWP = "sample.hwp"
"""A Hangul 5.0 (HWP) document: a compound file with a compressed body (a grant call and its table)."""
HWPX = "sample.hwpx"
"""A Hangul (HWPX) document: a zip of OWPML XML with Korean paragraphs."""
POSTER_JPG = "poster.jpg"
"""A small portrait JPEG (an event poster)."""
PHOTO_JPG = "photo.jpg"
"""A small landscape JPEG (a press photo)."""
TXT_CP949 = "notice_cp949.txt"
"""Korean plain text in CP949, CRLF line ends."""

ALL = (PDF, HWP, HWPX, POSTER_JPG, PHOTO_JPG, TXT_CP949)
"""Every sample file."""

IMAGES = (POSTER_JPG, PHOTO_JPG)
"""The sample files that are images."""

IMAGE_SIZES = {POSTER_JPG: (360, 504), PHOTO_JPG: (480, 270)}
"""Width and height of each image, for ``<img width height>`` (a test checks them against the files)."""


@cache
def asset(name: str) -> bytes:
    """The bytes of sample file ``name`` (one of :data:`ALL`)."""
    if name not in ALL:
        raise KeyError(f"no sample file {name!r}")
    return resources.files("noticetui.demo").joinpath("files", name).read_bytes()
