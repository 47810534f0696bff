"""What is in this database: the numbers behind ``grid-station info`` and the status bar,
and the integrity check behind ``grid-station check``."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from station.db.models import (
    Case,
    Community,
    Grid,
    MediationCase,
    Person,
    RosterAssignment,
)
from station.domain.enums import CommunityKind, RosterRole
from station.services.projection import verify_projections


@dataclass(frozen=True)
class StationInfo:
    communities: int
    villages: int
    grids: int
    grid_workers: int
    grid_leaders: int
    deputy_grid_leaders: int
    mediators: int
    residents: int
    cases: int
    cases_by_status: dict[str, int]
    mediations: int
    mediations_by_status: dict[str, int]


def _count(session: Session, stmt) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(stmt) or 0)


def station_info(session: Session) -> StationInfo:
    def roster(role: RosterRole) -> int:
        return _count(
            session,
            select(func.count(func.distinct(RosterAssignment.person_id))).where(
                RosterAssignment.role == role.value
            ),
        )

    by_status = dict(session.execute(select(Case.status, func.count()).group_by(Case.status)).all())
    med_status = dict(
        session.execute(
            select(MediationCase.status, func.count()).group_by(MediationCase.status)
        ).all()
    )
    kinds = dict(
        session.execute(select(Community.kind, func.count()).group_by(Community.kind)).all()
    )
    return StationInfo(
        communities=kinds.get(CommunityKind.COMMUNITY.value, 0),
        villages=kinds.get(CommunityKind.VILLAGE.value, 0),
        grids=_count(session, select(func.count()).select_from(Grid)),
        grid_workers=roster(RosterRole.GRID_WORKER),
        grid_leaders=roster(RosterRole.GRID_LEADER),
        deputy_grid_leaders=roster(RosterRole.DEPUTY_GRID_LEADER),
        mediators=roster(RosterRole.MEDIATOR),
        residents=_count(session, select(func.count()).select_from(Person)),
        cases=sum(by_status.values()),
        cases_by_status=by_status,
        mediations=sum(med_status.values()),
        mediations_by_status=med_status,
    )


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(session: Session) -> CheckReport:
    """SQLite integrity and foreign keys, projections equal to a rebuild, unique numbers."""
    report = CheckReport()
    conn = session.connection()
    integrity = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
    report.checked.append("integrity_check")
    if integrity != ["ok"]:
        report.problems += [f"SQLite 完整性检查：{line}" for line in integrity]
    report.checked.append("foreign_key_check")
    for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"外键错误：{table} 第 {rowid} 行引用的 {parent} 不存在")
    report.checked.append("duplicate_numbers")
    for model in (Case, MediationCase):
        dupes = session.execute(
            select(model.number, func.count()).group_by(model.number).having(func.count() > 1)
        ).all()
        report.problems += [f"编号重复：{number}（{n} 次）" for number, n in dupes]
    report.checked.append("projections")
    report.problems += verify_projections(session)
    return report
