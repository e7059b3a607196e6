"""The flavours of a town's and a university's boards: notices, files, questions, academic notices."""

from __future__ import annotations

from noticetui.demo import assets
from noticetui.demo.stories import (
    Flavour,
    Story,
    closure,
    event,
    plain_notice,
    question,
    with_image,
    with_table,
)

ACADEMIC = Flavour(
    stories=(
        Story(
            "학사",
            "{year}학년도 {term} 수강신청 일정 안내",
            with_table(
                plain_notice(
                    "{year}학년도 수강신청을 다음과 같이 실시합니다. 수강신청 기간: {date} 10:00부터",
                    "장바구니 담기 결과는 수강신청 시 자동으로 반영되지 않으니 유의하십시오.",
                ),
                ["구분", "일시", "대상"],
                [["장바구니", "{date} 10:00", "전 학년"], ["본 수강신청", "{date} 10:00", "4·3학년 우선"]],
            ),
            (("수강신청 안내문.pdf", assets.PDF),),
        ),
        Story(
            "학사",
            "{year}학년도 {term} 성적 정정 기간 안내",
            plain_notice(
                "성적 이의가 있는 학생은 {date}까지 포털에서 정정을 신청하십시오.",
                "기간이 지난 뒤에는 정정할 수 없습니다.",
            ),
        ),
        Story(
            "학사",
            "{year}학년도 {term} 국가장학금 {n}차 신청 안내",
            plain_notice(
                "한국장학재단 누리집에서 {date}까지 신청하십시오.",
                "가구원 정보 제공 동의까지 마쳐야 신청이 완료됩니다.",
            ),
            (("국가장학금 신청 안내.hwp", assets.HWP),),
        ),
        Story(
            "학사",
            "{year}학년도 {term} 휴학 및 복학 신청 안내",
            plain_notice(
                "휴학·복학 신청은 {date}까지 학사정보시스템에서 할 수 있습니다.",
                "군휴학은 입영통지서를 첨부해야 합니다.",
            ),
            (("휴학원서.hwpx", assets.HWPX),),
        ),
        Story(
            "학사",
            "{year}년 {month}월 졸업논문 심사 일정 및 제출 안내",
            plain_notice(
                "졸업논문 최종본은 {date}까지 학과 사무실에 제출하십시오.",
                "제출 양식은 붙임 파일을 사용하십시오.",
            ),
            (("논문 표지 양식.hwp", assets.HWP), ("심사 일정표.pdf", assets.PDF)),
        ),
        Story(
            "학사",
            "{year}학년도 {term} 등록금 분할납부 신청 안내",
            plain_notice(
                "등록금을 4회까지 나누어 낼 수 있습니다. 신청 기한: {date}",
            ),
        ),
        Story(
            "행사",
            "{month}월 진로·취업 특강 '선배에게 듣는다' 참가 신청",
            event("진로·취업 특강", "학생회관 2층 대강당"),
            (("특강 포스터.jpg", assets.POSTER_JPG),),
        ),
        Story(
            "학사",
            "{year}학년도 계절학기 개설 교과목 및 수강 안내",
            plain_notice(
                "계절학기 개설 교과목을 붙임과 같이 안내합니다. 수강신청: {date}",
            ),
            (("계절학기 개설 교과목.pdf", assets.PDF),),
        ),
        Story(
            "학사",
            "{year}년 {month}월 교내 장학생 선발 결과 안내",
            plain_notice("선발된 학생은 {date}까지 장학금 수령 계좌를 등록하십시오."),
        ),
        Story(
            "학사",
            "{month}월 중앙도서관 이용 시간 변경 안내",
            plain_notice("시험 기간에는 열람실을 24시간 개방합니다. 적용 기간: {date}부터"),
        ),
    ),
    pinned=Story(
        "안내",
        "{year}학년도 학사일정 안내",
        plain_notice(
            "올해 학사일정을 붙임과 같이 안내합니다. 변경되는 일정은 이 게시판에 공지합니다.",
        ),
        (("학사일정표.pdf", assets.PDF),),
    ),
    headline=Story(
        "학사",
        "{year}학년도 {term} 수강신청 정정(Add&Drop) 기간 및 유의사항 안내 - 폐강 교과목 수강생 필독, 학년별 일정 확인",
        with_table(
            plain_notice(
                "수강신청 정정 기간은 {date}부터 3일간입니다.",
                "폐강 교과목 수강생은 정정 기간에 다른 교과목을 신청하십시오.",
            ),
            ["학년", "정정 기간"],
            [["4학년", "{date} 10:00 ~ 17:00"], ["1~3학년", "{date} 10:00 ~ 17:00"]],
        ),
        (("수강정정 유의사항.hwp", assets.HWP),),
    ),
    also_pinned=(
        Story(
            "안내",
            "학사 업무 문의처 안내 (학과별 연락처)",
            plain_notice("학사 관련 문의는 소속 학과 사무실로 해 주십시오."),
        ),
    ),
    asks=("전과 신청 자격 문의", "2학년 1학기에도 전과 신청이 가능한가요?"),
    answer="2학년 1학기까지 이수 학점이 기준을 넘으면 신청하실 수 있습니다.",
)

