"""Handling a work order after intake (点将, 点评): the actions of the case detail screen.

Each function is one user action in the caller's one transaction, checks its input with
Chinese messages naming the field, writes its events through :mod:`station.services.cases`
and returns the case together with what changed (:class:`Changed`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from station.db.models import Department
from station.domain.case_workflow import TERMINAL_STATUSES, CaseAction, transition_for
from station.domain.enums import CaseStatus, MediationSource, PartyRole, Rating
from station.errors import NotFoundError, ValidationError
from station.services import cases, dispatch, mediation, persons
from station.services.changes import Changed, Changes
from station.services.events import Actor, record_event
from station.services.text_fields import clean_text

#: Actions that must say why, beyond what the state machine demands (escalating tells the
#: town center what the station could not do).
REASON_REQUIRED = frozenset({CaseAction.ESCALATE})
REASON_MAX = 2000
NOTE_MAX = 5000


def reason_required(action: CaseAction | str) -> bool:
    action = CaseAction(action)
    return action in REASON_REQUIRED or transition_for(action).needs_reason


def _done(case: cases.CaseDetail, *more: str | None) -> Changed[cases.CaseDetail]:
    return Changed(case, Changes.of(cases=[case.id, *more]))


def take_case_action(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    action: CaseAction | str,
    reason: str = "",
    at: datetime | None = None,
    **fields: Any,
) -> Changed[cases.CaseDetail]:
    """Any state-machine action with its reason (required where :func:`reason_required`)."""
    action = CaseAction(action)
    if action is CaseAction.DISPATCH:
        raise ValidationError("派单请用派单窗口选择牵头单位和期限", code="use_dispatch")
    # Dispatch steps that stamp their time (on-time counts): the dispatch service's own.
    if action is CaseAction.SIGN_FOR and not fields:
        return dispatch.sign_for_case(session, actor=actor, case_id=case_id, note=reason, at=at)
    if action is CaseAction.RETURN and not fields:
        return dispatch.return_case(session, actor=actor, case_id=case_id, reason=reason, at=at)
    dispatch.check_local_station(
        session, actor=actor, case=cases._case(session, case_id), step=action.value
    )
    reason = clean_text(
        reason,
        field="reason",
        label=f"“{action.label}”的原因",
        required=reason_required(action),
        limit=REASON_MAX,
    )
    case = cases.act_on_case(
        session, actor=actor, case_id=case_id, action=action, reason=reason, at=at, **fields
    )
    return _done(case)


def handle_at_station(
    session: Session, *, actor: Actor, case_id: str, assignee: str = "", note: str = ""
) -> Changed[cases.CaseDetail]:
    """本站办理: the station takes the case on; ``assignee`` defaults to the actor."""
    assignee = (assignee or actor.display_name or actor.username).strip()[:60]
    return take_case_action(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.HANDLE_AT_STATION,
        reason=note,
        assignee=assignee,
    )


def dispatch_case(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    department_id: str,
    deadline: date | None,
    note: str = "",
    deadline_reason: str = "",
) -> Changed[cases.CaseDetail]:
    """派单 to one department (see :func:`station.services.dispatch.dispatch_case` for
    communities and co-handling units)."""
    if not department_id:
        raise ValidationError("请选择承办部门", code="required", field="department_id")
    if session.get(Department, department_id) is None:
        raise ValidationError("没有这个部门，请从列表中选择", code="unknown", field="department_id")
    return dispatch.dispatch_case(
        session,
        actor=actor,
        case_id=case_id,
        department_id=department_id,
        deadline=deadline,
        deadline_reason=deadline_reason or ("派单时指定" if deadline else ""),
        instructions=note,
    )


def reply_to_case(
    session: Session, *, actor: Actor, case_id: str, result: str
) -> Changed[cases.CaseDetail]:
    """答复: what was done and what the resident is told (with its time, for on-time counts)."""
    result = clean_text(result, field="result", label="办理结果", required=True, limit=REASON_MAX)
    return dispatch.reply_case(session, actor=actor, case_id=case_id, result=result)


def record_progress(
    session: Session, *, actor: Actor, case_id: str, text: str
) -> Changed[cases.CaseDetail]:
    """办理进展: a note on the history that does not change the status."""
    text = clean_text(text, field="text", label="办理进展", required=True, limit=NOTE_MAX)
    dispatch.check_local_station(
        session, actor=actor, case=cases._case(session, case_id), step="progress"
    )
    case = cases.get_case(session, case_id=case_id)
    if CaseStatus(case.status) in TERMINAL_STATUSES:
        raise ValidationError(
            f"工单已{case.status_label}，不能再记录办理进展", code="closed", field="text"
        )
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="note_added",
        payload={"text": text, "kind": "progress", "at": datetime.now().replace(microsecond=0)},
    )
    return _done(cases.get_case(session, case_id=case_id))


def record_return_visit(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    rating: str,
    solved: bool | None,
    notes: str = "",
    at: datetime | None = None,
) -> Changed[cases.CaseDetail]:
    """点评: the return-visit call. Rating and "solved" are recorded separately.

    满意/基本满意 *and* solved closes the case (办结); 不满意 or not solved sends it back
    to be handled again (重办). A case that was replied to or settled at the desk is moved
    to 待回访 first, in the same transaction.
    """
    try:
        rating = Rating(rating).value
    except ValueError:
        raise ValidationError(
            "请选择满意度：满意、基本满意或不满意", code="required", field="rating"
        ) from None
    if solved is None:
        raise ValidationError("请选择问题是否已解决", code="required", field="solved")
    notes = clean_text(notes, field="notes", label="回访记录", required=False, limit=REASON_MAX)
    at = at or datetime.now().replace(microsecond=0)
    case = cases.get_case(session, case_id=case_id)
    dispatch.check_local_station(
        session, actor=actor, case=cases._case(session, case_id), step=CaseAction.CLOSE.value
    )
    if case.status in (CaseStatus.REPLIED.value, CaseStatus.DESK_SETTLED.value):
        cases.act_on_case(
            session, actor=actor, case_id=case_id, action=CaseAction.REQUEST_VISIT, at=at
        )
    rating_label = Rating(rating).label
    summary = f"回访：{rating_label}，问题{'已解决' if solved else '未解决'}"
    text = f"{summary}。{notes}" if notes else summary
    good = rating != Rating.DISSATISFIED.value and solved
    action = CaseAction.CLOSE if good else CaseAction.REWORK
    case = cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=action,
        reason=text,
        at=at,
        rating=rating,
        solved=bool(solved),
    )
    return _done(case)


def hand_to_mediation(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    respondent_id: str | None,
    mediator_id: str,
    new_respondent: dict[str, Any] | None = None,
    dispute_type_id: str | None = None,
    facts: str = "",
) -> Changed[cases.CaseDetail]:
    """转调解: open a mediation case with the requester as applicant and link it to the case.

    The mediation workspace has its own screens; this records only what a mediator needs to
    start: the parties, the lead mediator, the dispute type and the facts. The other party
    may be new to the station: ``new_respondent`` (name, phone …) creates them first.
    """
    case = cases.get_case(session, case_id=case_id)
    dispatch.check_local_station(
        session, actor=actor, case=cases._case(session, case_id), step=CaseAction.TO_MEDIATION
    )
    if not case.requester_id:
        raise ValidationError(
            "这张工单没有诉求人，不能转为调解（调解需要申请人）",
            code="required",
            field="respondent",
        )
    created: list[str] = []
    if not respondent_id and new_respondent and str(new_respondent.get("name", "")).strip():
        try:
            person = persons.create_person(session, actor=actor, **new_respondent)
        except ValidationError as exc:
            raise ValidationError(exc.message, code=exc.code, field="respondent") from None
        respondent_id = person.id
        created.append(person.id)
    if not respondent_id:
        raise ValidationError("请选择被申请人（纠纷的另一方）", code="required", field="respondent")
    if respondent_id == case.requester_id:
        raise ValidationError("被申请人不能是诉求人本人", code="same_person", field="respondent")
    if not mediator_id:
        raise ValidationError("请选择调解员", code="required", field="mediator")
    facts = clean_text(
        facts or f"{case.summary}\n{case.description}".strip(),
        field="facts",
        label="纠纷简要情况",
        required=True,
        limit=cases.DESCRIPTION_MAX,
    )
    med = mediation.create_mediation(
        session,
        actor=actor,
        parties=[
            {"person_id": case.requester_id, "role": PartyRole.APPLICANT.value},
            {"person_id": respondent_id, "role": PartyRole.RESPONDENT.value},
        ],
        mediators=[{"roster_person_id": mediator_id, "lead": True}],
        source=MediationSource.APPLICATION.value,
        dispute_type_id=dispute_type_id or None,
        facts=facts,
        case_id=case.id,
    )
    case = cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.TO_MEDIATION,
        reason=f"转人民调解，调解案件编号{med.number}",
        mediation_id=med.id,
    )
    return Changed(case, Changes.of(cases=[case.id], mediations=[med.id], persons=created))


def merge_case(
    session: Session, *, actor: Actor, case_id: str, into_number: str, reason: str
) -> Changed[cases.CaseDetail]:
    """合并重复件: this case repeats the one numbered ``into_number``."""
    into_number = (into_number or "").strip().upper()
    if not into_number:
        raise ValidationError("请填写要并入的工单编号", code="required", field="into_number")
    try:
        target_id = cases.find_case_id(session, number=into_number)
    except NotFoundError:
        raise ValidationError(
            f"没有编号为 {into_number} 的工单，请核对", code="unknown", field="into_number"
        ) from None
    if target_id == case_id:
        raise ValidationError("不能并入工单本身", code="same_case", field="into_number")
    target = cases.get_case(session, case_id=target_id)
    if target.status in (CaseStatus.MERGED.value, CaseStatus.VOID.value):
        raise ValidationError(
            f"工单 {into_number} 已{target.status_label}，请并入仍有效的工单",
            code="target_closed",
            field="into_number",
        )
    changed = take_case_action(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.MERGE,
        reason=reason,
        merged_into=target_id,
    )
    return Changed(changed.value, changed.changes | Changes.of(cases=[target_id]))
