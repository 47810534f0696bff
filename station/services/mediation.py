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
    AuditEntry,
    DisputeType,
    MediationCase,
    MediationMediator,
    MediationParty,
    MediationRecord,
    NumberCounter,
    PerformanceNote,
    Person,
    ReturnVisit,
    RosterPerson,
    Setting,
)
from station.domain import mediation_rules as rules
from station.domain.clock import new_id, wall_time
from station.domain.enums import (
    AgreementForm,
    MediationSource,
    MediationStatus,
    PartyRole,
    PerformanceStatus,
)
from station.domain.numbers import mediation_number
from station.domain.permissions import Permission, require, roles_for
from station.errors import NotFoundError, ValidationError
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
    # Statistics: persons kept from a civil dispute turning criminal / from a group petition.
    "prevented_criminal_persons",
    "prevented_petition_persons",
    # 司法确认 (court_confirmed_on above is the day the court ruled).
    "court_confirmation",
    "court_applied_on",
    # One-month timer extended with the parties' consent.
    "extended_due_on",
    "extension_consent",
)
_EDITABLE_SET = frozenset(EDITABLE)  # for membership tests on every write and push
#: Read-only on the case (written by the archive and reopen events).
ARCHIVE_FIELDS = ("archived_on", "archived_by", "reopen_reason")
AGREEMENT_FIELDS = (
    "agreement_form",
    "agreement_content",
    "performance_method",
    "performance_deadline",
    "amount_fen",
    "copies",
    "signed_on",
    "signed_by",
    "effective_on",
)
CLOSED = {
    MediationStatus.SUCCEEDED.value,
    MediationStatus.FAILED.value,
    MediationStatus.TERMINATED.value,
    MediationStatus.NOT_ACCEPTED.value,
}


#: Who may open mediation records (人民调解 files are confidential: art. 15 人民调解法).
MEDIATION_ROLES = roles_for(Permission.OPEN_MEDIATION)


