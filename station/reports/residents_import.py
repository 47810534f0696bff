"""Importing residents from the rosters grid staff keep in Excel (.xlsx) or CSV.

Three steps, the same in the app and on the command line:

1. :func:`read_table` reads the file as offices produce it: a title row or two above the
   header, merged cells (a household's address merged down its members), blank rows,
   CSV in UTF-8 (with or without BOM) or GBK, numbers that Excel turned into floats.
2. :func:`guess_mapping` matches the header to resident fields by the usual column names,
   preferring what this station remembered last time (:func:`remember_mapping`).
3. :func:`check_rows` decides every row without writing anything: imported (new), updated
   (the same ID number — or the same phone *and* name — is already registered), unchanged,
   or rejected with the reason (missing name, invalid ID check digit, bad phone, unknown
   grid, duplicate of an earlier row of the file). :func:`import_residents` writes the
   imported and updated rows through :mod:`station.services.persons` (so every resident is
   an event and syncs) in the caller's one transaction, only when asked to: a dry run or
   any error leaves the database as it was.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Community, Grid, Person, Setting
from station.domain.enums import Role
from station.domain.validation import check_phone, check_resident_id
from station.errors import PermissionDenied, ValidationError
from station.services import persons
from station.services.changes import Changed, Changes
from station.services.events import Actor

#: Resident fields a column may fill: field → (label, header names offices use).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("姓名", "名字", "居民姓名", "户主姓名", "成员姓名")),
    "gender": ("性别", ("性别",)),
    "id_number": (
        "身份证号码",
        ("身份证号码", "身份证号", "公民身份号码", "公民身份证号码", "证件号码", "身份证"),
    ),
    "phone": ("联系电话", ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式")),
    "ethnicity": ("民族", ("民族",)),
    "occupation": ("职业", ("职业", "工作单位及职业", "从业情况")),
    "address": ("住址", ("住址", "地址", "家庭住址", "现住址", "居住地址", "门牌号")),
    "grid": ("网格", ("网格", "所属网格", "网格名称", "网格编号")),
    "community": ("村（社区）", ("村（社区）", "社区", "村", "所属社区", "村居", "村（居）")),
}
REQUIRED = ("name",)
MAPPING_KEY = "import_mapping:residents"
MAX_ROWS = 100_000
HEADER_SEARCH_ROWS = 10  # title rows an office puts above the header
BATCH = 500


class RowAction(StrEnum):
    IMPORT = "import"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


ACTION_LABELS = {
    RowAction.IMPORT: "新增",
    RowAction.UPDATE: "更新",
    RowAction.UNCHANGED: "无变化",
    RowAction.REJECT: "未导入",
}


@dataclass(frozen=True)
class RawTable:
    """The file's cells as text: the header row and the data rows with their row numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number in the file, cells)
    sheet: str = ""


@dataclass(frozen=True)
class RowResult:
    line: int  # row number in the file (as Excel shows it)
    action: RowAction
    name: str
    reason: str = ""  # why rejected, or what changed
    person_id: str = ""
    values: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass(frozen=True)
