"""Work orders (工单): intake, edits, state-machine actions, notes, lists and search."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from station.db.models import (
    Case,
    CaseNote,
    Category,
    Community,
    Department,
    Event,
    Grid,
    MediationCase,
    NumberCounter,
    Person,
    UserAccount,
)
from station.domain.case_workflow import CaseAction, allowed_actions, next_status, transition_for
from station.domain.clock import new_id, wall_time
from station.domain.deadlines import (
    PENDING_STATUSES,
    DeadlineState,
    deadline_state,
    due_soon_limit,
)
from station.domain.enums import CaseStatus, Channel, MediationStatus, Rating, Route, Urgency
from station.domain.numbers import case_number
from station.domain.permissions import Permission, require
from station.domain.working_days import add_working_days
from station.errors import NotFoundError, ValidationError
from station.services.events import Actor, record_event
from station.services.persons import fts_phrase

SUMMARY_MAX = 200
DESCRIPTION_MAX = 20_000
FUTURE_SLACK = timedelta(minutes=5)  # a received time this far ahead is PC clock drift
EDITABLE = (
    "channel",
    "received_at",
    "requester_id",
    "filed_by_staff",
    "category_id",
    "grid_id",
    "location",
    "summary",
    "description",
    "urgency",
    "route",
    "department_id",
    "assignee",
    "deadline",
    "supervised",
)
_EDITABLE_SET = frozenset(EDITABLE)  # for membership tests on every write and push
# Fields an action may set along with the status change.
ACTION_FIELDS = (
    "department_id",
    "assignee",
    "deadline",
    "result",
    "rating",
    "solved",
    "closed_at",
    "mediation_id",
    "merged_into",
    "supervised",
    # Dispatch (station.services.dispatch): lead/co-handling units, times, extension.
    "handling_community_id",
    "co_department_ids",
    "instructions",
    "dispatched_at",
    "sign_deadline",
    "signed_at",
    "replied_at",
    "extension_state",
    "extension_until",
    "supervision_note",
)


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    id: str
    number: str
    received_at: datetime
    status: str
    status_label: str
    category: str
    grid: str
    requester: str
    summary: str
    urgency: str
    deadline: date | None = None
    deadline_state: str = DeadlineState.NONE.value  # a DeadlineState value, as of the query
    supervised: bool = False


@dataclass(frozen=True)
class CaseNoteInfo:
    at: datetime
    author: str
    kind: str
    kind_label: str
    text: str


@dataclass(frozen=True)
class CaseDetail:
    id: str
    number: str
    station_code: str
    channel: str
    received_at: datetime
    requester_id: str | None
    requester: str
    filed_by_staff: str
    category_id: str | None
    category: str
    grid_id: str | None
    grid: str
    location: str
    summary: str
    description: str
    urgency: str
    route: str
    status: str
    status_label: str
    department_id: str | None
    assignee: str
    deadline: date | None
    result: str
    rating: str
    solved: bool | None
    supervised: bool
    notes: tuple[CaseNoteInfo, ...]
    allowed_actions: tuple[str, ...]
    mediation_id: str | None = None
    merged_into: str | None = None
    closed_at: datetime | None = None
    channel_label: str = ""
    urgency_label: str = ""
    department: str = ""
    # Dispatch (station.services.dispatch): the lead unit is a department or a community.
    handling_community_id: str | None = None
    lead_unit: str = ""  # name of the lead department or community
    co_department_ids: str = ""  # "D-1,D-2"
    co_departments: str = ""  # their names, "、"-joined
    instructions: str = ""
    dispatched_at: datetime | None = None
    sign_deadline: date | None = None
    signed_at: datetime | None = None
    replied_at: datetime | None = None
    extension_state: str = ""  # station.domain.dispatch.ExtensionState
    extension_until: date | None = None
    reminder_count: int = 0
    supervision_note: str = ""
    rework_count: int = 0


# --------------------------------------------------------------------------- validation


def _enum_value(enum: type, value: Any, *, field: str, label: str) -> str:
    if type(value) is str and value in _values(enum):  # the usual case, without Enum's call
        return value
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(f"请选择{label}", code="bad_choice", field=field) from None


@cache
def _values(enum: type) -> frozenset[str]:
    return frozenset(member.value for member in enum)  # type: ignore[attr-defined]


def clean_case_fields(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise case fields at the boundary; nothing is written here."""
    clean = {k: v for k, v in values.items() if k in _EDITABLE_SET}
    for key in ("summary", "description", "location", "filed_by_staff", "assignee"):
        if isinstance(clean.get(key), str):
            clean[key] = clean[key].strip()
    if "summary" in clean:
        if not clean["summary"]:
            raise ValidationError("请用一句话写下诉求摘要", code="required", field="summary")
        if len(clean["summary"]) > SUMMARY_MAX:
            raise ValidationError(
                f"摘要最多{SUMMARY_MAX}字，详细情况请写在“详细描述”里",
                code="too_long",
                field="summary",
            )
    if len(clean.get("description", "")) > DESCRIPTION_MAX:
        raise ValidationError(
            f"详细描述最多{DESCRIPTION_MAX}字", code="too_long", field="description"
        )
    if "channel" in clean:
        clean["channel"] = _enum_value(Channel, clean["channel"], field="channel", label="来源渠道")
    if "urgency" in clean:
        clean["urgency"] = _enum_value(Urgency, clean["urgency"], field="urgency", label="紧急程度")
    if "route" in clean:
        clean["route"] = _enum_value(Route, clean["route"], field="route", label="办理方式")
    if clean.get("category_id") and session.get(Category, clean["category_id"]) is None:
        raise ValidationError(
            "没有这个诉求类别，请从列表中选择", code="unknown", field="category_id"
        )
    if clean.get("grid_id") and session.get(Grid, clean["grid_id"]) is None:
        raise ValidationError("没有这个网格，请从列表中选择", code="unknown", field="grid_id")
    if clean.get("requester_id") and session.get(Person, clean["requester_id"]) is None:
        raise ValidationError("找不到这位居民", code="unknown", field="requester_id")
    received = clean.get("received_at")
    if received is not None:
        if not isinstance(received, datetime):
            raise ValidationError("受理时间格式不对", code="bad_datetime", field="received_at")
        if received > datetime.now() + FUTURE_SLACK:
            raise ValidationError("受理时间不能晚于现在", code="in_future", field="received_at")
    return clean



