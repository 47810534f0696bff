"""The work-order (工单) state machine of DESIGN.md §3, as a table.

Each row is an *action* a person takes: from which statuses, to which status, and which
roles may take it. The projection of a case's events uses the same table, so a status can
only ever be reached by a legal path. Overdue and supervised (督办) are flags, not statuses.
"""

from __future__ import annotations

from dataclasses import dataclass

from station.domain.enums import CaseStatus as S
from station.domain.enums import LabelledEnum, Role
from station.errors import PermissionDenied, TransitionError


class CaseAction(LabelledEnum):
    SETTLE_AT_DESK = ("settle_at_desk", "直办办结")
    HANDLE_AT_STATION = ("handle_at_station", "本站办理")
    ESCALATE = ("escalate", "上报镇中心")
    DISPATCH = ("dispatch", "派单")
    SIGN_FOR = ("sign_for", "签收")
    RETURN = ("return", "退单")
    REPLY = ("reply", "答复")
    REQUEST_VISIT = ("request_visit", "转回访")
    CLOSE = ("close", "办结")
    REWORK = ("rework", "重办")
    ARCHIVE = ("archive", "归档")
    TO_MEDIATION = ("to_mediation", "转调解")
    MERGE = ("merge", "合并重复件")
    VOID = ("void", "作废")


@dataclass(frozen=True)
class Transition:
    action: CaseAction
    sources: frozenset[S]
    target: S
    roles: frozenset[Role]
    needs_reason: bool = False


_STATION_STAFF = frozenset({Role.RECEPTIONIST, Role.GRID_WORKER, Role.STATION_ADMIN})
_HANDLERS = frozenset({Role.DEPARTMENT_HANDLER, Role.DISPATCHER, Role.STATION_ADMIN})
_OPEN = frozenset(
    {
        S.RECEIVED,
        S.DESK_SETTLED,
        S.STATION_HANDLING,
        S.AWAITING_DISPATCH,
        S.DISPATCHED,
        S.IN_PROGRESS,
        S.REPLIED,
        S.AWAITING_VISIT,
    }
)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(CaseAction.SETTLE_AT_DESK, frozenset({S.RECEIVED}), S.DESK_SETTLED, _STATION_STAFF),
    Transition(
        CaseAction.HANDLE_AT_STATION,
        frozenset({S.RECEIVED}),
        S.STATION_HANDLING,
        _STATION_STAFF | {Role.MEDIATOR},
    ),
    Transition(
        CaseAction.ESCALATE,
        frozenset({S.RECEIVED, S.STATION_HANDLING}),
        S.AWAITING_DISPATCH,
        _STATION_STAFF,
    ),
    Transition(
        CaseAction.DISPATCH,
        frozenset({S.AWAITING_DISPATCH}),
        S.DISPATCHED,
        frozenset({Role.DISPATCHER}),
    ),
    # A community's staff sign for and return what the center dispatched to their community
    # (which station kind may: station.domain.dispatch.STATION_RULES).
    Transition(
        CaseAction.SIGN_FOR, frozenset({S.DISPATCHED}), S.IN_PROGRESS, _HANDLERS | _STATION_STAFF
    ),
    Transition(
        CaseAction.RETURN,
        frozenset({S.DISPATCHED, S.IN_PROGRESS}),
        S.AWAITING_DISPATCH,
        _HANDLERS | _STATION_STAFF,
        needs_reason=True,
    ),
    Transition(
        CaseAction.REPLY,
        frozenset({S.IN_PROGRESS, S.STATION_HANDLING}),
        S.REPLIED,
        _HANDLERS | _STATION_STAFF | {Role.MEDIATOR},
    ),
    Transition(
        CaseAction.REQUEST_VISIT,
        frozenset({S.REPLIED, S.DESK_SETTLED}),
        S.AWAITING_VISIT,
        _STATION_STAFF | {Role.DISPATCHER},
    ),
    Transition(
        CaseAction.CLOSE,
        frozenset({S.AWAITING_VISIT, S.DESK_SETTLED}),
        S.CLOSED,
        _STATION_STAFF | {Role.DISPATCHER},
    ),
    Transition(
        CaseAction.REWORK,
        frozenset({S.AWAITING_VISIT}),
        S.AWAITING_DISPATCH,
        _STATION_STAFF | {Role.DISPATCHER},
        needs_reason=True,
    ),
    Transition(
        CaseAction.ARCHIVE,
        frozenset({S.CLOSED}),
        S.ARCHIVED,
        frozenset({Role.STATION_ADMIN, Role.DISPATCHER}),
    ),
    Transition(
        CaseAction.TO_MEDIATION,
        _OPEN,
        S.TO_MEDIATION,
        _STATION_STAFF | {Role.MEDIATOR},
    ),
    Transition(
        CaseAction.MERGE,
        _OPEN,
        S.MERGED,
        frozenset({Role.STATION_ADMIN, Role.DISPATCHER}),
        needs_reason=True,
    ),
    Transition(
        CaseAction.VOID,
        _OPEN,
        S.VOID,
        frozenset({Role.STATION_ADMIN, Role.DISPATCHER}),
        needs_reason=True,
    ),
)

_BY_ACTION = {t.action: t for t in TRANSITIONS}
TERMINAL_STATUSES = frozenset({S.ARCHIVED, S.TO_MEDIATION, S.MERGED, S.VOID})


def transition_for(action: CaseAction | str) -> Transition:
    return _BY_ACTION[CaseAction(action)]


def allowed_actions(status: S | str, role: Role | str | None = None) -> list[CaseAction]:
    """Actions a person (of ``role``, or anyone when None) may take on a case in ``status``."""
    status = S(status)
    return [
        t.action
        for t in TRANSITIONS
        if status in t.sources and (role is None or Role(role) in t.roles)
    ]


def next_status(current: S | str, action: CaseAction | str, *, role: Role | str | None = None) -> S:
    """The status after ``action``; raises when the action is illegal from ``current``.

    ``role=None`` checks only the state machine (used when replaying events that were
    authorised when they were written).
    """
    current = S(current)
    transition = transition_for(action)
    if current not in transition.sources:
        raise TransitionError(
            f"工单当前状态为“{current.label}”，不能执行“{transition.action.label}”",
            current=current.value,
            requested=transition.action.value,
        )
    if role is not None and Role(role) not in transition.roles:
        raise PermissionDenied(
            f"“{Role(role).label}”不能执行“{transition.action.label}”，请联系有权限的人员",
            code="role_not_allowed",
        )
    return transition.target
