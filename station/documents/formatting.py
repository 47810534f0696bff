"""Turning data into the words printed on paper: dates, masked numbers, money.

Every document formats through these helpers, so a date or a masked phone looks the same on
every slip. Masking happens here, in the document layer: callers hand over full numbers and
a document decides what is printed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import cn2an

#: Printed where a date is to be written by hand.
BLANK_DATE = "　　　年　　月　　日"

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def format_date(value: date | datetime | None) -> str:
    """``2026年3月5日``; the blank ``　　年　　月　　日`` when there is no date."""
    if value is None:
        return BLANK_DATE
    return f"{value.year}年{value.month}月{value.day}日"


def format_short_date(value: date | datetime | None) -> str:
    """``2026-03-05`` for narrow table columns; empty when there is no date."""
    return "" if value is None else f"{value:%Y-%m-%d}"


def format_short_datetime(value: datetime | None) -> str:
    """``2026-03-05 09:30`` for narrow table columns."""
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def format_datetime(value: datetime | None) -> str:
    """``2026年3月5日 09:30``; a date alone prints without a time."""
    if value is None:
        return BLANK_DATE
    if not isinstance(value, datetime):
        return format_date(value)
    return f"{format_date(value)} {value:%H:%M}"


def format_period(start: date | None, end: date | None) -> str:
    """``2026年3月5日至2026年3月20日``, blanks where a bound is unknown."""
    return f"{format_date(start)}至{format_date(end)}"


def mask_phone(phone: str) -> str:
    """``13800138000`` → ``138****8000``: the first three and last four digits stay.

    Landlines and odd lengths keep their first three and last four characters when that
    hides anything; a number too short to mask safely is hidden entirely.
    """
    digits = re.sub(r"[\s\-]", "", phone or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if not digits:
        return ""
    if len(digits) <= 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def mask_id_number(id_number: str) -> str:
    """``350102199001011234`` → ``350***********1234``: region prefix and last four stay."""
    value = re.sub(r"\s", "", id_number or "").upper()
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 7)}{value[-4:]}"


def shown_id_number(id_number: str, *, show_full: bool) -> str:
    """The ID number as a document prints it: masked unless the full number was chosen."""
    if show_full:
        return re.sub(r"\s", "", id_number or "").upper()
    return mask_id_number(id_number)


def shown_phone(phone: str, *, masked: bool) -> str:
    return mask_phone(phone) if masked else (phone or "").strip()


def _cents(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal) -> str:
    """``Decimal("5000")`` → ``5,000.00`` (yuan, two decimals)."""
    return f"{_cents(amount):,.2f}"


def amount_in_capitals(amount: Decimal) -> str:
    """``Decimal("5000")`` → ``人民币伍仟元整`` (the form used on agreements and receipts)."""
    value = _cents(amount)
    if value < 0:
        raise ValueError("amount must not be negative")
    if value == 0:
        return "人民币零元整"
    words = cn2an.an2cn(f"{value:.2f}", "rmb")
    if words.endswith("角"):
        # 《支付结算办法》: an amount ending in 元 or 角 is closed with 整; one in 分 is not.
        words += "整"
    return f"人民币{words}"


def amount_with_capitals(amount: Decimal) -> str:
    """``人民币5,000.00元（大写：人民币伍仟元整）``."""
    return f"人民币{format_amount(amount)}元（大写：{amount_in_capitals(amount)}）"


def party_side_label(index: int) -> str:
    """甲方, 乙方, … 癸方 for the first ten parties, then 第十一方, 第十二方, …"""
    if index < len(_HEAVENLY_STEMS):
        return f"{_HEAVENLY_STEMS[index]}方"
    return f"第{chinese_ordinal(index + 1)}方"


def chinese_ordinal(number: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十 (for numbering agreement terms 一、二、…)."""
    return cn2an.an2cn(number)