def next_case_number(session: Session, *, station_code: str, day: date) -> str:
    """Hand out the next number of the day for this station (counter in the same transaction)."""
    series = f"case:{station_code}:{day:%Y%m%d}"
    counter = session.get(NumberCounter, series)
    if counter is None:
        # Start after any number already used that day (e.g. counters lost with a restore).
        prefix = f"{station_code}-{day:%Y%m%d}-"
        used = session.scalar(select(func.max(Case.number)).where(Case.number.startswith(prefix)))
        counter = NumberCounter(series=series, last=int(used.rsplit("-", 1)[1]) if used else 0)
        session.add(counter)
    counter.last += 1
    return case_number(station_code=station_code, day=day, seq=counter.last)


def deadline_for(session: Session, *, category_id: str | None, start: date) -> date | None:
    category = session.get(Category, category_id) if category_id else None
    if category is None:
        return None
    return add_working_days(start, category.time_limit_days)


# --------------------------------------------------------------------------- commands


def create_case(
    session: Session,
    *,
    actor: Actor,
    summary: str,
    channel: str = Channel.WALK_IN.value,
    received_at: datetime | None = None,
    **values: Any,
) -> CaseDetail:
    """Record a new request (群众点单); returns it with its number."""
    require(actor, Permission.EDIT_CASES)
    received_at = received_at or datetime.now().replace(microsecond=0)
    clean = clean_case_fields(
        session, {**values, "summary": summary, "channel": channel, "received_at": received_at}
    )
    clean.setdefault("urgency", Urgency.NORMAL.value)
    if "route" not in clean:
        category = session.get(Category, clean.get("category_id") or "")
        clean["route"] = category.default_route if category else Route.STATION.value
    if "deadline" not in clean:
        clean["deadline"] = deadline_for(
            session, category_id=clean.get("category_id"), start=received_at.date()
        )
    case_id = new_id()
    number = next_case_number(session, station_code=actor.station_code, day=received_at.date())
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="created",
        payload={**clean, "number": number},
    )
    return get_case(session, case_id=case_id)


