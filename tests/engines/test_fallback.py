"""Post pages read field by field: an engine's own selectors first, the generic fallback for what they miss."""

from __future__ import annotations

from datetime import datetime

import pytest

from noticetui.engines import get_engine
from noticetui.engines.base import Doc, EngineError, parse_html
from noticetui.engines.common.fallback import ENGINE_PATH, GENERIC_PATH, read_post
from noticetui.engines.generic.text import is_chrome
from noticetui.models import SEOUL, Post
from noticetui.store.db import keep_full_title

from .conftest import FIXTURES, context, load

NOW = datetime(2026, 7, 1, 10, 0, tzinfo=SEOUL)
BOARDES_VIEW = "https://www.hansol.re.kr/board.es?mid=a10302000000&bid=0003&act=view&list_no=5521"
EGOV_VIEW = "https://www.hansolfmc.or.kr/cop/bbs/selectBoardArticle.do"
BOARDES_CUT = "2026년 하반기 지역 연구개발 혁신지원 사업설명회 개최 안내 - 지역혁..."
BOARDES_FULL = (
    "[정책브리핑] 2026년 하반기 지역 연구개발 혁신지원 사업설명회 개최 안내 - 지역혁신 생태계 조성을 위한 참여기관 모집"
)


def read(engine: str, doc: Doc, url: str, key: str, listed: str = "") -> Post:
    return read_post(get_engine(engine), doc, context(url, NOW), key, listed)


@pytest.fixture(scope="module")
def boardes_spans() -> Post:
    return read("boardes", load("boardes", "view_spans"), BOARDES_VIEW, "5521", BOARDES_CUT)


@pytest.fixture(scope="module")
def egov_nolabel() -> Post:
    return read("egov", load("egov", "view_nolabel"), EGOV_VIEW, "1234", "2026년 하반기 체육시설 정기 휴관 안내")


# --- board.es with other classes and its labels in spans ---------------------------------------------


def test_boardes_skin_the_engine_cannot_read_still_gives_the_body(boardes_spans: Post) -> None:
    assert boardes_spans.body_html.startswith("<p>한솔정책연구원은 지역 연구개발 혁신지원 사업의")
    assert "문의: 정책기획팀" in boardes_spans.body_html
    assert "이전글" not in boardes_spans.body_html and "Copyright" not in boardes_spans.body_html
    assert not boardes_spans.secret


def test_boardes_skin_labels_in_spans_give_time_author_and_views(boardes_spans: Post) -> None:
    assert boardes_spans.posted_at == datetime(2026, 6, 24, 14, 5, tzinfo=SEOUL)
    assert (boardes_spans.author, boardes_spans.views) == ("정책기획팀", 1024)


def test_boardes_skin_files_are_the_download_links_not_the_viewers(boardes_spans: Post) -> None:
    files = [(a.name, a.size, a.request.url if a.request else "") for a in boardes_spans.attachments]
    assert files == [
        ("사업설명회_안내문.hwp", 152 * 1024, "https://www.hansol.re.kr/boardDownload.es?bid=0003&list_no=5521&seq=1"),
        ("참가신청서.hwpx", 48 * 1024, "https://www.hansol.re.kr/boardDownload.es?bid=0003&list_no=5521&seq=2"),
    ]
    assert all(a.request is not None and a.request.referer == BOARDES_VIEW for a in boardes_spans.attachments)


def test_boardes_skin_title_is_the_whole_one_the_list_cut(boardes_spans: Post) -> None:
    assert boardes_spans.title == BOARDES_FULL


def test_boardes_skin_every_field_came_from_the_fallback(boardes_spans: Post) -> None:
    assert set(boardes_spans.provenance.values()) == {GENERIC_PATH}
    assert set(boardes_spans.provenance) >= {"title", "body", "posted_at", "author", "views", "attachments"}


def test_store_keeps_the_whole_title_against_a_list_cut_with_either_ellipsis() -> None:
    whole = "2026년 하반기 지역 연구개발 혁신지원 사업설명회 개최 안내 - 지역혁신 생태계 조성"
    assert keep_full_title(whole, "2026년 하반기 지역 연구개발 혁신지원 사업설명회 개최 안내 - 지역혁...") == whole
    assert keep_full_title(whole, "2026년 하반기 지역 연구개발 혁신지원 사업설명회 개최 안내 - 지역혁…") == whole
    assert keep_full_title(whole, "다른 제목") == "다른 제목"


# --- eGovFrame skin whose body cell has no 내용 label ----------------------------------------------


