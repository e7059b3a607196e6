"""Hostile input: truncated, garbled and crafted files give a Preview or a PreviewError, nothing else."""

from __future__ import annotations

import random
import struct

import pytest

from noticetui.previews import Preview, PreviewError, preview_file, sniff

from .cfb_writer import HwpTable, build_cfb, build_hwp, file_header, hwp_record
from .conftest import WriteFile
from .samples import (
    assemble_pdf,
    bmp_header,
    build_hwpx,
    gif_header,
    hwpx_paragraph,
    hwpx_section,
    hwpx_table,
    jpeg_header,
    korean_pdf,
    latin_pdf,
    png_header,
    webp_vp8x_header,
)

TABLE = HwpTable([["구분", "내용"], ["기간", "3월 2일 ~ 20일"]])
SAMPLES: dict[str, tuple[str, bytes]] = {
    "pdf": ("a.pdf", latin_pdf([["Grant call"], ["Page two"]])),
    "pdf-korean": ("k.pdf", korean_pdf("지원사업 공고")),
    "hwp": ("a.hwp", build_hwp([["공고", TABLE, "문의\t02-123-4567"], ["둘째 구역"]])),
    "hwp-plain": ("b.hwp", build_hwp([["압축 없음", TABLE]], compressed=False)),
    "hwpx": (
        "a.hwpx",
        build_hwpx(
            {"Contents/section0.xml": hwpx_section(hwpx_paragraph("공고"), hwpx_table([["가", "나"], ["다", "라"]]))},
            spine=["Contents/section0.xml"],
        ),
    ),
    "jpeg": ("a.jpg", jpeg_header(640, 480) + bytes(200)),
    "png": ("a.png", png_header(64, 64) + bytes(100)),
    "gif": ("a.gif", gif_header(64, 64) + bytes(100)),
    "webp": ("a.webp", webp_vp8x_header(64, 64) + bytes(100)),
    "bmp": ("a.bmp", bmp_header(4, 4) + bytes(48)),
    "text": ("a.txt", "공지사항\n신청 기간: 3월 2일\n".encode("cp949") * 20),
    "csv": ("a.csv", "이름,부서\n김철수,기획과\n".encode() * 20),
}
FRACTIONS = (0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99)


def previews_or_refuses(write_file: WriteFile, name: str, data: bytes) -> None:
    """Fail when preview_file raises anything but PreviewError (or returns anything but a Preview)."""
    path = write_file(name, data)
    try:
        result = preview_file(path, timeout=20.0)
    except PreviewError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, Preview)


@pytest.mark.parametrize("fraction", FRACTIONS)
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_truncated_files_never_raise_other_errors(write_file: WriteFile, sample: str, fraction: float) -> None:
    name, data = SAMPLES[sample]
    previews_or_refuses(write_file, name, data[: max(1, int(len(data) * fraction))])


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_garbled_files_never_raise_other_errors(write_file: WriteFile, sample: str, seed: int) -> None:
    name, data = SAMPLES[sample]
    rng = random.Random(f"{sample}-{seed}")
    garbled = bytearray(data)
    for _ in range(max(4, len(data) // 50)):
        garbled[rng.randrange(len(garbled))] = rng.randrange(256)
    previews_or_refuses(write_file, name, bytes(garbled))


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_magic_followed_by_garbage_never_raises_other_errors(write_file: WriteFile, sample: str) -> None:
    name, data = SAMPLES[sample]
    rng = random.Random(sample)
    previews_or_refuses(write_file, name, data[:16] + rng.randbytes(3000))


@pytest.mark.parametrize("kind", ["pdf", "hwp", "hwpx"])
def test_truncated_documents_are_refused_with_a_clear_message(write_file: WriteFile, kind: str) -> None:
    name, data = SAMPLES[kind]
    with pytest.raises(PreviewError, match=rf"^corrupt {kind.upper()}"):
        preview_file(write_file(name, data[: len(data) // 3]))


def test_record_claiming_more_bytes_than_the_section_has_is_corrupt(write_file: WriteFile) -> None:
    section = struct.pack("<II", 67 | 0xFFF << 20, 0x7FFFFFFF) + b"\x00" * 10
    data = build_cfb({"FileHeader": file_header(flags=0), "BodyText/Section0": section})
    with pytest.raises(PreviewError, match=r"^corrupt HWP: section 0: record cut short"):
        preview_file(write_file("huge.hwp", data))


def test_hwp_text_full_of_control_characters_is_survived(write_file: WriteFile) -> None:
    payload = bytes(range(64)) * 20  # every control code, in and out of alignment
    data = build_cfb({"FileHeader": file_header(flags=0), "BodyText/Section0": hwp_record(67, 1, payload)})
    preview = preview_file(write_file("controls.hwp", data))
    assert all(ch in "\n\t" or ord(ch) >= 32 for ch in preview.text)


def test_deeply_nested_hwpx_xml_is_refused_not_crashed(write_file: WriteFile) -> None:
    nested = "<hp:p><hp:run>" * 5000 + "</hp:run></hp:p>" * 5000
    data = build_hwpx({"Contents/section0.xml": hwpx_section(nested)}, spine=["Contents/section0.xml"])
    previews_or_refuses(write_file, "deep.hwpx", data)


def test_pdf_whose_page_tree_contains_itself_is_survived(write_file: WriteFile) -> None:
    data = assemble_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    previews_or_refuses(write_file, "loop.pdf", data)


def test_zip_that_is_only_a_local_header_is_survived(write_file: WriteFile) -> None:
    previews_or_refuses(write_file, "x.hwpx", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/hwp+zip")


KINDS = {
    *("pdf", "hwp", "hwp3", "ole", "hwpx", "docx", "xlsx", "pptx", "zip"),
    *("jpeg", "png", "gif", "webp", "bmp", "html", "drm", "empty", "text", "unknown"),
}
"""Every kind :func:`sniff` may return, as its docstring lists them."""


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_sniff_returns_a_kind_for_any_cut_or_garbage_after_a_magic(sample: str) -> None:
    _, data = SAMPLES[sample]
    rng = random.Random(f"sniff-{sample}")
    heads = [data[:n] for n in range(0, min(len(data), 80))] + [data[:8] + rng.randbytes(n) for n in (1, 30, 500)]
    assert {sniff(head, "x") for head in heads} <= KINDS
