"""统计: the figures town and county offices judge a station by, as SQL aggregates.

Every figure is defined once, as a condition on a work order (or a mediation case), and
counted in the database with ``SUM(CASE WHEN condition …)``, one query per family of
figures (no Python loop over cases). The list behind a figure (what the dashboard opens on
a click, :func:`drill_case_ids`) selects the ids with the same condition, so a list always
has exactly as many cases as its number says — the tests check both against hand-written
SQL.

Definitions (written down because offices compare them with their own sheets):

* A work order counts in a period when it was *received* in it (``received_at``), a
  mediation case when it was *accepted* in it (``accepted_on``); both days inclusive.
* Scope: the whole town (every case this database holds), this station (cases recorded at
  this station: ``station_code``), one community (cases in its grids) or one grid.
  Mediation cases belong to the grid of the work order they came from, else the grid of
  their first party; "this station" is the station that opened them.
* Settled at the desk, handled at the station, escalated, dispatched, passed on to
  mediation, repeat requests: the case's history has that line (``case_note.kind``). The
  case fold keeps these facts, and the first dispatch / sign-for / reply times, on the
  ``work_case`` row (``was_…``, ``first_…_at``, ``repeat_count``; migration 0006), so every
  figure below is counted in one pass over the period's work orders.
* Jointly handled with departments: dispatched to a department; co-handled: with
  co-handling departments (dispatch work, migration 0004, when the schema has it).
* On-time sign-for: signed for by the sign-for deadline the dispatch recorded, else within
  :data:`SIGN_FOR_HOURS` hours of the first dispatch, over cases signed for. On-time
  completion: first reply (or desk settlement) on or before the (extended) deadline, over
  cases with a deadline that were replied to.
* Overdue: still waiting for handling with the deadline passed, as of ``today`` (for the
  cases of the period, and "overdue now" for the whole scope whatever the period).
* Satisfaction rate = (满意 + 基本满意) / cases rated; solved rate = solved / cases whose
  outcome was recorded.
* Mediation: taken = accepted in the period and not refused (不予受理); success rate =
  succeeded / taken. Amounts are agreed amounts of successful cases, in 分. Court
  confirmation: applied for / confirmed valid (mediation tracking, migration 0003).
  防止民转刑 / 防止群体性上访: cases flagged, and persons as the mediator counted them (else
  the parties of those cases).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from station.db.models import (
    Case,
    Category,
    Community,
    DisputeType,
    Event,
    Grid,
    MediationCase,
    MediationMediator,
    MediationParty,
    Person,
    RosterPerson,
)
from station.domain.deadlines import PENDING_STATUSES
from station.domain.enums import (
    AgreementForm,
    CaseStatus,
    Channel,
    MediationStatus,
    PerformanceStatus,
    Rating,
)
from station.errors import ValidationError
from station.services import mediation as mediation_service
from station.services.events import Actor
from station.settings import load_settings

#: Hours a department has to sign for a dispatched order (签收时限).
SIGN_FOR_HOURS = 24
NONE_KEY = "-"  # the group of cases with no category / grid / dispute type


# --------------------------------------------------------------------------- period, scope


@dataclass(frozen=True)
class Period:
    """Days ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValidationError(
                f"起始日期 {self.start:%Y-%m-%d} 晚于截止日期 {self.end:%Y-%m-%d}，请重新选择",
                code="bad_period",
                field="period",
            )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return cls(first, following - timedelta(days=1))

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """``2026-10`` → October 2026."""
        try:
            year, month = (int(part) for part in text.strip().split("-"))
            return cls.month(year, month)
        except ValueError:
            raise ValidationError(
                f"“{text}”不是月份，请写成 2026-10 的格式", code="bad_month", field="month"
            ) from None

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def label(self) -> str:
        if self.start.day == 1 and self == Period.month(self.start.year, self.start.month):
            return f"{self.start.year}年{self.start.month}月"
        if self == Period.year(self.start.year):
            return f"{self.start.year}年"
        return f"{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, time.min)

    @property
    def end_before(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min)


class ScopeKind(StrEnum):
    TOWN = "town"
    STATION = "station"
    COMMUNITY = "community"
    GRID = "grid"


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind = ScopeKind.TOWN
    id: str = ""  # station code, community id or grid id; "" for the town

    @classmethod
    def parse(cls, text: str | None) -> Scope:
        """``town``, ``station[:CODE]``, ``community:ID`` or ``grid:ID`` (the CLI's --scope)."""
        kind, _, ident = (text or "town").strip().partition(":")
        try:
            scope_kind = ScopeKind(kind)
        except ValueError:
            raise ValidationError(
                f"范围“{text}”不对：可写 town、station、community:社区编号 或 grid:网格编号",
                code="bad_scope",
                field="scope",
            ) from None
        return cls(scope_kind, ident.strip())


TOWN = Scope()  # the default scope: every case this database holds