def test_egov_body_without_a_label_is_read_and_not_secret(egov_nolabel: Post) -> None:
    assert not egov_nolabel.secret
    assert egov_nolabel.body_html.startswith("<p>한솔시 시설관리공단에서 운영하는 체육시설의")
    assert "첨부파일을 참고하여" in egov_nolabel.body_html and "작성자" not in egov_nolabel.body_html


def test_egov_engine_keeps_the_fields_it_read_and_the_fallback_adds_the_body(egov_nolabel: Post) -> None:
    assert (egov_nolabel.title, egov_nolabel.author, egov_nolabel.views) == (
        "2026년 하반기 체육시설 정기 휴관 안내",
        "체육시설팀",
        387,
    )
    assert egov_nolabel.attachments[0].name == "휴관일정표.hwp" and egov_nolabel.attachments[0].size == 36864
    assert egov_nolabel.provenance["body"] == GENERIC_PATH
    assert {egov_nolabel.provenance[f] for f in ("title", "author", "posted_at", "views", "attachments")} == {
        ENGINE_PATH
    }


def test_egov_list_page_served_for_a_view_stays_a_secret_post() -> None:
    listing = load("egov", "article_list_page1")
    post = read("egov", listing, "https://www.example.go.kr/cop/bbs/selectArticleDetail.do", "1050")
    assert post.secret and post.body_html == "" and post.provenance == {"secret": ENGINE_PATH}


# --- secret only on evidence; nothing readable fails loudly ----------------------------------------

_FRAME = (
    "<html><head><title>자유게시판</title></head><body><header><nav><a href='/'>홈</a><a href='/b'>게시판</a>"
    "</nav></header><div id='content'>{}</div><footer>Copyright 한솔시청</footer></body></html>"
)


def test_page_with_nothing_readable_is_an_error_never_an_empty_or_secret_post() -> None:
    with pytest.raises(EngineError, match="no #bo_v"):
        read("gnuboard", parse_html(_FRAME.format("")), "https://a.kr/bbs/board.php?bo_table=free&wr_id=3", "3")


def test_password_form_is_positive_evidence_of_a_secret_post() -> None:
    form = "<p>비밀글 기능으로 보호된 글입니다.</p><form><input type='password' name='wr_password'><button>확인</button></form>"
    post = read("boardes", parse_html(_FRAME.format(form)), BOARDES_VIEW, "7")
    assert post.secret and post.body_html == ""


def test_unreadable_page_that_states_an_error_reports_the_sites_words() -> None:
    box = (
        "<div class='msg_box'><p>해당 게시물이 존재하지 않습니다.</p></div>"
        + "<p>안내 문구가 길게 이어집니다.</p>" * 60
    )
    with pytest.raises(EngineError, match="해당 게시물이 존재하지 않습니다"):
        read("kboard", parse_html(_FRAME.format(box)), "https://a.kr/?mod=document&uid=4", "4", "공지")


def test_a_page_that_does_not_show_the_listed_title_is_not_taken_for_the_post() -> None:
    maintenance = "<h1>더 나은 서비스를 위해 준비 중입니다</h1><p>잠시 후 다시 이용해 주시기 바랍니다. 감사합니다.</p>"
    with pytest.raises(EngineError, match="does not show"):
        read("rhymix", parse_html(_FRAME.format(maintenance)), "https://a.kr/notice/5", "5", "주차장 이용 안내")


def test_generic_engine_records_its_own_path() -> None:
    post = read("generic", load("boardes", "view_spans"), BOARDES_VIEW, "5521")
    assert post.provenance["body"] == GENERIC_PATH and post.body_html


# --- a gnuboard5 theme without #bo_v_con; an XE sketchbook5 skin the Rhymix engine does not know ---------

G5_THEME = "https://cse.hansol.ac.kr/bbs/board.php?bo_table=notice&wr_id=512"
SKETCHBOOK = "https://town.hansol.kr/free/40512"


def test_gnuboard_theme_without_bo_v_con_mixes_engine_and_fallback_fields() -> None:
    post = read("gnuboard", load("gnuboard", "view_theme_nocon"), G5_THEME, "512", "2026학년도 2학기 캡스톤디자인...")
    assert post.title == "2026학년도 2학기 캡스톤디자인 수강 신청 및 팀 구성 안내"
    assert post.body_html.startswith("<p>2026학년도 2학기 캡스톤디자인 교과목 수강 신청과")
    assert (post.author, post.views, post.posted_at) == ("학과사무실", 245, datetime(2026, 6, 19, 15, 20, tzinfo=SEOUL))
    assert [a.name for a in post.attachments] == ["캡스톤디자인_팀구성표.xlsx"]
    assert {k: post.provenance[k] for k in ("title", "body", "views", "attachments")} == {
        "title": ENGINE_PATH,
        "body": GENERIC_PATH,
        "views": GENERIC_PATH,
        "attachments": ENGINE_PATH,
    }