def check_access(actor: Actor) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` is a mediator or a station admin."""
    require(actor, Permission.OPEN_MEDIATION)


@dataclass(frozen=True)
class PartyInfo:
    id: str
    person_id: str
    name: str
    role: str
    seq: int
    agent_name: str
    agent_authorization: str
    agent_kind: str = ""  # AgentKind or ""
    # From the resident register (what the forms print about a party).
    gender: str = ""
    ethnicity: str = ""
    occupation: str = ""
    address: str = ""
    phone: str = ""

    @property
    def role_label(self) -> str:
        return PartyRole(self.role).label

    @property
    def agent_text(self) -> str:
        """「委托代理人：陶小（一般授权）」, or "" without an agent."""
        if not self.agent_name:
            return ""
        kind = rules.AgentKind(self.agent_kind).label if self.agent_kind else "代理人"
        auth = f"（{self.agent_authorization}）" if self.agent_authorization else ""
        return f"{kind}：{self.agent_name}{auth}"


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
    satisfaction: str = ""
    lawsuit: bool = False
    escalation_risk: str = ""
    measures: str = ""

    @property
    def printed_notes(self) -> str:
        """The notes with satisfaction, lawsuit, risk and measures, as the form prints them."""
        facts = []
        if self.satisfaction:
            facts.append(f"当事人{rules.Satisfaction(self.satisfaction).label}")
        if self.lawsuit:
            facts.append("有当事人已就此起诉")
        if self.escalation_risk:
            facts.append(f"矛盾激化风险：{rules.EscalationRisk(self.escalation_risk).label}")
        if self.measures:
            facts.append(f"采取措施：{self.measures}")
        extra = "；".join(facts)
        if not extra:
            return self.notes
        return f"{self.notes.rstrip()}\n{extra}。" if self.notes.strip() else f"{extra}。"


@dataclass(frozen=True)
class PerformanceNoteInfo:
    noted_on: date
    performance_status: str
    text: str
    author: str


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
    overdue: bool = False  # open past its (extended) one-month due date
    reminder: bool = False  # performance deadline passed, agreement not performed
    awaiting_visit: bool = False  # agreement reached, no return visit yet
    confirmation_open: bool = False  # within the 30 days to apply for 司法确认
    archived: bool = False


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
    prevented_criminal_persons: int
    prevented_petition_persons: int
    effective_on: date | None
    court_confirmation: str
    court_applied_on: date | None
    extended_due_on: date | None
    extension_consent: str
    archived_on: date | None
    archived_by: str
    reopen_reason: str
    parties: tuple[PartyInfo, ...]
    mediators: tuple[tuple[str, str, bool], ...]  # (roster id, name, lead)
    records: tuple[RecordInfo, ...]
    terms: tuple[str, ...]
    visits: tuple[VisitInfo, ...]
    performance_notes: tuple[PerformanceNoteInfo, ...] = ()

    @property
    def archived(self) -> bool:
        return self.archived_on is not None

    @property
    def timer_due(self) -> date:
        return rules.timer_due(accepted_on=self.accepted_on, extended_due_on=self.extended_due_on)

    def timer(self, today: date) -> rules.Countdown:
        """The one-month timer (nothing once the case has ended)."""
        return rules.timer_countdown(
            accepted_on=self.accepted_on,
            extended_due_on=self.extended_due_on,
            status=self.status,
            today=today,
        )

    def performance_countdown(self, today: date) -> rules.Countdown:
        return rules.performance_countdown(
            performance_status=self.performance_status,
            deadline=self.performance_deadline,
            today=today,
        )

    def confirmation_countdown(self, today: date) -> rules.Countdown:
        return rules.confirmation_countdown(
            effective_on=self.effective_on if self.status == "succeeded" else None,
            court_confirmation=self.court_confirmation,
            today=today,
        )


def _check_choice(enum: type, value: Any, *, field: str, label: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(f"请选择{label}", code="bad_choice", field=field) from None


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    clean = {k: v for k, v in values.items() if k in _EDITABLE_SET}
    if "source" in clean:
        clean["source"] = _check_choice(
            MediationSource, clean["source"], field="source", label="案件来源"
        )
    if "status" in clean:
        clean["status"] = _check_choice(
            MediationStatus, clean["status"], field="status", label="状态"
        )
    if clean.get("court_confirmation"):
        clean["court_confirmation"] = _check_choice(
            rules.CourtConfirmation,
            clean["court_confirmation"],
            field="court_confirmation",
            label="司法确认情况",
        )
    for key in ("prevented_criminal_persons", "prevented_petition_persons"):
        if key in clean and (clean[key] is None or int(clean[key]) < 0):
            raise ValidationError("人数不能为负数", code="negative", field=key)
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


def _agent_kind(value: Any, *, seq: int | None = None) -> str:
    if not value:
        return ""
    try:
        return rules.AgentKind(value).value
    except ValueError:
        where = f"第{seq}位当事人：" if seq else ""
        raise ValidationError(
            f"{where}请选择代理人类型", code="bad_choice", field="agent_kind"
        ) from None


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
                "agent_kind": _agent_kind(party.get("agent_kind", ""), seq=seq),
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
    session: Session,
    actor: Actor,
    mediation_id: str,
    kind: str,
    payload: dict,
    *,
    unlock: bool = False,
) -> MediationDetail:
    row = _mediation(session, mediation_id)
    if not unlock:
        rules.check_not_archived(archived=row.archived_on is not None)
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
    signed_on, effective_on = clean.get("signed_on"), clean.get("effective_on")
    if effective_on and not signed_on:
        raise ValidationError(
            "协议自各方签名之日起生效，请先填写签署日期", code="required", field="signed_on"
        )
    if signed_on and effective_on and effective_on < signed_on:
        raise ValidationError(
            "生效日期不能早于签署日期", code="before_signing", field="effective_on"
        )
    if signed_on and not effective_on:
        clean["effective_on"] = signed_on  # art. 29: effective once signed by all
    if not signed_on:
        clean["effective_on"] = None
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
    satisfaction: str = "",
    lawsuit: bool = False,
    escalation_risk: str = "",
    measures: str = "",
) -> MediationDetail:
    check_access(actor)
    status = _check_choice(
        PerformanceStatus, performance_status, field="performance_status", label="履行情况"
    )
    if satisfaction:
        satisfaction = _check_choice(
            rules.Satisfaction, satisfaction, field="satisfaction", label="满意程度"
        )
    if escalation_risk:
        escalation_risk = _check_choice(
            rules.EscalationRisk, escalation_risk, field="escalation_risk", label="激化风险"
        )
    if escalation_risk == rules.EscalationRisk.HIGH.value and not measures.strip():
        raise ValidationError(
            "矛盾激化风险较高时，请记录采取的防范措施", code="required", field="measures"
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
            "satisfaction": satisfaction,
            "lawsuit": bool(lawsuit),
            "escalation_risk": escalation_risk,
            "measures": measures.strip(),
        },
    )


# ------------------------------------------------------------------ workspace actions
# What the mediation workspace calls: each checks the actor's role and returns the case with
# what changed (:class:`Changed`), so every open view can refresh itself.

PERSON_DETAILS = ("gender", "ethnicity", "occupation", "address", "phone")
PARTY_FIELDS = ("role", "agent_name", "agent_authorization", "agent_kind")


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
    if "agent_kind" in values:
        payload["agent_kind"] = _agent_kind(values["agent_kind"])
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


def add_party(
    session: Session, *, actor: Actor, mediation_id: str, party: dict[str, Any]
) -> Changed[MediationDetail]:
    """Add a party to the case: ``{"person_id": …}`` or ``{"name": …}`` (a new resident),
    with ``role`` and optional register details and agent, as for :func:`open_mediation`."""
    check_access(actor)
    detail = get_mediation(session, mediation_id=mediation_id)
    rules.check_not_archived(archived=detail.archived)
    seq = max((p.seq for p in detail.parties), default=0) + 1
    role = _check_choice(PartyRole, party.get("role"), field="role", label="当事人身份")
    person_id, was_changed = _register_party(session, actor=actor, seq=seq, party=party)
    if any(p.person_id == person_id for p in detail.parties):
        raise ValidationError("这位居民已经是本案的当事人", code="duplicate", field="parties")
    payload = {
        "id": new_id(),
        "person_id": person_id,
        "role": role,
        "seq": seq,
        "agent_name": str(party.get("agent_name", "")).strip(),
        "agent_authorization": str(party.get("agent_authorization", "")).strip(),
        "agent_kind": _agent_kind(party.get("agent_kind", "")),
    }
    detail = _event(session, actor, mediation_id, "party_added", payload)
    return changed(detail, persons_changed=(person_id,) if was_changed else ())


def remove_party(
    session: Session, *, actor: Actor, mediation_id: str, party_id: str
) -> Changed[MediationDetail]:
    """Take a party off the case (added by mistake); an applicant and a respondent remain."""
    check_access(actor)
    detail = get_mediation(session, mediation_id=mediation_id)
    if not any(p.id == party_id for p in detail.parties):
        raise NotFoundError("这个案件没有这位当事人", field="party_id")
    roles = {p.role for p in detail.parties if p.id != party_id}
    if PartyRole.APPLICANT.value not in roles or PartyRole.RESPONDENT.value not in roles:
        raise ValidationError(
            "至少需要一位申请人和一位被申请人，不能再删除",
            code="parties_incomplete",
            field="parties",
        )
    return changed(_event(session, actor, mediation_id, "party_removed", {"id": party_id}))


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
    if values.get("signed_on") and not str(values.get("signed_by", "")).strip():
        raise ValidationError(
            "请写明在协议上签名的人（当事人和调解员）", code="required", field="signed_by"
        )
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
    **extra: Any,
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
            **extra,
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
    prevented_criminal_persons: int = 0,
    prevented_petition_persons: int = 0,
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
    rules.check_not_archived(archived=current.archived)
    rules.check_outcome_allowed(
        status=current.status,
        outcome=status.value,
        tracked=bool(current.performance_notes or current.court_confirmation),
    )
    if closed_on < current.accepted_on:
        raise ValidationError(
            "结案日期不能早于受理日期", code="before_acceptance", field="closed_on"
        )
    counts = {
        "prevented_criminal_persons": (prevented_criminal, prevented_criminal_persons),
        "prevented_petition_persons": (prevented_petition, prevented_petition_persons),
    }
    for key, (_flag, persons_count) in counts.items():
        if int(persons_count) < 0:
            raise ValidationError("人数不能为负数", code="negative", field=key)
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
        # Persons involved: as counted by the mediator, else every party to the dispute.
        "prevented_criminal_persons": (
            int(prevented_criminal_persons) or len(current.parties) if prevented_criminal else 0
        ),
        "prevented_petition_persons": (
            int(prevented_petition_persons) or len(current.parties) if prevented_petition else 0
        ),
    }
    if form is not None and not current.performance_status:
        values["performance_status"] = PerformanceStatus.PENDING.value
    return edit_mediation(session, actor=actor, mediation_id=mediation_id, **values)


# ------------------------------------------------------------------ tracking after the agreement


def note_performance(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    noted_on: date,
    performance_status: str,
    text: str = "",
) -> Changed[MediationDetail]:
    """A dated note on how the agreement is performed (履行中 / 部分履行 / 已履行 / 未履行)."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    rules.check_performance_allowed(status=current.status, agreement_form=current.agreement_form)
    status = _check_choice(
        PerformanceStatus, performance_status, field="performance_status", label="履行情况"
    )
    if current.closed_on and noted_on < current.closed_on:
        raise ValidationError("记录日期不能早于结案日期", code="before_closing", field="noted_on")
    if status != PerformanceStatus.PERFORMED.value and not text.strip():
        raise ValidationError(
            "请写明履行的具体情况（已履行哪些、还差什么）", code="required", field="text"
        )
    payload = {"noted_on": noted_on, "performance_status": status, "text": text.strip()}
    return changed(_event(session, actor, mediation_id, "performance_noted", payload))


def record_court_confirmation(
    session: Session,
    *,
    actor: Actor,
    mediation_id: str,
    court_confirmation: str,
    applied_on: date | None,
    decided_on: date | None = None,
) -> Changed[MediationDetail]:
    """司法确认: applied (within 30 days of the agreement's effect), then ruled valid/invalid."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    rules.check_confirmation(
        status=current.status,
        effective_on=current.effective_on,
        current=current.court_confirmation,
        new=court_confirmation,
        applied_on=applied_on,
        decided_on=decided_on,
    )
    applied = court_confirmation == rules.CourtConfirmation.APPLIED.value
    return edit_mediation(
        session,
        actor=actor,
        mediation_id=mediation_id,
        court_confirmation=court_confirmation,
        court_applied_on=applied_on,
        court_confirmed_on=None if applied else decided_on,
    )


def extend_timer(
    session: Session, *, actor: Actor, mediation_id: str, new_due_on: date, consent: str
) -> Changed[MediationDetail]:
    """Extend the one-month timer to ``new_due_on`` with the parties' recorded consent."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    rules.check_extension(
        status=current.status,
        accepted_on=current.accepted_on,
        extended_due_on=current.extended_due_on,
        new_due_on=new_due_on,
        consent=consent,
    )
    return edit_mediation(
        session,
        actor=actor,
        mediation_id=mediation_id,
        extended_due_on=new_due_on,
        extension_consent=consent.strip(),
    )


def _audit(session: Session, *, actor: Actor, action: str, number: str, detail: str) -> None:
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            username=actor.username[:40],
            action=action,
            target_type="mediation",
            target_id=number[:64],
            detail=detail,
        )
    )
    session.flush()


def archive_mediation(
    session: Session, *, actor: Actor, mediation_id: str, archived_on: date | None = None
) -> Changed[MediationDetail]:
    """归档: lock a closed case whose required case-file documents are all there."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    rules.check_archive(status=current.status, archived=current.archived)
    missing = [i for i in case_file_checklist(session, mediation_id=mediation_id) if i.blocking]
    if missing:
        names = "、".join(f"{i.title}（{i.problem}）" if i.problem else i.title for i in missing)
        raise ValidationError(
            f"卷宗还不齐全，不能归档：{names}。请补充后再归档。",
            code="case_file_incomplete",
            field="archive",
        )
    day = archived_on or date.today()
    detail = _event(session, actor, mediation_id, "archived", {"archived_on": day})
    _audit(session, actor=actor, action="mediation_archive", number=detail.number, detail="归档")
    return changed(detail)


def reopen_mediation(
    session: Session, *, actor: Actor, mediation_id: str, reason: str
) -> Changed[MediationDetail]:
    """Unlock an archived case; the reason is kept on the case, in the event and the audit."""
    current = get_mediation(session, mediation_id=mediation_id, actor=actor)
    rules.check_reopen(archived=current.archived, reason=reason)
    detail = _event(
        session, actor, mediation_id, "reopened", {"reason": reason.strip()}, unlock=True
    )
    _audit(
        session,
        actor=actor,
        action="mediation_reopen",
        number=detail.number,
        detail=f"重新打开：{reason.strip()}",
    )
    return changed(detail)


# ------------------------------------------------------------------ case file (卷宗) checklist

REQUIRED, AS_NEEDED = "required", "as_needed"
#: Setting key holding the station's own marks, as JSON: ``{"investigation": "required"}``.
CHECKLIST_SETTING = "mediation_case_file_checklist"
#: The documents of a case file in order: (key, title, mark). Keys of printable forms are the
#: document kinds (station.documents); "court" is the court's ruling, filed on paper.
DEFAULT_CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("application", "人民调解申请书", REQUIRED),
    ("registration", "人民调解受理登记表", REQUIRED),
    ("notice", "当事人权利义务告知书", REQUIRED),
    ("investigation", "人民调解调查记录", AS_NEEDED),
    ("record", "人民调解记录", REQUIRED),
    ("agreement", "人民调解协议书", REQUIRED),
    ("oral-agreement", "人民调解口头协议登记表", REQUIRED),
    ("visit", "人民调解回访记录", REQUIRED),
    ("court", "司法确认裁定书", AS_NEEDED),
)
ITEM_STATES = {"present": "已具备", "missing": "缺少", "incomplete": "不完整", "na": "不适用"}


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    title: str
    mark: str  # REQUIRED or AS_NEEDED
    state: str  # present / missing / incomplete / na
    problem: str = ""  # what a present form still lacks, or why it is missing
    printable: bool = True

    @property
    def mark_label(self) -> str:
        return "必备" if self.mark == REQUIRED else "按需"

    @property
    def state_label(self) -> str:
        if self.state == "missing" and self.mark == AS_NEEDED:
            return "无（按需）"
        return ITEM_STATES[self.state]

    @property
    def blocking(self) -> bool:
        """Keeps the case from being archived."""
        return self.state == "incomplete" or (self.state == "missing" and self.mark == REQUIRED)


def checklist_marks(session: Session) -> dict[str, str]:
    """Each document's mark: the defaults, overridden by the station's setting."""
    import json

    marks = {key: mark for key, _title, mark in DEFAULT_CHECKLIST}
    stored = session.get(Setting, CHECKLIST_SETTING)
    if stored is not None:
        try:
            override = json.loads(stored.value)
        except ValueError:
            override = {}
        if isinstance(override, dict):
            marks.update(
                {k: v for k, v in override.items() if k in marks and v in (REQUIRED, AS_NEEDED)}
            )
    return marks


@dataclass(frozen=True)
class ChecklistMark:
    key: str
    title: str
    mark: str
    default: str


def list_checklist_marks(session: Session) -> list[ChecklistMark]:
    """The case file's documents with this station's marks and the defaults (settings)."""
    marks = checklist_marks(session)
    return [ChecklistMark(k, title, marks[k], default) for k, title, default in DEFAULT_CHECKLIST]


def save_checklist_marks(session: Session, *, actor: Actor, marks: dict[str, str]) -> Changed[None]:
    """Store the station's own required / as-needed marks (unknown keys are refused).

    Only marks that differ from the defaults are stored, so a later change of a default
    reaches every station that kept it.
    """
    import json

    require(actor, Permission.MANAGE_SETTINGS)
    known = {key for key, _t, _m in DEFAULT_CHECKLIST}
    for key, mark in marks.items():
        if key not in known or mark not in (REQUIRED, AS_NEEDED):
            raise ValidationError(f"卷宗清单设置有误：{key}", code="bad_choice", field="marks")
    defaults = {key: mark for key, _title, mark in DEFAULT_CHECKLIST}
    own = {key: mark for key, mark in marks.items() if defaults[key] != mark}
    session.merge(Setting(key=CHECKLIST_SETTING, value=json.dumps(own, sort_keys=True)))
    session.flush()
    return Changed(None, Changes.of())


def case_file_checklist(session: Session, *, mediation_id: str) -> list[ChecklistItem]:
    """What the case file holds: each document's mark and state, derived from the records.

    A document is "not applicable" when the case cannot have it (no application for a case
    the committee took up itself, no agreement after a failed mediation); "incomplete" when
    its form lacks data it prints (the problem names it, as printing would).
    """
    from station.documents.checks import DocumentDataMissing  # (import cycle)
    from station.documents.mediation import check_form
    from station.services.documents import mediation_form_data

    d = get_mediation(session, mediation_id=mediation_id)
    marks = checklist_marks(session)
    data = mediation_form_data(session, mediation_id=mediation_id)
    ended_without_talks = d.status == MediationStatus.NOT_ACCEPTED.value
    written = d.agreement_form == AgreementForm.WRITTEN.value
    oral = d.agreement_form == AgreementForm.ORAL.value
    succeeded = d.status == MediationStatus.SUCCEEDED.value
    sessions = any(r.kind == "session" for r in d.records)
    applicable = {
        "application": d.source == MediationSource.APPLICATION.value,
        "registration": True,
        "notice": not ended_without_talks,
        "investigation": True,
        "record": not ended_without_talks,
        "agreement": written or (d.status in CLOSED and succeeded and not oral),
        "oral-agreement": oral,
        "visit": succeeded,
        "court": bool(d.court_confirmation),
    }
    present = {
        "application": data.application is not None,
        "registration": True,
        "notice": d.notice_given_on is not None,
        "investigation": any(r.kind == "investigation" for r in d.records),
        "record": sessions,
        "agreement": written,
        "oral-agreement": oral,
        "visit": bool(d.visits),
        "court": d.court_confirmation
        in (rules.CourtConfirmation.VALID.value, rules.CourtConfirmation.INVALID.value),
    }
    why_missing = {
        "notice": "未记录告知日期",
        "record": "还没有调解记录",
        "agreement": "未录入协议内容",
        "visit": "还没有回访",
        "court": "尚未收到法院裁定",
    }
    items = []
    for key, title, _default in DEFAULT_CHECKLIST:
        mark = marks[key]
        if not applicable[key]:
            items.append(ChecklistItem(key, title, mark, "na", printable=key != "court"))
            continue
        if not present[key]:
            items.append(
                ChecklistItem(key, title, mark, "missing", why_missing.get(key, ""), key != "court")
            )
            continue
        problem = ""
        if key != "court":
            try:
                check_form(key, data)
            except DocumentDataMissing as exc:
                problem = "缺少" + "、".join(m.label for m in exc.missing)
        state = "incomplete" if problem else "present"
        items.append(ChecklistItem(key, title, mark, state, problem, key != "court"))
    return items


# ------------------------------------------------------------------ timeline

_EVENT_TITLES = {
    "created": "受理",
    "party_added": "增加当事人",
    "party_updated": "修改当事人",
    "party_removed": "删除当事人",
    "mediators_set": "更换调解员",
    "agreement_set": "记录协议",
    "visit_added": "回访",
    "performance_noted": "记录履行情况",
    "archived": "归档",
    "reopened": "重新打开",
}
_FIELD_TITLES = {
    "status": "状态",
    "notice_given_on": "告知日期",
    "closed_on": "结案日期",
    "court_confirmation": "司法确认",
    "extended_due_on": "延长调解期限至",
    "facts": "纠纷事实",
    "dispute_type_id": "纠纷类型",
}


@dataclass(frozen=True)
class TimelineEntry:
    at: str  # the event's HLC wall time, "YYYY-MM-DD HH:MM"
    author: str
    title: str
    text: str


def _describe(event_type: str, p: dict[str, Any]) -> tuple[str, str]:
    if event_type == "record_added":
        title = "调查记录" if p.get("kind") == "investigation" else "调解记录"
        return title, str(p.get("subject") or p.get("place") or "")
    if event_type == "updated":
        if "court_confirmation" in p:
            label = rules.CourtConfirmation(p["court_confirmation"]).label
            return "司法确认", label
        if "extended_due_on" in p:
            return "延长调解期限", f"至{p['extended_due_on']}；{p.get('extension_consent', '')}"
        if "status" in p:
            status = MediationStatus(p["status"]).label
            return status, str(p.get("closing_reason", ""))
        return "修改", "、".join(_FIELD_TITLES.get(k, k) for k in p if not k.startswith("_"))
    title = _EVENT_TITLES.get(event_type, event_type)
    if event_type == "visit_added" or event_type == "performance_noted":
        label = PerformanceStatus(p["performance_status"]).label
        return title, f"{label}　{p.get('notes') or p.get('text') or ''}".strip()
    if event_type == "reopened":
        return title, str(p.get("reason", ""))
    if event_type == "agreement_set":
        return title, AgreementForm(p["agreement_form"]).label
    return title, ""


def mediation_timeline(session: Session, *, mediation_id: str, actor: Actor) -> list[TimelineEntry]:
    """Every change to the case, oldest first, as a mediator reads it (the case's events)."""
    import json

    from station.db.models import Event

    check_access(actor)
    _mediation(session, mediation_id)
    events = session.scalars(
        select(Event)
        .where(Event.entity_type == "mediation", Event.entity_id == mediation_id)
        .order_by(Event.hlc, Event.event_id)
    )
    from station.db.models import UserAccount
    from station.services.projection import changes_mediation

    names = dict(session.execute(select(UserAccount.username, UserAccount.display_name)).all())
    out = []
    locked = False  # the archive lock, as the fold keeps it
    for ev in events:
        payload = json.loads(ev.payload)
        title, text = _describe(ev.event_type, payload)
        if locked and changes_mediation(ev.event_type, payload):
            title += "（案件已归档，未生效）"  # kept, not applied: see the conflicts list
        locked = {"archived": True, "reopened": False}.get(ev.event_type, locked)
        when = wall_time(ev.hlc)
        author = names.get(ev.author) or ev.author  # written elsewhere: the username it carries
        out.append(TimelineEntry(f"{when:%Y-%m-%d %H:%M}", author, title, text))
    return out


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
    notes = session.scalars(
        select(PerformanceNote)
        .where(PerformanceNote.mediation_id == mediation_id)
        .order_by(PerformanceNote.noted_on, PerformanceNote.id)
    )
    simple = {k: getattr(row, k) for k in (*EDITABLE, *AGREEMENT_FIELDS, *ARCHIVE_FIELDS)}
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
                agent_kind=p.agent_kind,
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
                satisfaction=v.satisfaction,
                lawsuit=v.lawsuit,
                escalation_risk=v.escalation_risk,
                measures=v.measures,
            )
            for v in visits
        ),
        performance_notes=tuple(
            PerformanceNoteInfo(
                noted_on=n.noted_on,
                performance_status=n.performance_status,
                text=n.text,
                author=n.author,
            )
            for n in notes
        ),
        **simple,
    )


FILTER_FLAGS = {
    "overdue": "超期未结",
    "reminder": "履行期限已过",
    "awaiting_visit": "待回访",
    "confirmation_open": "司法确认申请期内",
    "archived": "已归档",
}


def _filtered(
    stmt: Select,
    *,
    status: str | None,
    query: str,
    dispute_type_id: str | None = None,
    mediator_ids: tuple[str, ...] | None = None,
) -> Select:
    if status:
        stmt = stmt.where(MediationCase.status == status)
    if dispute_type_id:
        stmt = stmt.where(MediationCase.dispute_type_id == dispute_type_id)
    if mediator_ids is not None:
        stmt = stmt.where(
            MediationCase.id.in_(
                select(MediationMediator.mediation_id).where(
                    MediationMediator.roster_person_id.in_(mediator_ids)
                )
            )
        )
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


def my_roster_id(session: Session, *, actor: Actor) -> str | None:
    """The roster person (和事佬) the logged-in account belongs to, if it is linked."""
    from station.db.models import UserAccount

    return session.scalar(
        select(UserAccount.roster_person_id).where(UserAccount.username == actor.username)
    )


def _flags(case: MediationCase, *, visited: set[str], today: date) -> dict[str, bool]:
    return {
        "overdue": rules.timer_countdown(
            accepted_on=case.accepted_on,
            extended_due_on=case.extended_due_on,
            status=case.status,
            today=today,
        ).overdue,
        "reminder": case.status == MediationStatus.SUCCEEDED.value
        and rules.needs_reminder(
            performance_status=case.performance_status,
            deadline=case.performance_deadline,
            today=today,
        ),
        "awaiting_visit": case.status == MediationStatus.SUCCEEDED.value and case.id not in visited,
        "confirmation_open": case.status == MediationStatus.SUCCEEDED.value
        and rules.confirmation_window_open(
            effective_on=case.effective_on,
            court_confirmation=case.court_confirmation,
            today=today,
        ),
        "archived": case.archived_on is not None,
    }


def list_mediations(
    session: Session,
    *,
    status: str | None = None,
    query: str = "",
    limit: int = 50,
    actor: Actor | None = None,
    dispute_type_id: str | None = None,
    mediator_id: str | None = None,
    mine: bool = False,
    flag: str | None = None,
    today: date | None = None,
) -> list[MediationRow]:
    """Newest first; with ``actor``, only for mediators and station admins.

    ``mine`` keeps the cases of the logged-in mediator (the roster person the account is
    linked to; an unlinked account has none); ``mediator_id`` those of one mediator;
    ``flag`` one of :data:`FILTER_FLAGS` (overdue, reminder, awaiting_visit,
    confirmation_open, archived), worked out for ``today``.
    """
    if actor is not None:
        check_access(actor)
    if flag and flag not in FILTER_FLAGS:
        raise ValidationError("没有这个筛选条件", code="bad_choice", field="flag")
    today = today or date.today()
    mediator_ids: tuple[str, ...] | None = None
    if mediator_id:
        mediator_ids = (mediator_id,)
    if mine:
        own = my_roster_id(session, actor=actor) if actor is not None else None
        mediator_ids = tuple(i for i in (mediator_ids or (own,)) if i and i == own) if own else ()
    stmt = _filtered(
        select(MediationCase),
        status=status,
        query=query,
        dispute_type_id=dispute_type_id,
        mediator_ids=mediator_ids,
    )
    stmt = stmt.order_by(MediationCase.accepted_on.desc(), MediationCase.number.desc())
    if not flag:
        stmt = stmt.limit(limit)
    cases = list(session.scalars(stmt))
    visited = set(
        session.scalars(
            select(ReturnVisit.mediation_id).where(
                ReturnVisit.mediation_id.in_([c.id for c in cases])
            )
        )
    )
    flags = {c.id: _flags(c, visited=visited, today=today) for c in cases}
    if flag:
        cases = [c for c in cases if flags[c.id][flag]][:limit]
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
            **flags[c.id],
        )
        for c in cases
    ]


def count_by_status(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(MediationCase.status, func.count()).group_by(MediationCase.status)
    )
    return {status: n for status, n in rows}
