"""Dispatch (点将) across stations: who may take which step, and the deadline flags.

Two tables decide what a *station* may do with a work order, on top of the state machine
of :mod:`station.domain.case_workflow` (which decides what a *role* may do):

* :data:`STATION_RULES` — per action (and, for 答复, per status): the station kinds that may
  take it and whether the station must be the unit the case is dispatched to (牵头单位) or
  a co-handling unit (协办单位). The desktop services and the town server (on push) both
  call :func:`check_station_may`, so a village station cannot dispatch and a department
  cannot sign for, reply to or close a case that was never dispatched to it.
* :data:`STEP_STATUSES` and :data:`STEP_ROLES` — the supervision steps that leave the
  status alone (申请延期 and the center's answer, 催办, 督办): when, and by whom.

Deadline flags (DESIGN.md §3: flags, not statuses) count working days with the official
holiday calendar (:mod:`station.domain.working_days`), the same on every node:
签收超时 when a dispatched case is not signed for by its sign-for deadline, 办理超时 when a
dispatched case has no reply by its handling deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from station.domain.case_workflow import CaseAction
from station.domain.enums import CaseStatus as S
from station.domain.enums import LabelledEnum, Role, StationKind
from station.domain.working_days import add_working_days, working_days_between
from station.errors import PermissionDenied, TransitionError

#: A dispatched case must be signed for within this many working days of dispatch.
SIGN_FOR_WORKING_DAYS = 1
#: Longest handling time the center may set, in working days (a typo guard, not policy).
MAX_DEADLINE_WORKING_DAYS = 120


class DispatchStep(LabelledEnum):
    """Supervision steps on a dispatched case: recorded events that keep the status."""

    REQUEST_EXTENSION = ("request_extension", "申请延期")
    APPROVE_EXTENSION = ("approve_extension", "同意延期")
    REFUSE_EXTENSION = ("refuse_extension", "不同意延期")
    REMIND = ("remind", "催办")
    SUPERVISE = ("supervise", "督办")


class ExtensionState(LabelledEnum):
    NONE = ("", "")
    REQUESTED = ("requested", "延期待审批")
    APPROVED = ("approved", "已同意延期")
    REFUSED = ("refused", "未同意延期")


class UnitRole(LabelledEnum):
    """How the acting station stands to the case's handling units."""

    LEAD = ("lead", "牵头单位")
    CO = ("co", "协办单位")
    NONE = ("none", "无关单位")
    UNKNOWN = ("unknown", "未知")  # the desktop cannot always tell; the server always can


class UnitNeed(LabelledEnum):
    ANY = ("any", "")
    LEAD = ("lead", "牵头单位")
    LEAD_OR_CO = ("lead_or_co", "牵头或协办单位")


_V, _C = StationKind.VILLAGE, StationKind.COMMUNITY
_T, _D = StationKind.CENTER, StationKind.DEPARTMENT
_STATIONS = frozenset({_V, _C, _T})  # where residents are received: villages, communities, center
_HANDLING_UNITS = frozenset({_D, _C})  # what the center dispatches to
_DISPATCHED = frozenset({S.DISPATCHED, S.IN_PROGRESS})


#: Case fields only the center may write by editing (not through a dispatch step).
DISPATCH_FIELDS = frozenset({"department_id", "supervised"})
EDIT_DISPATCH = "edit_dispatch"


@dataclass(frozen=True)
class StationRule:
    """Which kinds of station may take ``step`` (a CaseAction or DispatchStep value)."""

    step: str
    kinds: frozenset[StationKind]
    statuses: frozenset[S] | None = None  # None: wherever the state machine allows it
    unit: UnitNeed = UnitNeed.ANY


