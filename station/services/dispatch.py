"""Town center dispatch and department handling (诉求点将), one user action per function.

The center dispatches (派单) an escalated work order to a lead unit — a department or a
community — with co-handling departments (协办单位), a deadline in working days and
instructions; it reminds (催办), supervises (督办) and answers extension requests (延期).
The lead unit signs for it (签收), records progress, asks for more time, returns it (退单)
or replies (答复). Back at the station the resident's rating closes it or sends it back to
the center (重办, :func:`station.services.case_handling.record_return_visit`).

Every step is an event: state-machine actions go through :func:`cases.act_on_case`;
the status-keeping steps (:class:`DispatchStep`) are ``step`` events folded by
:mod:`station.services.projection`. Which *station kind* may take a step is decided by
:func:`station.domain.dispatch.check_station_may`, here and on the town server.

Lists for the screens (queue, inbox, oversight board, 待回访) are plain queries returning
frozen dataclasses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from station.db.models import Case, Category, Community, Department, Grid, Person
from station.domain.case_workflow import CaseAction
from station.domain.dispatch import (
    MAX_DEADLINE_WORKING_DAYS,
    DispatchStep,
    ExtensionState,
    UnitRole,
    check_station_may,
    check_step,
    check_step_role,
    default_deadline,
    handling_overdue,
    join_ids,
    sign_deadline,
    sign_for_overdue,
    split_ids,
    unit_role,
)
from station.domain.enums import CaseStatus, StationKind, Urgency
from station.domain.working_days import add_working_days, working_days_between
from station.errors import ValidationError
from station.services import cases
from station.services.changes import Changed, Changes
from station.services.events import Actor, record_event
from station.services.text_fields import clean_text
from station.settings import load_settings

TEXT_MAX = 2000
_URGENCY_ORDER = {Urgency.CRITICAL.value: 0, Urgency.URGENT.value: 1, Urgency.NORMAL.value: 2}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _text(value: str, *, field: str, label: str, required: bool) -> str:
    return clean_text(value, field=field, label=label, required=required, limit=TEXT_MAX)


def _done(session: Session, case_id: str) -> Changed[cases.CaseDetail]:
    return Changed(cases.get_case(session, case_id=case_id), Changes.of(cases=[case_id]))


# --------------------------------------------------------------------------- station kind


def local_station_kind(session: Session, actor: Actor) -> StationKind | None:
    """This station's kind when ``actor`` works here; None for an actor of another station
    (imports, tests playing several stations in one database): the server still checks."""
    settings = load_settings(session)
    if not settings.station_code or settings.station_code != actor.station_code:
        return None
    try:
        return StationKind(settings.station_kind)
    except ValueError:
        return None


def local_department(session: Session) -> str | None:
    """The department this desk belongs to, when its settings know it (a department
    station's enrollment names it); None otherwise."""
    return load_settings(session).department_id or None


def check_local_station(session: Session, *, actor: Actor, case: Case, step: str) -> None:
    """The station-kind table (:data:`STATION_RULES`) for an action taken at this desk.

    The unit check (牵头/协办) runs here only when the desk knows its department; the
    town server always runs it on push.
    """
    kind = local_station_kind(session, actor)
    if kind is None:
        return
    unit = UnitRole.UNKNOWN
    department = local_department(session) if kind is StationKind.DEPARTMENT else None
    if department:
        unit = unit_role(
            kind=kind,
            department_id=department,
            lead_department_id=case.department_id,
            lead_community_id=case.handling_community_id,
            co_department_ids=case.co_department_ids or "",
        )
    check_station_may(step, kind=kind, status=case.status, unit=unit)


# --------------------------------------------------------------------------- dispatch


@dataclass(frozen=True)
class DispatchDefaults:
    """What the dispatch dialog starts from."""

    case_id: str
    number: str
    summary: str
    category: str
    time_limit_days: int | None
    default_deadline: date
    suggested_department_id: str | None  # the category's department


def dispatch_defaults(
    session: Session, *, case_id: str, today: date | None = None
) -> DispatchDefaults:
    """The deadline the category's time limit gives from ``today`` (working days)."""
    case = cases._case(session, case_id)
    today = today or date.today()
    category = session.get(Category, case.category_id) if case.category_id else None
    days = category.time_limit_days if category is not None else None
    return DispatchDefaults(
        case_id=case.id,
        number=case.number,
        summary=case.summary,
        category=category.name if category else "",
        time_limit_days=days,
        default_deadline=default_deadline(today, days if days is not None else 5),
        suggested_department_id=category.department_id if category else None,
    )


def dispatch_case(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    department_id: str | None = None,
    community_id: str | None = None,
    co_department_ids: list[str] | tuple[str, ...] = (),
    deadline: date | None = None,
    deadline_reason: str = "",
    instructions: str = "",
    at: datetime | None = None,
) -> Changed[cases.CaseDetail]:
    """派单: to one lead unit (a department *or* a community) with optional co-handlers.

    The deadline defaults to the category's time limit in working days from the day of
    dispatch; a different deadline needs ``deadline_reason``.
    """
    at = at or _now()
    case = cases._case(session, case_id)
    check_local_station(session, actor=actor, case=case, step=CaseAction.DISPATCH.value)
    department_id = (department_id or "").strip() or None
    community_id = (community_id or "").strip() or None
    if bool(department_id) == bool(community_id):
        raise ValidationError(
            "请选择一个牵头单位：一个职能部门或一个村（社区）", code="required", field="lead"
        )
    if department_id and session.get(Department, department_id) is None:
        raise ValidationError("没有这个部门，请从列表中选择", code="unknown", field="lead")
    if community_id and session.get(Community, community_id) is None:
        raise ValidationError("没有这个村（社区），请从列表中选择", code="unknown", field="lead")
    co = [c for c in dict.fromkeys(co_department_ids) if c]
    for dept in co:
        if session.get(Department, dept) is None:
            raise ValidationError(
                "协办单位中有不存在的部门", code="unknown", field="co_departments"
            )
    if department_id in co:
        raise ValidationError(
            "牵头单位不能同时是协办单位", code="lead_is_co", field="co_departments"
        )
    defaults = dispatch_defaults(session, case_id=case_id, today=at.date())
    deadline = deadline or defaults.default_deadline
    if deadline < at.date():
        raise ValidationError("办理期限不能早于今天", code="in_past", field="deadline")
    if working_days_between(at.date(), deadline) > MAX_DEADLINE_WORKING_DAYS:
        raise ValidationError(
            f"办理期限最长{MAX_DEADLINE_WORKING_DAYS}个工作日，请核对日期",
            code="too_far",
            field="deadline",
        )
    deadline_reason = _text(
        deadline_reason,
        field="deadline_reason",
        label="调整期限的理由",
        required=deadline != defaults.default_deadline,
    )
    instructions = _text(instructions, field="instructions", label="派单意见", required=False)
    lines = [instructions] if instructions else []
    if deadline != defaults.default_deadline:
        lines.append(
            f"办理期限由{defaults.default_deadline:%Y-%m-%d}调整为{deadline:%Y-%m-%d}，"
            f"理由：{deadline_reason}"
        )
    fields: dict[str, Any] = {
        "department_id": department_id,
        "handling_community_id": community_id,
        "co_department_ids": join_ids(co),
        "deadline": deadline,
        "instructions": instructions,
        "dispatched_at": at,
        "sign_deadline": sign_deadline(at.date()),
        # A new round of handling (after a return or 重办) starts clean.
        "signed_at": None,
        "replied_at": None,
        "extension_state": ExtensionState.NONE.value,
        "extension_until": None,
    }
    # Clearing what is already empty would only clutter the history.
    fields = {k: v for k, v in fields.items() if v not in (None, "") or getattr(case, k)}
    changed = cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.DISPATCH,
        reason="\n".join(lines),
        at=at,
        **fields,
    )
    return Changed(changed, Changes.of(cases=[case_id]))


