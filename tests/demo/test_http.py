"""Requests, responses and sessions as sites see them."""

from __future__ import annotations

import re

from noticetui.demo.http import DemoRequest, DemoResponse, Headers, SessionStore, new_session_id, parse_cookies
from noticetui.demo.sites import all_sites, site_for


def test_headers_ignore_case() -> None:
    headers = Headers([("Referer", "http://a/"), ("X-Thing", "1")])
    assert headers["referer"] == "http://a/"
    assert "REFERER" in headers
    assert headers.get("missing") is None


def test_repeated_headers_are_joined() -> None:
    assert Headers([("Accept", "a"), ("accept", "b")])["Accept"] == "a, b"


def test_cookies_are_parsed_and_junk_is_ignored() -> None:
    assert parse_cookies("PHPSESSID=abc; other=1") == {"PHPSESSID": "abc", "other": "1"}
    assert parse_cookies(None) == {}


def test_session_ids_follow_the_platform_style() -> None:
    assert re.fullmatch(r"[0-9a-v]{26}", new_session_id("PHPSESSID"))
    assert re.fullmatch(r"[0-9A-F]{32}", new_session_id("JSESSIONID"))


def test_session_is_created_lazily_and_announced_once() -> None:
    store = SessionStore()
    request = DemoRequest("GET", "/", {}, sessions=store)
    assert request.session_cookie_header() is None
    request.session["flag"] = True
    cookie = request.session_cookie_header()
    assert cookie is not None and cookie.startswith("PHPSESSID=")
    sid = cookie.split("=", 1)[1].split(";", 1)[0]
    again = DemoRequest("GET", "/", {}, cookies={"PHPSESSID": sid}, sessions=store)
    assert again.session["flag"] is True
    assert again.session_cookie_header() is None


def test_param_reads_query_before_form() -> None:
    request = DemoRequest("POST", "/", {"a": ["q"]}, form={"a": ["f"], "b": ["f"]})
    assert request.param("a") == "q"
    assert request.param("b") == "f"
    assert request.param("c", "dflt") == "dflt"


def test_html_response_encodes_in_its_charset_with_references_for_the_rest() -> None:
    response = DemoResponse.html("공지 ☃ 뷁", charset="euc-kr")
    assert response.header("content-type") == "text/html; charset=euc-kr"
    assert response.body.decode("euc-kr").startswith("공지 ")
    assert b"&#" in response.body  # ☃ and 뷁 are not in EUC-KR


def test_redirect_and_file_helpers() -> None:
    assert DemoResponse.redirect("http://x/").header("Location") == "http://x/"
    file = DemoResponse.file(b"abc", 'attachment; filename="a.txt"')
    assert file.body == b"abc" and file.header("content-disposition") == 'attachment; filename="a.txt"'


def test_sites_are_discovered_and_own_their_prefix() -> None:
    prefixes = [site.prefix for site in all_sites()]
    assert "/gnuboard5" in prefixes
    site = site_for("/gnuboard5/bbs/board.php")
    assert site is not None and site.prefix == "/gnuboard5"
    assert site_for("/gnuboard5x/bbs/board.php") is None