CITY = Flavour(
    stories=(
        Story(
            "휴관",
            "{year}년 {month}월 시립도서관 정기 휴관일 안내",
            closure("시립도서관 전 자료실", "장서 점검"),
            (("휴관 안내문.txt", assets.TXT_CP949),),
        ),
        Story("휴관", "{year}년 {month}월 시설 정기점검에 따른 임시 휴관 안내", closure("시민체육관", "시설 정기점검")),
        Story(
            "휴관",
            "{month}월 시립박물관 전시 교체에 따른 휴관 안내",
            closure("시립박물관", "전시 교체"),
            (("휴관 안내문.txt", assets.TXT_CP949),),
        ),
        Story(
            "안내",
            "홈페이지 시스템 정기 점검 안내 ({month}월)",
            plain_notice(
                "{date} 02:00부터 06:00까지 시스템 점검으로 서비스 이용이 일시 중단됩니다.",
                "점검 시간에는 <strong>회원가입, 민원 신청, 파일 내려받기</strong>를 이용할 수 없습니다.",
            ),
        ),
        Story(
            "안내",
            "전자민원 접수 방법 변경 안내",
            plain_notice(
                "{date}부터 전자민원은 통합 민원 창구에서만 접수합니다.",
                "기존 접수 건은 그대로 처리됩니다.",
            ),
        ),
        Story(
            "안내",
            "공영주차장 이용 요금 조정 안내",
            with_table(
                plain_notice(
                    "{date}부터 공영주차장 기본요금이 30분 1,000원으로 조정됩니다.",
                    "경차와 친환경차는 50% 감면됩니다.",
                ),
                ["구분", "현행", "조정"],
                [
                    ["기본(30분)", "800원", "1,000원"],
                    ["추가(10분)", "200원", "300원"],
                    ["1일 주차", "8,000원", "10,000원"],
                ],
            ),
            (("요금표.pdf", assets.PDF),),
        ),
        Story(
            "행사",
            "제{n}회 시민 아이디어 공모전 개최 안내",
            event("시민 아이디어 공모전", "시청 시민홀"),
            (("공모전 포스터.jpg", assets.POSTER_JPG), ("참가신청서.hwpx", assets.HWPX)),
        ),
        Story(
            "행사",
            '{year} {half} 가족 축제 "함께 놀자" 개최',
            event("어린이날 가족 축제", "시청 광장"),
            (("행사 포스터.jpg", assets.POSTER_JPG),),
        ),
        Story(
            "안내",
            "{year}년 {month}월 민방위 훈련 실시 안내",
            plain_notice("{date} 14:00부터 20분간 민방위 훈련을 실시합니다.", "훈련 중에는 차량 통행이 통제됩니다."),
        ),
        Story(
            "안내",
            "{month}월 대형폐기물 무료 수거의 날 안내",
            plain_notice("{date}에 대형폐기물을 무료로 수거합니다.", "전날까지 동 행정복지센터에 신청하십시오."),
        ),
    ),
    pinned=Story(
        "안내",
        "개인정보 처리방침 개정 안내",
        plain_notice(
            "개정된 개인정보 처리방침이 {date}부터 시행됩니다.",
            "주요 개정 내용은 붙임 신구조문 대비표를 참고하십시오.",
        ),
        (("신구조문 대비표.hwp", assets.HWP),),
    ),
    headline=Story(
        "행사",
        "{year} 여름 문화행사 '책 읽는 밤' 북토크&야외 영화 상영 참가자 모집 - 가족 단위 참가 환영 (사전 신청 필수)",
        with_table(
            event("여름 문화행사 '책 읽는 밤'", "시립도서관 앞마당"),
            ["시간", "프로그램", "장소"],
            [["19:00", "작가와의 북토크", "시민홀"], ["20:30", "야외 영화 상영", "도서관 앞마당"]],
        ),
        (("참가신청서.hwpx", assets.HWPX),),
    ),
    also_pinned=(Story("안내", "홈페이지 이용 안내", plain_notice("불편 사항은 전자민원 창구로 알려 주십시오.")),),
    asks=("주차장 이용 문의", "행사 당일 시청 주차장을 이용할 수 있나요?"),
    answer="행사 당일에는 주차장이 혼잡하니 대중교통을 이용해 주십시오.",
)