#: The one table of station kinds (see the module docstring). The first row whose step
#: matches, whose kinds contain the station's and whose ``statuses`` contain the case's
#: status (or is None) decides; no such row: not allowed.
STATION_RULES: tuple[StationRule, ...] = (
    StationRule(CaseAction.SETTLE_AT_DESK.value, _STATIONS),
    StationRule(CaseAction.HANDLE_AT_STATION.value, _STATIONS),
    StationRule(CaseAction.ESCALATE.value, _STATIONS),
    StationRule(CaseAction.DISPATCH.value, frozenset({_T})),
    StationRule(CaseAction.SIGN_FOR.value, _HANDLING_UNITS, unit=UnitNeed.LEAD),
    StationRule(CaseAction.RETURN.value, _HANDLING_UNITS, unit=UnitNeed.LEAD),
    StationRule(CaseAction.REPLY.value, _HANDLING_UNITS, _DISPATCHED, UnitNeed.LEAD),
    StationRule(CaseAction.REPLY.value, _STATIONS, frozenset({S.STATION_HANDLING})),
    StationRule(CaseAction.REQUEST_VISIT.value, _STATIONS),
    StationRule(CaseAction.CLOSE.value, _STATIONS),
    StationRule(CaseAction.REWORK.value, _STATIONS),
    StationRule(CaseAction.ARCHIVE.value, _STATIONS),
    StationRule(CaseAction.TO_MEDIATION.value, _STATIONS),
    StationRule(CaseAction.MERGE.value, _STATIONS),
    StationRule(CaseAction.VOID.value, _STATIONS),
    StationRule(DispatchStep.REQUEST_EXTENSION.value, _HANDLING_UNITS, unit=UnitNeed.LEAD),
    StationRule(DispatchStep.APPROVE_EXTENSION.value, frozenset({_T})),
    StationRule(DispatchStep.REFUSE_EXTENSION.value, frozenset({_T})),
    StationRule(DispatchStep.REMIND.value, frozenset({_T})),
    StationRule(DispatchStep.SUPERVISE.value, frozenset({_T})),
    # Setting the lead department or the 督办 flag outside a dispatch step (an "updated"
    # event): only the center, so no station can route a case into a department's scope.
    StationRule(EDIT_DISPATCH, frozenset({_T})),
    # Progress notes: a department writes only on cases it leads or co-handles.
    StationRule("progress", frozenset({_D}), unit=UnitNeed.LEAD_OR_CO),
    StationRule("progress", _STATIONS),
)

#: Steps that keep the status: from which statuses, and which extension state they need.
STEP_STATUSES: dict[DispatchStep, frozenset[S]] = {
    DispatchStep.REQUEST_EXTENSION: _DISPATCHED,
    DispatchStep.APPROVE_EXTENSION: _DISPATCHED,
    DispatchStep.REFUSE_EXTENSION: _DISPATCHED,
    DispatchStep.REMIND: _DISPATCHED,
    DispatchStep.SUPERVISE: _DISPATCHED | {S.AWAITING_DISPATCH, S.STATION_HANDLING},
}


#: Roles that may take each status-keeping step (the state machine's roles cover actions).
_CENTER_ROLES = frozenset({Role.DISPATCHER, Role.STATION_ADMIN})
STEP_ROLES: dict[DispatchStep, frozenset[Role]] = {
    DispatchStep.REQUEST_EXTENSION: frozenset(
        {Role.DEPARTMENT_HANDLER, Role.STATION_ADMIN, Role.RECEPTIONIST, Role.GRID_WORKER}
    ),
    DispatchStep.APPROVE_EXTENSION: _CENTER_ROLES,
    DispatchStep.REFUSE_EXTENSION: _CENTER_ROLES,
    DispatchStep.REMIND: _CENTER_ROLES,
    DispatchStep.SUPERVISE: _CENTER_ROLES,
}


def check_step_role(step: DispatchStep | str, role: Role | str) -> None:
    step, role = DispatchStep(step), Role(role)
    if role not in STEP_ROLES[step]:
        raise PermissionDenied(
            f"“{role.label}”不能{step.label}，请联系有权限的人员", code="role_not_allowed"
        )


def open_steps(
    *, kind: StationKind | str, role: Role | str, status: S | str, extension: str
) -> list[DispatchStep]:
    """The status-keeping steps a person of ``role`` at a ``kind`` station can take now
    (the unit check is left to the services and the server)."""
    out = []
    for step in DispatchStep:
        try:
            check_step(step, status=status, extension=extension)
            check_step_role(step, role)
            check_station_may(step.value, kind=kind, status=status)
        except (TransitionError, PermissionDenied):
            continue
        out.append(step)
    return out


def rule_for(step: str, status: S | str, kind: StationKind | str) -> StationRule | None:
    status, kind = S(status), StationKind(kind)
    for rule in STATION_RULES:
        if (
            rule.step == step
            and kind in rule.kinds
            and (rule.statuses is None or status in rule.statuses)
        ):
            return rule
    return None


def _step_label(step: str) -> str:
    for enum in (CaseAction, DispatchStep):
        try:
            return enum(step).label  # type: ignore[attr-defined]
        except ValueError:
            pass
    return {"progress": "记录办理进展", EDIT_DISPATCH: "指定承办部门或督办"}.get(step, step)


def station_may(
    step: str, *, kind: StationKind | str, status: S | str, unit: UnitRole = UnitRole.UNKNOWN
) -> bool:
    try:
        check_station_may(step, kind=kind, status=status, unit=unit)
    except PermissionDenied:
        return False
    return True