def sign_for_case(
    session: Session, *, actor: Actor, case_id: str, note: str = "", at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """签收: the lead unit takes the case on; the handling clock keeps running."""
    at = at or _now()
    case = cases._case(session, case_id)
    check_local_station(session, actor=actor, case=case, step=CaseAction.SIGN_FOR.value)
    note = _text(note, field="reason", label="签收说明", required=False)
    assignee = (actor.display_name or actor.username)[:60]
    cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.SIGN_FOR,
        reason=note,
        at=at,
        signed_at=at,
        assignee=assignee,
    )
    return _done(session, case_id)


def return_case(
    session: Session, *, actor: Actor, case_id: str, reason: str, at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """退单: not ours (with the reason); back to the center's dispatch queue."""
    case = cases._case(session, case_id)
    check_local_station(session, actor=actor, case=case, step=CaseAction.RETURN.value)
    reason = _text(reason, field="reason", label="退单理由", required=True)
    cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.RETURN,
        reason=reason,
        at=at or _now(),
        extension_state=ExtensionState.NONE.value,
    )
    return _done(session, case_id)


def reply_case(
    session: Session, *, actor: Actor, case_id: str, result: str, at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """答复: what was done; the case goes back to its station for the return visit."""
    at = at or _now()
    case = cases._case(session, case_id)
    check_local_station(session, actor=actor, case=case, step=CaseAction.REPLY.value)
    result = _text(result, field="result", label="办理结果", required=True)
    cases.act_on_case(
        session,
        actor=actor,
        case_id=case_id,
        action=CaseAction.REPLY,
        at=at,
        result=result,
        replied_at=at,
    )
    return _done(session, case_id)


def record_progress(
    session: Session, *, actor: Actor, case_id: str, text: str, at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """办理进展 by the lead or a co-handling unit (a history line; status unchanged)."""
    case = cases._case(session, case_id)
    check_local_station(session, actor=actor, case=case, step="progress")
    text = _text(text, field="text", label="办理进展", required=True)
    if case.status not in (CaseStatus.DISPATCHED.value, CaseStatus.IN_PROGRESS.value):
        raise ValidationError(
            "只有已派单或办理中的工单可以记录办理进展", code="not_dispatched", field="text"
        )
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="note_added",
        payload={"text": text, "kind": "progress", "at": at or _now()},
    )
    return _done(session, case_id)


def _step(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    step: DispatchStep,
    reason: str,
    at: datetime | None,
    **fields: Any,
) -> Changed[cases.CaseDetail]:
    case = cases._case(session, case_id)
    check_step_role(step, actor.role)
    check_local_station(session, actor=actor, case=case, step=step.value)
    check_step(step, status=case.status, extension=case.extension_state)
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="step",
        payload={"step": step.value, "reason": reason, "at": at or _now(), "fields": fields},
    )
    return _done(session, case_id)


