"""Work orders (工单): intake, edits, state-machine actions, notes, lists and search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from station.db.models import Case, CaseNote, Category, Community, Grid, NumberCounter, Person
from station.domain.case_workflow import CaseAction, allowed_actions, next_status, transition_for
from station.domain.clock import new_id
from station.domain.enums import CaseStatus, Channel, Route, Urgency
from station.domain.numbers import case_number
from station.domain.working_days import add_working_days
from station.errors import NotFoundError, ValidationError
from station.services.events import Actor, record_event
from station.services.persons import fts_phrase

SUMMARY_MAX = 200
DESCRIPTION_MAX = 20_000
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


# --------------------------------------------------------------------------- validation


def _enum_value(enum: type, value: Any, *, field: str, label: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(f"请选择{label}", code="bad_choice", field=field) from None


def clean_case_fields(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise case fields at the boundary; nothing is written here."""
    clean = {k: v for k, v in values.items() if k in EDITABLE}
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
        if received > datetime.now().replace(microsecond=0) + _FUTURE_SLACK:
            raise ValidationError("受理时间不能晚于现在", code="in_future", field="received_at")
    return clean


_FUTURE_SLACK = datetime(2000, 1, 1, 0, 5) - datetime(2000, 1, 1)  # PC clocks drift


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
                kind_label="备注" if n.kind == "note" else _label(CaseAction, n.kind),
                text=n.text,
            )
            for n in notes
        ),
        allowed_actions=tuple(a.value for a in allowed_actions(case.status)),
    )


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    query: str = ""
    grid_id: str | None = None
    community_id: str | None = None


def _filtered(stmt: Select, flt: CaseFilter) -> Select:
    if flt.status:
        stmt = stmt.where(Case.status == flt.status)
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
    stmt = _filtered(select(Case.id), flt or CaseFilter())
    stmt = stmt.order_by(Case.received_at.desc(), Case.number.desc())
    return list(session.scalars(stmt))


def case_rows(session: Session, ids: list[str]) -> list[CaseRow]:
    """Rows for ``ids`` in the same order (one query per batch)."""
    if not ids:
        return []
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
