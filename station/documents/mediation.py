"""The official People's Mediation forms (司法部《人民调解文书格式》), filled from a case.

Each form has a ``*_story`` function returning its flowables, so the case file (卷宗) can put
several forms into one PDF, and a ``render_*`` function printing it alone on A4. The fixed
wording follows the Ministry of Justice formats and the People's Mediation Law
(人民调解法); official forms print no ID number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from station.documents import toolkit as tk
from station.documents.checks import require
from station.documents.data import (
    AgreementTerm,
    InvestigationData,
    MediationFormData,
    MediationSource,
    Missing,
    PartyData,
    PartyRole,
    SessionData,
    VisitData,
)
from station.documents.formatting import (
    amount_with_capitals,
    chinese_ordinal,
    format_date,
    format_datetime,
    party_side_label,
    shown_phone,
)

APPLICATION = "人民调解申请书"
REGISTRATION = "人民调解受理登记表"
NOTICE = "人民调解当事人权利义务告知书"
INVESTIGATION = "人民调解调查记录"
RECORD = "人民调解记录"
AGREEMENT = "人民调解协议书"
ORAL_AGREEMENT = "人民调解口头协议登记表"
VISIT = "人民调解回访记录"

_SIGN = "（签名盖章或按指印）"

# 告知书: the nature, principles and effect of mediation and the parties' rights and duties,
# as the People's Mediation Law states them (arts. 3, 4, 7, 23, 24, 31, 33).
NOTICE_INTRO = (
    "根据《中华人民共和国人民调解法》的规定，现将人民调解委员会的性质、人民调解的原则和效力，"
    "以及当事人在人民调解活动中享有的权利和承担的义务告知如下："
)
NOTICE_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一、人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解委员会调解民间纠纷，"
     "不收取任何费用。", ()),
    ("二、人民调解委员会调解民间纠纷，应当遵循下列原则：", (
        "（一）在当事人自愿、平等的基础上进行调解；",
        "（二）不违背法律、法规和国家政策；",
        "（三）尊重当事人的权利，不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利。",
    )),
    ("三、经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。"
     "经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起"
     "三十日内共同向人民法院申请司法确认。", ()),
    ("四、当事人在人民调解活动中享有下列权利：", (
        "（一）选择或者接受人民调解员；",
        "（二）接受调解、拒绝调解或者要求终止调解；",
        "（三）要求调解公开进行或者不公开进行；",
        "（四）自主表达意愿、自愿达成调解协议。",
    )),
    ("五、当事人在人民调解活动中履行下列义务：", (
        "（一）如实陈述纠纷事实；",
        "（二）遵守调解现场秩序，尊重人民调解员；",
        "（三）尊重对方当事人行使权利。",
    )),
)
NOTICE_ACKNOWLEDGED = "以上告知内容，本人已阅读（听取）并知悉。"

AGREEMENT_EFFECT = (
    "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
)


def _st() -> tk.Styles:
    return tk.styles(12)


def _width() -> float:
    return tk.frame_size(tk.Paper.A4)[0]


def _header(title: str, data: MediationFormData, *, number: str | None = None) -> list[Flowable]:
    return tk.title_block(title, st=_st(), org=data.committee,
                          number=data.case_number if number is None else number)


def _seal(data: MediationFormData) -> str:
    return f"{data.committee}（印章）"


def _party_grid(party: PartyData, side_label: str, data: MediationFormData
                ) -> list[Flowable]:
    """One party's particulars as the official forms list them (no ID number)."""
    rows = [
        [tk.Cell("姓名", party.name), tk.Cell("性别", party.gender, center=True),
         tk.Cell("民族", party.ethnicity, center=True)],
        [tk.Cell("年龄", party.age, center=True), tk.Cell("职业或职务", party.occupation),
         tk.Cell("联系方式", shown_phone(party.phone, masked=data.mask_phones))],
        [tk.Cell("单位或住址", party.address, span=3)],
    ]
    if party.agent.strip():
        rows.append([tk.Cell(party.agent_title or "委托代理人", party.agent, span=3)])
    return tk.field_grid(rows, width=_width(), st=_st(), pairs=3, label_width=22 * mm,
                         side_label=side_label, side_width=19 * mm)


def _party_grids(parties: Sequence[tuple[str, PartyData]], data: MediationFormData
                 ) -> list[Flowable]:
    out: list[Flowable] = []
    for label, party in parties:
        out += [*_party_grid(party, label, data), tk.spacer(2)]
    return out