def request_extension(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    until: date | None,
    reason: str,
    at: datetime | None = None,
) -> Changed[cases.CaseDetail]:
    """申请延期: the lead unit asks the center for a later deadline, saying why."""
    case = cases._case(session, case_id)
    if until is None:
        raise ValidationError("请选择申请延长到的日期", code="required", field="until")
    if case.deadline is not None and until <= case.deadline:
        raise ValidationError(
            f"延期后的期限应晚于现在的期限（{case.deadline:%Y-%m-%d}）",
            code="not_later",
            field="until",
        )
    reason = _text(reason, field="reason", label="延期理由", required=True)
    return _step(
        session,
        actor=actor,
        case_id=case_id,
        step=DispatchStep.REQUEST_EXTENSION,
        reason=f"申请延期至{until:%Y-%m-%d}。理由：{reason}",
        at=at,
        extension_state=ExtensionState.REQUESTED.value,
        extension_until=until,
    )


def decide_extension(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    approve: bool,
    until: date | None = None,
    note: str = "",
    at: datetime | None = None,
) -> Changed[cases.CaseDetail]:
    """The center's answer: approve (new deadline: ``until`` or the date asked for) or refuse."""
    case = cases._case(session, case_id)
    note = _text(note, field="reason", label="审批意见", required=not approve)
    if not approve:
        return _step(
            session,
            actor=actor,
            case_id=case_id,
            step=DispatchStep.REFUSE_EXTENSION,
            reason=f"不同意延期。{note}",
            at=at,
            extension_state=ExtensionState.REFUSED.value,
        )
    until = until or case.extension_until
    if until is None:
        raise ValidationError("请选择新的办理期限", code="required", field="until")
    if case.deadline is not None and until <= case.deadline:
        raise ValidationError("新的期限应晚于原期限", code="not_later", field="until")
    text = f"同意延期，办理期限改为{until:%Y-%m-%d}" + (f"。{note}" if note else "")
    return _step(
        session,
        actor=actor,
        case_id=case_id,
        step=DispatchStep.APPROVE_EXTENSION,
        reason=text,
        at=at,
        extension_state=ExtensionState.APPROVED.value,
        deadline=until,
    )


