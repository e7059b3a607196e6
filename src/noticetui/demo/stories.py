"""Sample notices whose title and body belong together: the building blocks of each board's flavour.

A :class:`Story` is one kind of notice a real board carries (a grant call, a course-registration notice,
a hiring call): a title template, the body that title announces and the files it attaches.  Boards draw
their posts from a list of stories (:mod:`noticetui.demo.flavours`), so a title never sits over another
notice's body.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from noticetui.demo.corpus import IMAGE_TOKEN, _hwp, kday


@dataclass(frozen=True)
class Context:
    """What a body builder may depend on: the post's own random stream, its date and image stamp."""

    rng: random.Random
    day: datetime
    stamp: str
    """``yymmddHHMM`` of the post, for image names."""
    hwp: bool
    """Whether the author pasted the text from a Hangul document (``mso-`` spans and ``<o:p>``)."""

    def para(self, text: str) -> str:
        """A paragraph, HWP-pasted or plain as the author wrote it."""
        return _hwp(text) if self.hwp else f"<p>{text}</p>"

    def later(self, low: int, high: int) -> datetime:
        """A day ``low``..``high`` days after the post."""
        return self.day + timedelta(days=self.rng.randint(low, high))


Body = Callable[[Context], str]


@dataclass(frozen=True)
class Story:
    """A notice: its title template, the body it announces and its attachments."""

    kind: str
    """사업공고, 보도자료, 채용, 학사, 휴관, 행사, 안내, 자료, 문의."""
    title: str
    """Template: ``{year}``, ``{month}``, ``{n}`` (an ordinal), ``{half}`` (상반기/하반기), ``{term}`` (1학기/2학기)."""
    body: Body
    files: tuple[tuple[str, str], ...] = field(default=())
    """``(name template, sample file)``; names take the title's fields."""


@dataclass(frozen=True)
class Flavour:
    """A kind of board: its stories, its pinned notice, its newest headline and its readers' question."""

    stories: tuple[Story, ...]
    pinned: Story
    also_pinned: tuple[Story, ...]
    """What other boards of this kind pin instead (each board of a kind pins a notice of its own)."""
    headline: Story
    """The newest post (or the second newest, after a grant call on the mixed board)."""
    headline_titles: tuple[str, ...]
    """How other boards of this kind word their headline (the same notice, each board its own title)."""
    asks: tuple[str, str]
    """A reader's question title and text; the answered copy gets the answer :attr:`answer`."""
    answer: str


def table(head: list[str], rows: list[list[str]]) -> str:
    """An editor table with a header row."""
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        '<table border="1" cellpadding="4" style="border-collapse:collapse;width:100%;">'
        f"<thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
    )


def grant_call(program: str, support: str, scale: str, target: str, briefing: bool = False) -> Body:
    """A call for applications with its 모집기간/지원규모 table, eligibility, how to apply and footnotes;
    with ``briefing``, the date and place of its 사업설명회 too."""

    def body(c: Context) -> str:
        start = c.later(3, 7)
        end = start + timedelta(days=c.rng.randint(14, 21))
        session = (
            f"<p><strong>4. 사업설명회</strong>: {kday(start)} 14:00, 지원센터 3층 대강당 (사전 신청자 우선)</p>"
            if briefing
            else ""
        )
        return "".join(
            [
                c.para(f"{program} 참여기업을 다음과 같이 모집하오니 많은 신청 바랍니다."),
                "<p><strong>1. 사업개요</strong></p>",
                table(
                    ["구분", "내용"],
                    [
                        ["사업명", program],
                        ["모집기간", f"{kday(start)} ~ {kday(end)} 18:00"],
                        ["지원내용", support],
                        ["지원규모", scale],
                    ],
                ),
                f"<p><strong>2. 신청자격</strong></p><ul><li>{target}</li>"
                "<li>국세·지방세 체납이 없는 기업</li><li>동일 사업으로 타 기관 지원을 받지 않은 기업</li></ul>",
                '<p><strong>3. 신청방법</strong>: <a href="https://www.example.go.kr/apply" target="_blank">'
                "온라인 접수 시스템</a>에서 신청서 작성 후 붙임 서류 업로드</p>",
                session,
                c.para("※ 제출된 서류는 반환하지 않으며, 허위 기재 시 선정이 취소될 수 있습니다."),
                "<p>* 자세한 내용은 붙임 공고문(HWP)을 참고하시기 바랍니다.</p>",
                "<p>** 문의: 기업지원과 지원사업팀 (☎ 02-000-1234)</p>",
            ]
        )

    return body


def grant_result(program: str) -> Body:
    """The list of companies selected by a call."""

    def body(c: Context) -> str:
        names = ["(주)한빛테크", "누리소프트", "(주)다온바이오", "새봄푸드", "(주)온길모빌리티", "바른공방"]
        c.rng.shuffle(names)
        rows = [[str(i + 1), n, c.rng.choice(["제조", "ICT", "바이오", "서비스"])] for i, n in enumerate(names[:4])]
        return "".join(
            [
                c.para(f"{program} 선정평가 결과를 다음과 같이 알려드립니다."),
                table(["연번", "기업명", "분야"], rows),
                f"<p>협약 체결 기한: <strong>{kday(c.later(7, 14))}</strong>까지 (기한 내 미체결 시 선정 취소)</p>",
                "<p>* 선정 결과에 대한 이의신청은 공고일로부터 7일 이내에 서면으로 제출하십시오.</p>",
            ]
        )

    return body


