"""Press releases (보도자료): short city ones with a photo, and a long one as a Korean agency writes it.

The long release is what a ministry's board really holds: the text pasted from a Hangul document (spans
with inline ``font-family:휴먼명조`` styles and ``<o:p>``), a boxed headline, □/○ outline paragraphs,
``*`` and ``**`` footnotes, several photos with a ``▲`` caption, a contact table and a ``[별첨]`` list.
"""

from __future__ import annotations

from noticetui.demo.corpus import IMAGE_TOKEN
from noticetui.demo.stories import Body, Context, table


def photo(stamp: str, caption: str, n: int = 1) -> str:
    """A centred photo (the ``photo`` sample image) and its ``▲`` caption."""
    name = f"photo_{stamp}" + (f"-{n}" if n > 1 else "")
    return (
        f'<p style="text-align:center;"><img src="{IMAGE_TOKEN}/{stamp[:4]}/{name}.jpg" '
        f'title="{name}.jpg" alt="{caption}"></p><p style="text-align:center;">▲ {caption}</p>'
    )


def release(lead: str, caption: str, detail: str, quote: str) -> Body:
    """A city press release: lead, photo with caption, detail, a quote and the contact line."""

    def body(c: Context) -> str:
        return "".join(
            [
                c.para(f"시는 {c.day.month}월 {c.day.day}일 {lead}"),
                photo(c.stamp, caption),
                c.para(detail),
                f"<p>시장은 &ldquo;{quote}&rdquo;고 말했다.</p>",
                "<p>* 담당: 홍보담당관 언론팀 (☎ 02-000-5678)</p>",
            ]
        )

    return body


def _myeongjo(text: str, size: int = 15, bold: bool = False) -> str:
    # Hangul's HTML export: every run a span naming its font, sized in points, and an <o:p> per paragraph.
    weight = "font-weight:bold;" if bold else ""
    return (
        '<p class="HStyle0" style="margin-left:0pt;text-indent:0pt;line-height:160%;mso-pagination:none;">'
        f'<span style="font-family:휴먼명조;mso-hansi-font-family:휴먼명조;font-size:{size}pt;'
        f'letter-spacing:-0.5pt;{weight}">{text}</span><o:p></o:p></p>'
    )


def _gothic(text: str, size: int = 13) -> str:
    return (
        '<p class="HStyle0" style="line-height:160%;">'
        f'<span style="font-family:HY헤드라인M;mso-hansi-font-family:HY헤드라인M;font-size:{size}pt;">'
        f"{text}</span><o:p></o:p></p>"
    )


def agency_release(c: Context) -> str:
    """The long release of a ministry: outline, footnotes, three photos, contacts, [별첨]."""
    m, d = c.day.month, c.day.day
    embargo = f"{m}. {d}.({'월화수목금토일'[c.day.weekday()]}) 12:00 이후 보도"
    return "".join(
        [
            '<table border="1" style="border-collapse:collapse;width:100%;"><tr>'
            f'<td style="background:#dbe5f1;">보도시점</td><td>{embargo}</td>'
            f"<td>배포</td><td>{c.day.year}. {m}. {d}.</td></tr></table>",
            _gothic("청년 창업기업 200곳에 최대 5천만 원, 지역 창업 생태계 키운다", 18),
            _myeongjo("- 올해 청년창업 도약지원사업 본격 추진, 비수도권 기업 우대 -", 14),
            _myeongjo("- 투자 연계형 트랙 신설로 후속 투자 유치까지 지원 -", 14),
            _myeongjo(
                f"□ 중소벤처기업부(장관 홍길동, 이하 ‘중기부’)는 {m}월 {d}일 ‘청년창업 도약지원사업’*의 "
                "올해 지원계획을 발표하고, 참여기업 200곳을 모집한다고 밝혔다."
            ),
            _myeongjo(
                "&nbsp;&nbsp;* 만 39세 이하 청년이 창업한 7년 이내 기업에 사업화 자금과 멘토링을 지원하는 사업", 12
            ),
            _myeongjo(
                "○ 올해 예산은 총 120억 원으로 전년 대비 20% 늘었으며, 기업당 지원 한도도 최대 5천만 원으로 상향됐다."
            ),
            photo(c.stamp, "지난해 청년창업 도약지원사업 성과공유회에서 참석자들이 기념촬영을 하고 있다.", 1),
            _myeongjo("□ 올해 사업의 주요 변경 사항은 다음과 같다."),
            _myeongjo(
                "○ (투자 연계 트랙 신설) 민간 투자사(VC)**가 추천한 기업 40곳을 별도 선발해 "
                "사업화 자금과 후속 투자 유치를 함께 지원한다."
            ),
            _myeongjo("&nbsp;&nbsp;** 중소기업창업투자회사, 신기술사업금융회사 등 중기부 등록 투자기관", 12),
            _myeongjo("○ (지역 우대) 비수도권 소재 기업에는 서류평가에서 가점 2점을 부여한다."),
            table(
                ["구분", "일반 트랙", "투자 연계 트랙"],
                [
                    ["선정 규모", "160개사", "40개사"],
                    ["지원 한도", "최대 4천만 원", "최대 5천만 원"],
                    ["모집기간", f"{m}. {d}. ~ {m + 1 if m < 12 else 1}. {min(d, 28)}.", "상동"],
                ],
            ),
            photo(c.stamp, "중기부 차관이 청년 창업기업 현장을 방문해 제품 설명을 듣고 있다.", 2),
            _myeongjo(
                "□ 중기부 차관은 “청년 창업기업이 초기 위기를 넘어 성장 궤도에 오를 수 있도록 "
                "자금과 투자를 끊김 없이 연결하겠다”고 말했다."
            ),
            _myeongjo(
                "○ 신청은 K-스타트업 누리집(www.k-startup.go.kr)에서 할 수 있으며, 자세한 내용은 "
                "[별첨] 공고문을 참고하면 된다."
            ),
            _myeongjo("□ 추진 일정은 다음과 같다."),
            _myeongjo(
                f"○ ({m}월) 사업 공고 및 온라인 접수 → (다음 달) 서류·발표 평가 → (두 달 뒤) 협약 체결 및 "
                "사업화 자금 1차 지급"
            ),
            _myeongjo(
                "○ 선정 기업은 협약 기간 동안 분기마다 성과를 점검받으며, 우수 기업은 후속 지원사업에서 "
                "서류평가를 면제받는다."
            ),
            _myeongjo(
                "□ 한편, 중기부는 지난해 이 사업으로 지원한 기업 180곳의 매출이 평균 38% 늘고, "
                "고용이 1곳당 2.4명 증가했다고 덧붙였다."
            ),
            photo(c.stamp, "청년창업 도약지원사업 홍보 포스터", 3),
            table(
                ["담당 부서", "책임자", "담당자"],
                [["창업정책관 창업진흥과", "과장 김민지 (044-204-0000)", "사무관 이서준 (044-204-0001)"]],
            ),
            "<p><strong>[별첨]</strong></p>",
            "<p>1. 청년창업 도약지원사업 공고문 1부.<br>2. 사업 신청서 양식 1부.<br>"
            "3. 보도 사진 3매.&nbsp;&nbsp;끝.</p>",
        ]
    )
