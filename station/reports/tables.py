"""The monthly reports and the ledgers as plain tables, ready for Excel or PDF.

A :class:`ReportTable` has a title, info lines, a header of one or two levels (a top cell
may span several columns: 协议形式 over 书面/口头), data rows and closing total rows. The
Excel and PDF writers only lay it out; every number comes from
:mod:`station.services.statistics`, and the total row comes from the same query over the
whole scope (not a sum of the rows), so a report cannot disagree with the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from station.db.models import (
    Case,
    Category,
    Community,
    Department,
    DisputeType,
    Grid,
    MediationCase,
    MediationMediator,
    MediationParty,
    Person,
    RosterPerson,
)
from station.domain.enums import (
    AgreementForm,
    CaseStatus,
    Channel,
    MediationSource,
    MediationStatus,
    PerformanceStatus,
    Rating,
    Route,
)
from station.domain.validation import mask_id, mask_phone
from station.services import cases as case_service
from station.services import statistics as st
from station.settings import load_settings

Cell = str | int | float | Decimal | date | datetime | None


@dataclass(frozen=True)
class Column:
    """A leaf column: its heading, the group heading above it ("" = none), width in
    characters, and how numbers show (``"int"``, ``"rate"``, ``"money"``, ``"text"``)."""

    title: str
    group: str = ""
    width: float = 10
    kind: str = "int"


@dataclass(frozen=True)
class ReportTable:
    title: str
    unit: str  # 填报单位 / 编制单位
    info: tuple[str, ...]  # 统计期间, 范围, 制表时间 …
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[tuple[Cell, ...], ...] = ()
    landscape: bool = True
    notes: tuple[str, ...] = field(default_factory=tuple)  # 说明 lines under the table
    sheet: str = "报表"

    @property
    def two_level(self) -> bool:
        return any(c.group for c in self.columns)


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _label(enum: type, value: str | None) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value or ""


def _info(session: Session, period: st.Period, scope: st.Scope, now: datetime) -> tuple[str, ...]:
    return (
        f"统计期间：{period.label}",
        f"统计范围：{st.scope_label(session, scope)}",
        f"制表时间：{now:%Y-%m-%d %H:%M}",
    )


# ------------------------------------------------------------------ 人民调解工作统计月报

MEDIATION_COLUMNS = (
    Column("纠纷类型", width=14, kind="text"),
    Column("受理", width=7),
    Column("调解成功", width=8),
    Column("成功率", width=8, kind="rate"),
    Column("书面", "协议形式", 7),
    Column("口头", "协议形式", 7),
    Column("协议金额（元）", width=14, kind="money"),
    Column("已履行", width=7),
    Column("申请", "司法确认", 7),
    Column("确认有效", "司法确认", 8),
    Column("件数", "防止民转刑", 7),
    Column("人数", "防止民转刑", 7),
    Column("件数", "防止群体性上访", 7),
    Column("人数", "防止群体性上访", 7),
)


def _mediation_cells(label: str, f: st.MediationFigures) -> tuple[Cell, ...]:
    return (
        label,
        f.taken,
        f.succeeded,
        f.success_rate,
        f.written,
        f.oral,
        _yuan(f.amount_fen),
        f.performed,
        f.court_applied,
        f.court_confirmed,
        f.prevented_criminal,
        f.prevented_criminal_persons,
        f.prevented_petition,
        f.prevented_petition_persons,
    )


def mediation_monthly(
    session: Session,
    *,
    period: st.Period,
    scope: st.Scope = st.TOWN,
    now: datetime | None = None,
) -> ReportTable:
    """人民调解工作统计月报: one row per dispute type (every type, zeros included)."""
    now = now or datetime.now().replace(second=0, microsecond=0)
    groups = {
        g.key: g
        for g in st.mediation_groups(session, period=period, scope=scope, by="dispute_type")
    }
    rows = []
    for type_id, name in session.execute(
        select(DisputeType.id, DisputeType.name).order_by(DisputeType.sort_order, DisputeType.id)
    ):
        found = groups.pop(type_id, None)
        rows.append(_mediation_cells(name, found.figures if found else st.MediationFigures()))
    rows += [_mediation_cells(g.label, g.figures) for g in groups.values()]  # 未分类
    whole = st.mediation_figures(session, period=period, scope=scope)
    settings = load_settings(session)
    return ReportTable(
        title="人民调解工作统计月报",
        unit=settings.committee_name or settings.station_name,
        info=_info(session, period, scope, now),
        columns=MEDIATION_COLUMNS,
        rows=tuple(rows),
        totals=(_mediation_cells("合计", whole),),
        notes=(
            "受理：期内受理的案件（不含不予受理）；成功率＝调解成功÷受理。",
            "协议金额为调解成功案件的协议金额；防止民转刑、防止群体性上访的人数为涉及当事人数。",
        ),
        sheet="调解月报",
    )


# ------------------------------------------------------------------ 工单办理情况月报

CASE_COLUMNS = (
    Column("类别", width=14, kind="text"),
    Column("受理", width=7),
    Column("窗口直办", "办理方式", 8),
    Column("本站办理", "办理方式", 8),
    Column("上报镇中心", "办理方式", 9),
    Column("派单部门", "办理方式", 8),
    Column("按时签收率", "时效", 9, "rate"),
    Column("按时办结率", "时效", 9, "rate"),
    Column("超期未办", "时效", 8),
    Column("办结", width=7),
    Column("满意", "回访评价", 7),
    Column("基本满意", "回访评价", 8),
    Column("不满意", "回访评价", 7),
    Column("满意率", "回访评价", 8, "rate"),
    Column("解决率", width=8, kind="rate"),
    Column("重复诉求", width=8),
)


def _case_cells(label: str, f: st.CaseFigures) -> tuple[Cell, ...]:
    return (
        label,
        f.received,
        f.desk_settled,
        f.station_handled,
        f.escalated,
        f.joint,
        f.sign_for_rate,
        f.on_time_rate,
        f.overdue,
        f.closed,
        f.satisfied,
        f.basically_satisfied,
        f.dissatisfied,
        f.satisfaction_rate,
        f.solved_rate,
        f.repeat_requests,
    )


def case_monthly(
    session: Session,
    *,
    period: st.Period,
    scope: st.Scope = st.TOWN,
    by: str = "category",
    now: datetime | None = None,
    today: date | None = None,
) -> ReportTable:
    """工单办理情况月报: one row per top-level category (or community / channel)."""
    now = now or datetime.now().replace(second=0, microsecond=0)
    today = today or now.date()
    groups = {
        g.key: g for g in st.case_groups(session, period=period, scope=scope, by=by, today=today)
    }
    if by == "category":
        keys = session.execute(
            select(Category.id, Category.name)
            .where(Category.parent_id.is_(None))
            .order_by(Category.sort_order, Category.id)
        ).all()
    elif by == "community":
        keys = session.execute(
            select(Community.id, Community.name).order_by(Community.sort_order)
        ).all()
    else:
        keys = [(ch.value, ch.label) for ch in Channel]
    rows = []
    for key, name in keys:
        found = groups.pop(key, None)
        rows.append(_case_cells(name, found.figures if found else st.CaseFigures()))
    rows += [_case_cells(g.label, g.figures) for g in groups.values()]  # 未分类
    whole = st.case_figures(session, period=period, scope=scope, today=today)
    first = {"category": "类别", "community": "村（社区）", "channel": "来源渠道"}[by]
    settings = load_settings(session)
    return ReportTable(
        title="群众诉求办理情况月报",
        unit=settings.station_name,
        info=_info(session, period, scope, now),
        columns=(Column(first, width=14, kind="text"), *CASE_COLUMNS[1:]),
        rows=tuple(rows),
        totals=(_case_cells("合计", whole),),
        notes=(
            f"按时签收：派单后按签收期限（未记录的按{st.SIGN_FOR_HOURS}小时）签收；"
            "按时办结：首次答复不晚于办理期限。",
            "满意率＝（满意＋基本满意）÷已回访评价数；解决率＝已解决÷已记录解决情况数。"
            f"超期未办按{today:%Y-%m-%d}计。",
        ),
        sheet={"category": "按类别", "community": "按村（社区）", "channel": "按渠道"}[by],
    )


# ------------------------------------------------------------------ ledgers (台账)

CASE_LEDGER_COLUMNS = (
    Column("序号", width=6),
    Column("工单编号", width=20, kind="text"),
    Column("受理时间", width=17, kind="datetime"),
    Column("渠道", width=9, kind="text"),
    Column("诉求人", width=9, kind="text"),
    Column("联系电话", width=13, kind="text"),
    Column("类别", width=10, kind="text"),
    Column("网格", width=18, kind="text"),
    Column("诉求摘要", width=30, kind="text"),
    Column("承办单位", width=12, kind="text"),
    Column("办理时限", width=11, kind="date"),
    Column("状态", width=10, kind="text"),
    Column("评价", width=9, kind="text"),
    Column("办结时间", width=17, kind="datetime"),
)

BATCH = 500  # ids per query (SQLite's limit on bound parameters is far above)


def _batches(ids: Sequence[str]) -> Sequence[Sequence[str]]:
    return [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def case_ledger(
    session: Session,
    *,
    flt: case_service.CaseFilter,
    title: str = "工单台账",
    filters: str = "",
    now: datetime | None = None,
) -> ReportTable:
    """台账 of the cases a case-list filter shows (oldest first, phones masked)."""
    now = now or datetime.now().replace(second=0, microsecond=0)
    ids = list(reversed(case_service.case_ids(session, flt)))
    requester, parent = aliased(Person), aliased(Category)
    rows: list[tuple[Cell, ...]] = []
    for batch in _batches(ids):
        stmt = (
            select(
                Case,
                requester.name,
                requester.phone,
                Category.name,
                parent.name,
                Grid.name,
                Department.name,
            )
            .outerjoin(requester, requester.id == Case.requester_id)
            .outerjoin(Category, Category.id == Case.category_id)
            .outerjoin(parent, parent.id == Category.parent_id)
            .outerjoin(Grid, Grid.id == Case.grid_id)
            .outerjoin(Department, Department.id == Case.department_id)
            .where(Case.id.in_(batch))
        )
        found = {row[0].id: row for row in session.execute(stmt)}
        for case_id in batch:
            c, name, phone, category, parent_name, grid, department = found[case_id]
            rows.append(
                (
                    len(rows) + 1,
                    c.number,
                    c.received_at,
                    _label(Channel, c.channel),
                    name or "",
                    mask_phone(phone) if phone else "",
                    category or parent_name or "",
                    grid or "",
                    c.summary,
                    department or _label(Route, c.route),
                    c.deadline,
                    _label(CaseStatus, c.status),
                    _label(Rating, c.rating),
                    c.closed_at,
                )
            )
    period = ""
    if flt.received_from or flt.received_to:
        period = f"受理日期：{flt.received_from or '…'}至{flt.received_to or '…'}"
    info = tuple(x for x in (period, filters, f"制表时间：{now:%Y-%m-%d %H:%M}") if x)
    return ReportTable(
        title=title,
        unit=load_settings(session).station_name,
        info=info,
        columns=CASE_LEDGER_COLUMNS,
        rows=tuple(rows),
        totals=((f"共{len(rows)}件",),),
        sheet="工单台账",
    )


MEDIATION_LEDGER_COLUMNS = (
    Column("序号", width=6),
    Column("案件编号", width=24, kind="text"),
    Column("受理日期", width=11, kind="date"),
    Column("当事人", width=22, kind="text"),
    Column("纠纷类型", width=10, kind="text"),
    Column("来源", width=10, kind="text"),
    Column("调解员", width=14, kind="text"),
    Column("调解结果", width=10, kind="text"),
    Column("协议形式", width=10, kind="text"),
    Column("协议金额（元）", width=13, kind="money"),
    Column("履行情况", width=10, kind="text"),
    Column("结案日期", width=11, kind="date"),
)


def mediation_ledger(
    session: Session,
    *,
    period: st.Period,
    status: str | None = None,
    now: datetime | None = None,
) -> ReportTable:
    """人民调解案件台账 of the cases accepted in the period (optionally of one status)."""
    now = now or datetime.now().replace(second=0, microsecond=0)
    stmt = (
        select(MediationCase, DisputeType.name)
        .outerjoin(DisputeType, DisputeType.id == MediationCase.dispute_type_id)
        .where(MediationCase.accepted_on >= period.start, MediationCase.accepted_on <= period.end)
        .order_by(MediationCase.accepted_on, MediationCase.number)
    )
    if status:
        stmt = stmt.where(MediationCase.status == status)
    found = session.execute(stmt).all()
    parties: dict[str, list[str]] = {m.id: [] for m, _ in found}
    mediators: dict[str, list[str]] = {m.id: [] for m, _ in found}
    for batch in _batches(list(parties)):
        for mid, name in session.execute(
            select(MediationParty.mediation_id, Person.name)
            .join(Person, Person.id == MediationParty.person_id)
            .where(MediationParty.mediation_id.in_(batch))
            .order_by(MediationParty.mediation_id, MediationParty.seq)
        ):
            parties[mid].append(name)
        for mid, name in session.execute(
            select(MediationMediator.mediation_id, RosterPerson.name)
            .join(RosterPerson, RosterPerson.id == MediationMediator.roster_person_id)
            .where(MediationMediator.mediation_id.in_(batch))
            .order_by(
                MediationMediator.mediation_id, MediationMediator.lead.desc(), RosterPerson.name
            )
        ):
            mediators[mid].append(name)
    rows = tuple(
        (
            i,
            m.number,
            m.accepted_on,
            "、".join(parties[m.id]),
            dispute or "",
            _label(MediationSource, m.source),
            "、".join(mediators[m.id]),
            _label(MediationStatus, m.status),
            _label(AgreementForm, m.agreement_form),
            _yuan(m.amount_fen),
            _label(PerformanceStatus, m.performance_status),
            m.closed_on,
        )
        for i, (m, dispute) in enumerate(found, start=1)
    )
    settings = load_settings(session)
    info = [f"受理日期：{period.label}"]
    if status:
        info.append(f"调解结果：{_label(MediationStatus, status)}")
    info.append(f"制表时间：{now:%Y-%m-%d %H:%M}")
    return ReportTable(
        title="人民调解案件台账",
        unit=settings.committee_name or settings.station_name,
        info=tuple(info),
        columns=MEDIATION_LEDGER_COLUMNS,
        rows=rows,
        totals=((f"共{len(rows)}件",),),
        sheet="调解台账",
    )


RESIDENT_COLUMNS = (
    Column("序号", width=6),
    Column("姓名", width=10, kind="text"),
    Column("性别", width=6, kind="text"),
    Column("身份证号码", width=20, kind="text"),
    Column("联系电话", width=13, kind="text"),
    Column("民族", width=7, kind="text"),
    Column("职业", width=10, kind="text"),
    Column("村（社区）", width=12, kind="text"),
    Column("网格", width=18, kind="text"),
    Column("网格编号", width=10, kind="text"),
    Column("住址", width=30, kind="text"),
    Column("登记时间", width=17, kind="datetime"),
)


def residents_table(
    session: Session,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    full_id: bool = False,
    now: datetime | None = None,
) -> ReportTable:
    """The resident register (registered between the dates, if given); ID numbers masked
    unless ``full_id``. Its columns are the ones the resident import reads back."""
    now = now or datetime.now().replace(second=0, microsecond=0)
    stmt = (
        select(Person, Community.name, Grid.name)
        .outerjoin(Grid, Grid.id == Person.grid_id)
        .outerjoin(Community, Community.id == Person.community_id)
        .order_by(Person.community_id, Person.grid_id, Person.name, Person.id)
    )
    if date_from:
        stmt = stmt.where(Person.created_at >= datetime.combine(date_from, time.min))
    if date_to:
        stmt = stmt.where(Person.created_at < datetime.combine(date_to + timedelta(1), time.min))
    gender = {"male": "男", "female": "女"}
    show_id: Callable[[str], str] = (lambda v: v) if full_id else mask_id
    rows = tuple(
        (
            i,
            p.name,
            gender.get(p.gender, ""),
            show_id(p.id_number) if p.id_number else "",
            p.phone,
            p.ethnicity,
            p.occupation,
            community or "",
            grid or "",
            p.grid_id or "",
            p.address,
            p.created_at,
        )
        for i, (p, community, grid) in enumerate(session.execute(stmt), start=1)
    )
    info = [f"制表时间：{now:%Y-%m-%d %H:%M}"]
    if date_from or date_to:
        info.insert(0, f"登记日期：{date_from or '…'}至{date_to or '…'}")
    if not full_id:
        info.append("身份证号码已部分隐藏")
    return ReportTable(
        title="居民名册",
        unit=load_settings(session).station_name,
        info=tuple(info),
        columns=RESIDENT_COLUMNS,
        rows=rows,
        totals=((f"共{len(rows)}人",),),
        sheet="居民名册",
    )


def cell_text(value: Any, kind: str) -> str:
    """How a cell reads on paper (the PDF): rates as 95.0%, money with two decimals."""
    if value is None:
        return "—" if kind in ("rate",) else ""
    if kind == "rate":
        return st.format_rate(float(value))
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)
