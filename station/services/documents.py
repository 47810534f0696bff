"""Printing: the document dataclasses filled from the database, rendered, and audited.

The document layer (:mod:`station.documents`) knows no database; this module is the bridge.
``*_data`` functions read a case or a mediation case through the other services and return
the plain dataclass a document prints (nothing is written). :func:`render_document` and
:func:`render_ledger_document` are what the app and the CLI call: find the record by its
number, build the data, render the PDF and write an :class:`~station.db.models.AuditEntry`
in the caller's transaction, so call them inside a write transaction.

What is audited (``audit_entry``; the audit never contains an ID number itself):

* ``print_document``: every document generated, all of which carry personal data (names,
  phones, addresses). ``target_type`` ``case`` / ``mediation`` / ``ledger``, ``target_id``
  the case or mediation number (a ledger: ``cases:2026-01-01..2026-03-31``), ``detail``
  JSON with the document kind and title, the reason, and whether the full ID was shown.
* ``reveal_full_id``: every use of ``show_full_id`` (only the referral slip prints an ID),
  with the person whose number was shown, whether one was on file, and why.

Both rows are written only after the PDF was produced: a document refused for missing data
leaves no trace and no output.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from station.db.models import (
    AuditEntry,
    Case,
    Category,
    Department,
    DisputeType,
    Event,
    MediationCase,
    MediationMediator,
    MediationParty,
    Person,
    RosterPerson,
    UserAccount,
)
from station.documents import KINDS, render
from station.documents.data import (
    AgreementData,
    AgreementTerm,
    ApplicationData,
    CaseFileData,
    CaseLedgerRow,
    InvestigationData,
    LedgerData,
    LedgerKind,
    MediationFormData,
    MediationLedgerRow,
    MediationSource,
    OralAgreementData,
    PartyData,
    PartyRole,
    ReceiptData,
    ReceiptPaper,
    ReferralData,
    ReferralKind,
    SessionData,
    VisitData,
)
from station.domain.case_workflow import CaseAction
from station.domain.enums import (
    AgreementForm,
    CaseStatus,
    Channel,
    Gender,
    MediationStatus,
    PerformanceStatus,
    Rating,
    Route,
    StationKind,
    Urgency,
)
from station.domain.mediation_rules import AgentKind
from station.domain.permissions import Permission, require
from station.domain.validation import birth_date_from_id
from station.errors import NotFoundError, ValidationError
from station.services import cases, mediation, persons
from station.services.events import Actor
from station.settings import StationSettings, load_settings

#: Documents printed from a work order (by its case number); the rest take a mediation number.
CASE_KINDS = frozenset({"receipt", "referral"})
MEDIATION_KINDS = frozenset(KINDS) - CASE_KINDS - {"ledger"}
#: The only document that prints an ID number (masked unless ``show_full_id``).
ID_KINDS = frozenset({"referral"})

PRINT_ACTION = "print_document"
REVEAL_ACTION = "reveal_full_id"

_UNSAFE_FILENAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
# A dispatch note that only repeats the deadline ("请于2026年3月13日前办结并答复").
_DEADLINE_ONLY = re.compile(r"请于.{0,20}前办结(并(答复|反馈))?[。.]?")


# ------------------------------------------------------------------------------ helpers


def _label(enum: type, value: str | None) -> str:
    """The Chinese label of a stored code; the code itself if it is not (or no longer) known."""
    if not value:
        return ""
    try:
        return enum(value).label
    except ValueError:
        return value


def _category_path(session: Session, category_id: str | None) -> str:
    """``矛盾纠纷／邻里纠纷``: the category with its parent, as residents recognise it."""
    category = session.get(Category, category_id) if category_id else None
    if category is None:
        return ""
    parent = session.get(Category, category.parent_id) if category.parent_id else None
    return f"{parent.name}／{category.name}" if parent else category.name


def _display_name(session: Session, username: str) -> str:
    """The name of a local user (``林接待``), or "" when the account is unknown here."""
    if not username:
        return ""
    name = session.scalar(select(UserAccount.display_name).where(UserAccount.username == username))
    return name or ""


def _age(id_number: str, *, on: date) -> str:
    """Age in whole years on ``on`` from the birth date in the ID number; "" if unknown."""
    if not id_number:
        return ""
    try:
        born = birth_date_from_id(id_number)
    except ValidationError:
        return ""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return str(years) if years >= 0 else ""


def _dispute_name(name: str) -> str:
    """Dispute types are stored short (``邻里``); forms print ``邻里纠纷``."""
    name = name.strip()
    if not name or name.endswith("纠纷") or name == "其他":
        return name
    return f"{name}纠纷"


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


def _center_name(settings: StationSettings) -> str:
    if settings.station_kind == StationKind.CENTER.value and settings.station_name:
        return settings.station_name
    if settings.town_name:
        return f"{settings.town_name}网格服务管理中心"
    return settings.station_name


def safe_filename(kind: str, number: str, *, suffix: str = ".pdf") -> str:
    """``receipt-XX01-20260305-007.pdf``: a default file name that is valid on every system.

    Chinese and full-width characters stay (``agreement-（2026）霞溪人调字第3号.pdf``);
    path separators and characters Windows forbids become ``_``.
    """
    stem = _UNSAFE_FILENAME.sub("_", f"{kind}-{number}".strip()).strip(" .") or kind
    return f"{stem[:150]}{suffix}"


# ------------------------------------------------------------------------------ work orders


@dataclass(frozen=True)
class _CaseFacts:
    """What both work-order slips print about a case and its requester."""

    case: cases.CaseDetail
    requester: persons.PersonInfo | None
    settings: StationSettings


def _case_facts(session: Session, case_id: str) -> _CaseFacts:
    case = cases.get_case(session, case_id=case_id)
    requester = (
        persons.get_person(session, person_id=case.requester_id) if case.requester_id else None
    )
    return _CaseFacts(case=case, requester=requester, settings=load_settings(session))


def _case_author(session: Session, case_id: str) -> str:
    """Username of whoever recorded the case (the author of its ``created`` event)."""
    return (
        session.scalar(
            select(Event.author)
            .where(
                Event.entity_type == "case",
                Event.entity_id == case_id,
                Event.event_type == "created",
            )
            .order_by(Event.hlc)
            .limit(1)
        )
        or ""
    )


def receipt_data(
    session: Session, *, case_id: str, paper: ReceiptPaper | str = ReceiptPaper.A5
) -> ReceiptData:
    """受理回执 of a case. The reply date is the category's time limit in working days
    from the day of reception; the receptionist is whoever recorded the case."""
    facts = _case_facts(session, case_id)
    case, requester = facts.case, facts.requester
    return ReceiptData(
        station_name=facts.settings.station_name,
        station_phone=facts.settings.phone,
        case_number=case.number,
        received_at=case.received_at,
        channel=_label(Channel, case.channel),
        requester_name=requester.name if requester else "",
        requester_phone=requester.phone if requester else "",
        category=_category_path(session, case.category_id),
        summary=case.summary,
        location=case.location,
        receptionist=_display_name(session, _case_author(session, case_id)),
        reply_due=cases.deadline_for(
            session, category_id=case.category_id, start=case.received_at.date()
        ),
        paper=ReceiptPaper(paper),
    )


def _last_note(case: cases.CaseDetail, action: CaseAction) -> cases.CaseNoteInfo | None:
    found = [n for n in case.notes if n.kind == action.value]
    return found[-1] if found else None


def referral_data(
    session: Session,
    *,
    case_id: str,
    show_full_id: bool = False,
    kind: ReferralKind | str = ReferralKind.ASSIGN,
    recipient: str | None = None,
    requested_action: str | None = None,
    referred_at: datetime | None = None,
) -> ReferralData:
    """交办单 (or 转办单) of a case dispatched to a department.

    By default the recipient is the department the case is dispatched to and the slip is
    dated at the last dispatch; a case never dispatched has neither, and printing it is
    refused naming them (unless ``recipient`` and ``referred_at`` are given). The deadline
    is the case's own, else the category's time limit from the referral date.
    """
    facts = _case_facts(session, case_id)
    case, requester, settings = facts.case, facts.requester, facts.settings
    dispatch = _last_note(case, CaseAction.DISPATCH)
    department = session.get(Department, case.department_id) if case.department_id else None
    issuer = _center_name(settings)
    referred_at = referred_at or (dispatch.at if dispatch else None)
    deadline = case.deadline
    if deadline is None and referred_at is not None:
        deadline = cases.deadline_for(
            session, category_id=case.category_id, start=referred_at.date()
        )
    if requested_action is None:
        requested_action = (
            f"请按职责核实处理诉求人反映的问题，依法依规解决，并将办理结果书面反馈{issuer}。"
        )
        opinion = dispatch.text.strip() if dispatch else ""
        if opinion and not _DEADLINE_ONLY.fullmatch(opinion):  # the deadline prints below
            requested_action += f"派单意见：{opinion}"
    is_center = settings.station_kind == StationKind.CENTER.value
    return ReferralData(
        kind=ReferralKind(kind),
        case_number=case.number,
        issuer=issuer,
        recipient=recipient
        if recipient is not None
        else (case.lead_unit or (department.name if department else "")),
        referred_at=referred_at,  # type: ignore[arg-type]  # None: reported as missing
        deadline=deadline,  # type: ignore[arg-type]
        received_at=case.received_at,
        channel=_label(Channel, case.channel),
        requester_name=requester.name if requester else "",
        requester_phone=requester.phone if requester else "",
        requester_id_number=requester.id_number if requester else "",
        requester_address=requester.address if requester else "",
        category=_category_path(session, case.category_id),
        urgency=_label(Urgency, case.urgency),
        location=case.location,
        summary=case.summary,
        description=case.description,
        requested_action=requested_action,
        contact_name=_display_name(session, dispatch.author) if dispatch else "",
        contact_phone=settings.phone if is_center else "",
        notes="".join(
            (
                f"协办单位：{case.co_departments}，请牵头单位会同办理。"
                if case.co_departments
                else "",
                "督办件，请优先办理。" if case.supervised else "",
            )
        ),
        show_full_id=show_full_id,
    )


# ------------------------------------------------------------------------------- mediation


def _party(session: Session, party: mediation.PartyInfo, *, on: date) -> PartyData:
    person = persons.get_person(session, person_id=party.person_id)
    agent = party.agent_name.strip()
    if agent and party.agent_authorization.strip():
        agent += f"（{party.agent_authorization.strip()}）"
    return PartyData(
        name=person.name,
        role=PartyRole(party.role),
        gender=_label(Gender, person.gender),
        ethnicity=person.ethnicity,
        age=_age(person.id_number, on=on),
        occupation=person.occupation,
        phone=person.phone,
        address=person.address,
        agent=agent,
        agent_title=AgentKind(party.agent_kind).label if party.agent_kind else "委托代理人",
    )


def _performance(detail: mediation.MediationDetail) -> str:
    method = detail.performance_method.strip()
    due = detail.performance_deadline
    if due is None:
        return method
    when = f"于{due.year}年{due.month}月{due.day}日前履行完毕"
    return f"{method.rstrip('。；')}，{when}。" if method else f"{when}。"


def mediation_form_data(session: Session, *, mediation_id: str) -> MediationFormData:
    """A mediation case with every record its official forms print.

    The application section exists for cases the parties applied for (source 当事人申请);
    the database keeps no separate list of requests, so the application asks for the
    mediation of the dispute itself. A written agreement fills the agreement section, an
    oral one the oral-agreement section. Ages are worked out from the ID numbers on the day
    the case was accepted.
    """
    detail = mediation.get_mediation(session, mediation_id=mediation_id)
    settings = load_settings(session)
    parties = tuple(_party(session, p, on=detail.accepted_on) for p in detail.parties)
    mediators = tuple(name for _, name, _ in detail.mediators)  # the lead comes first
    records = detail.records
    recorders = Counter(r.recorder for r in records if r.recorder.strip())
    recorder = recorders.most_common(1)[0][0] if recorders else ""
    dispute = _dispute_name(detail.dispute_type)
    committee = detail.committee or settings.committee_name

    application = None
    if detail.source == MediationSource.APPLICATION.value:
        names = "、".join(p.name for p in parties if p.role is PartyRole.RESPONDENT)
        subject = dispute or "纠纷"
        application = ApplicationData(
            applied_on=detail.accepted_on,
            requests=(f"请求{committee}依法调解申请人与被申请人{names}之间的{subject}。",),
        )

    agreement = oral = None
    if detail.agreement_form == AgreementForm.WRITTEN.value:
        agreement = AgreementData(
            facts_and_issues=detail.facts,
            terms=tuple(AgreementTerm(text=t) for t in detail.terms),
            performance=_performance(detail),
            signed_on=detail.signed_on,  # type: ignore[arg-type]  # None: reported missing
            amount=_yuan(detail.amount_fen),
            copies=detail.copies,
        )
    elif detail.agreement_form == AgreementForm.ORAL.value:
        oral = OralAgreementData(
            agreed_on=detail.signed_on or detail.closed_on,  # type: ignore[arg-type]
            content=detail.agreement_content or "；".join(detail.terms),
            performance=_performance(detail),
        )

    return MediationFormData(
        committee=committee,
        case_number=detail.number,
        parties=parties,
        mediators=mediators,
        dispute_type=dispute,
        source=MediationSource(detail.source),
        referring_body=detail.referring_body,
        accepted_on=detail.accepted_on,
        facts=detail.facts,
        recorder=recorder,
        notice_given_on=detail.notice_given_on,
        application=application,
        investigations=tuple(
            InvestigationData(
                held_at=r.at,
                place=r.place,
                subject=r.subject,
                body=r.body,
                participants=r.participants,
                recorder=r.recorder,
            )
            for r in records
            if r.kind == "investigation"
        ),
        sessions=tuple(
            SessionData(
                held_at=r.at,
                place=r.place,
                body=r.body,
                cause=r.subject,
                participants=r.participants,
                recorder=r.recorder,
                result=r.result,
            )
            for r in records
            if r.kind == "session"
        ),
        agreement=agreement,
        oral_agreement=oral,
        visits=tuple(
            VisitData(
                visited_on=v.visited_on,
                visitor=v.visitor,
                notes=v.printed_notes,
                performance_status=_label(PerformanceStatus, v.performance_status),
            )
            for v in detail.visits
        ),
    )


def case_file_data(
    session: Session,
    *,
    mediation_id: str,
    filed_by: str = "",
    filed_on: date | None = None,
    retention: str = "长期",
) -> CaseFileData:
    """人民调解卷宗 of a mediation case.

    Unless given, the person filing is the case's recorder (else its lead mediator) and the
    filing date is the day the case was closed (today while it is open), so printing the
    same case file again gives the same cover.
    """
    data = mediation_form_data(session, mediation_id=mediation_id)
    closed_on = session.scalar(
        select(MediationCase.closed_on).where(MediationCase.id == mediation_id)
    )
    return CaseFileData(
        mediation=data,
        filed_by=filed_by.strip() or data.recorder or (data.mediators[0] if data.mediators else ""),
        filed_on=filed_on or closed_on or date.today(),
        retention=retention,
        mediation_from=data.accepted_on,
        mediation_to=closed_on,
    )


# ---------------------------------------------------------------------------------- ledger


def _check_period(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise ValidationError(
            f"起始日期 {date_from:%Y-%m-%d} 晚于截止日期 {date_to:%Y-%m-%d}，请重新选择",
            code="bad_period",
            field="date_from",
        )


def _case_rows(
    session: Session, *, date_from: date, date_to: date, status: str | None
) -> tuple[CaseLedgerRow, ...]:
    requester, parent = aliased(Person), aliased(Category)
    stmt = (
        select(Case, requester.name, requester.phone, Category.name, parent.name, Department.name)
        .outerjoin(requester, requester.id == Case.requester_id)
        .outerjoin(Category, Category.id == Case.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Department, Department.id == Case.department_id)
        .where(
            Case.received_at >= datetime.combine(date_from, time.min),
            Case.received_at < datetime.combine(date_to + timedelta(days=1), time.min),
        )
        .order_by(Case.received_at, Case.number)
    )
    if status:
        stmt = stmt.where(Case.status == status)
    return tuple(
        CaseLedgerRow(
            number=case.number,
            received_at=case.received_at,
            channel=_label(Channel, case.channel),
            requester_name=name or "",
            requester_phone=phone or "",
            category=category or parent_name or "",
            summary=case.summary,
            handler=department or _label(Route, case.route),
            deadline=case.deadline,
            status=_label(CaseStatus, case.status),
            rating=_label(Rating, case.rating),
        )
        for case, name, phone, category, parent_name, department in session.execute(stmt)
    )


def _mediation_rows(
    session: Session, *, date_from: date, date_to: date, status: str | None
) -> tuple[MediationLedgerRow, ...]:
    stmt = (
        select(MediationCase, DisputeType.name)
        .outerjoin(DisputeType, DisputeType.id == MediationCase.dispute_type_id)
        .where(MediationCase.accepted_on >= date_from, MediationCase.accepted_on <= date_to)
        .order_by(MediationCase.accepted_on, MediationCase.number)
    )
    if status:
        stmt = stmt.where(MediationCase.status == status)
    found = session.execute(stmt).all()
    ids = [m.id for m, _ in found]
    parties: dict[str, list[str]] = {i: [] for i in ids}
    mediators: dict[str, list[str]] = {i: [] for i in ids}
    for chunk in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        part = ids[chunk : chunk + 500]
        for mid, name in session.execute(
            select(MediationParty.mediation_id, Person.name)
            .join(Person, Person.id == MediationParty.person_id)
            .where(MediationParty.mediation_id.in_(part))
            .order_by(MediationParty.mediation_id, MediationParty.seq)
        ):
            parties[mid].append(name)
        for mid, name in session.execute(
            select(MediationMediator.mediation_id, RosterPerson.name)
            .join(RosterPerson, RosterPerson.id == MediationMediator.roster_person_id)
            .where(MediationMediator.mediation_id.in_(part))
            .order_by(
                MediationMediator.mediation_id, MediationMediator.lead.desc(), RosterPerson.name
            )
        ):
            mediators[mid].append(name)
    return tuple(
        MediationLedgerRow(
            number=m.number,
            accepted_on=m.accepted_on,
            parties=tuple(parties[m.id]),
            dispute_type=_dispute_name(dispute or ""),
            source=_label(MediationSource, m.source),
            mediators=tuple(mediators[m.id]),
            status=_label(MediationStatus, m.status),
            agreement_form=_label(AgreementForm, m.agreement_form),
            amount=_yuan(m.amount_fen),
            performance=_label(PerformanceStatus, m.performance_status),
            closed_on=m.closed_on,
        )
        for m, dispute in found
    )


def ledger_data(
    session: Session,
    *,
    kind: LedgerKind | str,
    date_from: date,
    date_to: date,
    status: str | None = None,
    prepared_by: str = "",
    generated_at: datetime | None = None,
) -> LedgerData:
    """台账 of the cases received (or mediation cases accepted) from ``date_from`` to
    ``date_to``, both included, optionally of one status (a stored code, e.g. ``closed``)."""
    _check_period(date_from, date_to)
    try:
        kind = LedgerKind(kind)
    except ValueError:
        raise ValidationError(
            "台账类型只能是 cases（工单）或 mediations（调解案件）", code="bad_choice", field="kind"
        ) from None
    statuses = CaseStatus if kind is LedgerKind.CASES else MediationStatus
    if status and status not in {s.value for s in statuses}:
        raise ValidationError(
            f"没有“{status}”这种状态。可用的状态：{'、'.join(s.value for s in statuses)}",
            code="bad_choice",
            field="status",
        )
    settings = load_settings(session)
    if kind is LedgerKind.CASES:
        status_label = _label(CaseStatus, status)
        rows: tuple = _case_rows(session, date_from=date_from, date_to=date_to, status=status)
        unit = settings.station_name
    else:
        status_label = _label(MediationStatus, status)
        rows = _mediation_rows(session, date_from=date_from, date_to=date_to, status=status)
        unit = settings.committee_name or settings.station_name
    return LedgerData(
        kind=kind,
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        generated_at=generated_at or datetime.now().replace(second=0, microsecond=0),
        rows=rows,
        filters=f"状态：{status_label}" if status else "",
        prepared_by=prepared_by,
    )


# ------------------------------------------------------------------------- entry points


def find_mediation_for_number(session: Session, *, number: str) -> str:
    """The mediation case of ``number``: its own number (brackets typed in ASCII are
    accepted), or the number of a work order that was passed on to mediation."""
    number = number.strip()
    candidates = [number, number.replace("(", "（").replace(")", "）")]
    for candidate in dict.fromkeys(candidates):
        found = session.scalar(select(MediationCase.id).where(MediationCase.number == candidate))
        if found:
            return found
    linked = session.scalar(select(Case.mediation_id).where(Case.number == number))
    if linked and session.get(MediationCase, linked) is not None:
        return linked
    return mediation.find_mediation_id(session, number=number)  # raises NotFoundError


def _audit(
    session: Session,
    *,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    detail: dict[str, object],
) -> None:
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            username=actor.username[:40],
            action=action,
            target_type=target_type,
            target_id=target_id[:64],
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )
    session.flush()


def render_document(
    session: Session,
    *,
    actor: Actor,
    kind: str,
    number: str,
    show_full_id: bool = False,
    created: datetime | None = None,
    reason: str = "",
    paper: ReceiptPaper | str | None = None,
) -> bytes:
    """The PDF of document ``kind`` for the case or mediation case ``number``, audited.

    ``receipt`` and ``referral`` take a work-order number, every mediation form and
    ``case-file`` a mediation number (or the number of the work order passed on to it).
    ``show_full_id`` prints the requester's full ID number on the referral slip; it is
    refused for documents that print no ID. ``reason`` says why the document (or the full
    ID) is needed and goes into the audit. Raises :class:`NotFoundError` for an unknown
    number and :class:`DocumentDataMissing` naming what the document lacks; in both cases
    nothing is audited.
    """
    require(actor, Permission.PRINT_DOCUMENTS)
    if show_full_id:
        require(actor, Permission.REVEAL_ID_NUMBER)
    if kind not in KINDS or kind == "ledger":
        hint = "台账请按日期范围打印（grid-station print ledger）。" if kind == "ledger" else ""
        raise ValidationError(
            f"没有“{kind}”这种文书。{hint}可用的文书："
            f"{'、'.join(k for k in KINDS if k != 'ledger')}。",
            code="unknown_document",
            field="kind",
        )
    if show_full_id and kind not in ID_KINDS:
        raise ValidationError(
            f"《{KINDS[kind].title}》不打印身份证号码，无需选择显示完整号码。",
            code="no_id_on_document",
            field="show_full_id",
        )
    number = number.strip()
    if not number:
        raise NotFoundError("请输入工单编号或调解案件编号", field="number")
    person_id: str | None = None
    if kind in CASE_KINDS:
        case_id = cases.find_case_id(session, number=number)
        target_type = "case"
        if kind == "receipt":
            data: object = receipt_data(session, case_id=case_id, paper=paper or ReceiptPaper.A5)
        else:
            data = referral_data(session, case_id=case_id, show_full_id=show_full_id)
            person_id = session.scalar(select(Case.requester_id).where(Case.id == case_id))
    else:
        mediation.check_access(actor)  # mediation records are for mediators and admins only
        mediation_id = find_mediation_for_number(session, number=number)
        target_type = "mediation"
        if kind == "case-file":
            data = case_file_data(session, mediation_id=mediation_id)
        else:
            data = mediation_form_data(session, mediation_id=mediation_id)
        # The number as stored, however it was typed (or the work order's number).
        number = session.scalar(select(MediationCase.number).where(
            MediationCase.id == mediation_id)) or number
    pdf = render(kind, data, created=created)

    title = KINDS[kind].title
    if isinstance(data, ReferralData):
        title = data.kind.title
    why = reason.strip() or f"打印《{title}》"
    _audit(
        session,
        actor=actor,
        action=PRINT_ACTION,
        target_type=target_type,
        target_id=number,
        detail={"kind": kind, "title": title, "reason": why, "full_id": show_full_id},
    )
    if show_full_id:
        id_on_file = bool(isinstance(data, ReferralData) and data.requester_id_number.strip())
        _audit(
            session,
            actor=actor,
            action=REVEAL_ACTION,
            target_type=target_type,
            target_id=number,
            detail={
                "kind": kind,
                "title": title,
                "person_id": person_id or "",
                "id_on_file": id_on_file,
                "reason": reason.strip() or f"打印《{title}》时选择显示完整身份证号码",
            },
        )
    return pdf


def render_ledger_document(
    session: Session,
    *,
    actor: Actor,
    kind: LedgerKind | str = LedgerKind.CASES,
    date_from: date,
    date_to: date,
    status: str | None = None,
    created: datetime | None = None,
    reason: str = "",
) -> bytes:
    """The 台账 PDF for a period (see :func:`ledger_data`), audited as a print."""
    require(actor, Permission.PRINT_DOCUMENTS)
    data = ledger_data(
        session,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        status=status,
        prepared_by=actor.display_name or actor.username,
        generated_at=created,
    )
    pdf = render("ledger", data, created=created)
    _audit(
        session,
        actor=actor,
        action=PRINT_ACTION,
        target_type="ledger",
        target_id=f"{data.kind.value}:{date_from:%Y-%m-%d}..{date_to:%Y-%m-%d}",
        detail={
            "kind": "ledger",
            "title": KINDS["ledger"].title,
            "ledger": data.kind.value,
            "rows": len(data.rows),
            "status": status or "",
            "reason": reason.strip() or "打印台账",
        },
    )
    return pdf


__all__ = [
    "CASE_KINDS",
    "ID_KINDS",
    "MEDIATION_KINDS",
    "PRINT_ACTION",
    "REVEAL_ACTION",
    "case_file_data",
    "find_mediation_for_number",
    "ledger_data",
    "mediation_form_data",
    "receipt_data",
    "referral_data",
    "render_document",
    "render_ledger_document",
    "safe_filename",
]
