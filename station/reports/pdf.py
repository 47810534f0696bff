"""Report tables as PDF through the documents toolkit (embedded CJK fonts, page numbers).

The same :class:`~station.reports.tables.ReportTable` the Excel writer lays out: title and
unit, the info line, a ruled table whose one- or two-level header repeats on every page
(group headings spanning their columns), totals and notes. Column widths follow the
table's character widths scaled to the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from station.documents import toolkit as tk
from station.reports.tables import ReportTable, cell_text

_ALIGN = {"text": "LEFT", "int": "RIGHT", "rate": "RIGHT", "money": "RIGHT"}
#: Points kept free at the foot of each page when rows are packed (measuring is exact; this
#: absorbs rounding). A chunk that still overflows is split by reportlab, header repeated.
PAGE_SLACK = 4.0
#: Text cells longer than this many characters wrap (a Paragraph); shorter ones are drawn
#: as plain strings, which is many times faster for tens of thousands of cells.
WRAP_FROM = 8


def _header(table: ReportTable, st: tk.Styles) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """The header rows and their SPAN commands (group headings over their columns)."""
    ncols = len(table.columns)
    head: list[Any] = [Paragraph(tk.esc(c.group or c.title), st.table_head) for c in table.columns]
    if not table.two_level:
        return [head], []
    second: list[Any] = []
    spans: list[tuple[Any, ...]] = []
    c = 0
    while c < ncols:
        column = table.columns[c]
        if column.group:
            end = c
            while end + 1 < ncols and table.columns[end + 1].group == column.group:
                end += 1
            if end > c:
                spans.append(("SPAN", (c, 0), (end, 0)))
            second += [
                Paragraph(tk.esc(table.columns[k].title), st.table_head) for k in range(c, end + 1)
            ]
            c = end + 1
        else:
            spans.append(("SPAN", (c, 0), (c, 1)))
            second.append("")
            c += 1
    return [head, second], spans


def _cell(value: Any, kind: str, width_chars: float, st: tk.Styles, *, first: bool) -> Any:
    text = cell_text(value, kind)
    if kind == "text" and len(text) > min(WRAP_FROM, width_chars):
        return Paragraph(tk.esc(text), st.table_cell)
    return text


def _tables(
    table: ReportTable, width: float, st: tk.Styles, *, first_page: float, page: float
) -> list[Flowable]:
    """The table as one reportlab Table per page (header on each), rows packed by their
    measured heights: reportlab splits a long table page by page and measures the rest again
    at every split, which grows with the square of the rows (minutes for a year's ledger);
    packing measures every row once."""
    ncols = len(table.columns)
    weights = [c.width for c in table.columns]
    widths = [width * w / sum(weights) for w in weights]
    # Characters of the table's small type that fit in each column (for the wrap choice).
    fit = [w / (st.table_cell.fontSize * 1.0) for w in widths]
    header, spans = _header(table, st)
    depth = len(header)
    base: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), tk.SONG),
        ("FONTSIZE", (0, 0), (-1, -1), st.table_cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.table_cell.leading),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, depth - 1), colors.Color(0.9, 0.9, 0.9)),
        *spans,
    ]
    for i, column in enumerate(table.columns):
        align = _ALIGN.get(column.kind, "CENTER")
        if i == 0 and column.kind != "text":
            align = "CENTER"
        base.append(("ALIGN", (i, depth), (i, -1), align))
    body = [
        [
            _cell(value, column.kind, fit[i], st, first=i == 0)
            for i, (column, value) in enumerate(zip(table.columns, row, strict=False))
        ]
        for row in table.rows
    ]
    closing: list[list[Any]] = []
    closing_commands: list[tuple[Any, ...]] = []
    for total in table.totals:
        r = len(closing)
        if len(total) < ncols:
            closing.append(
                [
                    Paragraph("合计", st.table_head),
                    Paragraph(tk.esc(str(total[0]) if total else ""), st.table_cell),
                ]
                + [""] * (ncols - 2)
            )
            closing_commands.append(("SPAN", (1, r), (-1, r)))
        else:
            closing.append(
                [Paragraph(tk.esc(str(total[0])), st.table_head)]
                + [cell_text(v, c.kind) for c, v in zip(table.columns[1:], total[1:], strict=False)]
            )
            closing_commands.append(("FONTNAME", (1, r), (-1, r), tk.HEI))
    measured = Table(header + body, colWidths=widths, repeatRows=depth, style=TableStyle(base))
    measured.wrap(width, page)
    heights = measured._rowHeights  # reportlab keeps them after wrap (one pass over the rows)
    head_height = sum(heights[:depth])
    chunks: list[list[list[Any]]] = [[]]
    room = first_page - head_height - PAGE_SLACK
    for row, height in zip(body, heights[depth:], strict=False):
        if chunks[-1] and height > room:
            chunks.append([])
            room = page - head_height - PAGE_SLACK
        chunks[-1].append(row)
        room -= height
    out: list[Flowable] = []
    for n, chunk in enumerate(chunks):
        rows = header + chunk
        commands = list(base)
        if n == len(chunks) - 1:
            offset = len(rows)
            rows += closing
            for name, (c0, r0), (c1, r1), *rest in closing_commands:
                commands.append((name, (c0, r0 + offset), (c1, r1 + offset), *rest))
        out.append(
            Table(
                rows,
                colWidths=widths,
                repeatRows=depth,
                style=TableStyle(commands),
                hAlign="CENTER",
            )
        )
    return out


def _story(table: ReportTable, width: float, height: float) -> list[Flowable]:
    # Wide ledgers set smaller so numbers and dates stay on one line.
    st = tk.styles(10 if len(table.columns) > 12 else 12)
    story: list[Flowable] = [
        *tk.title_block(table.title, st=st, org=table.unit),
        Paragraph(tk.esc("　　".join(table.info)), st.note),
        tk.spacer(2),
    ]
    used = sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    story += _tables(table, width, st, first_page=height - used, page=height)
    if table.notes:
        story.append(tk.spacer(2))
        story += [
            Paragraph(tk.esc(f"说明：{n}" if i == 0 else f"　　　{n}"), st.note)
            for i, n in enumerate(table.notes)
        ]
    return story


def tables_pdf(tables: Sequence[ReportTable], *, created: datetime | None = None) -> bytes:
    """``tables`` as one PDF, each starting on a new page: A4 landscape, numbered pages."""
    if not tables:
        raise ValueError("no tables")
    paper = tk.Paper.A4_LANDSCAPE if tables[0].landscape else tk.Paper.A4
    width, height = tk.frame_size(paper)
    story: list[Flowable] = []
    for i, table in enumerate(tables):
        if i:
            story.append(PageBreak())
        story += _story(table, width, height)
    first = tables[0]
    meta = tk.Meta(
        title=f"{first.title} {first.info[0] if first.info else ''}".strip(),
        author=first.unit,
        subject=first.title,
        created=created or datetime.now().replace(microsecond=0),
    )
    return tk.build_pdf(story, paper=paper, meta=meta, numbering=tk.Numbering.ALWAYS)


def table_pdf(table: ReportTable, *, created: datetime | None = None) -> bytes:
    return tables_pdf([table], created=created)