def update_case(session: Session, *, actor: Actor, case_id: str, **values: Any) -> CaseDetail:
    require(actor, Permission.EDIT_CASES)
    current = get_case(session, case_id=case_id)
    clean = clean_case_fields(session, values)
    changed = {k: v for k, v in clean.items() if getattr(current, k) != v}
    if changed:
        record_event(
            session,
            actor=actor,
            entity_type="case",
            entity_id=case_id,
            event_type="updated",
            payload=changed,
        )
    return get_case(session, case_id=case_id)


def act_on_case(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    action: CaseAction | str,
    reason: str = "",
    at: datetime | None = None,
    **fields: Any,
) -> CaseDetail:
    """Take a state-machine action (派单, 签收, 退单, 答复, 办结 …) as ``actor``.

    Raises :class:`TransitionError` when the action is illegal from the current status and
    :class:`PermissionDenied` when the actor's role may not take it.
    """
    action = CaseAction(action)
    case = _case(session, case_id)
    next_status(case.status, action, role=actor.role)
    transition = transition_for(action)
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationError(f"“{action.label}”需要写明原因", code="required", field="reason")
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise ValidationError(f"不能随操作修改：{', '.join(sorted(unknown))}", code="bad_field")
    at = at or datetime.now().replace(microsecond=0)
    if transition.target in (CaseStatus.CLOSED, CaseStatus.DESK_SETTLED):
        fields.setdefault("closed_at", at)
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="action",
        payload={"action": action.value, "reason": reason, "at": at, "fields": fields},
    )
    return get_case(session, case_id=case_id)


def add_note(session: Session, *, actor: Actor, case_id: str, text: str) -> CaseDetail:
    require(actor, Permission.EDIT_CASES)
    _case(session, case_id)
    text = text.strip()
    if not text:
        raise ValidationError("备注不能为空", code="required", field="text")
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case_id,
        event_type="note_added",
        payload={"text": text, "at": datetime.now().replace(microsecond=0)},
    )
    return get_case(session, case_id=case_id)


# --------------------------------------------------------------------------- queries

#: Labels of history lines that are not state-machine actions.
NOTE_KIND_LABELS = {
    "note": "备注",
    "progress": "办理进展",
    "repeat": "再次反映",
    "attachment": "附件",
    # Supervision steps of a dispatched case (station.domain.dispatch.DispatchStep).
    "request_extension": "申请延期",
    "approve_extension": "同意延期",
    "refuse_extension": "不同意延期",
    "remind": "催办",
    "supervise": "督办",
}


def _case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("找不到这张工单", field="case_id")
    return case


def find_case_id(session: Session, *, number: str) -> str:
    case_id = session.scalar(select(Case.id).where(Case.number == number.strip()))
    if case_id is None:
        raise NotFoundError(f"没有编号为 {number} 的工单", field="number")
    return case_id


def _label(enum: type, value: str | None) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value or ""