def _body_with_questions(text: str, st: tk.Styles) -> list[Flowable]:
    """Record text; lines starting 问：/答： print with the speaker in the heading face."""
    out: list[Flowable] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        head = line[:2]
        if head in ("问：", "答：", "问:", "答:"):
            out.append(tk.labelled(head[0] + "：", line[2:].strip(), st.plain))
        else:
            out.append(Paragraph(tk.esc(line), st.body))
    return out


def _names(names: Sequence[str]) -> str:
    return "、".join(n.strip() for n in names if n.strip())


# ----------------------------------------------------------------------------- the forms


def application_story(data: MediationFormData) -> list[Flowable]:
    st = _st()
    app = data.application
    assert app is not None
    applicants = [p for p in data.parties if p.role is PartyRole.APPLICANT]
    respondents = [p for p in data.parties if p.role is not PartyRole.APPLICANT]
    story = _header(APPLICATION, data)
    story += _party_grids([("申请人", p) for p in applicants], data)
    story += _party_grids([("被申请人", p) for p in respondents], data)
    story += tk.text_section("纠纷简要情况：", app.statement or data.facts, st=st)
    story.append(Paragraph("当事人申请事项：", st.heading))
    story += tk.numbered(app.requests, st=st)
    declaration = Paragraph(
        tk.esc(f"{data.committee}已将申请人民调解的相关规定告知我，"
               f"现自愿申请{data.committee}进行调解。"),
        st.body,
    )
    story.append(tk.signature_block(
        [f"申请人{_SIGN}" for _ in applicants], st=st, width=_width(),
        columns=1 if len(applicants) == 1 else 2,
        date_text=format_date(app.applied_on), keep_with=[tk.spacer(3), declaration],
    ))
    return story


def registration_story(data: MediationFormData) -> list[Flowable]:
    st = _st()
    sources = []
    for source in MediationSource:
        mark = "■" if data.source is source else "□"
        text = f"{mark}{source.label}"
        if source is MediationSource.REFERRAL and data.source is source and data.referring_body:
            text += f"（{data.referring_body}）"
        sources.append(text)
    story = _header(REGISTRATION, data)
    story.append(Paragraph(
        tk.esc(f"{format_date(data.accepted_on)}，本人民调解委员会经当事人同意，"
               f"调解{_names(data.party_names)}之间的纠纷。"),
        st.body,
    ))
    story.append(tk.spacer(2))
    story.extend(tk.field_grid(
        [
            [tk.Cell("纠纷类型", data.dispute_type)],
            [tk.Cell("案件来源", "　".join(sources))],
            [tk.Cell("纠纷简要情况", tk.paragraphs(data.facts, st.cell))],
            [tk.Cell("人民调解员", _names(data.mediators))],
        ],
        width=_width(), st=st, pairs=1, label_width=30 * mm,
    ))
    story.append(tk.signature_block(
        ["当事人（签名）" for _ in data.parties] + ["登记人（签名）"],
        st=st, width=_width(), seal=_seal(data), date_text=format_date(data.accepted_on),
    ))
    story.append(tk.spacer(4))
    story.append(Paragraph("备注：此表由人民调解委员会填写。", st.note))
    return story


def notice_story(data: MediationFormData) -> list[Flowable]:
    st = _st()
    story = _header(NOTICE, data)
    story.append(Paragraph(tk.esc(f"{_names(data.party_names)}："), st.plain))
    story.append(Paragraph(tk.esc(NOTICE_INTRO), st.body))
    for item, subitems in NOTICE_ITEMS:
        story.append(Paragraph(tk.esc(item), st.body))
        story += [Paragraph(tk.esc(sub), st.body) for sub in subitems]
    story.append(tk.signature_block(
        ["当事人（签名）" for _ in data.parties],
        st=st, width=_width(), seal=_seal(data),
        date_text=format_date(data.notice_given_on or data.accepted_on),
        keep_with=[tk.spacer(3), Paragraph(tk.esc(NOTICE_ACKNOWLEDGED), st.body)],
    ))
    return story


def investigation_story(data: MediationFormData, record: InvestigationData) -> list[Flowable]:
    st = _st()
    investigators = record.investigators or data.mediators
    story = _header(INVESTIGATION, data)
    story.extend(tk.field_grid(
        [
            [tk.Cell("时间", format_datetime(record.held_at)), tk.Cell("地点", record.place)],
            [tk.Cell("参加人", record.participants, span=2)],
            [tk.Cell("被调查人", record.subject, span=2)],
            [tk.Cell("调查人", _names(investigators)),
             tk.Cell("记录人", record.recorder or data.recorder)],
        ],
        width=_width(), st=st,
    ))
    story.append(Paragraph("调查记录：", st.heading))
    story += _body_with_questions(record.body, st)
    story.append(tk.signature_block(
        ["被调查人（签名）", "调查人（签名）", "记录人（签名）"], st=st, width=_width(),
        date_text=format_date(record.held_at),
    ))
    return story


