"""Korean sample text: titles, bodies and attachment names for the demo posts, by kind of notice.

Bodies are the HTML a web editor leaves behind: paragraphs, ``<br>``, lists, bold, links, tables with
Korean header cells, photos with a ``▲`` caption, ``*`` footnotes, and in some posts the ``mso-`` styled
``<span>``/``<o:p>`` noise of text pasted from a Hangul or Word document.  Image ``src`` values start with
:data:`IMAGE_TOKEN`, which each site replaces with its own image URL.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from noticetui.demo import assets

IMAGE_TOKEN = "{IMAGE_BASE}"
"""Stands for a site's image folder URL in :attr:`SamplePost.body_html`."""

_WEEKDAYS = "월화수목금토일"

TITLES: dict[str, list[str]] = {
    "사업공고": [
        "{year}년 청년 창업 지원사업 참여기업 모집 공고",
        "[R&D] {year}년 기술개발 과제 공모 안내",
        "{year}년 중소기업 수출바우처 지원사업 {n}차 공고",
        "{year}년 소상공인 경영개선 컨설팅 지원사업 추가 모집",
        "{year}년 지역특화산업 육성사업(R&D) 신규 지원과제 공모 및 사업설명회 개최 안내"
        " - 지역혁신 선도기업 대상 (온라인 접수)",
        "{year}년 사회적경제기업 판로 지원사업 참여기업 모집",
    ],
    "보도자료": [
        "[보도자료] 시, 스마트도시 조성 업무협약 체결",
        "[보도자료] {year} 지역 축제 방문객 30만 명 돌파",
        "[보도자료] 청년 일자리 박람회 성황리에 마쳐",
        "[보도자료] 공공도서관 야간 개방 시범 운영",
    ],
    "채용": [
        "<수정> {year}년 {half} 기간제 근로자 채용 공고",
        "[채용] 연구직(정규직) 신규 채용 서류전형 합격자 발표",
        "{year}년 청년인턴 채용 공고",
        "[채용] 행정직 경력직원 채용 최종 합격자 안내",
    ],
    "휴관": [
        "설 연휴 도서관 휴관 안내",
        "시설 정기점검에 따른 임시 휴관 안내",
        "추석 연휴 휴관 안내",
        "체육관 바닥 보수공사에 따른 휴관 안내",
    ],
    "행사": [
        "제{n}회 시민 아이디어 공모전 개최 안내",
        "여름 문화행사 '책 읽는 밤' 참가자 모집",
        "[결과] 제{n}회 사진 공모전 수상작 발표",
        '어린이날 가족 축제 "함께 놀자" 개최',
    ],
    "안내": [
        "홈페이지 시스템 정기 점검 안내",
        "전자민원 접수 방법 변경 안내",
        "주차장 이용 요금 조정 안내",
    ],
    "문의": ["신청 자격 관련 문의드립니다", "서류 제출 방법 문의", "교육 일정 문의합니다"],
}
"""Title templates per kind: ``{year}`` (the post's year), ``{n}`` (an ordinal), ``{half}`` (상반기/하반기)."""

CATEGORIES = {"사업공고": "사업공고", "보도자료": "보도자료", "채용": "채용", "행사": "행사"}
"""The board category of each kind that has one (휴관, 안내 and 문의 posts have none)."""


def kday(day: datetime) -> str:
    """A date the way Korean notices write it: ``2026. 3. 2.(월)``."""
    return f"{day.year}. {day.month}. {day.day}.({_WEEKDAYS[day.weekday()]})"


def _hwp(text: str) -> str:
    # A paragraph as pasted from a Hangul document: Word-style classes, mso- styles and <o:p>.
    return (
        '<p class="0" style="mso-pagination:none;text-autospace:none;mso-padding-alt:0pt 0pt 0pt 0pt;">'
        "<span style=\"font-family:'맑은 고딕';mso-fareast-font-family:'맑은 고딕';"
        f"mso-ascii-font-family:'맑은 고딕';font-size:11pt;\">{text}</span><o:p></o:p></p>"
    )


def _image(stem: str, stamp: str, alt: str, caption: str) -> str:
    src = f"{IMAGE_TOKEN}/{stamp[:4]}/{stem}_{stamp}.jpg"
    return (
        f'<p style="text-align:center;"><img src="{src}" title="{stem}.jpg" alt="{alt}"></p>'
        f'<p style="text-align:center;">▲ {caption}</p>'
    )


