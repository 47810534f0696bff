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
    Role,
)
from station.domain.numbers import mediation_number
from station.errors import NotFoundError, PermissionDenied, ValidationError
from station.services import persons
from station.services.changes import Changed, Changes
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


#: Who may open mediation records (人民调解 files are confidential: art. 15 人民调解法).
MEDIATION_ROLES = frozenset({Role.MEDIATOR, Role.STATION_ADMIN})


def check_access(actor: Actor) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` is a mediator or a station admin."""
    if Role(actor.role) not in MEDIATION_ROLES:
        raise PermissionDenied(
            "只有调解员和驿站管理员可以查看和修改调解案件", code="mediation_forbidden"
        )


@dataclass(frozen=True)
class PartyInfo:
    id: str
    person_id: str
    name: str
    role: str
    seq: int
    agent_name: str
    agent_authorization: str
    # From the resident register (what the forms print about a party).
    gender: str = ""
    ethnicity: str = ""
    occupation: str = ""
    address: str = ""
    phone: str = ""

    @property
    def role_label(self) -> str:
        return PartyRole(self.role).label


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
    check_access(actor)
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
    check_access(actor)
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
    check_access(actor)
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
    check_access(actor)
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


# ------------------------------------------------------------------ workspace actions
# What the mediation workspace calls: each checks the actor's role and returns the case with
# what changed (:class:`Changed`), so every open view can refresh itself.

PERSON_DETAILS = ("gender", "ethnicity", "occupation", "address", "phone")
PARTY_FIELDS = ("role", "agent_name", "agent_authorization")


def changed(
    detail: MediationDetail, *, persons_changed: tuple[str, ...] = ()
) -> Changed[MediationDetail]:
    """``detail`` with the change notice views listen for."""
    return Changed(detail, Changes.of(mediations=[detail.id], persons=persons_changed))


def _party_problem(seq: int, exc: ValidationError) -> ValidationError:
    return ValidationError(f"第{seq}位当事人：{exc.message}", code=exc.code, field="parties")


def _register_party(
    session: Session, *, actor: Actor, seq: int, party: dict[str, Any]
) -> tuple[str, bool]:
    """The party's person id, creating the resident or updating their details on the way;
    returns (person id, whether the register changed)."""
    details = {k: party[k] for k in PERSON_DETAILS if k in party}
    try:
        if party.get("person_id"):
            before = persons.get_person(session, person_id=party["person_id"])
            after = persons.update_person(
                session, actor=actor, person_id=party["person_id"], **details
            )
            return after.id, after != before
        name = str(party.get("name", "")).strip()
        if not name:
            raise ValidationError("请选择居民或填写姓名", code="required", field="name")
        return persons.create_person(session, actor=actor, name=name, **details).id, True
    except ValidationError as exc:
        raise _party_problem(seq, exc) from None


def open_mediation(
    session: Session,
    *,
    actor: Actor,
    parties: list[dict[str, Any]],
    mediators: list[dict[str, Any]],
    accepted_on: date | None = None,
    **values: Any,
) -> Changed[MediationDetail]:
    """Accept a dispute directly in the workspace (not from a work order).

    A party is ``{"person_id": …}`` (a resident from the register) or ``{"name": …}`` (a new
    resident, created here); either may carry register details (``phone``, ``ethnicity``,
    ``occupation``, ``address``, ``gender``), which update the register, plus ``role``,
    ``agent_name`` and ``agent_authorization``. Everything happens in the caller's one
    transaction: a problem anywhere writes nothing.
    """
    check_access(actor)
    if not parties:
        raise ValidationError(
            "至少需要一位申请人和一位被申请人", code="parties_incomplete", field="parties"
        )
    touched: list[str] = []
    clean_parties = []
    for seq, party in enumerate(parties, start=1):
        person_id, was_changed = _register_party(session, actor=actor, seq=seq, party=party)
        if was_changed:
            touched.append(person_id)
        clean_parties.append(
            {"person_id": person_id, **{k: party[k] for k in PARTY_FIELDS if k in party}}
        )
    detail = create_mediation(
        session,
        actor=actor,
        parties=clean_parties,
        mediators=mediators,
        accepted_on=accepted_on,
        **values,
    )
    return changed(detail, persons_changed=tuple(touched))


def edit_mediation(
    session: Session, *, actor: Actor, mediation_id: str, **values: Any
) -> Changed[MediationDetail]:
    """Change the case's facts (source, dispute type, facts, notice given date …)."""
    return changed(update_mediation(session, actor=actor, mediation_id=mediation_id, **values))


def update_party(
    session: Session, *, actor: Actor, mediation_id: str, party_id: str, **values: Any
) -> Changed[MediationDetail]:
    """Change a party's role or agent here, and their details in the resident register."""
    check_access(actor)
    detail = get_mediation(session, mediation_id=mediation_id)
    party = next((p for p in detail.parties if p.id == party_id), None)
    if party is None:
        raise NotFoundError("这个案件没有这位当事人", field="party_id")
    payload: dict[str, Any] = {"id": party_id}
    if "role" in values:
        payload["role"] = _check_choice(PartyRole, values["role"], field="role", label="当事人身份")
    for key in ("agent_name", "agent_authorization"):
        if key in values:
            payload[key] = str(values[key]).strip()
    roles = {p.role for p in detail.parties if p.id != party_id} | {payload.get("role", party.role)}
    if PartyRole.APPLICANT.value not in roles or PartyRole.RESPONDENT.value not in roles:
        raise ValidationError(
            "至少需要一位申请人和一位被申请人", code="parties_incomplete", field="role"
        )
    details = {k: values[k] for k in PERSON_DETAILS if k in values}
    touched: tuple[str, ...] = ()
    if details:
        before = persons.get_person(session, person_id=party.person_id)
        after = persons.update_person(session, actor=actor, person_id=party.person_id, **details)
        touched = (party.person_id,) if after != before else ()
    if len(payload) > 1:
        detail = _event(session, actor, mediation_id, "party_updated", payload)
    else:
        detail = get_mediation(session, mediation_id=mediation_id)
    return changed(detail, persons_changed=touched)


def set_mediators(
    session: Session, *, actor: Actor, mediation_id: str, mediators: list[dict[str, Any]]
) -> Changed[MediationDetail]:
    """Replace the case's mediators (``[{"roster_person_id": …, "lead": bool}]``)."""
    check_access(actor)
    clean = _clean_mediators(session, mediators)
    return changed(_event(session, actor, mediation_id, "mediators_set", {"mediators": clean}))


def record_notice(
    session: Session, *, actor: Actor, mediation_id: str, given_on: date
) -> Changed[MediationDetail]:
    """告知书: the rights-and-duties notice was given to the parties on ``given_on``."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    if given_on < current.accepted_on:
        raise ValidationError(
            "告知日期不能早于受理日期", code="before_acceptance", field="notice_given_on"
        )
    return edit_mediation(session, actor=actor, mediation_id=mediation_id, notice_given_on=given_on)


def add_mediation_record(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    kind: str,
    at: datetime,
    body: str,
    **values: Any,
) -> Changed[MediationDetail]:
    return changed(
        add_record(
            session, actor=actor, mediation_id=mediation_id, kind=kind, at=at, body=body, **values
        )
    )


def save_agreement(
    session: Session, *, actor: Actor, mediation_id: str, terms: list[str], **values: Any
) -> Changed[MediationDetail]:
    if values.get("copies") is not None and int(values["copies"]) < 1:
        raise ValidationError("协议书至少一式一份", code="bad_copies", field="copies")
    return changed(
        set_agreement(session, actor=actor, mediation_id=mediation_id, terms=terms, **values)
    )


def add_return_visit(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    visited_on: date,
    visitor: str,
    performance_status: str,
    notes: str = "",
) -> Changed[MediationDetail]:
    if not visitor.strip():
        raise ValidationError("请填写回访人", code="required", field="visitor")
    return changed(
        add_visit(
            session,
            actor=actor,
            mediation_id=mediation_id,
            visited_on=visited_on,
            visitor=visitor.strip(),
            performance_status=performance_status,
            notes=notes.strip(),
        )
    )


#: How a case can end: (outcome, status, agreement form it needs).
OUTCOMES: dict[str, tuple[MediationStatus, str | None]] = {
    "written": (MediationStatus.SUCCEEDED, AgreementForm.WRITTEN.value),
    "oral": (MediationStatus.SUCCEEDED, AgreementForm.ORAL.value),
    "failed": (MediationStatus.FAILED, None),
    "terminated": (MediationStatus.TERMINATED, None),
    "not_accepted": (MediationStatus.NOT_ACCEPTED, None),
}
OTHER_ROUTES_HINT = "已告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"


def record_outcome(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    outcome: str,
    closed_on: date,
    reason: str = "",
    other_routes: str = "",
    prevented_criminal: bool = False,
    prevented_petition: bool = False,
) -> Changed[MediationDetail]:
    """End the case: agreement reached (written / oral), failed, terminated, not accepted.

    An agreement must have been recorded first, in the same form. Failure and termination
    need the reason and the other routes the parties were told about (人民调解法 art. 26);
    not accepting needs the reason (art. 17, e.g. a party refuses mediation).
    """
    if outcome not in OUTCOMES:
        raise ValidationError("请选择调解结果", code="bad_choice", field="outcome")
    status, form = OUTCOMES[outcome]
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    if closed_on < current.accepted_on:
        raise ValidationError(
            "结案日期不能早于受理日期", code="before_acceptance", field="closed_on"
        )
    reason, other_routes = reason.strip(), other_routes.strip()
    if form is not None and current.agreement_form != form:
        raise ValidationError(
            f"请先在“协议”中记录{AgreementForm(form).label}的内容",
            code="agreement_missing",
            field="outcome",
        )
    if form is None and not reason:
        raise ValidationError("请写明理由", code="required", field="closing_reason")
    if status in (MediationStatus.FAILED, MediationStatus.TERMINATED) and not other_routes:
        raise ValidationError(
            "请记录已告知当事人的其他解决途径（人民调解法第二十六条）",
            code="required",
            field="other_routes",
        )
    values: dict[str, Any] = {
        "status": status.value,
        "closed_on": closed_on,
        "closing_reason": reason,
        "other_routes": other_routes,
        "prevented_criminal": bool(prevented_criminal),
        "prevented_petition": bool(prevented_petition),
    }
    if form is not None and not current.performance_status:
        values["performance_status"] = PerformanceStatus.PENDING.value
    return edit_mediation(session, actor=actor, mediation_id=mediation_id, **values)


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


def get_mediation(
    session: Session, *, mediation_id: str, actor: Actor | None = None
) -> MediationDetail:
    """The whole case; with ``actor``, only for mediators and station admins."""
    if actor is not None:
        check_access(actor)
    row = _mediation(session, mediation_id)
    dispute = session.get(DisputeType, row.dispute_type_id) if row.dispute_type_id else None
    parties = session.execute(
        select(MediationParty, Person)
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
                name=person.name,
                role=p.role,
                seq=p.seq,
                agent_name=p.agent_name,
                agent_authorization=p.agent_authorization,
                gender=person.gender,
                ethnicity=person.ethnicity,
                occupation=person.occupation,
                address=person.address,
                phone=person.phone,
            )
            for p, person in parties
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
    session: Session,
    *,
    status: str | None = None,
    query: str = "",
    limit: int = 50,
    actor: Actor | None = None,
) -> list[MediationRow]:
    """Newest first; with ``actor``, only for mediators and station admins."""
    if actor is not None:
        check_access(actor)
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