DATA = Flavour(
    stories=(
        Story(
            "자료",
            "{year}년 민원 신청서 서식 모음",
            plain_notice("자주 쓰는 민원 서식을 한곳에 모았습니다."),
            (("민원서식 모음.hwp", assets.HWP), ("민원서식 모음.pdf", assets.PDF)),
        ),
        Story(
            "자료",
            "{year}년 업무편람 ({half})",
            plain_notice("부서별 업무편람을 붙임과 같이 게시합니다."),
            (("업무편람.pdf", assets.PDF),),
        ),
        Story(
            "자료",
            "{year}년 {month}월 통계 월보",
            plain_notice("주요 통계 지표를 정리한 월보입니다."),
            (("통계월보.hwpx", assets.HWPX),),
        ),
        Story(
            "자료",
            "{year}년 {half} 예산서 및 기금운용계획",
            plain_notice("올해 예산서를 공개합니다."),
            (("예산서.pdf", assets.PDF), ("기금운용계획.hwp", assets.HWP)),
        ),
        Story(
            "자료",
            "정보공개 청구서 서식 ({year}년 개정)",
            plain_notice("개정된 정보공개 청구서 서식입니다."),
            (("정보공개 청구서.hwp", assets.HWP),),
        ),
        Story(
            "자료",
            "{year}년 {quarter}분기 계약 현황 공개",
            with_table(
                plain_notice("분기별 계약 현황을 공개합니다."),
                ["계약명", "계약방법", "금액"],
                [["청사 청소 용역", "제한경쟁", "48,000,000원"], ["홈페이지 유지보수", "수의계약", "19,800,000원"]],
            ),
            (("계약현황.hwpx", assets.HWPX),),
        ),
        Story(
            "자료",
            "{year}년 {month}월 업무추진비 사용 내역",
            with_table(
                plain_notice("기관장 및 부서 업무추진비 사용 내역을 공개합니다."),
                ["일자", "사용처", "금액"],
                [["{date}", "업무협의 간담회", "184,000원"], ["{date}", "유관기관 협력 회의", "96,000원"]],
            ),
            (("업무추진비 사용내역.pdf", assets.PDF),),
        ),
        Story(
            "자료",
            "{year}년 {month}월 주요 회의 결과",
            plain_notice("간부회의 주요 결과를 공개합니다."),
            (("회의결과.hwp", assets.HWP),),
        ),
    ),
    pinned=Story(
        "안내",
        "자료실 이용 안내 (HWP 뷰어 내려받기)",
        plain_notice(
            "자료실의 HWP 파일은 한컴오피스 뷰어로 열 수 있습니다.",
            "자료는 출처를 밝히고 자유롭게 이용하십시오.",
        ),
    ),
    headline=Story(
        "자료",
        "{year}년 보조금 신청&정산 서식 일체 (신청서, 사업계획서, 정산보고서, 집행 지침) - 개정 서식 반영 (2종 추가)",
        with_image(
            plain_notice("보조금 신청서, 사업계획서, 정산보고서 서식을 올립니다."), "photo", "보조금 정산 절차 안내도"
        ),
        (("보조금 신청서.hwp", assets.HWP), ("사업계획서.hwpx", assets.HWPX), ("정산보고서.pdf", assets.PDF)),
    ),
    also_pinned=(
        Story(
            "안내",
            "자료 이용 시 출처 표시 안내 (공공누리)",
            plain_notice("자료실의 자료는 공공누리 제1유형으로 출처를 밝히면 자유롭게 이용할 수 있습니다."),
        ),
    ),
    asks=("서식 파일이 열리지 않습니다", "민원서식 파일을 내려받았는데 열리지 않습니다."),
    answer="한컴오피스 뷰어를 설치하시면 열 수 있습니다. PDF 파일도 함께 올려 두었습니다.",
)