def grant_body(rng: random.Random, day: datetime, hwp: bool) -> str:
    """A call for applications: overview table, eligibility list, how to apply, footnotes."""
    start = day + timedelta(days=rng.randint(3, 7))
    end = start + timedelta(days=rng.randint(14, 21))
    para = _hwp if hwp else (lambda text: f"<p>{text}</p>")
    return "".join(
        [
            para("지역 기업의 성장을 돕기 위한 지원사업 참여기업을 다음과 같이 모집하오니 많은 신청 바랍니다."),
            "<p><strong>1. 사업개요</strong></p>",
            '<table border="1" cellpadding="4" style="border-collapse:collapse;width:100%;">'
            "<thead><tr><th>구분</th><th>지원내용</th><th>지원규모</th></tr></thead><tbody>"
            "<tr><td>사업화 자금</td><td>시제품 제작, 마케팅, 지식재산권 출원</td><td>기업당 최대 5천만 원</td></tr>"
            "<tr><td>전문가 멘토링</td><td>경영·기술·투자 분야 1:1 상담</td><td>연 10회 이내</td></tr>"
            "<tr><td>입주 공간</td><td>창업보육센터 사무실</td><td>20개 실</td></tr>"
            "</tbody></table>",
            "<p><strong>2. 신청자격</strong></p>",
            "<ul><li>공고일 기준 관내에 본사를 둔 중소기업</li>"
            "<li>대표자가 만 39세 이하인 창업 7년 이내 기업</li>"
            "<li>국세·지방세 체납이 없는 기업</li></ul>",
            f"<p><strong>3. 신청기간</strong>: {kday(start)} ~ {kday(end)} 18:00까지</p>",
            '<p><strong>4. 신청방법</strong>: <a href="https://www.example.go.kr/apply" target="_blank">'
            "온라인 접수 시스템</a>에서 신청서 작성 후 붙임 서류 업로드</p>",
            para("※ 제출된 서류는 반환하지 않으며, 허위 기재 시 선정이 취소될 수 있습니다."),
            "<p>* 문의: 기업지원과 창업지원팀 (☎ 02-000-1234)</p>",
            "<p>* 자세한 내용은 붙임 공고문을 참고하시기 바랍니다.</p>",
        ]
    )


def press_body(rng: random.Random, day: datetime, stamp: str) -> str:
    """A press release: lead paragraphs, a photo with a ▲ caption, a quote, the contact line."""
    people = rng.choice(["120여 명", "200여 명", "300여 명"])
    return "".join(
        [
            f"<p>시는 {day.month}월 {day.day}일 시청 대회의실에서 관계 기관과 함께 업무협약을 체결했다고 밝혔다.</p>",
            _image("photo", stamp, "업무협약 체결식 사진", "업무협약 체결식에서 참석자들이 기념촬영을 하고 있다."),
            f"<p>이날 행사에는 시민과 관계자 {people}이 참석했다.<br>협약에 따라 각 기관은 "
            "데이터 공유, 공동 연구, 인력 교류에 협력한다.</p>",
            "<p>시장은 &ldquo;시민이 체감하는 변화를 만들겠다&rdquo;고 말했다.</p>",
            "<p>* 담당: 홍보담당관 언론팀 (☎ 02-000-5678)</p>",
        ]
    )


def hiring_body(rng: random.Random, day: datetime, hwp: bool) -> str:
    """A hiring notice: positions table, ordered steps, bold deadline, footnote."""
    deadline = day + timedelta(days=rng.randint(10, 20))
    para = _hwp if hwp else (lambda text: f"<p>{text}</p>")
    return "".join(
        [
            para("우리 기관에서 함께 일할 직원을 다음과 같이 공개 채용합니다."),
            '<table border="1" style="border-collapse:collapse;">'
            "<tr><th>채용분야</th><th>인원</th><th>자격요건</th></tr>"
            "<tr><td>행정 지원</td><td>2명</td><td>학력 무관, 컴퓨터 활용 가능자</td></tr>"
            "<tr><td>시설 관리</td><td>1명</td><td>전기·기계 관련 자격증 소지자 우대</td></tr>"
            "</table>",
            "<p><b>전형 절차</b></p>",
            "<ol><li>서류 전형</li><li>면접 전형</li><li>최종 합격자 발표</li></ol>",
            f"<p>접수 마감: <strong>{kday(deadline)} 17:00</strong> (우편 접수는 마감일 도착분까지)</p>",
            "<p>* 제출 서류는 붙임 양식을 사용하십시오.<br>* 문의: 총무과 인사팀 02-000-2345</p>",
        ]
    )


