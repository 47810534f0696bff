"""Report tables as .xlsx workbooks that open cleanly in Excel and WPS.

Each :class:`~station.reports.tables.ReportTable` becomes one sheet: the title merged over
the table, the unit and info line, a one- or two-level header (group headings merged over
their columns, single columns merged down both header rows), the rows, the totals, notes.
Header rows are frozen and repeat on every printed page; columns have widths; numbers keep
their type (rates are fractions shown as percentages, money has two decimals), so offices
can go on calculating with them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from station.reports.tables import ReportTable

SONG, HEI = "宋体", "黑体"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")
# Made once: a ledger has hundreds of thousands of cells, and openpyxl looks every new
# style object up in the workbook's style table.
_BODY = Font(name=SONG, size=10)
_BOLD = Font(name=HEI, size=10, bold=True)
FORMATS = {
    "int": "0",
    "rate": "0.0%",
    "money": "#,##0.00",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
# Excel column width is in widths of "0"; a Chinese character takes about two.
CHAR_WIDTH = 1.9


def _sheet_title(name: str, used: set[str]) -> str:
    name = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}({n})"
        n += 1
    used.add(name)
    return name


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)  # money in yuan with two decimals: exact enough for display
    return value


def write_table(ws: Worksheet, table: ReportTable) -> None:
    """Lay ``table`` out on ``ws`` starting at A1."""
    ncols = len(table.columns)
    last = get_column_letter(ncols)
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = table.title
    ws["A1"].font = Font(name=HEI, size=16, bold=True)
    ws["A1"].alignment = _CENTER
    ws.row_dimensions[1].height = 30
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = "　　".join(
        x for x in (f"填报单位：{table.unit}" if table.unit else "", *table.info) if x
    )
    ws["A2"].font = Font(name=SONG, size=10)
    ws["A2"].alignment = _LEFT
    ws.row_dimensions[2].height = 20

    head = 3
    depth = 2 if table.two_level else 1
    col = 1
    while col <= ncols:
        column = table.columns[col - 1]
        if column.group:
            end = col
            while end < ncols and table.columns[end].group == column.group:
                end += 1
            if end > col:
                ws.merge_cells(start_row=head, start_column=col, end_row=head, end_column=end)
            ws.cell(head, col, column.group)
            for c in range(col, end + 1):
                ws.cell(head + 1, c, table.columns[c - 1].title)
            col = end + 1
        else:
            ws.cell(head, col, column.title)
            if depth == 2:
                ws.merge_cells(start_row=head, start_column=col, end_row=head + 1, end_column=col)
            col += 1
    for r in range(head, head + depth):
        ws.row_dimensions[r].height = 22
        for c in range(1, ncols + 1):
            cell = ws.cell(r, c)
            cell.font = _BOLD
            cell.alignment = _CENTER
            cell.fill = _HEAD_FILL
            cell.border = _BOX

    first_data = head + depth
    styles: dict[tuple[int, bool, bool], Any] = {}
    r = first_data
    for row in table.rows:
        _write_row(ws, table, r, row, bold=False, styles=styles)
        r += 1
    for total in table.totals:
        if len(total) < ncols:  # a sentence: "合计" then the text over the other columns
            ws.cell(r, 1, "合计")
            ws.cell(r, 2, str(total[0]) if total else "")
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=ncols)
            for c in range(1, ncols + 1):
                cell = ws.cell(r, c)
                cell.border = _BOX
                cell.font = _BOLD
                cell.alignment = _CENTER if c == 1 else _LEFT
        else:
            _write_row(ws, table, r, total, bold=True, styles=styles)
        r += 1
    for note in table.notes:
        r += 1
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.cell(r, 1, note).font = Font(name=SONG, size=9)
        ws.cell(r, 1).alignment = _LEFT

    for c, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(6, column.width * CHAR_WIDTH)
    # Header (and, in reports, the row labels) stay in view while scrolling …
    ws.freeze_panes = ws.cell(first_data, 2 if table.columns[0].kind == "text" else 1)
    # … and repeat on every printed page.
    ws.print_title_rows = f"{head}:{first_data - 1}"
    ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def _style_cell(cell: Any, column_kind: str, c: int, value: object, *, bold: bool) -> None:
    cell.border = _BOX
    cell.font = _BOLD if bold else _BODY
    if column_kind in FORMATS and value is not None:
        cell.number_format = FORMATS[column_kind]
    if column_kind == "text":
        cell.alignment = _LEFT if c > 1 or not bold else _CENTER
    elif column_kind in ("date", "datetime") or isinstance(value, date | datetime):
        cell.alignment = _CENTER
    else:
        cell.alignment = _RIGHT


def _write_row(
    ws: Worksheet,
    table: ReportTable,
    r: int,
    row: Sequence[object],
    *,
    bold: bool,
    styles: dict[tuple[int, bool, bool], Any],
) -> None:
    for c, (column, value) in enumerate(zip(table.columns, row, strict=False), start=1):
        cell = ws.cell(r, c, "—" if value is None and column.kind == "rate" else _value(value))
        key = (c, bold, value is None)
        if key in styles:
            # Setting font, border, alignment and format on every cell of a 20,000-row
            # ledger costs most of the export (openpyxl hashes each style object); a copy
            # of the first styled cell's style indexes is the same style, made once.
            cell._style = copy(styles[key])
        else:
            _style_cell(cell, column.kind, c, value, bold=bold)
            styles[key] = copy(cell._style)


def workbook_bytes(tables: Sequence[ReportTable], *, title: str = "") -> bytes:
    """One sheet per table, in order; the file's bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for table in tables:
        write_table(wb.create_sheet(_sheet_title(table.sheet, used)), table)
    wb.properties.creator = "网格驿站"
    wb.properties.title = title or (tables[0].title if tables else "")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