def _check_scope(session: Session, scope: Scope) -> Scope:
    """The scope with the station code filled in; unknown communities/grids are refused."""
    if scope.kind is ScopeKind.STATION and not scope.id:
        return Scope(ScopeKind.STATION, load_settings(session).station_code)
    if scope.kind is ScopeKind.COMMUNITY and session.get(Community, scope.id) is None:
        raise ValidationError(
            f"没有编号为“{scope.id}”的社区或村", code="unknown_community", field="scope"
        )
    if scope.kind is ScopeKind.GRID and session.get(Grid, scope.id) is None:
        raise ValidationError(f"没有编号为“{scope.id}”的网格", code="unknown_grid", field="scope")
    return scope


def scope_label(session: Session, scope: Scope) -> str:
    """The scope in words for report headings: 全镇, 东街社区, 东街社区第01网格, the station."""
    if scope.kind is ScopeKind.COMMUNITY:
        community = session.get(Community, scope.id)
        return community.name if community else scope.id
    if scope.kind is ScopeKind.GRID:
        grid = session.get(Grid, scope.id)
        return grid.name if grid else scope.id
    settings = load_settings(session)
    if scope.kind is ScopeKind.STATION:
        return settings.station_name or scope.id
    return f"{settings.town_name}全镇" if settings.town_name else "全镇"


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Count:
    """One bar of a breakdown: ``key`` is what the click-through filters on."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CaseFigures:
    """Work-order figures of one period and scope (or of one group of a breakdown)."""

    received: int = 0
    desk_settled: int = 0
    station_handled: int = 0
    escalated: int = 0
    dispatched: int = 0
    joint: int = 0  # dispatched to a department
    to_mediation: int = 0
    signed_for: int = 0
    signed_on_time: int = 0
    replied: int = 0  # with a deadline, replied to (or settled at the desk)
    replied_on_time: int = 0
    closed: int = 0
    rated: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0
    solved_known: int = 0
    solved: int = 0
    repeated: int = 0  # cases with at least one 再次反映
    repeat_requests: int = 0  # 再次反映 lines
    merged: int = 0  # 合并重复件
    supervised: int = 0  # 督办
    co_handled: int = 0  # dispatched with co-handling departments (协办单位)
    extended: int = 0  # extension of the deadline approved
    overdue: int = 0  # received in the period, still pending past the deadline today

    @property
    def sign_for_rate(self) -> float | None:
        return _rate(self.signed_on_time, self.signed_for)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.replied_on_time, self.replied)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied + self.basically_satisfied, self.rated)

    @property
    def solved_rate(self) -> float | None:
        return _rate(self.solved, self.solved_known)


@dataclass(frozen=True)
class MediationFigures:
    taken: int = 0
    succeeded: int = 0
    failed: int = 0
    terminated: int = 0
    open: int = 0  # accepted or in progress
    written: int = 0
    oral: int = 0
    amount_fen: int = 0
    performed: int = 0
    court_applied: int = 0  # applied for 司法确认 (or ruled on)
    court_confirmed: int = 0  # confirmed valid by the court
    prevented_criminal: int = 0
    prevented_criminal_persons: int = 0
    prevented_petition: int = 0
    prevented_petition_persons: int = 0

    @property
    def success_rate(self) -> float | None:
        return _rate(self.succeeded, self.taken)


F = TypeVar("F", "CaseFigures", "MediationFigures")


@dataclass(frozen=True)
class Group(Generic[F]):
    """One row of a grouped breakdown: the figures of the cases in one group."""

    key: str
    label: str
    figures: F


@dataclass(frozen=True)
class MonthPoint:
    month: str  # "2026-10"
    received: int
    mediations: int


@dataclass(frozen=True)
class Dashboard:
    """Everything the statistics page shows for one period and scope."""

    period: Period
    scope: Scope
    scope_label: str
    today: date
    cases: CaseFigures
    overdue_now: int
    by_channel: tuple[Count, ...]
    by_category: tuple[Count, ...]  # top-level categories
    by_community: tuple[Count, ...]
    by_grid: tuple[Count, ...]
    mediations: MediationFigures
    by_dispute_type: tuple[Group[MediationFigures], ...]
    by_mediator: tuple[Group[MediationFigures], ...]
    by_mediation_grid: tuple[Group[MediationFigures], ...]
    trend: tuple[MonthPoint, ...]
    missing: tuple[str, ...] = field(default_factory=tuple)  # figures the schema can't give


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def format_rate(rate: float | None) -> str:
    """``97.3%``, or ``—`` when there is nothing to divide by."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


# --------------------------------------------------------------------------- case figures
#
# Every work-order figure is a condition on the ``work_case`` row, so all of them come from
# one pass over the period's cases (plus the GROUP BY key when grouped):
#   A. what the case row itself says (rating, solved, status, department, deadline);
#   B. what its history says (a line of some kind exists, the first dispatch / sign-for /
#      reply time, the number of 再次反映 lines): the case fold keeps these on the row from
#      the case's history lines (station.services.projection.history_facts, migration 0006),
#      so they need no look-up in the history table;
#   C. timeliness: those first times against the deadlines.
# The click-through lists select with the same conditions.