_DATED_BODIES: dict[str, tuple[tuple[int, int], str]] = {
    "휴관": (
        (5, 12),
        "<p>시설 이용에 참고하시기 바랍니다.</p>"
        "<p>- 휴관 기간: {when} ~ {until}<br>"
        "- 대상 시설: 본관 열람실, 어린이자료실, 디지털자료실<br>"
        "- 도서 반납: 무인반납기 이용 가능 (24시간)</p>"
        "<p>이용에 불편을 드려 죄송합니다.</p>",
    ),
    "행사": (
        (20, 40),
        "<p>시민 여러분의 많은 참여를 바랍니다.</p>"
        "<ul><li>일시: {when} 14:00 ~ 17:00</li><li>장소: 시청 광장 및 시민홀</li>"
        "<li>대상: 시민 누구나 (사전 신청자 우선)</li></ul>"
        '<p>참가 신청: <a href="https://www.example.go.kr/event">행사 신청 페이지</a></p>'
        "<p>* 우천 시 실내 행사로 대체합니다.</p>",
    ),
    "안내": (
        (2, 6),
        "<p>{when} 02:00부터 06:00까지 시스템 점검으로 서비스 이용이 일시 중단됩니다.</p>"
        "<p>점검 시간에는 <strong>회원가입, 민원 신청, 파일 내려받기</strong>를 이용할 수 없습니다.</p>"
        "<p>* 점검 시간은 작업 상황에 따라 변경될 수 있습니다.</p>",
    ),
}
"""Bodies that name a day some days after the post, by kind: the range of days it falls after the post,
and the text, where ``{when}`` is that day and ``{until}`` the day two days later."""


def _dated_body(kind: str, rng: random.Random, day: datetime) -> str:
    (soonest, latest), text = _DATED_BODIES[kind]
    when = day + timedelta(days=rng.randint(soonest, latest))
    return text.format(when=kday(when), until=kday(when + timedelta(days=2)))


def closure_body(rng: random.Random, day: datetime) -> str:
    """A closure notice: the closed days and facilities as a few ``<br>`` separated lines."""
    return _dated_body("휴관", rng, day)


def event_body(rng: random.Random, day: datetime) -> str:
    """An event notice: what, when, where, how to join (the poster is an attached image)."""
    return _dated_body("행사", rng, day)


def info_body(rng: random.Random, day: datetime) -> str:
    """A general notice: a service break on a day soon."""
    return _dated_body("안내", rng, day)


def question_body(rng: random.Random) -> str:
    """A citizen's question."""
    return rng.choice(
        [
            "<p>안녕하세요. 올해 공고에 신청하려고 하는데 개인사업자도 신청할 수 있는지 궁금합니다.</p>",
            "<p>서류를 우편으로 보내도 되는지, 방문 제출만 가능한지 알려주세요.<br>감사합니다.</p>",
            "<p>교육이 평일 저녁에도 열리는지 문의드립니다.</p>",
        ]
    )


ATTACHMENTS: dict[str, list[tuple[str, str]]] = {
    "사업공고": [("{year}년_지원사업_공고문.hwpx", assets.HWPX), ("신청서 양식(1).pdf", assets.PDF)],
    "보도자료": [("보도자료_업무협약.hwpx", assets.HWPX)],
    "채용": [("채용공고문.pdf", assets.PDF), ("[붙임] 직무기술서.hwpx", assets.HWPX)],
    "휴관": [("휴관 안내문.txt", assets.TXT_CP949)],
    "행사": [("행사 포스터.jpg", assets.POSTER_JPG), ("참가신청서.hwpx", assets.HWPX)],
}
"""Attachment (name template, sample file) per kind; names take ``{year}``."""

ODD_NAME = "붙임2. 개인정보 수집·이용 동의서(필수 100%)#1.pdf"
"""A name with spaces, parentheses, ``%`` and ``#``: every encoding step has to get it right."""
