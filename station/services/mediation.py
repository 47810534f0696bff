"""People's mediation cases (人民调解): parties, mediators, records, agreement, visits.

Every change is an event on the ``mediation`` entity; the rows are its projection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from station.db.models import (
    AgreementTerm,
    DisputeType,
    MediationCase,
    MediationMediator,
    MediationParty,
    MediationRecord,
    NumberCounter,
    Person,
    ReturnVisit,
    RosterPerson,
)
from station.domain.clock import new_id
from station.domain.enums import (
    AgreementForm,
    MediationSource,
    MediationStatus,
    PartyRole,
    PerformanceStatus,
)
from station.domain.numbers import mediation_number
from station.errors import NotFoundError, ValidationError
from station.services.events import Actor, record_event
from station.settings import load_settings

EDITABLE = (
    "source",
    "referring_body",
    "dispute_type_id",
    "accepted_on",
    "committee",
    "facts",
    "status",
    "case_id",
    "notice_given_on",
    "closing_reason",
    "other_routes",
    "performance_status",
    "court_confirmed_on",
    "prevented_criminal",
    "prevented_petition",
    "closed_on",
)
AGREEMENT_FIELDS = (
    "agreement_form",
    "agreement_content",
    "performance_method",
    "performance_deadline",
    "amount_fen",
    "copies",
    "signed_on",
    "signed_by",
)
CLOSED = {
    MediationStatus.SUCCEEDED.value,
    MediationStatus.FAILED.value,
    MediationStatus.TERMINATED.value,
    MediationStatus.NOT_ACCEPTED.value,
}


@dataclass(frozen=True)
class PartyInfo:
    id: str
    person_id: str
    name: str
    role: str
    seq: int
    agent_name: str
    agent_authorization: str


@dataclass(frozen=True)
class RecordInfo:
    id: str
    kind: str
    at: datetime
    place: str
    participants: str
    subject: str
    recorder: str
    body: str
    result: str


@dataclass(frozen=True)
class VisitInfo:
    visited_on: date
    visitor: str
    performance_status: str
    notes: str


@dataclass(frozen=True)
class MediationRow:
    id: str
    number: str
    accepted_on: date
    status: str
    status_label: str
    dispute_type: str
    parties: str
    lead_mediator: str


@dataclass(frozen=True)
class MediationDetail:
    id: str
    number: str
    source: str
    referring_body: str
    dispute_type_id: str | None
    dispute_type: str
    accepted_on: date
    committee: str
    facts: str
    status: str
    status_label: str
    case_id: str | None
    notice_given_on: date | None
    closing_reason: str
    other_routes: str
    agreement_form: str
    agreement_content: str
    performance_method: str
    performance_deadline: date | None
    amount_fen: int | None
    copies: int | None
    signed_on: date | None
    signed_by: str
    performance_status: str
    court_confirmed_on: date | None
    prevented_criminal: bool
    prevented_petition: bool
    closed_on: date | None
    parties: tuple[PartyInfo, ...]
    mediators: tuple[tuple[str, str, bool], ...]  # (roster id, name, lead)
    records: tuple[RecordInfo, ...]
    terms: tuple[str, ...]
    visits: tuple[VisitInfo, ...]


def _check_choice(enum: type, value: Any, *, field: str, label: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(f"请选择{label}", code="bad_choice", field=field) from None


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    clean = {k: v for k, v in values.items() if k in EDITABLE}
    if "source" in clean:
        clean["source"] = _check_choice(
            MediationSource, clean["source"], field="source", label="案件来源"
        )
    if "status" in clean:
        clean["status"] = _check_choice(
            MediationStatus, clean["status"], field="status", label="状态"
        )
    if clean.get("source") == MediationSource.REFERRAL.value and not values.get("referring_body"):
        raise ValidationError(
            "委托移送的案件请写明移送单位", code="required", field="referring_body"
        )
    if clean.get("dispute_type_id") and session.get(DisputeType, clean["dispute_type_id"]) is None:
        raise ValidationError("没有这个纠纷类型", code="unknown", field="dispute_type_id")
    if clean.get("status") == MediationStatus.NOT_ACCEPTED.value and not values.get(
        "closing_reason"
    ):
        raise ValidationError(
            "不予受理需写明理由（如当事人拒绝调解）", code="required", field="closing_reason"
        )
    return clean


def _clean_parties(session: Session, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for seq, party in enumerate(parties, start=1):
        if session.get(Person, party.get("person_id", "")) is None:
            raise ValidationError(f"第{seq}位当事人不在居民名册中", code="unknown", field="parties")
        out.append(
            {
                "id": party.get("id") or new_id(),
                "person_id": party["person_id"],
                "role": _check_choice(
                    PartyRole, party.get("role"), field="parties", label="当事人身份"
                ),
                "seq": seq,
                "agent_name": party.get("agent_name", "").strip(),
                "agent_authorization": party.get("agent_authorization", "").strip(),
            }
        )
    roles = {p["role"] for p in out}
    if PartyRole.APPLICANT.value not in roles or PartyRole.RESPONDENT.value not in roles:
        raise ValidationError(
            "至少需要一位申请人和一位被申请人", code="parties_incomplete", field="parties"
        )
    return out


def _clean_mediators(session: Session, mediators: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not mediators:
        raise ValidationError("请至少选择一位调解员", code="required", field="mediators")
    out = []
    for m in mediators:
        if session.get(RosterPerson, m.get("roster_person_id", "")) is None:
            raise ValidationError("调解员不在名册中", code="unknown", field="mediators")
        out.append({"roster_person_id": m["roster_person_id"], "lead": bool(m.get("lead"))})
    if sum(m["lead"] for m in out) != 1:
        out = [{**m, "lead": i == 0} for i, m in enumerate(out)]  # first named leads
    return out


def next_mediation_number(session: Session, *, year: int) -> str:
    settings = load_settings(session)
    series = f"mediation:{settings.committee_short}:{year}"
    counter = session.get(NumberCounter, series)
    if counter is None:
        counter = NumberCounter(series=series, last=0)
        session.add(counter)
    counter.last += 1
    return mediation_number(year=year, committee_short=settings.committee_short, seq=counter.last)


def create_mediation(
    session: Session,
    *,
    actor: Actor,
    parties: list[dict[str, Any]],
    mediators: list[dict[str, Any]],
    accepted_on: date | None = None,
    **values: Any,
) -> MediationDetail:
    accepted_on = accepted_on or date.today()
    clean = _clean(session, {**values, "accepted_on": accepted_on})
    clean.setdefault("source", MediationSource.APPLICATION.value)
    clean.setdefault("status", MediationStatus.ACCEPTED.value)
    clean.setdefault("committee", load_settings(session).committee_name)
    mediation_id = new_id()
    record_event(
        session,
        actor=actor,
        entity_type="mediation",
        entity_id=mediation_id,
        event_type="created",
        payload={
            **clean,
            "number": next_mediation_number(session, year=accepted_on.year),
            "parties": _clean_parties(session, parties),
            "mediators": _clean_mediators(session, mediators),
        },
    )
    return get_mediation(session, mediation_id=mediation_id)


def _event(
    session: Session, actor: Actor, mediation_id: str, kind: str, payload: dict
) -> MediationDetail:
    _mediation(session, mediation_id)
    record_event(
        session,
        actor=actor,
        entity_type="mediation",
        entity_id=mediation_id,
        event_type=kind,
        payload=payload,
    )
    return get_mediation(session, mediation_id=mediation_id)


def update_mediation(
    session: Session, *, actor: Actor, mediation_id: str, **values: Any
) -> MediationDetail:
    clean = _clean(session, values)
    return _event(session, actor, mediation_id, "updated", clean)


def add_record(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    kind: str,
    at: datetime,
    body: str,
    **values: Any,
) -> MediationDetail:
    """Add an investigation (``kind="investigation"``) or session (``"session"``) record."""
    if kind not in ("investigation", "session"):
        raise ValidationError("记录类型只能是调查记录或调解记录", code="bad_choice", field="kind")
    if not body.strip():
        raise ValidationError("记录内容不能为空", code="required", field="body")
    fields = ("place", "participants", "subject", "recorder", "result")
    payload = {"id": new_id(), "kind": kind, "at": at, "body": body}
    payload.update({k: str(v).strip() for k, v in values.items() if k in fields})
    detail = _event(session, actor, mediation_id, "record_added", payload)
    if kind == "session" and detail.status == MediationStatus.ACCEPTED.value:
        detail = _event(
            session, actor, mediation_id, "updated", {"status": MediationStatus.IN_PROGRESS.value}
        )
    return detail


def set_agreement(
    session: Session, *, actor: Actor, mediation_id: str, terms: list[str], **values: Any
) -> MediationDetail:
    clean = {k: v for k, v in values.items() if k in AGREEMENT_FIELDS}
    form = _check_choice(
        AgreementForm, clean.get("agreement_form"), field="agreement_form", label="协议形式"
    )
    terms = [t.strip() for t in terms if t.strip()]
    if form == AgreementForm.WRITTEN.value and not terms:
        raise ValidationError("书面协议至少要有一条协议内容", code="required", field="terms")
    if form == AgreementForm.ORAL.value and not (clean.get("agreement_content") or terms):
        raise ValidationError(
            "口头协议须记录协议内容（人民调解法第二十八条）",
            code="required",
            field="agreement_content",
        )
    if clean.get("amount_fen") is not None and int(clean["amount_fen"]) < 0:
        raise ValidationError("金额不能为负数", code="negative", field="amount_fen")
    return _event(session, actor, mediation_id, "agreement_set", {**clean, "terms": terms})


def add_visit(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    visited_on: date,
    visitor: str,
    performance_status: str,
    notes: str = "",
) -> MediationDetail:
    status = _check_choice(
        PerformanceStatus, performance_status, field="performance_status", label="履行情况"
    )
    # The fold also copies the visit's performance status onto the case (one event).
    return _event(
        session,
        actor,
        mediation_id,
        "visit_added",
        {
            "visited_on": visited_on,
            "visitor": visitor,
            "performance_status": status,
            "notes": notes,
        },
    )


# --------------------------------------------------------------------------- queries


def _mediation(session: Session, mediation_id: str) -> MediationCase:
    row = session.get(MediationCase, mediation_id)
    if row is None:
        raise NotFoundError("找不到这个调解案件", field="mediation_id")
    return row


def find_mediation_id(session: Session, *, number: str) -> str:
    mediation_id = session.scalar(
        select(MediationCase.id).where(MediationCase.number == number.strip())
    )
    if mediation_id is None:
        raise NotFoundError(f"没有编号为 {number} 的调解案件", field="number")
    return mediation_id


def get_mediation(session: Session, *, mediation_id: str) -> MediationDetail:
    row = _mediation(session, mediation_id)
    dispute = session.get(DisputeType, row.dispute_type_id) if row.dispute_type_id else None
    parties = session.execute(
        select(MediationParty, Person.name)
        .join(Person, Person.id == MediationParty.person_id)
        .where(MediationParty.mediation_id == mediation_id)
        .order_by(MediationParty.seq)
    ).all()
    mediators = session.execute(
        select(MediationMediator, RosterPerson.name)
        .join(RosterPerson, RosterPerson.id == MediationMediator.roster_person_id)
        .where(MediationMediator.mediation_id == mediation_id)
        .order_by(MediationMediator.lead.desc(), RosterPerson.name)
    ).all()
    records = session.scalars(
        select(MediationRecord)
        .where(MediationRecord.mediation_id == mediation_id)
        .order_by(MediationRecord.at)
    )
    terms = session.scalars(
        select(AgreementTerm.text)
        .where(AgreementTerm.mediation_id == mediation_id)
        .order_by(AgreementTerm.seq)
    )
    visits = session.scalars(
        select(ReturnVisit)
        .where(ReturnVisit.mediation_id == mediation_id)
        .order_by(ReturnVisit.visited_on)
    )
    simple = {k: getattr(row, k) for k in (*EDITABLE, *AGREEMENT_FIELDS)}
    return MediationDetail(
        id=row.id,
        number=row.number,
        dispute_type=dispute.name if dispute else "",
        status_label=MediationStatus(row.status).label,
        parties=tuple(
            PartyInfo(
                id=p.id,
                person_id=p.person_id,
                name=name,
                role=p.role,
                seq=p.seq,
                agent_name=p.agent_name,
                agent_authorization=p.agent_authorization,
            )
            for p, name in parties
        ),
        mediators=tuple((m.roster_person_id, name, m.lead) for m, name in mediators),
        records=tuple(
            RecordInfo(
                id=r.id,
                kind=r.kind,
                at=r.at,
                place=r.place,
                participants=r.participants,
                subject=r.subject,
                recorder=r.recorder,
                body=r.body,
                result=r.result,
            )
            for r in records
        ),
        terms=tuple(terms),
        visits=tuple(
            VisitInfo(
                visited_on=v.visited_on,
                visitor=v.visitor,
                performance_status=v.performance_status,
                notes=v.notes,
            )
            for v in visits
        ),
        **simple,
    )


def _filtered(stmt: Select, *, status: str | None, query: str) -> Select:
    if status:
        stmt = stmt.where(MediationCase.status == status)
    term = query.strip()
    if term:
        by_party = (
            select(MediationParty.mediation_id)
            .join(Person, Person.id == MediationParty.person_id)
            .where(Person.name.contains(term, autoescape=True))
        )
        stmt = stmt.where(
            or_(
                MediationCase.number.contains(term, autoescape=True),
                MediationCase.facts.contains(term, autoescape=True),
                MediationCase.id.in_(by_party),
            )
        )
    return stmt


def list_mediations(
    session: Session, *, status: str | None = None, query: str = "", limit: int = 50
) -> list[MediationRow]:
    stmt = _filtered(select(MediationCase), status=status, query=query)
    stmt = stmt.order_by(MediationCase.accepted_on.desc(), MediationCase.number.desc()).limit(limit)
    cases = list(session.scalars(stmt))
    ids = [c.id for c in cases]
    names: dict[str, list[str]] = {i: [] for i in ids}
    for mid, name in session.execute(
        select(MediationParty.mediation_id, Person.name)
        .join(Person, Person.id == MediationParty.person_id)
        .where(MediationParty.mediation_id.in_(ids))
        .order_by(MediationParty.mediation_id, MediationParty.seq)
    ):
        names[mid].append(name)
    leads = dict(
        session.execute(
            select(MediationMediator.mediation_id, RosterPerson.name)
            .join(RosterPerson, RosterPerson.id == MediationMediator.roster_person_id)
            .where(MediationMediator.mediation_id.in_(ids), MediationMediator.lead.is_(True))
        ).all()
    )
    types = dict(session.execute(select(DisputeType.id, DisputeType.name)).all())
    return [
        MediationRow(
            id=c.id,
            number=c.number,
            accepted_on=c.accepted_on,
            status=c.status,
            status_label=MediationStatus(c.status).label,
            dispute_type=types.get(c.dispute_type_id, ""),
            parties="、".join(names[c.id]),
            lead_mediator=leads.get(c.id, ""),
        )
        for c in cases
    ]


def count_by_status(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(MediationCase.status, func.count()).group_by(MediationCase.status)
    )
    return {status: n for status, n in rows}