def _case_scope(scope: Scope) -> ColumnElement[bool] | None:
    if scope.kind is ScopeKind.STATION:
        return Case.station_code == scope.id
    if scope.kind is ScopeKind.COMMUNITY:
        return Case.grid_id.in_(select(Grid.id).where(Grid.community_id == scope.id))
    if scope.kind is ScopeKind.GRID:
        return Case.grid_id == scope.id
    return None


def _case_where(period: Period, scope: Scope) -> list[Any]:
    where: list[Any] = [
        Case.received_at >= period.start_at,
        Case.received_at < period.end_before,
    ]
    scoped = _case_scope(scope)
    return where if scoped is None else [*where, scoped]


_CLOSED_STATUSES = ("closed", "archived", "desk_settled")
_PENDING = tuple(sorted(s.value for s in PENDING_STATUSES))


def _row_conditions(today: date) -> dict[str, Any]:
    """Family A: :class:`CaseFigures` fields decided by what the case row itself says."""
    return {
        "received": literal(True),
        "joint": Case.department_id.is_not(None),
        "closed": Case.status.in_(_CLOSED_STATUSES),
        "rated": Case.rating != "",
        "satisfied": Case.rating == Rating.SATISFIED.value,
        "basically_satisfied": Case.rating == Rating.BASICALLY_SATISFIED.value,
        "dissatisfied": Case.rating == Rating.DISSATISFIED.value,
        "solved_known": Case.solved.is_not(None),
        "solved": Case.solved.is_(True),
        "merged": Case.status == CaseStatus.MERGED.value,
        "supervised": Case.supervised.is_(True),
        # Dispatch work (migration 0004): co-handling units and approved extensions.
        "co_handled": Case.co_department_ids != "",
        "extended": Case.extension_state == "approved",
        "overdue": and_(
            Case.status.in_(_PENDING), Case.deadline.is_not(None), Case.deadline < today
        ),
    }


#: Figures read from a case's history: figure → the ``work_case`` flag the fold sets when
#: the case has a line of that kind (dispatched: it has a first dispatch time).
_HISTORY = {
    "desk_settled": Case.was_desk_settled,
    "station_handled": Case.was_station_handled,
    "escalated": Case.was_escalated,
    "to_mediation": Case.was_sent_to_mediation,
}


def _history_conditions() -> dict[str, Any]:
    """Families B and C: :class:`CaseFigures` fields decided by the case's history lines."""
    signed_hours = (
        func.julianday(Case.first_signed_at) - func.julianday(Case.first_dispatched_at)
    ) * 24
    signed = and_(Case.first_signed_at.is_not(None), Case.first_dispatched_at.is_not(None))
    replied = and_(Case.deadline.is_not(None), Case.first_replied_at.is_not(None))
    return {
        **{name: flag.is_(True) for name, flag in _HISTORY.items()},
        "dispatched": Case.first_dispatched_at.is_not(None),
        "repeated": Case.repeat_count > 0,
        "signed_for": signed,
        # By the sign-for deadline the dispatch recorded, else within SIGN_FOR_HOURS.
        "signed_on_time": and_(
            signed,
            func.coalesce(
                func.date(Case.first_signed_at) <= Case.sign_deadline,
                signed_hours <= SIGN_FOR_HOURS,
            ),
        ),
        "replied": replied,
        "replied_on_time": and_(replied, func.date(Case.first_replied_at) <= Case.deadline),
    }


def _case_conditions(today: date) -> dict[str, Any]:
    """Every :class:`CaseFigures` field that counts cases, as a condition on ``work_case``."""
    return {**_row_conditions(today), **_history_conditions()}


def _sum(cond: Any) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _case_families(
    session: Session, *, period: Period, scope: Scope, today: date, key: Any = None
) -> dict[str, dict[str, int]]:
    """Group key ("" when not grouped) → CaseFigures field → count, from one query."""
    cond = _case_conditions(today)
    stmt = select(
        *[_sum(c).label(n) for n, c in cond.items()],
        func.coalesce(func.sum(Case.repeat_count), 0).label("repeat_requests"),
    ).where(*_case_where(period, scope))
    if key is not None:
        stmt = stmt.add_columns(key.label("key")).group_by(key)
    out: dict[str, dict[str, int]] = {}
    for row in session.execute(stmt):
        values = row._mapping
        group = (values["key"] or NONE_KEY) if key is not None else ""
        out[group] = {name: int(values[name] or 0) for name in [*cond, "repeat_requests"]}
    return out


def case_figures(
    session: Session, *, period: Period, scope: Scope = Scope(), today: date | None = None
) -> CaseFigures:
    scope = _check_scope(session, scope)
    found = _case_families(session, period=period, scope=scope, today=today or date.today())
    return CaseFigures(**found.get("", {}))


def _group_label_maps(session: Session) -> dict[str, dict[str, str]]:
    return {
        "channel": {ch.value: ch.label for ch in Channel},
        "category": dict(session.execute(select(Category.id, Category.name)).all()),
        "grid": dict(session.execute(select(Grid.id, Grid.name)).all()),
        "community": dict(session.execute(select(Community.id, Community.name)).all()),
        "dispute_type": dict(session.execute(select(DisputeType.id, DisputeType.name)).all()),
    }