def get_case(session: Session, *, case_id: str) -> CaseDetail:
    case = _case(session, case_id)
    requester = session.get(Person, case.requester_id) if case.requester_id else None
    category = session.get(Category, case.category_id) if case.category_id else None
    grid = session.get(Grid, case.grid_id) if case.grid_id else None
    department = session.get(Department, case.department_id) if case.department_id else None
    notes = session.scalars(
        select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.at, CaseNote.id)
    )
    return CaseDetail(
        id=case.id,
        number=case.number,
        station_code=case.station_code,
        channel=case.channel,
        received_at=case.received_at,
        requester_id=case.requester_id,
        requester=requester.name if requester else "",
        filed_by_staff=case.filed_by_staff,
        category_id=case.category_id,
        category=category.name if category else "",
        grid_id=case.grid_id,
        grid=grid.name if grid else "",
        location=case.location,
        summary=case.summary,
        description=case.description,
        urgency=case.urgency,
        route=case.route,
        status=case.status,
        status_label=_label(CaseStatus, case.status),
        department_id=case.department_id,
        assignee=case.assignee,
        deadline=case.deadline,
        result=case.result,
        rating=case.rating,
        solved=case.solved,
        supervised=case.supervised,
        notes=tuple(
            CaseNoteInfo(
                at=n.at,
                author=n.author,
                kind=n.kind,
                kind_label=NOTE_KIND_LABELS.get(n.kind) or _label(CaseAction, n.kind),
                text=n.text,
            )
            for n in notes
        ),
        allowed_actions=tuple(a.value for a in allowed_actions(case.status)),
        mediation_id=case.mediation_id,
        merged_into=case.merged_into,
        closed_at=case.closed_at,
        channel_label=_label(Channel, case.channel),
        urgency_label=_label(Urgency, case.urgency),
        department=department.name if department else "",
        **_dispatch_fields(session, case, department),
    )


def _dispatch_fields(session: Session, case: Case, department: Department | None) -> dict:
    community = (
        session.get(Community, case.handling_community_id) if case.handling_community_id else None
    )
    co_ids = [d for d in (case.co_department_ids or "").split(",") if d]
    co_names = [getattr(session.get(Department, d), "name", d) for d in co_ids]
    return {
        "handling_community_id": case.handling_community_id,
        "lead_unit": community.name if community else (department.name if department else ""),
        "co_department_ids": case.co_department_ids or "",
        "co_departments": "、".join(co_names),
        "instructions": case.instructions or "",
        "dispatched_at": case.dispatched_at,
        "sign_deadline": case.sign_deadline,
        "signed_at": case.signed_at,
        "replied_at": case.replied_at,
        "extension_state": case.extension_state or "",
        "extension_until": case.extension_until,
        "reminder_count": case.reminder_count or 0,
        "supervision_note": case.supervision_note or "",
        "rework_count": case.rework_count or 0,
    }


class DeadlineFilter:
    """Values of :attr:`CaseFilter.deadline`."""

    ANY = ""
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"  # due within ``CaseFilter.due_within`` working days, not overdue


@dataclass(frozen=True)
class CaseFilter:
    """What a case list shows. Every field narrows the list; defaults show everything.

    ``assignees`` ("mine") matches cases whose assignee is one of the names given (a person's
    login name and display name). Date bounds are inclusive days of ``received_at``.
    ``today`` (default: the real date) is what "overdue" is measured against.
    """

    status: str | None = None
    query: str = ""
    grid_id: str | None = None
    community_id: str | None = None
    category_id: str | None = None  # the category or any category below it
    channel: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    deadline: str = DeadlineFilter.ANY
    due_within: int = 2  # working days, for DeadlineFilter.DUE_SOON
    assignees: tuple[str, ...] = ()
    today: date | None = None

    @property
    def narrowed(self) -> bool:
        """True when anything beyond the defaults is set (for "no match" messages)."""
        return self != CaseFilter(today=self.today)


def _category_subtree(session: Session, category_id: str) -> list[str]:
    rows = session.execute(select(Category.id, Category.parent_id)).all()
    children: dict[str | None, list[str]] = {}
    for cid, parent in rows:
        children.setdefault(parent, []).append(cid)
    found, todo = [], [category_id]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


_PENDING = sorted(s.value for s in PENDING_STATUSES)