class ImportReport:
    rows: tuple[RowResult, ...]
    written: bool  # False for a preview / dry run
    unit: str = "人"  # what a row counts as in the summary: 人, 个网格

    def count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action is action)

    @property
    def imported(self) -> int:
        return self.count(RowAction.IMPORT)

    @property
    def updated(self) -> int:
        return self.count(RowAction.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(RowAction.UNCHANGED)

    @property
    def rejected(self) -> int:
        return self.count(RowAction.REJECT)

    def summary(self) -> str:
        verb = "已导入" if self.written else "预览：将新增"
        return (
            f"{verb}{self.imported}{self.unit}，{'已' if self.written else '将'}更新"
            f"{self.updated}{self.unit}，无变化{self.unchanged}{self.unit}，未导入{self.rejected}行"
        )


# --------------------------------------------------------------------------- reading


def _text(value: Any) -> str:
    """A cell as text: Excel's 13800138000.0 → "13800138000", dates as 2026-10-01."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value).strip()


def _clean_header(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("*", "")


Fields = dict[str, tuple[str, tuple[str, ...]]]  # field → (label, header names)


def _header_score(cells: Sequence[str], fields: Fields) -> int:
    known = {_clean_header(a) for _, aliases in fields.values() for a in aliases}
    return sum(1 for c in cells if _clean_header(c) in known)


def _table_from_rows(
    rows: list[tuple[int, list[str]]], fields: Fields, sheet: str = ""
) -> RawTable:
    rows = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]  # blank rows
    if not rows:
        raise ValidationError("文件中没有数据", code="empty_file", field="file")
    candidates = rows[:HEADER_SEARCH_ROWS]
    header_at = max(
        range(len(candidates)), key=lambda i: (_header_score(candidates[i][1], fields), -i)
    )
    if _header_score(candidates[header_at][1], fields) == 0:
        header_at = 0  # no known column names: the first row is the header, mapped by hand
    headers = [c.strip() for c in rows[header_at][1]]
    width = max(len(headers), *(len(cells) for _, cells in rows))
    headers += [""] * (width - len(headers))
    data = tuple(
        (n, tuple((cells + [""] * width)[:width]))
        for n, cells in rows[header_at + 1 :]
        if not _is_summary(cells)
    )
    if len(data) > MAX_ROWS:
        raise ValidationError(
            f"一次最多导入{MAX_ROWS}行，请把文件分成几份", code="too_many_rows", field="file"
        )
    return RawTable(tuple(headers), data, sheet)


_TOTALS = {"合计", "总计", "小计", "共计"}


def _is_summary(cells: Sequence[str]) -> bool:
    """A totals line (合计 …) or a note merged across the whole row: not a resident."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(set(filled) & _TOTALS) or (len(filled) > 2 and len(set(filled)) == 1)


def _decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # GBK and its superset, as Excel saves CSV in China
    except UnicodeDecodeError:
        raise ValidationError(
            "无法识别文件编码，请在Excel中另存为“CSV UTF-8”或 .xlsx 后再导入",
            code="bad_encoding",
            field="file",
        ) from None


def _read_csv(data: bytes, fields: Fields) -> RawTable:
    text = _decode_csv(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = [(n, [c.strip() for c in row]) for n, row in enumerate(reader, 1)]
    return _table_from_rows(rows, fields)


def _read_xlsx(data: bytes, sheet: str | None, fields: Fields) -> RawTable:
    from openpyxl import load_workbook  # heavy: only when an Excel file is read

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ValidationError(
            f"无法打开这个Excel文件（{type(exc).__name__}），请确认是 .xlsx 格式",
            code="bad_xlsx",
            field="file",
        ) from None
    if sheet:
        if sheet not in wb.sheetnames:
            raise ValidationError(
                f"没有名为“{sheet}”的工作表；有：{'、'.join(wb.sheetnames)}",
                code="unknown_sheet",
                field="sheet",
            )
        ws = wb[sheet]
    else:
        ws = wb.worksheets[0]
    grid = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    # A merged range holds its value in the top-left cell only: give it to every cell.
    for merged in ws.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                grid[r - 1][c - 1] = value
    return _table_from_rows([(n, row) for n, row in enumerate(grid, 1)], fields, ws.title)


def read_table(
    data: bytes, *, filename: str, sheet: str | None = None, fields: Fields | None = None
) -> RawTable:
    """The cells of a .xlsx or .csv file (by its name's suffix); ``fields`` (default: the
    resident fields) name the columns by which the header row is recognised."""
    fields = fields or FIELDS
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return _read_csv(data, fields)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data, sheet, fields)
    raise ValidationError(
        "只能导入 .xlsx 或 .csv 文件（.xls 请先在Excel中另存为 .xlsx）",
        code="bad_file_type",
        field="file",
    )


# --------------------------------------------------------------------------- mapping


def remembered_mapping(
    session: Session, *, key: str = MAPPING_KEY, fields: Fields | None = None
) -> dict[str, str]:
    """Header text → field, as last confirmed at this station."""
    fields = fields or FIELDS
    stored = session.get(Setting, key)
    try:
        found = json.loads(stored.value) if stored else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items() if v in fields or v == ""}


def remember_mapping(
    session: Session,
    *,
    headers: Sequence[str],
    mapping: dict[str, int],
    key: str = MAPPING_KEY,
    fields: Fields | None = None,
) -> None:
    """Keep which header meant which field (local setting, not synced)."""
    known = remembered_mapping(session, key=key, fields=fields)
    for name, column in mapping.items():
        if 0 <= column < len(headers) and headers[column].strip():
            known[_clean_header(headers[column])] = name
    session.merge(Setting(key=key, value=json.dumps(known, ensure_ascii=False)))


def guess_mapping(
    headers: Sequence[str], remembered: dict[str, str] | None = None, fields: Fields | None = None
) -> dict[str, int]:
    """Field → column index for every field the header names (remembered names first)."""
    remembered, fields = remembered or {}, fields or FIELDS
    out: dict[str, int] = {}
    cleaned = [_clean_header(h) for h in headers]
    for index, header in enumerate(cleaned):
        target = remembered.get(header)
        if target in fields and target not in out:
            out[target] = index
    for name, (_, aliases) in fields.items():
        if name in out:
            continue
        for alias in aliases:
            alias = _clean_header(alias)
            if alias in cleaned and cleaned.index(alias) not in out.values():
                out[name] = cleaned.index(alias)
                break
    return out


