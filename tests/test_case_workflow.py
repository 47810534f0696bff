"""The work-order state machine: every (status, action) pair is either legal or raises."""

from __future__ import annotations

import itertools

import pytest

from station.domain.case_workflow import (
    TERMINAL_STATUSES,
    TRANSITIONS,
    CaseAction,
    allowed_actions,
    next_status,
    transition_for,
)
from station.domain.enums import CaseStatus, Role
from station.errors import PermissionDenied, TransitionError

PAIRS = list(itertools.product(CaseStatus, CaseAction))


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_pair_is_legal_or_names_both_states(status: CaseStatus, action: CaseAction) -> None:
    transition = transition_for(action)
    if status in transition.sources:
        assert next_status(status, action) == transition.target
    else:
        with pytest.raises(TransitionError) as info:
            next_status(status, action)
        assert info.value.current == status.value
        assert info.value.requested == action.value
        assert status.label in info.value.message
        assert action.label in info.value.message


ROLE_PAIRS = [(t, role) for t in TRANSITIONS for role in Role]


@pytest.mark.parametrize(
    ("transition", "role"), ROLE_PAIRS, ids=[f"{t.action}-{r}" for t, r in ROLE_PAIRS]
)
def test_roles_table_is_enforced(transition, role: Role) -> None:  # type: ignore[no-untyped-def]
    source = sorted(transition.sources)[0]
    if role in transition.roles:
        assert next_status(source, transition.action, role=role) == transition.target
    else:
        with pytest.raises(PermissionDenied):
            next_status(source, transition.action, role=role)


def test_terminal_statuses_allow_nothing() -> None:
    for status in TERMINAL_STATUSES:
        assert allowed_actions(status) == []


def test_viewer_may_do_nothing() -> None:
    for status in CaseStatus:
        assert allowed_actions(status, Role.VIEWER) == []


def test_the_three_points_path_reaches_closed() -> None:
    path = [
        (CaseAction.ESCALATE, Role.RECEPTIONIST),
        (CaseAction.DISPATCH, Role.DISPATCHER),
        (CaseAction.SIGN_FOR, Role.DEPARTMENT_HANDLER),
        (CaseAction.REPLY, Role.DEPARTMENT_HANDLER),
        (CaseAction.REQUEST_VISIT, Role.RECEPTIONIST),
        (CaseAction.CLOSE, Role.RECEPTIONIST),
        (CaseAction.ARCHIVE, Role.STATION_ADMIN),
    ]
    status = CaseStatus.RECEIVED
    for action, role in path:
        status = next_status(status, action, role=role)
    assert status == CaseStatus.ARCHIVED


def test_return_and_rework_go_back_to_the_dispatch_queue() -> None:
    assert next_status(CaseStatus.DISPATCHED, CaseAction.RETURN) == CaseStatus.AWAITING_DISPATCH
    assert next_status(CaseStatus.AWAITING_VISIT, CaseAction.REWORK) == CaseStatus.AWAITING_DISPATCH
    assert transition_for(CaseAction.RETURN).needs_reason
    assert transition_for(CaseAction.REWORK).needs_reason