def check_station_may(
    step: str, *, kind: StationKind | str, status: S | str, unit: UnitRole = UnitRole.UNKNOWN
) -> None:
    """Raise :class:`PermissionDenied` when a station of ``kind`` may not take ``step``.

    ``unit`` is how the station stands to the case (牵头/协办/无关); ``UNKNOWN`` skips the
    unit check (a desktop that does not know its own department; the server knows).
    """
    kind = StationKind(kind)
    rule = rule_for(step, status, kind)
    label = _step_label(step)
    if rule is None:
        raise PermissionDenied(
            f"{kind.label}不能执行“{label}”（由{_kinds_text(step, status)}办理）",
            code="station_kind_not_allowed",
            field="action",
        )
    if unit is UnitRole.UNKNOWN or rule.unit is UnitNeed.ANY or kind not in _HANDLING_UNITS:
        return
    if unit is UnitRole.LEAD or (rule.unit is UnitNeed.LEAD_OR_CO and unit is UnitRole.CO):
        return
    if unit is UnitRole.CO:
        message = f"本单位是这张工单的协办单位，“{label}”由牵头单位办理"
    else:
        message = f"这张工单没有派给本单位，不能执行“{label}”"
    raise PermissionDenied(message, code="not_dispatched_here", field="action")


def _kinds_text(step: str, status: S | str) -> str:
    kinds = [k.label for k in StationKind if rule_for(step, status, k) is not None]
    return "、".join(kinds) or "其他站点"


def check_step(step: DispatchStep | str, *, status: S | str, extension: str) -> None:
    """Raise :class:`TransitionError` when a status-keeping step does not fit the case now."""
    step = DispatchStep(step)
    status = S(status)
    if status not in STEP_STATUSES[step]:
        raise TransitionError(
            f"工单当前状态为“{status.label}”，不能{step.label}",
            current=status.value,
            requested=step.value,
        )
    pending = extension == ExtensionState.REQUESTED.value
    if step is DispatchStep.REQUEST_EXTENSION and pending:
        raise TransitionError(
            "已有一份延期申请在等待镇中心审批，请等审批后再申请",
            current=status.value,
            requested=step.value,
            code="extension_pending",
        )
    if step in (DispatchStep.APPROVE_EXTENSION, DispatchStep.REFUSE_EXTENSION) and not pending:
        raise TransitionError(
            "这张工单没有待审批的延期申请",
            current=status.value,
            requested=step.value,
            code="no_extension_request",
        )


def unit_role(
    *,
    kind: StationKind | str,
    department_id: str | None = None,
    communities: frozenset[str] = frozenset(),
    lead_department_id: str | None,
    lead_community_id: str | None,
    co_department_ids: str | tuple[str, ...] | list[str] = "",
) -> UnitRole:
    """How a station (a department, or a village/community owning ``communities``) stands
    to a case dispatched to ``lead_*`` with co-handling departments ``co_department_ids``."""
    kind = StationKind(kind)
    co = split_ids(co_department_ids) if isinstance(co_department_ids, str) else co_department_ids
    if kind is StationKind.DEPARTMENT:
        if department_id and department_id == lead_department_id and not lead_community_id:
            return UnitRole.LEAD
        if department_id and department_id in co:
            return UnitRole.CO
        return UnitRole.NONE
    if kind is StationKind.CENTER:
        return UnitRole.NONE
    if lead_community_id and lead_community_id in communities:
        return UnitRole.LEAD
    return UnitRole.NONE


def split_ids(text: str | None) -> tuple[str, ...]:
    return tuple(p for p in (text or "").split(",") if p)


def join_ids(ids: list[str] | tuple[str, ...]) -> str:
    return ",".join(dict.fromkeys(i for i in ids if i))


# --------------------------------------------------------------------------- deadlines


def default_deadline(start: date, time_limit_days: int) -> date:
    """The handling deadline: the category's time limit in working days after ``start``."""
    return add_working_days(start, max(0, time_limit_days))


def sign_deadline(dispatched_on: date) -> date:
    return add_working_days(dispatched_on, SIGN_FOR_WORKING_DAYS)


def sign_for_overdue(*, status: str, sign_by: date | None, today: date) -> bool:
    """签收超时: dispatched, still not signed for, and the sign-for day has passed."""
    return status == S.DISPATCHED.value and sign_by is not None and sign_by < today


def handling_overdue(*, status: str, deadline: date | None, today: date) -> bool:
    """办理超时: dispatched (signed or not), no reply yet, and the deadline has passed."""
    return status in {s.value for s in _DISPATCHED} and deadline is not None and deadline < today


def on_time(done_at: datetime | None, due: date | None) -> bool | None:
    """Whether a step (签收, 答复) was done by its due day; None while not done or no due day."""
    if done_at is None or due is None:
        return None
    return done_at.date() <= due


def overdue_working_days(due: date, today: date) -> int:
    return max(0, -working_days_between(today, due))