def check_mapping(
    mapping: dict[str, int],
    headers: Sequence[str],
    *,
    fields: Fields | None = None,
    required: Sequence[str] = REQUIRED,
) -> None:
    fields = fields or FIELDS
    unknown = set(mapping) - set(fields)
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(sorted(unknown))}", code="bad_mapping")
    for name in required:
        if name not in mapping:
            raise ValidationError(
                f"请指定哪一列是“{fields[name][0]}”", code="required", field="mapping"
            )
    for name, column in mapping.items():
        if not 0 <= column < len(headers):
            raise ValidationError(f"“{fields[name][0]}”对应的列不存在", code="bad_mapping")
    if len(set(mapping.values())) < len(mapping):
        raise ValidationError("同一列不能对应两个字段", code="bad_mapping", field="mapping")


# --------------------------------------------------------------------------- checking


def check_import_access(actor: Actor) -> None:
    if Role(actor.role) is Role.VIEWER:
        raise PermissionDenied("“查看者”不能导入居民信息", code="import_forbidden")


class _Grids:
    """Grid lookup by id, by name, or by community and name."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(Grid.id, Grid.name, Grid.community_id, Community.name).join(
                Community, Community.id == Grid.community_id
            )
        ).all()
        self.by_id = {gid: gid for gid, *_ in rows}
        self.by_name: dict[str, list[str]] = {}
        self.by_pair: dict[tuple[str, str], str] = {}
        for gid, name, cid, cname in rows:
            self.by_name.setdefault(_clean_header(name), []).append(gid)
            for community in (cid, cname):
                self.by_pair[(_clean_header(community), _clean_header(name))] = gid

    def find(self, grid: str, community: str) -> str | None:
        grid_key = _clean_header(grid)
        if grid in self.by_id:
            return grid
        if community and (_clean_header(community), grid_key) in self.by_pair:
            return self.by_pair[(_clean_header(community), grid_key)]
        if community:  # "第01网格" within 东街社区 → 东街社区第01网格
            joined = (_clean_header(community), _clean_header(community) + grid_key)
            if joined in self.by_pair:
                return self.by_pair[joined]
        found = self.by_name.get(grid_key, [])
        return found[0] if len(found) == 1 else None


_GENDERS = {"男": "male", "女": "female", "male": "male", "female": "female", "": ""}


def _existing(session: Session, column: Any, values: Iterable[str]) -> dict[str, list[Person]]:
    wanted = sorted({v for v in values if v})
    out: dict[str, list[Person]] = {}
    for i in range(0, len(wanted), BATCH):
        for person in session.scalars(select(Person).where(column.in_(wanted[i : i + BATCH]))):
            out.setdefault(getattr(person, column.key), []).append(person)
    return out


def check_rows(session: Session, *, table: RawTable, mapping: dict[str, int]) -> ImportReport:
    """What importing ``table`` with ``mapping`` would do, row by row; writes nothing."""
    check_mapping(mapping, table.headers)
    grids = _Grids(session)
    parsed: list[tuple[int, dict[str, str], str]] = []  # (line, values, problem)
    for line, cells in table.rows:
        raw = {name: cells[col].strip() for name, col in mapping.items()}
        values, problem = _clean_row(raw, grids)
        parsed.append((line, values, problem))
    by_id = _existing(session, Person.id_number, (v.get("id_number", "") for _, v, _ in parsed))
    by_phone = _existing(session, Person.phone, (v.get("phone", "") for _, v, _ in parsed))
    by_address = _existing(
        session,
        Person.address,
        (
            v.get("address", "")
            for _, v, _ in parsed
            if not v.get("id_number") and not v.get("phone")
        ),
    )
    seen: dict[tuple[str, str], int] = {}
    results: list[RowResult] = []
    for line, values, problem in parsed:
        name = values.get("name", "")
        if not problem:
            key = (
                ("id", values["id_number"])
                if values.get("id_number")
                else ("phone", f"{name}|{values['phone']}")
                if values.get("phone")
                else ("name", f"{name}|{values.get('address', '')}")
            )
            if key in seen:
                problem = f"与第{seen[key]}行重复"
            else:
                seen[key] = line
        if problem:
            results.append(RowResult(line, RowAction.REJECT, name, problem))
            continue
        match = _match(values, by_id, by_phone, by_address)
        if match is None:
            results.append(RowResult(line, RowAction.IMPORT, name, values=values))
            continue
        changed = {
            k: v
            for k, v in values.items()
            if v and k in persons.EDITABLE and getattr(match, k) != v
        }
        if changed:
            labels = "、".join(_FIELD_LABELS.get(k, k) for k in changed)
            results.append(
                RowResult(line, RowAction.UPDATE, name, f"更新{labels}", match.id, values=changed)
            )
        else:
            results.append(RowResult(line, RowAction.UNCHANGED, name, "", match.id))
    return ImportReport(tuple(results), written=False)


_FIELD_LABELS = {
    **{name: label for name, (label, _) in FIELDS.items()},
    "grid_id": "网格",
    "community_id": "村（社区）",
}


def _match(
    values: dict[str, str],
    by_id: dict[str, list[Person]],
    by_phone: dict[str, list[Person]],
    by_address: dict[str, list[Person]],
) -> Person | None:
    if values.get("id_number") and by_id.get(values["id_number"]):
        return by_id[values["id_number"]][0]
    if not values.get("id_number") and not values.get("phone") and values.get("address"):
        # Nothing but a name: the same name at the same address is the same resident.
        for person in by_address.get(values["address"], []):
            if person.name == values["name"] and not person.id_number and not person.phone:
                return person
        return None
    if values.get("phone"):
        # A household often shares one phone: the same phone is the same resident only
        # under the same name (and never someone registered with another ID number).
        for person in by_phone.get(values["phone"], []):
            if person.name == values["name"] and (
                not person.id_number or not values.get("id_number")
            ):
                return person
    return None


def _clean_row(raw: dict[str, str], grids: _Grids) -> tuple[dict[str, str], str]:
    """Normalised values and the first problem ("" when the row is fine)."""
    name = unicodedata.normalize("NFKC", raw.get("name", "")).strip()
    values: dict[str, str] = {"name": name}
    if not name:
        return values, "缺少姓名"
    if len(name) > 40:
        return values, "姓名太长（最多40个字）"
    id_number = unicodedata.normalize("NFKC", raw.get("id_number", "")).replace(" ", "")
    if id_number:
        try:
            values["id_number"] = check_resident_id(id_number).value
        except ValidationError as exc:
            return values, f"身份证号码无效：{exc.message}"
    phone = raw.get("phone", "")
    if phone:
        try:
            values["phone"] = check_phone(phone).value
        except ValidationError as exc:
            return values, f"联系电话无效：{exc.message}"
    gender = _GENDERS.get(raw.get("gender", "").strip().lower())
    if gender is None:
        return values, f"性别“{raw['gender']}”无法识别（应为男或女）"
    if gender:
        values["gender"] = gender
    for key in ("ethnicity", "occupation", "address"):
        if raw.get(key):
            values[key] = raw[key][: 120 if key == "address" else 40]
    grid_text = unicodedata.normalize("NFKC", raw.get("grid", "")).strip()
    community = unicodedata.normalize("NFKC", raw.get("community", "")).strip()
    if grid_text:
        grid_id = grids.find(grid_text, community)
        if grid_id is None:
            return values, f"没有这个网格：{grid_text}"
        values["grid_id"] = grid_id
    return values, ""


# --------------------------------------------------------------------------- writing


def import_residents(
    session: Session,
    *,
    actor: Actor,
    table: RawTable,
    mapping: dict[str, int],
    dry_run: bool = True,
    remember: bool = True,
) -> Changed[ImportReport]:
    """Check every row; unless ``dry_run``, create and update the residents (as events).

    Rejected rows are reported and skipped; the others are written in the caller's
    transaction, so an error on any row (or a failed commit) writes none of them.
    """
    check_import_access(actor)
    report = check_rows(session, table=table, mapping=mapping)
    if dry_run:
        return Changed(report, Changes())
    touched: list[str] = []
    for row in report.rows:
        if row.action is RowAction.IMPORT:
            touched.append(persons.create_person(session, actor=actor, **row.values).id)
        elif row.action is RowAction.UPDATE:
            persons.update_person(session, actor=actor, person_id=row.person_id, **row.values)
            touched.append(row.person_id)
    if remember:
        remember_mapping(session, headers=table.headers, mapping=mapping)
    return Changed(ImportReport(report.rows, written=True), Changes.of(persons=touched))


def report_lines(report: ImportReport, *, limit: int | None = None) -> list[str]:
    """The row-by-row report in words (rejected rows first), for the CLI and saving."""
    ordered = sorted(report.rows, key=lambda r: (r.action is not RowAction.REJECT, r.line))
    lines = []
    for row in ordered[:limit]:
        text = f"第{row.line}行　{row.action_label}　{row.name or '（无姓名）'}"
        if row.reason:
            text += f"　{row.reason}"
        lines.append(text)
    return lines
