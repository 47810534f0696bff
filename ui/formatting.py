"""Dates and times on screen as people in China write them, in Beijing time.

    format_date(d)                 2026年11月27日
    format_date(d, weekday=True)   2026年11月27日 星期五
    format_datetime(t)             2026年11月27日 09:30
    format_table_datetime(t)       2026-11-27 09:30      (compact, sorts as text: table cells)

With the English interface the same helpers give ``27 Nov 2026``, ``Fri 27 Nov 2026`` and
``27 Nov 2026 09:30`` (the table form stays ISO). The language is that of the installed
translation (``QLocale()``'s default, set by :func:`ui.i18n.install_translator`).

Times: the station stores naive local times (a station is in China); an aware datetime
(from the town server, say) is converted to Beijing time first. China has used UTC+8 all
year since 1991, so a fixed offset is exact, and needs no time-zone database (which Windows
lacks without the ``tzdata`` package).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def to_shanghai(moment: datetime) -> datetime:
    """``moment`` in Beijing time, naive (as the station stores times)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(SHANGHAI).replace(tzinfo=None)


def now_shanghai() -> datetime:
    """The current Beijing time, naive, whatever the PC's time zone is set to."""
    return datetime.now(SHANGHAI).replace(tzinfo=None)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def format_date(day: date | datetime | None, *, weekday: bool = False) -> str:
    """``2026年11月27日`` (``weekday``: ``2026年11月27日 星期五``); "" for None."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = to_shanghai(day).date()
    if _chinese():
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text} {WEEKDAYS[day.weekday()]}" if weekday else text
    pattern = "ddd d MMM yyyy" if weekday else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def format_time(moment: datetime | None) -> str:
    """``09:30`` (24-hour clock, as everywhere in China); "" for None."""
    if moment is None:
        return ""
    moment = to_shanghai(moment)
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def format_datetime(moment: datetime | None, *, weekday: bool = False) -> str:
    """``2026年11月27日 09:30``; "" for None."""
    if moment is None:
        return ""
    moment = to_shanghai(moment)
    return f"{format_date(moment, weekday=weekday)} {format_time(moment)}"


def format_table_datetime(moment: datetime | None) -> str:
    """``2026-11-27 09:30``: fixed width, for table cells; "" for None."""
    return "" if moment is None else f"{to_shanghai(moment):%Y-%m-%d %H:%M}"


def to_qdatetime(moment: datetime) -> QDateTime:
    """A QDateTime of the Beijing wall-clock time of ``moment`` (for Qt date widgets)."""
    moment = to_shanghai(moment)
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )


__all__ = [
    "SHANGHAI",
    "WEEKDAYS",
    "format_date",
    "format_datetime",
    "format_table_datetime",
    "format_time",
    "now_shanghai",
    "to_qdatetime",
    "to_shanghai",
]