def session_story(data: MediationFormData, record: SessionData) -> list[Flowable]:
    st = _st()
    present = record.parties_present or data.party_names
    story = _header(RECORD, data)
    story.extend(tk.field_grid(
        [
            [tk.Cell("时间", format_datetime(record.held_at)), tk.Cell("地点", record.place)],
            [tk.Cell("事由", record.cause or data.title, span=2)],
            [tk.Cell("当事人", _names(present), span=2)],
            [tk.Cell("参加人", record.participants, span=2)],
            [tk.Cell("人民调解员", _names(record.mediators or data.mediators)),
             tk.Cell("记录人", record.recorder or data.recorder)],
        ],
        width=_width(), st=st,
    ))
    story.append(Paragraph("调解记录：", st.heading))
    story += _body_with_questions(record.body, st)
    story += tk.text_section("调解结果：", record.result, st=st, blank_lines=4)
    story.append(tk.signature_block(
        [f"当事人{_SIGN}" for _ in present] + ["人民调解员（签名）", "记录人（签名）"],
        st=st, width=_width(), date_text=format_date(record.held_at),
    ))
    return story


def _term_text(term: AgreementTerm) -> str:
    text = term.text.strip()
    if term.amount is not None:
        text = text.rstrip("。；;") + f"，金额{amount_with_capitals(term.amount)}。"
    return text


def agreement_story(data: MediationFormData) -> list[Flowable]:
    st = _st()
    agreement = data.agreement
    assert agreement is not None
    sides = [party_side_label(i) for i in range(len(data.parties))]
    copies = agreement.copies or len(data.parties) + 1
    story = _header(AGREEMENT, data, number=agreement.number or data.case_number)
    story += _party_grids(list(zip(sides, data.parties, strict=True)), data)
    story += tk.text_section("纠纷主要事实、争议事项：", agreement.facts_and_issues, st=st)
    story.append(Paragraph("经调解，自愿达成如下协议：", st.heading))
    story += tk.numbered([_term_text(t) for t in agreement.terms], st=st, chinese=True)
    story += tk.text_section("履行方式、时限：", agreement.performance, st=st)
    if agreement.amount is not None:
        story.append(Paragraph(
            tk.esc(f"本协议涉及金额合计{amount_with_capitals(agreement.amount)}。"), st.body))
    closing = [
        tk.spacer(2),
        Paragraph(tk.esc(f"本协议一式{chinese_ordinal(copies)}份，"
                         "当事人、人民调解委员会各持一份。"), st.body),
        Paragraph(tk.esc(AGREEMENT_EFFECT), st.body),
    ]
    story.append(tk.signature_block(
        [f"{side}{_SIGN}" for side in sides] + ["人民调解员（签名）", "记录人（签名）"],
        st=st, width=_width(), seal=_seal(data), date_text=format_date(agreement.signed_on),
        keep_with=closing,
    ))
    return story


def oral_agreement_story(data: MediationFormData) -> list[Flowable]:
    st = _st()
    oral = data.oral_agreement
    assert oral is not None
    sides = [party_side_label(i) for i in range(len(data.parties))]
    story = _header(ORAL_AGREEMENT, data, number=oral.number or data.case_number)
    subject = data.case_title.strip() or data.dispute_type.strip() or "纠纷"
    story.append(Paragraph(
        tk.esc(f"{format_date(oral.agreed_on)}，经{data.committee}调解，"
               f"当事人{_names(data.party_names)}就{subject}达成口头协议，登记如下："),
        st.body,
    ))
    story.append(tk.spacer(2))
    story += _party_grids(list(zip(sides, data.parties, strict=True)), data)
    story.extend(tk.field_grid(
        [
            [tk.Cell("纠纷主要事实、争议事项", tk.paragraphs(data.facts, st.cell))],
            [tk.Cell("协议内容", tk.paragraphs(oral.content, st.cell))],
            [tk.Cell("履行方式、时限", oral.performance)],
        ],
        width=_width(), st=st, pairs=1, label_width=30 * mm,
    ))
    story.append(tk.signature_block(
        ["人民调解员（签名）", "记录人（签名）"],
        st=st, width=_width(), seal=_seal(data), date_text=format_date(oral.agreed_on),
    ))
    return story