def briefing(program: str) -> Body:
    """A briefing session for a programme."""

    def body(c: Context) -> str:
        when = c.later(5, 10)
        return (
            f"<p>{program}의 이해를 돕기 위하여 사업설명회를 개최합니다.</p>"
            f"<ul><li>일시: {kday(when)} 14:00 ~ 16:00</li><li>장소: 지원센터 3층 대강당 (유튜브 동시 송출)</li>"
            "<li>내용: 사업 내용, 신청 방법, 평가 기준, 질의응답</li></ul>"
            "<p>사전 신청자에게는 자료집을 배부합니다.</p><p>* 주차 공간이 부족하니 대중교통을 이용해 주십시오.</p>"
        )

    return body


def hiring_call(position: str, count: str, qualification: str) -> Body:
    """A hiring notice: positions table, steps, deadline."""

    def body(c: Context) -> str:
        deadline = c.later(10, 20)
        return "".join(
            [
                c.para("우리 기관에서 함께 일할 직원을 다음과 같이 공개 채용합니다."),
                table(["채용분야", "인원", "자격요건"], [[position, count, qualification]]),
                "<p><b>전형 절차</b></p><ol><li>서류 전형</li><li>면접 전형</li><li>최종 합격자 발표</li></ol>",
                f"<p>접수 마감: <strong>{kday(deadline)} 17:00</strong> (우편 접수는 마감일 도착분까지)</p>",
                "<p>* 제출 서류는 붙임 양식을 사용하십시오.<br>* 문의: 총무과 인사팀 02-000-2345</p>",
            ]
        )

    return body


def hiring_result(stage: str) -> Body:
    """The candidates who passed a stage, by application number."""

    def body(c: Context) -> str:
        numbers = sorted(f"2{c.rng.randint(10, 99)}{c.rng.randint(100, 999)}" for _ in range(6))
        nxt = "면접 전형" if stage == "서류전형" else "임용 서류 제출"
        return (
            f"<p>{stage} 합격자를 다음과 같이 발표합니다. (응시번호 순)</p>"
            + table(["연번", "응시번호"], [[str(i + 1), n] for i, n in enumerate(numbers)])
            + f"<p>{nxt}: <strong>{kday(c.later(4, 9))}</strong> — 세부 일정은 개별 문자로 안내합니다.</p>"
            + "<p>* 합격자 명단은 개인정보 보호를 위해 응시번호로만 공개합니다.</p>"
        )

    return body


def plain_notice(*paragraphs: str) -> Body:
    """A short notice; ``{date}`` in a paragraph becomes a date a few days after the post."""

    def body(c: Context) -> str:
        when = kday(c.later(2, 9))
        return "".join(c.para(p.replace("{date}", when)) for p in paragraphs)

    return body


def with_table(body: Body, head: list[str], rows: list[list[str]]) -> Body:
    """``body`` followed by a table (a schedule, a fee list): ``{date}`` in a cell is a date after the post."""

    def tabled(c: Context) -> str:
        when = kday(c.later(3, 8))
        return body(c) + table(head, [[cell.replace("{date}", when) for cell in row] for row in rows])

    return tabled


def closure(place: str, reason: str) -> Body:
    """A closure notice: a few ``<br>`` separated lines."""

    def body(c: Context) -> str:
        first = c.later(5, 12)
        last = first + timedelta(days=c.rng.randint(1, 4))
        return (
            f"<p>{reason}(으)로 {place}이(가) 임시 휴관합니다.</p>"
            f"<p>- 휴관 기간: {kday(first)} ~ {kday(last)}<br>- 대상 시설: {place}<br>"
            "- 도서 반납: 무인반납기 이용 가능 (24시간)</p><p>이용에 불편을 드려 죄송합니다.</p>"
        )

    return body


def event(what: str, where: str) -> Body:
    """An event notice: what, when, where, how to join."""

    def body(c: Context) -> str:
        when = c.later(20, 40)
        return (
            f'<p style="text-align:center;"><img src="{IMAGE_TOKEN}/{c.stamp[:4]}/poster_{c.stamp}.jpg" '
            f'alt="{what} 포스터"></p><p style="text-align:center;">▲ {what} 포스터</p>'
            f"<p>{what}에 시민 여러분의 많은 참여를 바랍니다.</p>"
            f"<ul><li>일시: {kday(when)} 14:00 ~ 17:00</li><li>장소: {where}</li>"
            "<li>대상: 시민 누구나 (사전 신청자 우선)</li></ul>"
            '<p>참가 신청: <a href="https://www.example.go.kr/event">행사 신청 페이지</a></p>'
            "<p>* 우천 시 실내 행사로 대체합니다.</p>"
        )

    return body


def with_image(body: Body, stem: str, caption: str) -> Body:
    """``body`` after an inline image (``photo`` or ``poster``, the sample images) and its ``▲`` caption."""

    def framed(c: Context) -> str:
        src = f"{IMAGE_TOKEN}/{c.stamp[:4]}/{stem}_{c.stamp}.jpg"
        image = (
            f'<p style="text-align:center;"><img src="{src}" title="{stem}.jpg" alt="{caption}"></p>'
            f'<p style="text-align:center;">▲ {caption}</p>'
        )
        return image + body(c)

    return framed


def question(text: str) -> Body:
    """A reader's question (guest posts are never HWP-pasted)."""
    return lambda c: f"<p>안녕하세요. {text}</p><p>답변 부탁드립니다.</p>"