#: How a breakdown groups cases in SQL; category and community are then rolled up from the
#: category / grid groups (a few hundred rows at most) by :func:`_roll_up`.
CASE_GROUPS: dict[str, Callable[[], Any]] = {
    "channel": lambda: Case.channel,
    "category": lambda: Case.category_id,
    "grid": lambda: Case.grid_id,
    "community": lambda: Case.grid_id,
    "month": lambda: func.strftime("%Y-%m", Case.received_at),
}


def _parents(session: Session, by: str) -> dict[str, str]:
    """Group key in SQL → the group reported (a category's top-level category, a grid's
    community); identity for the other groupings."""
    if by == "category":
        return {
            cid: parent or cid
            for cid, parent in session.execute(select(Category.id, Category.parent_id))
        }
    if by == "community":
        return dict(session.execute(select(Grid.id, Grid.community_id)).all())
    return {}


def _roll_up(
    session: Session, by: str, counts: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    parents = _parents(session, by)
    if not parents:
        return counts
    out: dict[str, dict[str, int]] = {}
    for key, values in counts.items():
        target = out.setdefault(parents.get(key, key), {})
        for name, value in values.items():
            target[name] = target.get(name, 0) + value
    return out


def _check_group(by: str) -> None:
    if by not in CASE_GROUPS:
        raise ValidationError(f"不能按“{by}”分组", code="bad_group", field="by")


def case_groups(
    session: Session,
    *,
    period: Period,
    scope: Scope = Scope(),
    by: str,
    today: date | None = None,
) -> list[Group[CaseFigures]]:
    """Every figure per channel / category (top level) / community / grid / month, in the
    order of the reference lists (groups without cases are left out)."""
    _check_group(by)
    scope = _check_scope(session, scope)
    found = _case_families(
        session, period=period, scope=scope, today=today or date.today(), key=CASE_GROUPS[by]()
    )
    found = _roll_up(session, by, found)
    labels = _group_label_maps(session).get(by, {})
    out = [
        Group(key, labels.get(key, key if key != NONE_KEY else "未分类"), CaseFigures(**values))
        for key, values in found.items()
    ]
    return _ordered(session, by, out)


G = TypeVar("G", Group[CaseFigures], Group[MediationFigures], Count)


def _ordered(session: Session, by: str, items: list[G]) -> list[G]:
    order: list[str]
    if by == "channel":
        order = [ch.value for ch in Channel]
    elif by == "category":
        order = list(
            session.scalars(
                select(Category.id)
                .where(Category.parent_id.is_(None))
                .order_by(Category.sort_order, Category.id)
            )
        )
    elif by == "community":
        order = list(session.scalars(select(Community.id).order_by(Community.sort_order)))
    elif by == "grid":
        order = list(
            session.scalars(
                select(Grid.id)
                .join(Community, Community.id == Grid.community_id)
                .order_by(Community.sort_order, Grid.id)
            )
        )
    elif by == "dispute_type":
        order = list(session.scalars(select(DisputeType.id).order_by(DisputeType.sort_order)))
    else:
        return sorted(items, key=lambda g: g.key)
    rank = {key: i for i, key in enumerate(order)}
    return sorted(items, key=lambda g: (rank.get(g.key, len(rank)), g.key))


def case_counts(
    session: Session, *, period: Period, scope: Scope = Scope(), by: str
) -> list[Count]:
    """Cases received per channel / category / community / grid / month (one GROUP BY)."""
    _check_group(by)
    scope = _check_scope(session, scope)
    key = CASE_GROUPS[by]().label("key")
    stmt = select(key, func.count()).where(*_case_where(period, scope)).group_by(key)
    found = {k or NONE_KEY: {"n": int(n)} for k, n in session.execute(stmt)}
    found = _roll_up(session, by, found)
    labels = _group_label_maps(session).get(by, {})
    out = [
        Count(k, labels.get(k, k if k != NONE_KEY else "未分类"), v["n"]) for k, v in found.items()
    ]
    return _ordered(session, by, out)


def _breakdowns(session: Session, *, period: Period, scope: Scope) -> dict[str, tuple[Count, ...]]:
    """Cases per channel, category, community and grid from one GROUP BY category and grid
    (some ten thousand groups in a town) counting each channel, added up per breakdown here.
    A channel outside the list (none is accepted today) is counted by its own GROUP BY."""
    channels = [ch.value for ch in Channel]
    stmt = (
        select(
            Case.category_id,
            Case.grid_id,
            func.count(),
            *[_sum(Case.channel == channel) for channel in channels],
        )
        .where(*_case_where(period, scope))
        .group_by(Case.category_id, Case.grid_id)
    )
    found: dict[str, dict[str, dict[str, int]]] = {b: {} for b in ("channel", "category", "grid")}

    def add(by: str, key: str | None, n: int) -> None:
        bucket = found[by].setdefault(key or NONE_KEY, {"n": 0})
        bucket["n"] += n

    per_channel = [0] * len(channels)
    for category, grid, n, *counts in session.execute(stmt):
        add("category", category, n)
        add("grid", grid, n)
        per_channel = [a + b for a, b in zip(per_channel, counts, strict=True)]
    if sum(found["grid"][key]["n"] for key in found["grid"]) > sum(per_channel):
        by_channel = select(Case.channel, func.count()).where(*_case_where(period, scope))
        for channel, n in session.execute(by_channel.group_by(Case.channel)):
            add("channel", channel, n)
    else:
        for channel, n in zip(channels, per_channel, strict=True):
            if n:
                add("channel", channel, n)
    found["community"] = found["grid"]
    labels = _group_label_maps(session)
    out: dict[str, tuple[Count, ...]] = {}
    for by, counts in found.items():
        rolled = _roll_up(session, by, counts)
        names = labels.get(by, {})
        items = [
            Count(k, names.get(k, k if k != NONE_KEY else "未分类"), v["n"])
            for k, v in rolled.items()
        ]
        out[by] = tuple(_ordered(session, by, items))
    return out


def overdue_now(session: Session, *, scope: Scope = Scope(), today: date | None = None) -> int:
    """Cases of the scope still waiting for handling past their deadline (any period)."""
    scope = _check_scope(session, scope)
    stmt = select(func.count()).select_from(Case).where(*_overdue_where(scope, today))
    return int(session.scalar(stmt) or 0)


def _overdue_where(scope: Scope, today: date | None) -> list[Any]:
    where = [
        Case.status.in_(_PENDING),
        Case.deadline.is_not(None),
        Case.deadline < (today or date.today()),
    ]
    scoped = _case_scope(scope)
    return where if scoped is None else [*where, scoped]


# --------------------------------------------------------------------------- mediation rows


def _mediation_grid() -> Any:
    """The mediation case's grid: its work order's, else its first party's."""
    from_case = select(Case.grid_id).where(Case.id == MediationCase.case_id).scalar_subquery()
    from_party = (
        select(Person.grid_id)
        .join(MediationParty, MediationParty.person_id == Person.id)
        .where(MediationParty.mediation_id == MediationCase.id)
        .order_by(MediationParty.seq)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(from_case, from_party)


def _mediation_station() -> Any:
    return (
        select(Event.station_code)
        .where(Event.entity_type == "mediation", Event.entity_id == MediationCase.id)
        .order_by(Event.hlc)
        .limit(1)
        .scalar_subquery()
    )


def _mediation_scope(scope: Scope, grid: Any) -> ColumnElement[bool] | None:
    if scope.kind is ScopeKind.STATION:
        return _mediation_station() == scope.id
    if scope.kind is ScopeKind.COMMUNITY:
        return grid.in_(select(Grid.id).where(Grid.community_id == scope.id))
    if scope.kind is ScopeKind.GRID:
        return grid == scope.id
    return None


MEDIATION_GROUPS = ("dispute_type", "mediator", "grid", "community", "month")


def _mediation_rows(period: Period, scope: Scope, by: str | None = None) -> Any:
    grid = _mediation_grid()
    parties = (
        select(func.count())
        .where(MediationParty.mediation_id == MediationCase.id)
        .scalar_subquery()
    )
    columns = [
        MediationCase.id,
        MediationCase.accepted_on,
        MediationCase.status,
        MediationCase.agreement_form,
        MediationCase.amount_fen,
        MediationCase.performance_status,
        MediationCase.court_confirmed_on,
        MediationCase.prevented_criminal,
        MediationCase.prevented_petition,
        parties.label("parties"),
        *[
            getattr(MediationCase, name).label(name)
            for name in _TRACKING_COLUMNS
            if hasattr(MediationCase, name)
        ],
    ]
    stmt = select(*columns).where(
        MediationCase.accepted_on >= period.start, MediationCase.accepted_on <= period.end
    )
    if by == "dispute_type":
        stmt = stmt.add_columns(MediationCase.dispute_type_id.label("key"))
    elif by == "mediator":
        stmt = stmt.add_columns(MediationMediator.roster_person_id.label("key")).outerjoin(
            MediationMediator, MediationMediator.mediation_id == MediationCase.id
        )
    elif by == "grid":
        stmt = stmt.add_columns(grid.label("key"))
    elif by == "community":
        community = select(Grid.community_id).where(Grid.id == grid).scalar_subquery()
        stmt = stmt.add_columns(community.label("key"))
    elif by == "month":
        stmt = stmt.add_columns(func.strftime("%Y-%m", MediationCase.accepted_on).label("key"))
    elif by is not None:
        raise ValidationError(f"不能按“{by}”分组", code="bad_group", field="by")
    where = _mediation_scope(scope, grid)
    if where is not None:
        stmt = stmt.where(where)
    return stmt.subquery("m")


#: Columns of the mediation tracking work (migration 0003), used when the schema has them.
_TRACKING_COLUMNS = (
    "court_confirmation",
    "prevented_criminal_persons",
    "prevented_petition_persons",
)


def _court_conditions(m: Any) -> tuple[Any, Any]:
    """(applied for court confirmation, confirmed valid by the court).

    Rows written before the court-confirmation state existed only have the ruling date.
    """
    ruled = m.court_confirmed_on.is_not(None)
    if "court_confirmation" in m:
        state = m.court_confirmation
        applied = or_(state.in_(("applied", "valid", "invalid")), ruled)
        return applied, or_(state == "valid", and_(state == "", ruled))
    return ruled, ruled


def _persons(m: Any, flag: str) -> Any:
    """Persons of a flagged case: as the mediator counted them, else every party."""
    column = f"{flag}_persons"
    if column in m:
        return case((m[column] > 0, m[column]), else_=m.parties)
    return m.parties


def _mediation_conditions(m: Any) -> dict[str, Any]:
    m = m.c
    court_applied, court_confirmed = _court_conditions(m)
    return {
        "taken": m.status != MediationStatus.NOT_ACCEPTED.value,
        "succeeded": m.status == MediationStatus.SUCCEEDED.value,
        "failed": m.status == MediationStatus.FAILED.value,
        "terminated": m.status == MediationStatus.TERMINATED.value,
        "open": m.status.in_((MediationStatus.ACCEPTED.value, MediationStatus.IN_PROGRESS.value)),
        "written": and_(
            m.status == MediationStatus.SUCCEEDED.value,
            m.agreement_form == AgreementForm.WRITTEN.value,
        ),
        "oral": and_(
            m.status == MediationStatus.SUCCEEDED.value,
            m.agreement_form == AgreementForm.ORAL.value,
        ),
        "performed": m.performance_status == PerformanceStatus.PERFORMED.value,
        "court_applied": court_applied,
        "court_confirmed": court_confirmed,
        "prevented_criminal": m.prevented_criminal.is_(True),
        "prevented_petition": m.prevented_petition.is_(True),
    }


def _mediation_figure_columns(m: Any) -> list[Any]:
    cond = _mediation_conditions(m)
    columns = [_sum(cond[name]).label(name) for name in cond]
    succeeded = cond["succeeded"]
    columns += [
        func.coalesce(func.sum(case((succeeded, m.c.amount_fen), else_=0)), 0).label("amount_fen"),
        *[
            func.coalesce(func.sum(case((cond[flag], _persons(m.c, flag)), else_=0)), 0).label(
                f"{flag}_persons"
            )
            for flag in ("prevented_criminal", "prevented_petition")
        ],
    ]
    return columns


def _mediation_figures(row: Any) -> MediationFigures:
    return MediationFigures(**{k: int(v or 0) for k, v in row._mapping.items() if k != "key"})


def mediation_figures(
    session: Session, *, period: Period, scope: Scope = Scope()
) -> MediationFigures:
    scope = _check_scope(session, scope)
    m = _mediation_rows(period, scope)
    return _mediation_figures(session.execute(select(*_mediation_figure_columns(m))).one())


def mediation_groups(
    session: Session, *, period: Period, scope: Scope = Scope(), by: str
) -> list[Group[MediationFigures]]:
    """Mediation figures per dispute type / mediator / grid / community / month.

    By mediator, a case with two mediators counts for each of them.
    """
    if by not in MEDIATION_GROUPS:
        raise ValidationError(f"不能按“{by}”分组", code="bad_group", field="by")
    scope = _check_scope(session, scope)
    m = _mediation_rows(period, scope, by)
    stmt = select(m.c.key, *_mediation_figure_columns(m)).group_by(m.c.key)
    labels = _group_label_maps(session)
    if by == "mediator":
        names = dict(session.execute(select(RosterPerson.id, RosterPerson.name)).all())
    else:
        names = labels.get(by, {})
    out = [
        Group(key or NONE_KEY, names.get(key, key or "未分类"), _mediation_figures(row))
        for row in session.execute(stmt)
        for key in [row.key]
    ]
    if by == "mediator":
        return sorted(out, key=lambda g: (-g.figures.taken, g.label))
    return _ordered(session, by, out)


# --------------------------------------------------------------------------- dashboard


def monthly_trend(
    session: Session, *, scope: Scope = Scope(), last: date, months: int = 12
) -> list[MonthPoint]:
    """Cases received and mediation cases accepted per month, the ``months`` up to ``last``."""
    first = date(last.year, last.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    period = Period(first, Period.month(last.year, last.month).end)
    months_of = []
    month = first
    while month <= period.end:
        months_of.append(Period.month(month.year, month.month))
        month = (month + timedelta(days=32)).replace(day=1)
    if scope.kind is ScopeKind.TOWN:
        # A count per month reads only the received_at index, never the rows: a tenth of
        # the time of grouping a year of cases by month.
        count = select(func.count()).select_from(Case)
        received = {
            f"{p.start:%Y-%m}": int(session.scalar(count.where(*_case_where(p, scope))) or 0)
            for p in months_of
        }
    else:
        received = {
            c.key: c.count for c in case_counts(session, period=period, scope=scope, by="month")
        }
    taken = {
        g.key: g.figures.taken
        for g in mediation_groups(session, period=period, scope=scope, by="month")
    }
    keys = [f"{p.start:%Y-%m}" for p in months_of]
    return [MonthPoint(key, received.get(key, 0), taken.get(key, 0)) for key in keys]


def missing_figures() -> tuple[str, ...]:
    """Figures of the issue the current database schema cannot give yet, in words."""
    missing = []
    if not hasattr(Case, "co_department_ids"):
        missing.append("协办单位")
    if not hasattr(Case, "extension_state"):
        missing.append("延期")
    if not hasattr(Case, "sign_deadline"):
        missing.append(f"签收时限（暂按派单后{SIGN_FOR_HOURS}小时内签收计）")
    if not hasattr(MediationCase, "court_confirmation"):
        missing.append("司法确认申请（暂按有确认日期计）")
    return tuple(missing)


def dashboard(
    session: Session,
    *,
    period: Period,
    scope: Scope = Scope(),
    today: date | None = None,
) -> Dashboard:
    """All figures of the statistics page (about ten aggregate queries)."""
    today = today or date.today()
    scope = _check_scope(session, scope)
    last = min(period.end, today) if period.start <= today else period.end
    breakdowns = _breakdowns(session, period=period, scope=scope)
    return Dashboard(
        period=period,
        scope=scope,
        scope_label=scope_label(session, scope),
        today=today,
        cases=case_figures(session, period=period, scope=scope, today=today),
        overdue_now=overdue_now(session, scope=scope, today=today),
        by_channel=breakdowns["channel"],
        by_category=breakdowns["category"],
        by_community=breakdowns["community"],
        by_grid=breakdowns["grid"],
        mediations=mediation_figures(session, period=period, scope=scope),
        by_dispute_type=tuple(
            mediation_groups(session, period=period, scope=scope, by="dispute_type")
        ),
        by_mediator=tuple(mediation_groups(session, period=period, scope=scope, by="mediator")),
        by_mediation_grid=tuple(mediation_groups(session, period=period, scope=scope, by="grid")),
        trend=tuple(monthly_trend(session, scope=scope, last=last)),
        missing=missing_figures(),
    )


# --------------------------------------------------------------------------- click-through


@dataclass(frozen=True)
class Drill:
    """What a click on a number or a bar asks for: a figure, optionally within one group.

    ``figure`` is a :class:`CaseFigures` / :class:`MediationFigures` field name (or one of
    ``signed_late``, ``replied_late``, ``satisfied_any``, ``unsolved``, ``overdue_now``);
    ``group_by``/``key`` narrow it to one channel, category, grid, month, dispute type …
    """

    figure: str = "received"
    group_by: str = ""
    key: str = ""
    mediation: bool = False


def _key_condition(expr: Any, key: str) -> Any:
    return expr.is_(None) if key == NONE_KEY else expr == key


def _case_key_condition(session: Session, by: str, key: str) -> Any:
    _check_group(by)
    expr = CASE_GROUPS[by]()
    parents = _parents(session, by)
    if parents and key != NONE_KEY:
        return expr.in_([child for child, parent in parents.items() if parent == key] or [key])
    return _key_condition(expr, key)


#: Click-through lists that are not fields of :class:`CaseFigures`, from those that are.
_CASE_EXTRA: dict[str, Callable[[dict[str, Any]], Any]] = {
    "signed_late": lambda c: and_(c["signed_for"], ~c["signed_on_time"]),
    "replied_late": lambda c: and_(c["replied"], ~c["replied_on_time"]),
    "satisfied_any": lambda c: or_(c["satisfied"], c["basically_satisfied"]),
    "unsolved": lambda c: and_(c["solved_known"], ~c["solved"]),
    "repeat_requests": lambda c: c["repeated"],
}


def drill_case_ids(
    session: Session,
    *,
    period: Period,
    scope: Scope = Scope(),
    drill: Drill,
    today: date | None = None,
) -> list[str]:
    """Ids of the cases behind a figure, newest first (exactly the cases it counted)."""
    today = today or date.today()
    scope = _check_scope(session, scope)
    order = (Case.received_at.desc(), Case.number.desc())
    if drill.figure == "overdue_now":
        stmt: Select[Any] = select(Case.id).where(*_overdue_where(scope, today))
        return list(session.scalars(stmt.order_by(*order)))
    cond = _case_conditions(today)
    if drill.figure in cond:
        where = cond[drill.figure]
    elif drill.figure in _CASE_EXTRA:
        where = _CASE_EXTRA[drill.figure](cond)
    else:
        raise ValidationError(f"没有“{drill.figure}”这项统计", code="bad_figure", field="figure")
    stmt = select(Case.id).where(*_case_where(period, scope), where)
    if drill.group_by:
        stmt = stmt.where(_case_key_condition(session, drill.group_by, drill.key))
    return list(session.scalars(stmt.order_by(*order)))


def drill_mediation_ids(
    session: Session,
    *,
    actor: Actor,
    period: Period,
    scope: Scope = Scope(),
    drill: Drill,
) -> list[str]:
    """Ids of the mediation cases behind a figure, newest first (mediators and admins only:
    the list shows parties' names)."""
    mediation_service.check_access(actor)
    scope = _check_scope(session, scope)
    by = drill.group_by or None
    m = _mediation_rows(period, scope, by)
    cond = _mediation_conditions(m)
    if drill.figure in cond:
        where = cond[drill.figure]
    elif drill.figure in ("prevented_criminal_persons", "prevented_petition_persons"):
        where = cond[drill.figure.removesuffix("_persons")]
    elif drill.figure == "amount_fen":
        where = and_(cond["succeeded"], m.c.amount_fen.is_not(None))
    else:
        raise ValidationError(f"没有“{drill.figure}”这项统计", code="bad_figure", field="figure")
    stmt = select(m.c.id).where(where)
    if by:
        stmt = stmt.where(_key_condition(m.c.key, drill.key))
    ids = session.scalars(stmt.order_by(m.c.accepted_on.desc(), m.c.id.desc()))
    return list(dict.fromkeys(ids))  # by mediator a case may appear once per mediator


__all__ = [
    "CASE_GROUPS",
    "MEDIATION_GROUPS",
    "SIGN_FOR_HOURS",
    "TOWN",
    "CaseFigures",
    "Count",
    "Dashboard",
    "Drill",
    "Group",
    "MediationFigures",
    "MonthPoint",
    "Period",
    "Scope",
    "ScopeKind",
    "case_counts",
    "case_figures",
    "case_groups",
    "dashboard",
    "drill_case_ids",
    "drill_mediation_ids",
    "format_rate",
    "mediation_figures",
    "mediation_groups",
    "missing_figures",
    "monthly_trend",
    "overdue_now",
    "scope_label",
]


@dataclass(frozen=True)
class MediationListRow:
    """One line of a mediation click-through list."""

    id: str
    number: str
    accepted_on: date
    dispute_type: str
    status: str
    parties: str


def mediation_rows(session: Session, *, actor: Actor, ids: list[str]) -> list[MediationListRow]:
    """Rows for ``ids`` in the same order (mediators and admins only)."""
    mediation_service.check_access(actor)
    found: dict[str, MediationListRow] = {}
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        parties: dict[str, list[str]] = {}
        for mid, name in session.execute(
            select(MediationParty.mediation_id, Person.name)
            .join(Person, Person.id == MediationParty.person_id)
            .where(MediationParty.mediation_id.in_(batch))
            .order_by(MediationParty.mediation_id, MediationParty.seq)
        ):
            parties.setdefault(mid, []).append(name)
        for m, dispute in session.execute(
            select(MediationCase, DisputeType.name)
            .outerjoin(DisputeType, DisputeType.id == MediationCase.dispute_type_id)
            .where(MediationCase.id.in_(batch))
        ):
            try:
                status = MediationStatus(m.status).label
            except ValueError:
                status = m.status
            found[m.id] = MediationListRow(
                m.id,
                m.number,
                m.accepted_on,
                dispute or "",
                status,
                "、".join(parties.get(m.id, [])),
            )
    return [found[i] for i in ids if i in found]


#: What each figure is called on screen and in reports.
CASE_LABELS: dict[str, str] = {
    "received": "受理诉求",
    "desk_settled": "窗口直办",
    "station_handled": "本站办理",
    "escalated": "上报镇中心",
    "dispatched": "派单",
    "joint": "派单部门联合处置",
    "co_handled": "多部门协办",
    "to_mediation": "转人民调解",
    "signed_for": "已签收",
    "signed_on_time": "按时签收",
    "signed_late": "超时签收",
    "replied": "已答复",
    "replied_on_time": "按时办结",
    "replied_late": "超时办结",
    "closed": "已办结",
    "rated": "已回访评价",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "satisfied_any": "满意和基本满意",
    "dissatisfied": "不满意",
    "solved_known": "已记录解决情况",
    "solved": "已解决",
    "unsolved": "未解决",
    "repeated": "重复诉求",
    "repeat_requests": "重复诉求",
    "merged": "合并重复件",
    "supervised": "督办",
    "extended": "延期",
    "overdue": "超期未办",
    "overdue_now": "当前超期",
}
MEDIATION_LABELS: dict[str, str] = {
    "taken": "受理调解",
    "succeeded": "调解成功",
    "failed": "调解不成",
    "terminated": "终止调解",
    "open": "调解中",
    "written": "书面协议",
    "oral": "口头协议",
    "amount_fen": "协议金额",
    "performed": "已履行",
    "court_applied": "申请司法确认",
    "court_confirmed": "司法确认有效",
    "prevented_criminal": "防止民转刑",
    "prevented_criminal_persons": "防止民转刑（人）",
    "prevented_petition": "防止群体性上访",
    "prevented_petition_persons": "防止群体性上访（人）",
}