def visit_story(data: MediationFormData, visit: VisitData) -> list[Flowable]:
    st = _st()
    agreement_number = (
        (data.agreement.number if data.agreement else "")
        or (data.oral_agreement.number if data.oral_agreement else "")
        or data.case_number
    )
    story = _header(VISIT, data)
    story.extend(tk.field_grid(
        [
            [tk.Cell("当事人", _names(visit.interviewees or data.party_names), span=2)],
            [tk.Cell("调解协议编号", agreement_number, span=2)],
            [tk.Cell("回访事由", visit.cause or data.title, span=2)],
            [tk.Cell("回访时间", format_date(visit.visited_on)), tk.Cell("回访人", visit.visitor)],
            [tk.Cell("协议履行情况", visit.performance_status, span=2)],
            [tk.Cell("回访情况", tk.paragraphs(visit.notes, st.cell), span=2)],
        ],
        width=_width(), st=st, label_width=28 * mm,
    ))
    story.append(tk.signature_block(
        ["回访人（签名）"], st=st, width=_width(), columns=2,
        date_text=format_date(visit.visited_on),
    ))
    return story


# ------------------------------------------------------------------ requirements and render


@dataclass(frozen=True)
class Form:
    """One official form: its title, what it needs, and how it is drawn."""

    title: str
    needs: tuple[str, ...]
    stories: Callable[[MediationFormData], list[list[Flowable]]]
    date: Callable[[MediationFormData], date | datetime | None]
    extra_check: Callable[[MediationFormData], list[Missing]] = lambda data: []


def _application_check(data: MediationFormData) -> list[Missing]:
    out = []
    if data.application and not (data.application.statement.strip() or data.facts.strip()):
        out.append(Missing("facts", "纠纷简要情况"))
    if not any(p.role is PartyRole.APPLICANT for p in data.parties):
        out.append(Missing("parties", "申请人"))
    return out


FORMS: dict[str, Form] = {
    "application": Form(
        APPLICATION, ("application",), lambda d: [application_story(d)],
        lambda d: d.application.applied_on if d.application else None, _application_check,
    ),
    "registration": Form(
        REGISTRATION, ("accepted_on", "dispute_type", "facts"),
        lambda d: [registration_story(d)], lambda d: d.accepted_on,
    ),
    "notice": Form(NOTICE, (), lambda d: [notice_story(d)],
                   lambda d: d.notice_given_on or d.accepted_on),
    "investigation": Form(
        INVESTIGATION, ("investigations",),
        lambda d: [investigation_story(d, r) for r in d.investigations],
        lambda d: d.investigations[0].held_at if d.investigations else None,
    ),
    "record": Form(
        RECORD, ("sessions",), lambda d: [session_story(d, r) for r in d.sessions],
        lambda d: d.sessions[0].held_at if d.sessions else None,
    ),
    "agreement": Form(
        AGREEMENT, ("agreement",), lambda d: [agreement_story(d)],
        lambda d: d.agreement.signed_on if d.agreement else None,
    ),
    "oral-agreement": Form(
        ORAL_AGREEMENT, ("oral_agreement", "facts"), lambda d: [oral_agreement_story(d)],
        lambda d: d.oral_agreement.agreed_on if d.oral_agreement else None,
    ),
    "visit": Form(
        VISIT, ("visits",), lambda d: [visit_story(d, v) for v in d.visits],
        lambda d: d.visits[0].visited_on if d.visits else None,
    ),
}


def check_form(kind: str, data: MediationFormData) -> Form:
    """The form ``kind``, after making sure ``data`` has everything it prints."""
    form = FORMS[kind]
    require(form.title, data, names=form.needs, extra=form.extra_check(data))
    return form


def as_datetime(value: date | datetime | None) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    return datetime(2000, 1, 1)


def render_form(kind: str, data: MediationFormData, *, created: datetime | None = None) -> bytes:
    """One official form on A4 (several records of one kind, each from a new page)."""
    form = check_form(kind, data)
    story: list[Flowable] = []
    for part in form.stories(data):
        if story:
            story.append(PageBreak())
        story += part
    meta = tk.Meta(
        title=f"{form.title} {data.case_number}",
        author=data.committee,
        subject=form.title,
        created=created or as_datetime(form.date(data) or data.accepted_on),
    )
    return tk.build_pdf(story, paper=tk.Paper.A4, meta=meta)

