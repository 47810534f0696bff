"""Is a work order overdue or due soon? Deadlines count working days (working_days.py).

Overdue and due-soon are *flags* computed from the deadline, the status and today's date
(DESIGN.md §3: flags, not statuses). Only orders still waiting for someone's handling carry
them: once a reply is given (已回复, 待回访) or the order is finished, the deadline is met.
"""

from __future__ import annotations

from datetime import date

from station.domain.enums import CaseStatus as S
from station.domain.enums import LabelledEnum
from station.domain.working_days import add_working_days, working_days_between

#: Statuses in which the handling deadline still runs.
PENDING_STATUSES = frozenset(
    {S.RECEIVED, S.STATION_HANDLING, S.AWAITING_DISPATCH, S.DISPATCHED, S.IN_PROGRESS}
)
#: "Due soon" means the deadline is at most this many working days away.
DUE_SOON_DAYS = 2


class DeadlineState(LabelledEnum):
    NONE = ("none", "")  # no deadline, or the handling is over
    ON_TIME = ("on_time", "未到期")
    DUE_SOON = ("due_soon", "即将到期")
    OVERDUE = ("overdue", "已超期")


def due_soon_limit(today: date, soon_days: int = DUE_SOON_DAYS) -> date:
    """The last deadline that still counts as "due soon" on ``today``."""
    return add_working_days(today, soon_days)


def deadline_state(
    *, deadline: date | None, status: str, today: date, soon_days: int = DUE_SOON_DAYS
) -> DeadlineState:
    if deadline is None or status not in PENDING_STATUSES:
        return DeadlineState.NONE
    if deadline < today:
        return DeadlineState.OVERDUE
    if deadline <= due_soon_limit(today, soon_days):
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TIME


def deadline_text(*, deadline: date | None, status: str, today: date) -> str:
    """A short Chinese phrase for the deadline: "已超期3个工作日", "还剩1个工作日", "今天到期"."""
    state = deadline_state(deadline=deadline, status=status, today=today)
    if deadline is None or state is DeadlineState.NONE:
        return ""
    days = working_days_between(today, deadline)
    if state is DeadlineState.OVERDUE:
        return f"已超期{max(1, -days)}个工作日"
    if deadline == today:
        return "今天到期"
    return f"还剩{days}个工作日"