def test_sketchbook_skin_is_read_by_the_fallback_alone() -> None:
    post = read(
        "rhymix", load("rhymix", "read_sketchbook"), SKETCHBOOK, "40512", "마을 공동텃밭 분양 신청 결과와 첫 모임 일정"
    )
    assert post.title == "마을 공동텃밭 분양 신청 결과와 첫 모임 일정"
    assert "첫 모임은 6월 27일(토)" in post.body_html and "조회 수" not in post.body_html
    assert (post.posted_at, post.views) == (datetime(2026, 6, 20, 9, 12, tzinfo=SEOUL), 318)
    files = [(a.name, a.size) for a in post.attachments]
    assert files == [("2026_공동텃밭_분양결과.pdf", round(96.4 * 1024))]
    assert set(post.provenance.values()) == {GENERIC_PATH}


def test_a_sidebar_login_box_is_no_evidence_of_a_secret_post() -> None:
    login = "<div class='login_box'><form><input type='text' name='id'><input type='password' name='pw'></form></div>"
    prose = (
        "<div class='bbs_detail'><div class='view_text'>"
        + "<p>주차장 이용 요금이 조정됩니다.</p>" * 12
        + "</div></div>"
    )
    post = read("boardes", parse_html(_FRAME.format(login + prose)), BOARDES_VIEW, "7", "주차장")
    assert not post.secret and "주차장 이용 요금이 조정됩니다." in post.body_html


@pytest.mark.parametrize(
    ("names", "chrome"),
    [("rd rd_nav_style2", False), ("side_menu", True), ("lnb_wrap", True), ("bbs_view_header", False)],
)
def test_a_menu_word_marks_chrome_only_at_either_end_of_a_class(names: str, chrome: bool) -> None:
    doc = parse_html(f"<html><body><div class='{names}'><p id='x'>글</p></div></body></html>")
    node = doc.css_first("#x")
    assert node is not None and is_chrome(node) is chrome


def test_an_empty_body_the_engine_found_is_kept_not_replaced_by_other_text() -> None:
    # A post that is only its files: the skin's body box holds "<p>&nbsp;</p>"; nothing else takes its place.
    html = (FIXTURES / "gnuboard" / "view.html").read_text(encoding="utf-8")
    start, end = html.index('<div id="bo_v_con">'), html.index("<!-- } 본문 내용 끝 -->")
    empty = html[:start] + '<div id="bo_v_con"><p>&nbsp;</p></div>' + html[end:]
    post = read("gnuboard", parse_html(empty.replace('<div id="bo_v_img">', '<div id="x">')), G5_THEME, "40")
    assert "무인반납기" not in post.body_html and post.provenance["body"] == ENGINE_PATH
    assert len(post.attachments) == 2


def test_dl_labels_and_download_buttons_on_a_skin_the_bbsntt_engine_does_not_know() -> None:
    url = "https://www.hansol.go.kr/www/selectBbsNttView.do?key=1180&bbsNo=2201&nttNo=88412"
    post = read(
        "bbsntt", load("bbsntt", "view_dl_buttons"), url, "88412", "한솔군 도시계획시설(도로) 결정 및 지형도면 고시"
    )
    assert (post.title, post.author, post.views) == (
        "한솔군 도시계획시설(도로) 결정 및 지형도면 고시",
        "도시건축과",
        57,
    )
    assert post.posted_at == datetime(2026, 6, 23, 11, 40, tzinfo=SEOUL)  # labelled 입력
    assert post.body_html.startswith("<p>「국토의 계획 및 이용에 관한 법률」") and "첨부파일" not in post.body_html
    files = [(a.name, a.size, a.request.url if a.request else "") for a in post.attachments]
    down = "https://www.hansol.go.kr/common/fileDown.do?atchFileId=FILE_000000000087210&fileSn="
    assert files == [
        ("도시계획시설_결정조서.hwp", 84 * 1024, down + "1"),
        ("지형도면.pdf", round(2.1 * 1024**2), down + "2"),
    ]
