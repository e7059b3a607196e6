"""Image previews: one line with the kind and size, read from the header."""

from __future__ import annotations

import pytest

from noticetui.previews import PreviewError, preview_file
from noticetui.previews.image import image_size

from .conftest import WriteFile
from .samples import (
    bmp_header,
    gif_header,
    jpeg_header,
    png_header,
    webp_lossless_header,
    webp_lossy_header,
    webp_vp8x_header,
)


def test_jpeg_preview_is_kind_and_size(write_file: WriteFile) -> None:
    preview = preview_file(write_file("poster.jpg", jpeg_header(640, 480)))
    assert preview.kind == "jpeg"
    assert preview.text == "jpeg 640×480"


@pytest.mark.parametrize(
    ("kind", "head"),
    [
        ("jpeg", jpeg_header(1920, 1080)),
        ("png", png_header(1920, 1080)),
        ("gif", gif_header(1920, 1080)),
        ("webp", webp_vp8x_header(1920, 1080)),
        ("webp", webp_lossless_header(1920, 1080)),
        ("webp", webp_lossy_header(1920, 1080)),
        ("bmp", bmp_header(1920, 1080)),
    ],
)
def test_each_format_gives_width_then_height(kind: str, head: bytes) -> None:
    assert image_size(head, kind) == (1920, 1080)


def test_jpeg_fill_bytes_before_a_marker_are_skipped() -> None:
    head = jpeg_header(33, 44)
    padded = head[:2] + b"\xff\xff" + head[2:]
    assert image_size(padded, "jpeg") == (33, 44)


def test_jpeg_cut_before_its_frame_header_is_corrupt(write_file: WriteFile) -> None:
    with pytest.raises(PreviewError, match=r"^corrupt JPEG"):
        preview_file(write_file("cut.jpg", jpeg_header(640, 480)[:40]))


def test_png_without_ihdr_is_corrupt() -> None:
    with pytest.raises(PreviewError, match=r"^corrupt PNG"):
        image_size(b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "png")
