"""A fixed small town month for the statistics and report tests, built through the services.

Import as ``from stats_dataset import build_dataset``. Every case and mediation case is made
by the same services the app uses (so they are events and projections), with explicit times,
so the figures are the same on every run. ``PLAN`` says what each case goes through; tests
derive their expectations from it and check the service against independent SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from station.db.database import Database
from station.domain.case_workflow import CaseAction as A
from station.domain.enums import Role
from station.services import cases, mediation, reception
from station.services.events import Actor

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
TODAY = date(2026, 11, 20)

CLERK = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01")
OTHER_CLERK = Actor(username="jiedai2", role=Role.RECEPTIONIST, station_code="TS02")
DISPATCHER = Actor(username="zhongxin", role=Role.DISPATCHER, station_code="CT01")
HANDLER = Actor(username="bumen", role=Role.DEPARTMENT_HANDLER, station_code="DP01")
ADMIN = Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")
MEDIATOR = Actor(username="tiaojie", role=Role.MEDIATOR, station_code="TS01")


@dataclass(frozen=True)
class Plan:
    day: int  # of October 2026 (0: 30 September, outside the month)
    channel: str
    category: str
    grid: str
    path: str  # see _walk
    rating: str = ""
    solved: bool | None = None
    other_station: bool = False


PLAN: tuple[Plan, ...] = (
    Plan(2, "walk_in", "K11", "C1-01", "desk", "satisfied", True),
    Plan(3, "walk_in", "K11", "C1-01", "desk", "basically_satisfied", True),
    Plan(5, "phone", "K11", "C1-02", "station", "satisfied", True),
    Plan(6, "phone", "K11", "V1-01", "station", "dissatisfied", False),
    Plan(8, "wechat", "K21", "C1-01", "dispatch", "satisfied", True),
    Plan(9, "wechat", "K21", "C1-02", "dispatch_late_sign", "basically_satisfied", True),
    Plan(12, "grid_visit", "K21", "V1-01", "dispatch_late_reply", "dissatisfied", False),
    Plan(13, "hotline_12345", "K21", "V1-01", "overdue"),
    Plan(14, "walk_in", "K1", "C1-01", "received"),
    Plan(15, "walk_in", "K11", "C1-02", "repeat", "satisfied", True),
    Plan(16, "phone", "K2", "V1-01", "merged"),
    Plan(20, "walk_in", "K11", "C1-01", "mediation"),
    Plan(21, "other", "K11", "C1-02", "station", "satisfied", True, other_station=True),
    Plan(0, "walk_in", "K11", "C1-01", "desk", "satisfied", True),  # 30 September
)


def _at(plan: Plan) -> datetime:
    day = date(2026, 9, 30) if plan.day == 0 else date(2026, 10, plan.day)
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=9, minutes=plan.day)


def _act(s, actor, case_id, action, at, **fields):  # type: ignore[no-untyped-def]
    reason = "测试" if action in (A.ESCALATE, A.MERGE, A.RETURN, A.REWORK, A.VOID) else ""
    return cases.act_on_case(
        s, actor=actor, case_id=case_id, action=action, at=at, reason=reason, **fields
    )


def _close(s, case_id, plan: Plan, at: datetime) -> None:  # type: ignore[no-untyped-def]
    _act(s, CLERK, case_id, A.REQUEST_VISIT, at)
    _act(
        s, CLERK, case_id, A.CLOSE, at + timedelta(hours=1), rating=plan.rating, solved=plan.solved
    )


def _walk(s, case_id: str, plan: Plan, start: datetime, first_case: str) -> None:  # type: ignore[no-untyped-def]
    clerk = OTHER_CLERK if plan.other_station else CLERK
    step = start + timedelta(minutes=10)
    if plan.path == "desk":
        _act(s, clerk, case_id, A.SETTLE_AT_DESK, step, result="当场答复")
        _act(
            s,
            clerk,
            case_id,
            A.CLOSE,
            step + timedelta(hours=1),
            rating=plan.rating,
            solved=plan.solved,
        )
    elif plan.path in ("station", "repeat"):
        _act(s, clerk, case_id, A.HANDLE_AT_STATION, step)
        _act(s, clerk, case_id, A.REPLY, step + timedelta(days=1), result="已处理")
        _close(s, case_id, plan, step + timedelta(days=2))
        if plan.path == "repeat":
            for extra in (3, 4):
                reception.add_repeat_request(
                    s,
                    actor=clerk,
                    case_id=case_id,
                    summary="再次反映同一问题",
                    at=step + timedelta(days=extra),
                )
    elif plan.path.startswith("dispatch") or plan.path == "overdue":
        _act(s, clerk, case_id, A.ESCALATE, step)
        dispatched = step + timedelta(hours=1)
        deadline = (dispatched + timedelta(days=7)).date()
        _act(
            s, DISPATCHER, case_id, A.DISPATCH, dispatched, department_id="D-CG", deadline=deadline
        )
        if plan.path == "overdue":
            return
        sign_delay = timedelta(hours=30 if plan.path == "dispatch_late_sign" else 2)
        _act(s, HANDLER, case_id, A.SIGN_FOR, dispatched + sign_delay)
        reply_delay = timedelta(days=12 if plan.path == "dispatch_late_reply" else 3)
        _act(s, HANDLER, case_id, A.REPLY, dispatched + reply_delay, result="已办理")
        _close(s, case_id, plan, dispatched + reply_delay + timedelta(days=1))
    elif plan.path == "merged":
        _act(s, ADMIN, case_id, A.MERGE, step, merged_into=first_case)
    elif plan.path == "mediation":
        _act(s, clerk, case_id, A.TO_MEDIATION, step)
    # "received": nothing more happens


@dataclass(frozen=True)
class Dataset:
    case_ids: tuple[str, ...]  # in PLAN order
    mediation_ids: tuple[str, ...]


#: Mediation cases: (accepted day of October, dispute type, outcome, amount in 分,
#: performed, court confirmation ("valid", "applied" or False), prevented criminal,
#: prevented petition)
MEDIATIONS = (
    (3, "T1", "written", 500_000, True, "valid", True, False),
    (7, "T1", "oral", None, True, False, False, True),
    (10, "T2", "written", 120_000, False, "applied", False, False),
    (17, "T2", "failed", None, False, False, True, False),
    (22, "T1", "open", None, False, False, False, False),
)


def _mediation(s, index: int, spec: tuple) -> str:  # type: ignore[no-untyped-def]
    day, dispute, outcome, amount, performed, confirmed, criminal, petition = spec
    accepted = date(2026, 10, day)
    parties = [
        {"name": f"申请人{index}", "role": "applicant", "phone": f"1390000{index:04d}"},
        {"name": f"被申请人{index}", "role": "respondent"},
    ]
    if index == 0:
        parties.append({"name": "第三人", "role": "respondent"})
    mediators = [{"roster_person_id": "R1", "lead": True}]
    if index % 2:
        mediators.append({"roster_person_id": "R2"})
    detail = mediation.open_mediation(
        s,
        actor=MEDIATOR,
        parties=parties,
        mediators=mediators,
        accepted_on=accepted,
        source="application",
        dispute_type_id=dispute,
        facts=f"纠纷{index}",
    ).value
    closed = accepted + timedelta(days=5)
    if outcome in ("written", "oral"):
        terms = ["双方和解"]
        mediation.save_agreement(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            terms=terms,
            agreement_form=outcome,
            agreement_content="口头约定" if outcome == "oral" else "",
            amount_fen=amount,
            signed_on=closed,
            signed_by="双方当事人、陈和顺",
            performance_method="当场履行",
        )
        mediation.record_outcome(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            outcome=outcome,
            closed_on=closed,
            prevented_criminal=criminal,
            prevented_petition=petition,
        )
    elif outcome == "failed":
        mediation.record_outcome(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            outcome="failed",
            closed_on=closed,
            reason="双方分歧大",
            other_routes="可向法院起诉",
            prevented_criminal=criminal,
        )
    # The mediation tracking services when this tree has them, else plain edits.
    if performed and hasattr(mediation, "note_performance"):
        mediation.note_performance(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            noted_on=closed + timedelta(days=1),
            performance_status="performed",
        )
    elif performed:
        mediation.edit_mediation(
            s, actor=MEDIATOR, mediation_id=detail.id, performance_status="performed"
        )
    if confirmed and hasattr(mediation, "record_court_confirmation"):
        applied = closed + timedelta(days=3)
        mediation.record_court_confirmation(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            court_confirmation="applied",
            applied_on=applied,
        )
        if confirmed == "valid":
            mediation.record_court_confirmation(
                s,
                actor=MEDIATOR,
                mediation_id=detail.id,
                court_confirmation="valid",
                applied_on=applied,
                decided_on=applied + timedelta(days=7),
            )
    elif confirmed == "valid":
        mediation.edit_mediation(
            s,
            actor=MEDIATOR,
            mediation_id=detail.id,
            court_confirmed_on=closed + timedelta(days=10),
        )
    return detail.id


def build_dataset(db: Database) -> Dataset:
    ids: list[str] = []
    with db.transaction() as s:
        for plan in PLAN:
            clerk = OTHER_CLERK if plan.other_station else CLERK
            start = _at(plan)
            case = cases.create_case(
                s,
                actor=clerk,
                summary=f"测试诉求{len(ids) + 1}",
                channel=plan.channel,
                received_at=start,
                category_id=plan.category,
                grid_id=plan.grid,
            )
            _walk(s, case.id, plan, start, ids[0] if ids else case.id)
            ids.append(case.id)
    with db.transaction() as s:
        med_ids = [_mediation(s, i, spec) for i, spec in enumerate(MEDIATIONS)]
    return Dataset(tuple(ids), tuple(med_ids))
