"""Board names suggested by ``noticetui add``."""

import pytest

from noticetui.cli.boards_cmds import suggest_name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://x.kr/bbs/board.php?bo_table=notice", "notice"),
        ("https://x.kr/index.php?mid=freeboard", "freeboard"),
        ("https://www.mohw.go.kr/board.es?mid=a10501010000&bid=0027", "mohw-27"),
        ("https://www.oc.go.kr/www/selectBbsNttList.do?key=1&bbsNo=1024", "oc-1024"),
        ("https://x.go.kr/cop/bbs/selectArticleList.do?bbsId=BBSMSTR_000000000011", "x-11"),
        ("https://x.kr/notice/", "notice"),
        ("https://www.univ.ac.kr/", "univ"),
    ],
)
def test_names_say_which_board(url: str, name: str) -> None:
    assert suggest_name(url, set()) == name


def test_taken_names_get_a_number() -> None:
    assert suggest_name("https://x.kr/bbs/board.php?bo_table=notice", {"notice", "notice-2"}) == "notice-3"