def _filtered(stmt: Select, flt: CaseFilter, session: Session) -> Select:
    if flt.status:
        stmt = stmt.where(Case.status == flt.status)
    if flt.channel:
        stmt = stmt.where(Case.channel == flt.channel)
    if flt.category_id:
        stmt = stmt.where(Case.category_id.in_(_category_subtree(session, flt.category_id)))
    if flt.received_from:
        start = datetime.combine(flt.received_from, datetime.min.time())
        stmt = stmt.where(Case.received_at >= start)
    if flt.received_to:
        end = datetime.combine(flt.received_to + timedelta(days=1), datetime.min.time())
        stmt = stmt.where(Case.received_at < end)
    if flt.assignees:
        stmt = stmt.where(Case.assignee.in_([a for a in flt.assignees if a]))
    if flt.deadline:
        today = flt.today or date.today()
        stmt = stmt.where(Case.status.in_(_PENDING), Case.deadline.is_not(None))
        if flt.deadline == DeadlineFilter.OVERDUE:
            stmt = stmt.where(Case.deadline < today)
        elif flt.deadline == DeadlineFilter.DUE_SOON:
            stmt = stmt.where(
                Case.deadline >= today, Case.deadline <= due_soon_limit(today, flt.due_within)
            )
        else:
            raise ValidationError("期限筛选条件不对", code="bad_choice", field="deadline")
    if flt.grid_id:
        stmt = stmt.where(Case.grid_id == flt.grid_id)
    if flt.community_id:
        stmt = stmt.where(
            Case.grid_id.in_(select(Grid.id).where(Grid.community_id == flt.community_id))
        )
    term = flt.query.strip()
    if term:
        requester = aliased(Person)
        by_person = select(requester.id).where(requester.name.contains(term, autoescape=True))
        conditions = [
            Case.number.startswith(term.upper(), autoescape=True),
            Case.requester_id.in_(by_person),
        ]
        if len(term) >= 3:
            conditions.append(
                text("work_case.rowid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :fts)")
            )
        else:
            # SQLite's trigram index returns nothing for queries under 3 characters.
            conditions += [
                Case.summary.contains(term, autoescape=True),
                Case.description.contains(term, autoescape=True),
                Case.location.contains(term, autoescape=True),
            ]
        stmt = stmt.where(or_(*conditions)).params(fts=fts_phrase(term))
    return stmt


def case_ids(session: Session, flt: CaseFilter | None = None) -> list[str]:
    """Ids of matching cases, newest first: what a lazy table model holds."""
    stmt = _filtered(select(Case.id), flt or CaseFilter(), session)
    stmt = stmt.order_by(Case.received_at.desc(), Case.number.desc())
    return list(session.scalars(stmt))


def case_rows(session: Session, ids: list[str], *, today: date | None = None) -> list[CaseRow]:
    """Rows for ``ids`` in the same order (one query per batch).

    ``deadline_state`` is computed against ``today`` (default: the real date).
    """
    if not ids:
        return []
    today = today or date.today()
    requester = aliased(Person)
    stmt = (
        select(Case, Category.name, Grid.name, requester.name)
        .outerjoin(Category, Category.id == Case.category_id)
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(requester, requester.id == Case.requester_id)
        .where(Case.id.in_(ids))
    )
    found = {}
    for case, category, grid, name in session.execute(stmt):
        found[case.id] = CaseRow(
            id=case.id,
            number=case.number,
            received_at=case.received_at,
            status=case.status,
            status_label=_label(CaseStatus, case.status),
            category=category or "",
            grid=grid or "",
            requester=name or "",
            summary=case.summary,
            urgency=case.urgency,
            deadline=case.deadline,
            deadline_state=deadline_state(
                deadline=case.deadline, status=case.status, today=today
            ).value,
            supervised=case.supervised,
        )
    return [found[i] for i in ids if i in found]


def list_cases(
    session: Session, *, flt: CaseFilter | None = None, limit: int = 50
) -> list[CaseRow]:
    return case_rows(session, case_ids(session, flt)[:limit])


def community_of_grid(session: Session, grid_id: str) -> str:
    grid = session.get(Grid, grid_id)
    community = session.get(Community, grid.community_id) if grid else None
    return community.name if community else ""


