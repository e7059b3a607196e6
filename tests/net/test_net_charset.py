"""decode_html: which source of truth wins, and that Korean pages come out right."""

from __future__ import annotations

import codecs

import pytest

from noticetui.net.charset import charset_from_content_type, decode_html, normalize_charset

KOREAN = "공지사항: 2024학년도 수강신청 안내"
CP949_ONLY = "똠방각하 햏"  # syllables outside KS X 1001: strict EUC-KR cannot encode or decode them


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def assert_reads(content: bytes, content_type: str | None, words: str, encoding: str) -> None:
    """``decode_html`` decodes ``content`` served as ``content_type`` with ``encoding``, ``words`` whole."""
    text, used = decode_html(content, content_type)
    assert words in text
    assert used == encoding


def test_header_charset_is_used() -> None:
    assert_reads(page(KOREAN).encode("cp949"), "text/html; charset=EUC-KR", KOREAN, "cp949")


def test_euc_kr_label_decodes_cp949_only_syllables() -> None:
    content = page(CP949_ONLY).encode("cp949")
    with pytest.raises(UnicodeDecodeError):
        content.decode("euc-kr")  # the reason for mapping the label to cp949
    assert_reads(content, "text/html; charset=euc-kr", CP949_ONLY, "cp949")


def test_utf8_header_lying_over_cp949_bytes_falls_through() -> None:
    assert_reads(page(KOREAN).encode("cp949"), "text/html; charset=UTF-8", KOREAN, "cp949")


def test_utf8_header_lying_falls_through_to_meta() -> None:
    content = page(CP949_ONLY, '<meta charset="euc-kr">').encode("cp949")
    assert_reads(content, "text/html; charset=utf-8", CP949_ONLY, "cp949")


def test_utf8_bom_is_detected_and_removed() -> None:
    text, encoding = decode_html(codecs.BOM_UTF8 + page(KOREAN).encode(), None)
    assert encoding == "utf-8"
    assert text.startswith("<html>")
    assert KOREAN in text


def test_utf16_bom_is_detected() -> None:
    assert_reads(page(KOREAN).encode("utf-16"), "text/html", KOREAN, "utf-16")


def test_bom_beats_a_wrong_header_charset() -> None:
    assert_reads(codecs.BOM_UTF8 + page(KOREAN).encode(), "text/html; charset=euc-kr", KOREAN, "utf-8")


def test_meta_charset_without_header() -> None:
    content = page(KOREAN, '<meta charset="euc-kr">').encode("cp949")
    assert decode_html(content, None) == (page(KOREAN, '<meta charset="euc-kr">'), "cp949")


def test_meta_http_equiv_without_header_charset() -> None:
    head = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ks_c_5601-1987">'
    assert_reads(page(CP949_ONLY, head).encode("cp949"), "text/html", CP949_ONLY, "cp949")


def test_meta_declaring_another_charset_is_obeyed() -> None:
    body = "Привет"
    head = '<meta http-equiv="content-type" content="text/html;charset=koi8-r">'
    content = page(body, head).encode("koi8-r")
    assert_reads(content, None, body, "koi8-r")


def test_meta_after_the_first_4kb_is_ignored() -> None:
    body = "Привет"
    content = ("<!--" + "x" * 5000 + "-->" + page(body, '<meta charset="koi8-r">')).encode("koi8-r")
    _, encoding = decode_html(content, None)
    assert encoding == "cp949"


def test_xml_declaration_encoding() -> None:
    content = f'<?xml version="1.0" encoding="EUC-KR"?><rss><title>{KOREAN}</title></rss>'.encode("cp949")
    assert_reads(content, "application/rss+xml", KOREAN, "cp949")


def test_no_declaration_utf8_bytes() -> None:
    assert decode_html(page(KOREAN).encode(), None) == (page(KOREAN), "utf-8")


def test_no_declaration_cp949_bytes() -> None:
    assert decode_html(page(CP949_ONLY).encode("cp949"), "text/html") == (page(CP949_ONLY), "cp949")


def test_unknown_header_label_falls_through() -> None:
    assert_reads(page(KOREAN).encode(), "text/html; charset=x-no-such-thing", KOREAN, "utf-8")


def test_utf7_label_is_not_honoured() -> None:
    content = page("+ADw-script+AD4-").encode("ascii")
    assert_reads(content, "text/html; charset=utf-7", "+ADw-script+AD4-", "utf-8")


def test_latin1_server_default_does_not_hide_a_meta_euc_kr() -> None:
    content = page(KOREAN, '<meta charset="euc-kr">').encode("cp949")
    assert_reads(content, "text/html; charset=ISO-8859-1", KOREAN, "cp949")


def test_latin1_header_is_used_when_nothing_else_claims_the_page() -> None:
    assert_reads(page("café crème").encode("latin-1"), "text/html; charset=iso-8859-1", "café crème", "iso8859-1")


def test_undecodable_bytes_never_raise() -> None:
    content = b"<p>\x80\xff\xfe\x81 ok</p>"
    text, encoding = decode_html(content, "text/html; charset=utf-8")
    assert encoding in ("utf-8", "cp949")
    assert "\ufffd" in text
    assert text.endswith(" ok</p>")


def test_one_invalid_byte_keeps_a_utf8_page_utf8() -> None:
    body = page(KOREAN * 3).encode("utf-8")
    broken = body.replace(KOREAN.encode("utf-8")[:3], b"\xff", 1)
    for content_type in ("text/html; charset=utf-8", "text/html", None):
        text, encoding = decode_html(broken, content_type)
        assert encoding == "utf-8"
        assert text.count("\ufffd") == 1
        assert KOREAN in text


def test_one_invalid_byte_keeps_a_cp949_page_cp949() -> None:
    body = page(KOREAN * 3, "euc-kr").encode("cp949")
    broken = body.replace(b"</p>", b"\xff</p>", 1)
    text, encoding = decode_html(broken, "text/html; charset=euc-kr")
    assert encoding == "cp949"
    assert KOREAN in text and text.count("\ufffd") == 1


def test_a_wrong_charset_header_loses_to_the_encoding_that_fits() -> None:
    text, encoding = decode_html(page(KOREAN).encode("utf-8"), "text/html; charset=euc-kr")
    assert encoding == "utf-8"
    assert KOREAN in text


def test_latin1_header_loses_to_utf8_with_one_bad_byte() -> None:
    broken = page(KOREAN * 3).encode("utf-8").replace(b"<p>", b"<p>\xff", 1)
    text, encoding = decode_html(broken, "text/html; charset=iso-8859-1")
    assert encoding == "utf-8"
    assert KOREAN in text


@pytest.mark.parametrize("label", ["euc-kr", "EUC-KR", "ks_c_5601-1987", "x-windows-949", "ksc5601", "cp949"])
def test_korean_labels_map_to_cp949(label: str) -> None:
    assert normalize_charset(label) == "cp949"


def test_charset_from_quoted_content_type() -> None:
    assert charset_from_content_type('text/html; charset="utf-8"') == "utf-8"
    assert charset_from_content_type("text/html") is None
