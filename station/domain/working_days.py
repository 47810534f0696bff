"""Deadlines in working days (工作日), using China's official holiday calendar.

``chinese_calendar`` knows each year's holidays and swapped weekend working days once the
State Council has published them; for years it does not know yet we fall back to
Monday–Friday, which is right except around holidays.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