# --------------------------------------------------------------------------- history


FIELD_LABELS = {
    "channel": "来源渠道",
    "received_at": "受理时间",
    "requester_id": "诉求人",
    "filed_by_staff": "代办人",
    "category_id": "诉求类别",
    "grid_id": "网格",
    "location": "地点",
    "summary": "摘要",
    "description": "详细描述",
    "urgency": "紧急程度",
    "route": "办理方式",
    "department_id": "承办部门",
    "assignee": "经办人",
    "deadline": "办理期限",
    "supervised": "督办",
    "result": "办理结果",
    "rating": "满意度",
    "solved": "问题是否解决",
    "closed_at": "办结时间",
    "mediation_id": "调解案件",
    "merged_into": "并入工单",
    "handling_community_id": "承办村（社区）",
    "co_department_ids": "协办单位",
    "instructions": "派单意见",
    "dispatched_at": "派单时间",
    "sign_deadline": "签收期限",
    "signed_at": "签收时间",
    "replied_at": "答复时间",
    "extension_state": "延期",
    "extension_until": "申请延期至",
    "supervision_note": "督办意见",
}
# Shown once, as the heading of the line, not as a "changed field".
_QUIET_FIELDS = {
    "number",
    "closed_at",
    # Dispatch bookkeeping: the action's own line already says it.
    "dispatched_at",
    "sign_deadline",
    "signed_at",
    "replied_at",
    "extension_state",
    "extension_until",
    "instructions",
    "supervision_note",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a case, in words: who did what, when, from which station."""

    event_id: str
    at: datetime  # when it happened (the time the action names, else when it was recorded)
    author: str  # login name
    author_name: str  # display name when the account is known here, else the login name
    station_code: str
    kind: str  # "created", "updated", "note", "progress", "repeat" or a CaseAction value
    title: str  # Chinese: 受理登记, 修改, 上报镇中心 …
    details: tuple[str, ...] = field(default_factory=tuple)  # Chinese lines


def _hlc_time(hlc: str) -> datetime:
    return wall_time(hlc).replace(microsecond=0)


def _parse_time(value: Any, fallback: datetime) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return fallback


class _Names:
    """Display names for the ids events mention, looked up once per timeline."""

    def __init__(self, session: Session, events: list[Event]) -> None:
        wanted: dict[str, set[str]] = {}
        for ev in events:
            payload = json.loads(ev.payload)
            for key, value in {**payload, **(payload.get("fields") or {})}.items():
                if isinstance(value, str) and key.endswith(("_id", "_into")):
                    wanted.setdefault(key, set()).add(value)
        ids = {k: sorted(v) for k, v in wanted.items()}

        def names(model: Any, label: Any, key: str) -> dict[str, str]:
            if not ids.get(key):
                return {}
            return dict(
                session.execute(select(model.id, label).where(model.id.in_(ids[key]))).all()
            )

        self.by_field = {
            "category_id": names(Category, Category.name, "category_id"),
            "grid_id": names(Grid, Grid.name, "grid_id"),
            "department_id": names(Department, Department.name, "department_id"),
            "requester_id": names(Person, Person.name, "requester_id"),
            "merged_into": names(Case, Case.number, "merged_into"),
            "mediation_id": names(MediationCase, MediationCase.number, "mediation_id"),
            "handling_community_id": names(Community, Community.name, "handling_community_id"),
        }
        self.departments = dict(session.execute(select(Department.id, Department.name)).all())
        authors = sorted({ev.author for ev in events})
        self.authors = dict(
            session.execute(
                select(UserAccount.username, UserAccount.display_name).where(
                    UserAccount.username.in_(authors)
                )
            ).all()
        )

    def value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return "（空）"
        if key in self.by_field:
            return self.by_field[key].get(value, str(value))
        enums = {"channel": Channel, "urgency": Urgency, "route": Route, "rating": Rating}
        if key in enums:
            return _label(enums[key], value)
        if key == "solved":
            return "已解决" if value else "未解决"
        if key == "supervised":
            return "是" if value else "否"
        if key == "co_department_ids":
            return "、".join(self.departments.get(d, d) for d in str(value).split(",") if d)
        if key in ("received_at", "closed_at"):
            return str(value).replace("T", " ")[:16]
        return str(value)

    def lines(self, values: dict[str, Any]) -> list[str]:
        return [
            f"{FIELD_LABELS.get(k, k)}：{self.value(k, v)}"
            for k, v in values.items()
            if not k.startswith("_") and k not in _QUIET_FIELDS
        ]


def case_timeline(session: Session, *, case_id: str) -> list[TimelineEntry]:
    """Every event of the case in the order the projection folds them (oldest first).

    Read from the event log itself, so it shows what each station wrote, including edits
    that the case's current fields no longer reveal.
    """
    _case(session, case_id)
    events = list(
        session.scalars(
            select(Event)
            .where(Event.entity_type == "case", Event.entity_id == case_id)
            .order_by(Event.hlc, Event.event_id)
        )
    )
    names = _Names(session, events)
    out: list[TimelineEntry] = []
    for ev in events:
        payload = json.loads(ev.payload)
        recorded = _hlc_time(ev.hlc)
        at, details = recorded, []
        kind = ev.event_type
        if ev.event_type == "created":
            title = "受理登记"
            at = _parse_time(payload.get("received_at"), recorded)
            shown = {k: v for k, v in payload.items() if k not in ("received_at", "number")}
            details = names.lines(shown)
        elif ev.event_type == "updated":
            title = "修改工单"
            details = names.lines(payload)
        elif ev.event_type == "action":
            kind = payload.get("action", "")
            title = _label(CaseAction, kind)
            at = _parse_time(payload.get("at"), recorded)
            if payload.get("reason"):
                details.append(f"说明：{payload['reason']}")
            details += names.lines(payload.get("fields") or {})
        elif ev.event_type == "step":
            kind = payload.get("step", "")
            title = NOTE_KIND_LABELS.get(kind, kind)
            at = _parse_time(payload.get("at"), recorded)
            if payload.get("reason"):
                details.append(payload["reason"])
        elif ev.event_type == "note_added":
            kind = payload.get("kind", "note")
            title = NOTE_KIND_LABELS.get(kind, "备注")
            at = _parse_time(payload.get("at"), recorded)
            details = [payload.get("text", "")]
        else:
            title = ev.event_type
        out.append(
            TimelineEntry(
                event_id=ev.event_id,
                at=at,
                author=ev.author,
                author_name=names.authors.get(ev.author) or ev.author,
                station_code=ev.station_code,
                kind=kind,
                title=title,
                details=tuple(details),
            )
        )
    return out


@dataclass(frozen=True)
class LinkedCase:
    """A case or mediation case connected to this one."""

    kind: str  # "merged_into", "merged_here", "mediation"
    kind_label: str
    id: str
    number: str
    status_label: str
    summary: str


def linked_cases(session: Session, *, case_id: str) -> list[LinkedCase]:
    """The case this one was merged into, cases merged into it, and its mediation case."""
    case = _case(session, case_id)
    out: list[LinkedCase] = []

    def add_case(kind: str, label: str, other: Case) -> None:
        out.append(
            LinkedCase(
                kind, label, other.id, other.number, _label(CaseStatus, other.status), other.summary
            )
        )

    if case.merged_into:
        target = session.get(Case, case.merged_into)
        if target is not None:
            add_case("merged_into", "已并入", target)
    merged = session.scalars(
        select(Case).where(Case.merged_into == case_id).order_by(Case.received_at)
    )
    for other in merged:
        add_case("merged_here", "重复件", other)
    if case.mediation_id:
        med = session.get(MediationCase, case.mediation_id)
        if med is not None:
            out.append(
                LinkedCase(
                    "mediation",
                    "调解案件",
                    med.id,
                    med.number,
                    _label(MediationStatus, med.status),
                    med.facts[:60],
                )
            )
    return out
