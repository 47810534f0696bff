"""Dispatch (点将): the station-kind table, working-day deadlines and the services on a real
SQLite database — dispatch with co-handling, sign-for, extension, return, reply, 催办/督办,
rating and 重办, overdue flags and the center's lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from station.db.models import Department
from station.domain.case_workflow import CaseAction
from station.domain.dispatch import (
    STATION_RULES,
    DispatchStep,
    ExtensionState,
    UnitRole,
    check_station_may,
    check_step,
    handling_overdue,
    sign_deadline,
    sign_for_overdue,
    station_may,
    unit_role,
)
from station.domain.enums import CaseStatus, Role, StationKind
from station.errors import PermissionDenied, TransitionError, ValidationError
from station.services import case_handling, cases, dispatch, persons
from station.services.dispatch import Lists
from station.services.events import Actor
from station.services.overview import check_database
from station.settings import load_settings, save_settings

S = CaseStatus
K = StationKind

# --------------------------------------------------------------------------- the table


@pytest.mark.parametrize(
    ("step", "kind", "status", "unit", "allowed"),
    [
        ("dispatch", K.CENTER, S.AWAITING_DISPATCH, UnitRole.NONE, True),
        ("dispatch", K.VILLAGE, S.AWAITING_DISPATCH, UnitRole.NONE, False),
        ("dispatch", K.DEPARTMENT, S.AWAITING_DISPATCH, UnitRole.LEAD, False),
        ("sign_for", K.DEPARTMENT, S.DISPATCHED, UnitRole.LEAD, True),
        ("sign_for", K.DEPARTMENT, S.DISPATCHED, UnitRole.CO, False),
        ("sign_for", K.DEPARTMENT, S.DISPATCHED, UnitRole.NONE, False),
        ("sign_for", K.COMMUNITY, S.DISPATCHED, UnitRole.LEAD, True),
        ("sign_for", K.VILLAGE, S.DISPATCHED, UnitRole.LEAD, False),
        ("sign_for", K.CENTER, S.DISPATCHED, UnitRole.NONE, False),
        ("reply", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.LEAD, True),
        ("reply", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.CO, False),
        ("reply", K.VILLAGE, S.IN_PROGRESS, UnitRole.NONE, False),
        ("reply", K.VILLAGE, S.STATION_HANDLING, UnitRole.NONE, True),
        ("reply", K.DEPARTMENT, S.STATION_HANDLING, UnitRole.LEAD, False),
        ("close", K.DEPARTMENT, S.AWAITING_VISIT, UnitRole.LEAD, False),
        ("close", K.VILLAGE, S.AWAITING_VISIT, UnitRole.NONE, True),
        ("rework", K.DEPARTMENT, S.AWAITING_VISIT, UnitRole.LEAD, False),
        ("return", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.LEAD, True),
        ("request_extension", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.LEAD, True),
        ("request_extension", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.CO, False),
        ("approve_extension", K.CENTER, S.IN_PROGRESS, UnitRole.NONE, True),
        ("approve_extension", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.LEAD, False),
        ("remind", K.CENTER, S.DISPATCHED, UnitRole.NONE, True),
        ("supervise", K.COMMUNITY, S.IN_PROGRESS, UnitRole.NONE, False),
        ("progress", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.CO, True),
        ("progress", K.DEPARTMENT, S.IN_PROGRESS, UnitRole.NONE, False),
        ("progress", K.VILLAGE, S.IN_PROGRESS, UnitRole.NONE, True),
        # The desktop may not know its own department: the unit check waits for the server.
        ("sign_for", K.DEPARTMENT, S.DISPATCHED, UnitRole.UNKNOWN, True),
    ],
)
def test_station_kind_table(step, kind, status, unit, allowed) -> None:  # type: ignore[no-untyped-def]
    assert station_may(step, kind=kind, status=status, unit=unit) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied) as info:
            check_station_may(step, kind=kind, status=status, unit=unit)
        assert info.value.code in ("station_kind_not_allowed", "not_dispatched_here")
        assert info.value.message  # a Chinese sentence for the status bar


def test_every_action_and_step_has_a_row() -> None:
    steps = {r.step for r in STATION_RULES}
    assert {a.value for a in CaseAction} <= steps
    assert {s.value for s in DispatchStep} <= steps


def test_the_refusal_names_who_may() -> None:
    with pytest.raises(PermissionDenied) as info:
        check_station_may("dispatch", kind=K.VILLAGE, status=S.AWAITING_DISPATCH)
    assert "村网格驿站" in info.value.message and "镇网格服务管理中心" in info.value.message


def test_unit_role() -> None:
    lead = {"lead_department_id": "D-CG", "lead_community_id": None, "co_department_ids": "D-HB"}
    assert unit_role(kind=K.DEPARTMENT, department_id="D-CG", **lead) is UnitRole.LEAD
    assert unit_role(kind=K.DEPARTMENT, department_id="D-HB", **lead) is UnitRole.CO
    assert unit_role(kind=K.DEPARTMENT, department_id="D-XX", **lead) is UnitRole.NONE
    to_village = {"lead_department_id": None, "lead_community_id": "V1", "co_department_ids": ""}
    assert unit_role(kind=K.VILLAGE, communities=frozenset({"V1"}), **to_village) is UnitRole.LEAD
    assert unit_role(kind=K.COMMUNITY, communities=frozenset({"C1"}), **to_village) is (
        UnitRole.NONE
    )


def test_extension_steps_need_the_right_extension_state() -> None:
    check_step("request_extension", status=S.IN_PROGRESS, extension="")
    with pytest.raises(TransitionError) as info:
        check_step("request_extension", status=S.IN_PROGRESS, extension="requested")
    assert info.value.code == "extension_pending"
    with pytest.raises(TransitionError) as info:
        check_step("approve_extension", status=S.IN_PROGRESS, extension="")
    assert info.value.code == "no_extension_request"
    with pytest.raises(TransitionError):
        check_step("remind", status=S.CLOSED, extension="")


def test_overdue_flags_count_working_days() -> None:
    # Dispatched on the last working day before National Day 2026: signing is due on 10-08.
    due = sign_deadline(date(2026, 9, 30))
    assert due == date(2026, 10, 8)
    assert not sign_for_overdue(status="dispatched", sign_by=due, today=date(2026, 10, 7))
    assert not sign_for_overdue(status="dispatched", sign_by=due, today=date(2026, 10, 8))
    assert sign_for_overdue(status="dispatched", sign_by=due, today=date(2026, 10, 9))
    assert not sign_for_overdue(status="in_progress", sign_by=due, today=date(2026, 10, 9))
    assert handling_overdue(status="in_progress", deadline=due, today=date(2026, 10, 9))
    assert not handling_overdue(status="replied", deadline=due, today=date(2026, 10, 9))


# --------------------------------------------------------------------------- services

AT = datetime(2026, 9, 28, 9, 0)  # Monday before National Day 2026


@pytest.fixture
def town(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add(Department(id="D-HB", name="生态环境所", short_name="生态环境"))
    return db


def _escalated(db, clerk, *, received=datetime(2026, 9, 27, 15, 0)):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        resident = persons.create_person(s, actor=clerk, name="王秀英", grid_id="C1-01")
        case = cases.create_case(
            s,
            actor=clerk,
            requester_id=resident.id,
            summary="溪边有人养鸭，粪便污染河道",
            received_at=received,
            category_id="K21",
            grid_id="C1-01",
        )
        cases.act_on_case(s, actor=clerk, case_id=case.id, action="escalate", reason="需部门执法")
    return case


def test_deadline_across_national_day(town, clerk, dispatcher) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    with town.read() as s:
        defaults = dispatch.dispatch_defaults(s, case_id=case.id, today=AT.date())
    # 10 working days from Mon 09-28: 09-29, 09-30, then 10-08, 10-09, Sat 10-10 (a make-up
    # working day), 10-12 … 10-16. Plain Monday–Friday counting would say 10-12.
    assert defaults.default_deadline == date(2026, 10, 16)
    assert defaults.suggested_department_id == "D-CG"
    with town.transaction() as s:
        done = dispatch.dispatch_case(
            s,
            actor=dispatcher,
            case_id=case.id,
            department_id="D-CG",
            co_department_ids=["D-HB"],
            instructions="请城管牵头、生态环境配合，三日内现场处置",
            at=AT,
        ).value
        row = s.get(cases.Case, case.id)
        assert row.sign_deadline == date(2026, 9, 29)
        assert row.co_department_ids == "D-HB"
    assert done.status == S.DISPATCHED.value and done.deadline == date(2026, 10, 16)
    assert done.department == "城管中队"


def test_changing_the_deadline_needs_a_reason(town, clerk, dispatcher) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    kw = {"actor": dispatcher, "case_id": case.id, "department_id": "D-CG", "at": AT}
    with pytest.raises(ValidationError) as info, town.transaction() as s:
        dispatch.dispatch_case(s, deadline=date(2026, 10, 9), **kw)
    assert info.value.field == "deadline_reason"
    with pytest.raises(ValidationError) as info, town.transaction() as s:
        dispatch.dispatch_case(s, deadline=date(2026, 9, 1), deadline_reason="x", **kw)
    assert info.value.field == "deadline"
    with pytest.raises(ValidationError) as info, town.transaction() as s:
        dispatch.dispatch_case(s, **{**kw, "department_id": None})
    assert info.value.field == "lead"
    with pytest.raises(ValidationError) as info, town.transaction() as s:
        dispatch.dispatch_case(s, co_department_ids=["D-CG"], **kw)
    assert info.value.field == "co_departments"
    with town.transaction() as s:
        dispatch.dispatch_case(s, deadline=date(2026, 10, 9), deadline_reason="汛期前须完成", **kw)
        timeline = cases.case_timeline(s, case_id=case.id)
    assert "理由：汛期前须完成" in "\n".join(timeline[-1].details)


def test_full_dispatch_cycle_with_rework(town, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    with town.transaction() as s:
        dispatch.dispatch_case(
            s, actor=dispatcher, case_id=case.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
        dispatch.remind_case(s, actor=dispatcher, case_id=case.id, note="请今天签收")
        dispatch.sign_for_case(s, actor=handler, case_id=case.id)
        dispatch.record_progress(s, actor=handler, case_id=case.id, text="已现场查看，约谈养殖户")
        until = dispatch.extension_default(cases.get_case(s, case_id=case.id))
        dispatch.request_extension(
            s, actor=handler, case_id=case.id, until=until, reason="需等待环境监测结果"
        )
        with pytest.raises(TransitionError):
            dispatch.request_extension(s, actor=handler, case_id=case.id, until=until, reason="再")
        with pytest.raises(ValidationError) as info:
            dispatch.decide_extension(s, actor=dispatcher, case_id=case.id, approve=False)
        assert info.value.field == "reason"
        dispatch.decide_extension(s, actor=dispatcher, case_id=case.id, approve=True)
        dispatch.supervise_case(s, actor=dispatcher, case_id=case.id, note="列入镇督办事项")
        row = s.get(cases.Case, case.id)
        assert row.deadline == until and row.extension_state == ExtensionState.APPROVED.value
        assert row.supervised and row.reminder_count == 1
        dispatch.reply_case(s, actor=handler, case_id=case.id, result="养殖户已搬离，河道已清理")
        with pytest.raises(TransitionError):
            dispatch.remind_case(s, actor=dispatcher, case_id=case.id)  # replied: nothing to chase
        rows = dispatch.dispatch_list(s, which=Lists.AWAITING_VISIT)
        assert [r.id for r in rows] == [case.id]
        back = case_handling.record_return_visit(
            s, actor=clerk, case_id=case.id, rating="dissatisfied", solved=False, notes="仍有异味"
        ).value
        assert back.status == S.AWAITING_DISPATCH.value
        queue = dispatch.dispatch_list(s, which=Lists.QUEUE)
        assert [(r.id, r.returned, r.rework_count) for r in queue] == [(case.id, True, 1)]
        # Re-dispatched and re-handled; the second visit closes it.
        dispatch.dispatch_case(s, actor=dispatcher, case_id=case.id, department_id="D-CG")
        assert s.get(cases.Case, case.id).signed_at is None  # a new round of handling
        dispatch.sign_for_case(s, actor=handler, case_id=case.id)
        dispatch.reply_case(s, actor=handler, case_id=case.id, result="已消杀，周边无异味")
        closed = case_handling.record_return_visit(
            s, actor=clerk, case_id=case.id, rating="satisfied", solved=True
        ).value
        assert closed.status == S.CLOSED.value
        kinds = [n.kind for n in closed.notes]
        assert kinds == [
            "escalate", "dispatch", "remind", "sign_for", "progress", "request_extension",
            "approve_extension", "supervise", "reply", "request_visit", "rework", "dispatch",
            "sign_for", "reply", "request_visit", "close",
        ]  # fmt: skip
        assert check_database(s).problems == []


def test_return_sends_it_back_to_the_queue(town, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    with town.transaction() as s:
        dispatch.dispatch_case(s, actor=dispatcher, case_id=case.id, department_id="D-CG")
        with pytest.raises(ValidationError):
            dispatch.return_case(s, actor=handler, case_id=case.id, reason=" ")
        dispatch.return_case(
            s, actor=handler, case_id=case.id, reason="不属于城管职责，应由水利站办理"
        )
        queue = dispatch.dispatch_list(s, which=Lists.QUEUE)
        assert [(r.id, r.returned) for r in queue] == [(case.id, True)]
        timeline = cases.case_timeline(s, case_id=case.id)
    assert timeline[-1].title == "退单" and "水利站" in timeline[-1].details[0]


def test_overdue_lists_and_board(town, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    late_sign = _escalated(town, clerk)
    late_handling = _escalated(town, clerk)
    fine = _escalated(town, clerk)
    with town.transaction() as s:
        for c in (late_sign, late_handling, fine):
            dispatch.dispatch_case(s, actor=dispatcher, case_id=c.id, department_id="D-CG", at=AT)
        dispatch.sign_for_case(s, actor=handler, case_id=late_handling.id, at=AT)
        dispatch.sign_for_case(s, actor=handler, case_id=fine.id, at=AT)
        dispatch.request_extension(
            s, actor=handler, case_id=fine.id, until=date(2026, 10, 30), reason="材料未齐"
        )
        dispatch.decide_extension(s, actor=dispatcher, case_id=fine.id, approve=True)
        today = date(2026, 10, 19)  # after the 10-16 deadline; fine's was moved to 10-30
        assert {r.id for r in dispatch.dispatch_list(s, which=Lists.SIGN_OVERDUE, today=today)} == {
            late_sign.id
        }
        late = dispatch.dispatch_list(s, which=Lists.HANDLING_OVERDUE, today=today)
        assert {r.id for r in late} == {late_sign.id, late_handling.id}
        assert dispatch.due_text(late[0], today) in ("签收超时", "超期1个工作日")
        board = dispatch.oversight(s, today=today)
    assert (board.sign_overdue, board.handling_overdue) == (1, 2)
    cg = next(u for u in board.by_department if u.unit_id == "D-CG")
    assert (cg.open, cg.sign_overdue, cg.handling_overdue) == (3, 1, 2)
    assert dict((k, n) for k, _label, n in board.by_status)["in_progress"] == 2


def test_dispatch_to_a_community(town, clerk, dispatcher) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    with town.transaction() as s:
        done = dispatch.dispatch_case(s, actor=dispatcher, case_id=case.id, community_id="V1").value
        rows = dispatch.dispatch_list(s, which=Lists.INBOX, community_id="V1")
    assert done.status == S.DISPATCHED.value
    assert [(r.id, r.lead_unit) for r in rows] == [(case.id, "溪口村")]


def _as_station(db, *, code: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        save_settings(s, replace(load_settings(s), station_code=code, station_kind=kind))


def test_this_desks_station_kind_is_enforced(town, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    _as_station(town, code="VS01", kind="village")
    village = Actor(username="cun", role=Role.DISPATCHER, station_code="VS01")
    with pytest.raises(PermissionDenied) as info, town.transaction() as s:
        dispatch.dispatch_case(s, actor=village, case_id=case.id, department_id="D-CG")
    assert info.value.code == "station_kind_not_allowed"
    _as_station(town, code="DP01", kind="department")
    dept = Actor(username="bm", role=Role.DEPARTMENT_HANDLER, station_code="DP01")
    with pytest.raises(PermissionDenied), town.transaction() as s:
        case_handling.take_case_action(s, actor=dept, case_id=case.id, action="void", reason="x")


def test_referral_slip_names_lead_and_co_handling_units(town, clerk, dispatcher) -> None:  # type: ignore[no-untyped-def]
    """The 交办单 printed at the center for a co-handled case (real PDF, text extracted)."""
    import io
    import subprocess
    from pathlib import Path

    from pypdf import PdfReader

    from station.services import documents

    case = _escalated(town, clerk)
    _as_station(town, code="CT01", kind="center")
    with town.transaction() as s:
        dispatch.dispatch_case(
            s,
            actor=dispatcher,
            case_id=case.id,
            department_id="D-CG",
            co_department_ids=["D-HB"],
            instructions="城管牵头清理，生态环境所监测水质",
        )
        pdf = documents.render_document(s, actor=dispatcher, kind="referral", number=case.number)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = "".join(text.split())
    assert "城管中队" in flat and "协办单位：生态环境所" in flat
    assert "城管牵头清理，生态环境所监测水质" in flat
    shots = Path("/tmp/gs-shots")
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "dispatch-referral.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(shots / "dispatch-referral.pdf"),
         str(shots / "dispatch-referral")],
        check=False,
    )  # fmt: skip


def test_open_steps_by_kind_role_and_extension() -> None:
    from station.domain.dispatch import open_steps

    center = open_steps(kind=K.CENTER, role=Role.DISPATCHER, status=S.IN_PROGRESS, extension="")
    assert center == [DispatchStep.REMIND, DispatchStep.SUPERVISE]
    pending = open_steps(
        kind=K.CENTER, role=Role.DISPATCHER, status=S.IN_PROGRESS, extension="requested"
    )
    assert DispatchStep.APPROVE_EXTENSION in pending and DispatchStep.REFUSE_EXTENSION in pending
    dept = open_steps(
        kind=K.DEPARTMENT, role=Role.DEPARTMENT_HANDLER, status=S.IN_PROGRESS, extension=""
    )
    assert dept == [DispatchStep.REQUEST_EXTENSION]
    assert (
        open_steps(kind=K.VILLAGE, role=Role.RECEPTIONIST, status=S.IN_PROGRESS, extension="") == []
    )
    # A dispatcher's role at a department station does not make it a center.
    assert (
        open_steps(kind=K.DEPARTMENT, role=Role.DISPATCHER, status=S.IN_PROGRESS, extension="")
        == []
    )


def test_a_departments_inbox_is_what_it_leads_or_co_handles_now(
    town, clerk, dispatcher, handler
) -> None:  # type: ignore[no-untyped-def]
    led, co, gone = (_escalated(town, clerk) for _ in range(3))
    with town.transaction() as s:
        dispatch.dispatch_case(s, actor=dispatcher, case_id=led.id, department_id="D-HB")
        dispatch.dispatch_case(
            s, actor=dispatcher, case_id=co.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
        dispatch.dispatch_case(s, actor=dispatcher, case_id=gone.id, department_id="D-HB")
        dispatch.return_case(s, actor=handler, case_id=gone.id, reason="非本部门职责")
        dispatch.dispatch_case(s, actor=dispatcher, case_id=gone.id, department_id="D-CG")
        rows = dispatch.dispatch_list(s, which=Lists.INBOX, involving_department_id="D-HB")
        assert {r.id for r in rows} == {led.id, co.id}
        # Without knowing its department the desk lists every dispatched case it holds.
        assert {r.id for r in dispatch.unit_list(s)} == {led.id, co.id, gone.id}


def test_a_desk_that_knows_its_department_checks_lead_and_co(
    town, clerk, dispatcher, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case = _escalated(town, clerk)
    with town.transaction() as s:
        dispatch.dispatch_case(
            s, actor=dispatcher, case_id=case.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
    _as_station(town, code="DP02", kind="department")
    monkeypatch.setattr(dispatch, "local_department", lambda session: "D-HB")
    eco = Actor(username="hb", role=Role.DEPARTMENT_HANDLER, station_code="DP02")
    with pytest.raises(PermissionDenied) as info, town.transaction() as s:
        dispatch.sign_for_case(s, actor=eco, case_id=case.id)
    assert info.value.code == "not_dispatched_here" and "协办单位" in info.value.message
    with town.transaction() as s:  # a co-handling unit still records its part
        dispatch.record_progress(s, actor=eco, case_id=case.id, text="水质采样已送检")
