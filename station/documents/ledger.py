"""台账: a landscape register of work orders or mediation cases for a period.

The header row repeats on every page, totals close the table, and every page carries
第 x 页 共 y 页. Requesters' phones are masked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from station.documents import toolkit as tk
from station.documents.checks import require
from station.documents.data import CaseLedgerRow, LedgerData, LedgerKind, MediationLedgerRow
from station.documents.formatting import (
    amount_with_capitals,
    format_amount,
    format_datetime,
    format_period,
    format_short_date,
    format_short_datetime,
    mask_phone,
)

DEFAULT_TITLES = {LedgerKind.CASES: "工单台账", LedgerKind.MEDIATIONS: "人民调解案件台账"}


def _counts(values: Sequence[str]) -> str:
    """``已办结12件、办理中3件`` in order of first appearance (stable for equal input)."""
    counter = Counter(v for v in values if v.strip())
    return "、".join(f"{value}{count}件" for value, count in counter.items())


def _case_table(rows: Sequence[CaseLedgerRow], width: float, st: tk.Styles) -> Flowable:
    header = ["序号", "工单编号", "受理时间", "渠道", "诉求人", "联系电话", "类别",
              "诉求摘要", "承办单位", "办理时限", "状态", "评价"]
    fixed = [9, 31, 20, 13, 16, 21, 18, 0, 24, 19, 17, 13]
    widths = [w * mm for w in fixed]
    widths[7] = width - sum(widths)
    body = [
        [str(i), r.number, format_short_datetime(r.received_at), r.channel, r.requester_name,
         mask_phone(r.requester_phone), r.category, r.summary, r.handler,
         format_short_date(r.deadline), r.status, r.rating]
        for i, r in enumerate(rows, start=1)
    ]
    summary = f"共{len(rows)}件"
    if rows:
        summary += f"；状态：{_counts([r.status for r in rows])}"
        rated = _counts([r.rating for r in rows])
        if rated:
            summary += f"；评价：{rated}"
    return tk.data_table(
        header, body, widths=widths, st=st, totals=[(summary, 2)],
        align=["center", "left", "center", "center", "left", "center", "left", "left", "left",
               "center", "center", "center"],
    )


def _mediation_table(rows: Sequence[MediationLedgerRow], width: float, st: tk.Styles
                     ) -> Flowable:
    header = ["序号", "案件编号", "受理日期", "当事人", "纠纷类型", "来源", "调解员",
              "调解结果", "协议形式", "协议金额（元）", "履行情况", "结案日期"]
    fixed = [9, 40, 19, 0, 24, 18, 24, 18, 16, 26, 16, 19]
    widths = [w * mm for w in fixed]
    widths[3] = width - sum(widths)
    body = [
        [str(i), r.number, format_short_date(r.accepted_on), "、".join(r.parties),
         r.dispute_type, r.source, "、".join(r.mediators), r.status, r.agreement_form,
         format_amount(r.amount) if r.amount is not None else "", r.performance,
         format_short_date(r.closed_on)]
        for i, r in enumerate(rows, start=1)
    ]
    summary = f"共{len(rows)}件"
    if rows:
        summary += f"；调解结果：{_counts([r.status for r in rows])}"
        total = sum((r.amount for r in rows if r.amount is not None), Decimal(0))
        if any(r.amount is not None for r in rows):
            summary += f"；协议金额合计{amount_with_capitals(total)}"
    return tk.data_table(
        header, body, widths=widths, st=st, totals=[(summary, 2)],
        align=["center", "left", "center", "left", "center", "center", "left", "center",
               "center", "right", "center", "center"],
    )


def render_ledger(data: LedgerData, *, created: datetime | None = None) -> bytes:
    title = data.title.strip() or DEFAULT_TITLES[data.kind]
    require(title, data)
    expected = CaseLedgerRow if data.kind is LedgerKind.CASES else MediationLedgerRow
    if not all(isinstance(row, expected) for row in data.rows):
        raise TypeError(f"a {data.kind.value} ledger takes {expected.__name__} rows")
    st = tk.styles(12)
    width, _ = tk.frame_size(tk.Paper.A4_LANDSCAPE)
    info = [f"统计期间：{format_period(data.date_from, data.date_to)}"]
    if data.filters.strip():
        info.append(f"筛选条件：{data.filters.strip()}")
    info.append(f"制表时间：{format_datetime(data.generated_at)}")
    if data.prepared_by.strip():
        info.append(f"制表人：{data.prepared_by.strip()}")
    table = (
        _case_table(data.rows, width, st)  # type: ignore[arg-type]
        if data.kind is LedgerKind.CASES
        else _mediation_table(data.rows, width, st)  # type: ignore[arg-type]
    )
    story: list[Flowable] = [
        *tk.title_block(title, st=st, org=data.unit),
        Paragraph(tk.esc("　　".join(info)), st.note),
        tk.spacer(2),
        table,
    ]
    meta = tk.Meta(
        title=f"{title} {format_period(data.date_from, data.date_to)}",
        author=data.unit,
        subject=title,
        created=created or data.document_date,
    )
    return tk.build_pdf(story, paper=tk.Paper.A4_LANDSCAPE, meta=meta,
                        numbering=tk.Numbering.ALWAYS)
