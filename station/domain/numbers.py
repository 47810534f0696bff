"""Human-readable numbers that stay unique without a network.

A work order is numbered ``{station code}-{yyyymmdd}-{nnn}``: the station code makes it
unique across stations, the per-station daily counter within one. Mediation cases use the
official style ``（2026）X人调字第12号`` where X is the committee's short name.
"""

from __future__ import annotations

import re
from datetime import date

from station.errors import ValidationError

STATION_CODE_RE = re.compile(r"^[A-Z0-9]{2,12}$")
CASE_NUMBER_RE = re.compile(r"^(?P<station>[A-Z0-9]{2,12})-(?P<day>\d{8})-(?P<seq>\d{3,})$")


def check_station_code(code: str) -> str:
    code = code.strip().upper()
    if not STATION_CODE_RE.match(code):
        raise ValidationError(
            "驿站编码应为2到12位大写字母或数字，例如 HT01",
            code="bad_station_code",
            field="station_code",
        )
    return code


def case_number(*, station_code: str, day: date, seq: int) -> str:
    if seq < 1:
        raise ValueError("sequence numbers start at 1")
    return f"{station_code}-{day:%Y%m%d}-{seq:03d}"


def parse_case_number(number: str) -> tuple[str, date, int]:
    match = CASE_NUMBER_RE.match(number.strip())
    if not match:
        raise ValidationError(
            f"“{number}”不是工单编号，格式应为 驿站编码-年月日-序号，例如 HT01-20261127-001",
            code="bad_case_number",
            field="number",
        )
    day = match["day"]
    return match["station"], date(int(day[:4]), int(day[4:6]), int(day[6:])), int(match["seq"])


def mediation_number(*, year: int, committee_short: str, seq: int) -> str:
    """Official style number, e.g. ``（2026）霞人调字第12号``."""
    if not committee_short.strip():
        raise ValidationError(
            "请先在设置中填写调解委员会简称（用于调解案件编号）",
            code="missing_committee_short",
            field="committee_short",
        )
    return f"（{year}）{committee_short.strip()}人调字第{seq}号"