def remind_case(
    session: Session, *, actor: Actor, case_id: str, note: str = "", at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """催办: a reminder the lead and co-handling units see on the case."""
    note = _text(note, field="reason", label="催办内容", required=False)
    return _step(
        session,
        actor=actor,
        case_id=case_id,
        step=DispatchStep.REMIND,
        reason=note or "请抓紧办理",
        at=at,
    )


def supervise_case(
    session: Session, *, actor: Actor, case_id: str, note: str, at: datetime | None = None
) -> Changed[cases.CaseDetail]:
    """督办: formal supervision with a note; the case carries the 督办 flag from now on."""
    note = _text(note, field="reason", label="督办意见", required=True)
    return _step(
        session,
        actor=actor,
        case_id=case_id,
        step=DispatchStep.SUPERVISE,
        reason=note,
        at=at,
        supervised=True,
        supervision_note=note,
    )


# --------------------------------------------------------------------------- lists


@dataclass(frozen=True)
class DispatchRow:
    """One line of the queue, the inbox or a board list."""

    id: str
    number: str
    received_at: datetime
    status: str
    status_label: str
    urgency: str
    urgency_label: str
    summary: str
    category: str
    station_code: str
    community: str
    grid: str
    requester: str
    lead_unit: str
    co_units: str
    deadline: date | None
    sign_deadline: date | None
    extension_state: str
    extension_until: date | None
    sign_overdue: bool
    handling_overdue: bool
    supervised: bool
    reminder_count: int
    rework_count: int
    returned: bool  # waiting for dispatch because a unit returned it (or it came back to rework)


class Lists:
    """Names of the lists :func:`dispatch_list` serves (the board's click-through targets)."""

    QUEUE = "queue"  # 待派单
    INBOX = "inbox"  # 已派单 / 办理中
    SIGN_OVERDUE = "sign_overdue"
    HANDLING_OVERDUE = "handling_overdue"
    EXTENSIONS = "extensions"  # 延期待审批
    AWAITING_VISIT = "awaiting_visit"  # 已回复 / 待回访
    SUPERVISED = "supervised"


_LIST_STATUSES = {
    Lists.QUEUE: (CaseStatus.AWAITING_DISPATCH,),
    Lists.INBOX: (CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
    Lists.SIGN_OVERDUE: (CaseStatus.DISPATCHED,),
    Lists.HANDLING_OVERDUE: (CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
    Lists.EXTENSIONS: (CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS),
    Lists.AWAITING_VISIT: (CaseStatus.REPLIED, CaseStatus.AWAITING_VISIT),
    Lists.SUPERVISED: (
        CaseStatus.AWAITING_DISPATCH,
        CaseStatus.DISPATCHED,
        CaseStatus.IN_PROGRESS,
        CaseStatus.STATION_HANDLING,
    ),
}


_ROW_COLUMNS = (
    Case.id, Case.number, Case.received_at, Case.status, Case.urgency, Case.summary,
    Case.station_code, Case.department_id, Case.handling_community_id, Case.co_department_ids,
    Case.deadline, Case.sign_deadline, Case.extension_state, Case.extension_until,
    Case.supervised, Case.reminder_count, Case.rework_count, Case.dispatched_at, Case.grid_id,
    Case.category_id, Case.requester_id,
)  # fmt: skip


def _label(enum: type, value: str | None) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value or ""


def _rows(session: Session, stmt: Any, today: date) -> list[DispatchRow]:
    departments = dict(session.execute(select(Department.id, Department.short_name)).all())
    communities = dict(session.execute(select(Community.id, Community.name)).all())
    out = []
    q = (
        stmt.add_columns(
            Grid.name.label("grid_name"),
            Grid.community_id.label("grid_community"),
            Category.name.label("category_name"),
            Person.name.label("requester_name"),
        )
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(Category, Category.id == Case.category_id)
        .outerjoin(Person, Person.id == Case.requester_id)
    )
    # Plain rows, not ORM objects: the inbox of a big town has thousands.
    for case in session.execute(q):
        grid, community_id = case.grid_name, case.grid_community
        category, requester = case.category_name, case.requester_name
        lead = (
            departments.get(case.department_id, case.department_id or "")
            if not case.handling_community_id
            else communities.get(case.handling_community_id, case.handling_community_id)
        )
        out.append(
            DispatchRow(
                id=case.id,
                number=case.number,
                received_at=case.received_at,
                status=case.status,
                status_label=_label(CaseStatus, case.status),
                urgency=case.urgency,
                urgency_label=_label(Urgency, case.urgency),
                summary=case.summary,
                category=category or "",
                station_code=case.station_code,
                community=communities.get(community_id, "") if community_id else "",
                grid=grid or "",
                requester=requester or "",
                lead_unit=lead or "",
                co_units="、".join(
                    departments.get(d, d) for d in split_ids(case.co_department_ids)
                ),
                deadline=case.deadline,
                sign_deadline=case.sign_deadline,
                extension_state=case.extension_state or "",
                extension_until=case.extension_until,
                sign_overdue=sign_for_overdue(
                    status=case.status, sign_by=case.sign_deadline, today=today
                ),
                handling_overdue=handling_overdue(
                    status=case.status, deadline=case.deadline, today=today
                ),
                supervised=bool(case.supervised),
                reminder_count=case.reminder_count or 0,
                rework_count=case.rework_count or 0,
                returned=case.status == CaseStatus.AWAITING_DISPATCH.value
                and (case.dispatched_at is not None or (case.rework_count or 0) > 0),
            )
        )
    return out


def dispatch_list(
    session: Session,
    *,
    which: str,
    today: date | None = None,
    department_id: str | None = None,
    community_id: str | None = None,
    involving_department_id: str | None = None,
    limit: int = 2000,
) -> list[DispatchRow]:
    """A dispatch list (:class:`Lists`), optionally for one lead department or community,
    or for a department as lead *or* co-handling unit (``involving_department_id``).

    The queue puts the most urgent first, then the newest; the other lists put the
    earliest deadline first.
    """
    today = today or date.today()
    if which not in _LIST_STATUSES:
        raise ValidationError("没有这个列表", code="bad_choice", field="which")
    statuses = [s.value for s in _LIST_STATUSES[which]]
    # Only what a list row shows (descriptions can be long).
    stmt = select(*_ROW_COLUMNS).where(Case.status.in_(statuses))
    if which == Lists.SIGN_OVERDUE:
        stmt = stmt.where(Case.sign_deadline < today)
    elif which == Lists.HANDLING_OVERDUE:
        stmt = stmt.where(Case.deadline < today)
    elif which == Lists.EXTENSIONS:
        stmt = stmt.where(Case.extension_state == ExtensionState.REQUESTED.value)
    elif which == Lists.SUPERVISED:
        stmt = stmt.where(Case.supervised.is_(True))
    if department_id:
        stmt = stmt.where(Case.department_id == department_id, Case.handling_community_id.is_(None))
    if involving_department_id:
        # Lead or co-handling unit now (a department that returned a case keeps a copy).
        dept = involving_department_id
        stmt = stmt.where(
            or_(
                and_(Case.department_id == dept, Case.handling_community_id.is_(None)),
                ("," + Case.co_department_ids + ",").contains(f",{dept},", autoescape=True),
            )
        )
    if community_id:
        stmt = stmt.where(Case.handling_community_id == community_id)
    rows = _rows(session, stmt.limit(limit), today)
    if which == Lists.QUEUE:
        rows.sort(key=lambda r: r.received_at, reverse=True)
        rows.sort(key=lambda r: _URGENCY_ORDER.get(r.urgency, 3))
    else:
        rows.sort(key=lambda r: (r.deadline or date.max, r.number))
    return rows


def unit_list(
    session: Session, *, which: str = Lists.INBOX, today: date | None = None
) -> list[DispatchRow]:
    """A department's or community's inbox: every dispatched case in this database (the
    server sends only what was dispatched here), narrowed to the cases the department
    leads or co-handles *now* when this desk knows its department."""
    return dispatch_list(
        session, which=which, today=today, involving_department_id=local_department(session)
    )


@dataclass(frozen=True)
class UnitCount:
    unit_id: str
    kind: str  # "department" or "community"
    name: str
    open: int  # dispatched or in progress
    sign_overdue: int
    handling_overdue: int


@dataclass(frozen=True)
class Oversight:
    """The center's board: counts by status, overdue by unit, waiting for a rating."""

    today: date
    by_status: tuple[tuple[str, str, int], ...]  # (status, label, count), every status
    awaiting_dispatch: int
    sign_overdue: int
    handling_overdue: int
    extension_requests: int
    supervised: int
    awaiting_rating: int
    by_department: tuple[UnitCount, ...]
    by_community: tuple[UnitCount, ...]


def oversight(session: Session, *, today: date | None = None) -> Oversight:
    today = today or date.today()
    status_counts = Counter(
        dict(session.execute(select(Case.status, func.count()).group_by(Case.status)).all())
    )
    open_statuses = [CaseStatus.DISPATCHED.value, CaseStatus.IN_PROGRESS.value]
    units: dict[tuple[str, str], list[int]] = {}
    ext = sup = sign_late = late = 0
    stmt = select(
        Case.department_id,
        Case.handling_community_id,
        Case.status,
        Case.deadline,
        Case.sign_deadline,
        Case.extension_state,
        Case.supervised,
    ).where(Case.status.in_(open_statuses))
    for dept, community, status, deadline, sign_by, extension, supervised in session.execute(stmt):
        key = ("community", community) if community else ("department", dept or "")
        counts = units.setdefault(key, [0, 0, 0])
        counts[0] += 1
        if sign_for_overdue(status=status, sign_by=sign_by, today=today):
            counts[1] += 1
            sign_late += 1
        if handling_overdue(status=status, deadline=deadline, today=today):
            counts[2] += 1
            late += 1
        ext += extension == ExtensionState.REQUESTED.value
        sup += bool(supervised)
    departments = dict(session.execute(select(Department.id, Department.name)).all())
    communities = dict(session.execute(select(Community.id, Community.name)).all())

    def unit_rows(kind: str, names: dict[str, str]) -> tuple[UnitCount, ...]:
        found = [
            UnitCount(uid, kind, names.get(uid, uid or "（未指定）"), *counts)
            for (k, uid), counts in units.items()
            if k == kind
        ]
        found.sort(key=lambda u: (-u.handling_overdue, -u.sign_overdue, -u.open, u.name))
        return tuple(found)

    return Oversight(
        today=today,
        by_status=tuple((s.value, s.label, status_counts.get(s.value, 0)) for s in CaseStatus),
        awaiting_dispatch=status_counts.get(CaseStatus.AWAITING_DISPATCH.value, 0),
        sign_overdue=sign_late,
        handling_overdue=late,
        extension_requests=ext,
        supervised=sup,
        awaiting_rating=status_counts.get(CaseStatus.REPLIED.value, 0)
        + status_counts.get(CaseStatus.AWAITING_VISIT.value, 0),
        by_department=unit_rows("department", departments),
        by_community=unit_rows("community", communities),
    )


def due_text(row: DispatchRow, today: date) -> str:
    """ "签收超时" / "超期N个工作日" / "还剩N个工作日" for a list cell."""
    if row.sign_overdue:
        return "签收超时"
    if row.deadline is None or row.status not in (
        CaseStatus.DISPATCHED.value,
        CaseStatus.IN_PROGRESS.value,
    ):
        return ""
    days = working_days_between(today, row.deadline)
    if days < 0 or (days == 0 and row.deadline < today):
        return f"超期{max(1, -days)}个工作日"
    if row.deadline == today:
        return "今天到期"
    return f"还剩{days}个工作日"


def extension_default(case: cases.CaseDetail | Case, days: int = 5) -> date:
    """A sensible first date for an extension request: ``days`` working days past the deadline."""
    base = max(case.deadline or date.today(), date.today())
    return add_working_days(base, days)