_PLACES = ("중앙공원", "시장 앞 사거리", "시립도서관 주차장", "한빛초 통학로", "강변 산책로", "버스터미널 주변")
_PROBLEMS = (
    ("가로등 고장 신고합니다", "가로등이 며칠째 꺼져 있어 밤길이 어둡습니다."),
    ("불법 주차 단속 요청", "불법 주차 차량 때문에 보행이 위험합니다."),
    ("쓰레기 무단 투기 신고", "쓰레기가 계속 쌓이고 있습니다."),
    ("보도블록 파손 신고", "보도블록이 깨져 걸려 넘어질 뻔했습니다."),
    ("CCTV 설치 건의", "밤에 인적이 드물어 CCTV가 있으면 좋겠습니다."),
    ("벤치 파손 신고", "벤치가 부서져 앉을 수 없습니다."),
)


FREE = Flavour(
    stories=(
        Story("문의", "{month}월 시민대학 교육 일정 문의합니다", question("교육이 평일 저녁에도 열리는지 궁금합니다.")),
        Story(
            "문의", "서류 제출 방법 문의", question("서류를 우편으로 보내도 되는지, 방문 제출만 가능한지 알려주세요.")
        ),
        Story("문의", "공원 가로등 고장 신고합니다", question("중앙공원 산책로 가로등 세 개가 며칠째 꺼져 있습니다.")),
        Story("문의", "도서관 열람실 냉방 건의", question("오후에 열람실이 너무 덥습니다. 냉방 시간을 늘려 주세요.")),
        Story("문의", "{year} 축제 자원봉사 신청은 어디서 하나요?", question("축제 자원봉사에 참여하고 싶습니다.")),
        Story(
            "문의",
            "친절한 민원 응대에 감사드립니다",
            question("지난주 민원실 직원분께서 끝까지 도와주셔서 감사했습니다."),
        ),
        Story("문의", "버스 정류장 위치 변경 요청", question("시장 앞 정류장이 횡단보도와 멀어 위험합니다.")),
        *(
            Story("문의", f"{place} {problem}", question(f"{place}에 {text}"), (("현장 사진.jpg", assets.PHOTO_JPG),))
            for place in _PLACES
            for problem, text in _PROBLEMS
        ),
    ),
    pinned=Story(
        "안내",
        "자유게시판 운영 원칙 안내",
        plain_notice(
            "욕설, 광고, 개인정보가 담긴 글은 예고 없이 삭제됩니다.",
            "답변이 필요한 민원은 전자민원 창구를 이용해 주십시오.",
        ),
    ),
    headline=Story(
        "안내",
        "{year}년 시민참여예산 제안 공모 안내 (Q&A 포함) - 우리 동네에 필요한 사업을 제안해 주세요, 온라인 접수",
        with_image(
            with_table(
                plain_notice(
                    "우리 동네에 필요한 사업을 {date}까지 제안해 주십시오.", "채택된 제안은 내년 예산에 반영됩니다."
                ),
                ["분야", "제안 예시"],
                [["안전", "통학로 보행 안전시설"], ["환경", "공원 쉼터·그늘막 설치"], ["복지", "경로당 프로그램"]],
            ),
            "poster",
            "시민참여예산 제안 공모 포스터",
        ),
        (("시민참여예산 제안서.hwp", assets.HWP),),
    ),
    also_pinned=(
        Story(
            "안내", "게시판 실명제 운영 안내", plain_notice("{date}부터 본인 인증을 거친 회원만 글을 쓸 수 있습니다.")
        ),
    ),
    asks=("불법 현수막 철거 요청", "사거리 일대에 불법 현수막이 많아 신호등이 가립니다."),
    answer="현장을 확인하여 불법 현수막을 철거하였습니다.",
)
