"""Pure rules of a people's mediation case (人民调解法): which step may follow which, and the
three clocks a mediator watches.

* **One-month timer** (调解期限): a case should be settled within one month of acceptance;
  the parties may consent to a longer time, recorded as a new due date. Open cases past
  their due date are overdue.
* **Performance** (履行): an agreement's performance status moves among 履行中 / 部分履行 /
  已履行 / 未履行; while it is not performed and the performance deadline has passed, the
  case asks for a reminder.
* **Court confirmation** (司法确认, 人民调解法 art. 33): the parties may apply jointly within
  30 days of the agreement taking effect; the court then rules it valid or invalid.
* **Archive lock** (归档): a closed case is archived; nothing changes until it is reopened
  with a reason.

No database, no Qt: every function takes the facts and a day and answers. Messages are the
Chinese a mediator reads; codes are stable for programs.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from station.domain.enums import LabelledEnum, MediationStatus, PerformanceStatus
from station.errors import ValidationError

#: 人民调解法 art. 33: apply within 30 days from the day the agreement takes effect.
CONFIRMATION_WINDOW_DAYS = 30
#: The timer badge turns amber this many days before the due date.
DUE_SOON_DAYS = 5

OPEN_STATUSES = frozenset({MediationStatus.ACCEPTED.value, MediationStatus.IN_PROGRESS.value})
CLOSED_STATUSES = frozenset(
    {
        MediationStatus.SUCCEEDED.value,
        MediationStatus.FAILED.value,
        MediationStatus.TERMINATED.value,
        MediationStatus.NOT_ACCEPTED.value,
    }
)
UNFINISHED_PERFORMANCE = frozenset(
    {PerformanceStatus.PENDING.value, PerformanceStatus.PARTIAL.value}
)


class CourtConfirmation(LabelledEnum):
    """Where an agreement stands with the court (司法确认)."""

    APPLIED = ("applied", "已申请司法确认")
    VALID = ("valid", "确认有效")
    INVALID = ("invalid", "确认无效")


class AgentKind(LabelledEnum):
    """What kind of agent speaks for a party."""

    LEGAL = ("legal", "法定代理人")
    ENTRUSTED = ("entrusted", "委托代理人")


class Satisfaction(LabelledEnum):
    """A party's satisfaction at a return visit."""

    SATISFIED = ("satisfied", "满意")
    BASICALLY = ("basically_satisfied", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


class EscalationRisk(LabelledEnum):
    """Risk that the dispute flares up again (矛盾激化风险)."""

    NONE = ("none", "无")
    LOW = ("low", "较低")
    HIGH = ("high", "较高")


class ClockState(LabelledEnum):
    NONE = ("none", "")
    ON_TIME = ("on_time", "正常")
    DUE_SOON = ("due_soon", "即将到期")
    OVERDUE = ("overdue", "已超期")


@dataclass(frozen=True)
class Countdown:
    """A due date seen from ``today``: days left (negative: days overdue) and its state."""

    due: date | None
    days_left: int | None
    state: ClockState

    @property
    def overdue(self) -> bool:
        return self.state is ClockState.OVERDUE

    @property
    def text(self) -> str:
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return f"已超期{-self.days_left}天"
        if self.days_left == 0:
            return "今天到期"
        return f"剩{self.days_left}天"


NO_COUNTDOWN = Countdown(None, None, ClockState.NONE)


def _countdown(due: date, today: date) -> Countdown:
    days = (due - today).days
    if days < 0:
        state = ClockState.OVERDUE
    elif days <= DUE_SOON_DAYS:
        state = ClockState.DUE_SOON
    else:
        state = ClockState.ON_TIME
    return Countdown(due, days, state)


def _fail(message: str, *, code: str, field: str) -> ValidationError:
    return ValidationError(message, code=code, field=field)


# --------------------------------------------------------------------------- one-month timer


def one_month_after(day: date) -> date:
    """The same day next month (the last day when next month is shorter)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timer_due(*, accepted_on: date, extended_due_on: date | None) -> date:
    """When the case should be settled: one month after acceptance, or the agreed extension."""
    return extended_due_on or one_month_after(accepted_on)


def timer_countdown(
    *, accepted_on: date, extended_due_on: date | None, status: str, today: date
) -> Countdown:
    """The one-month timer; nothing once the case has ended."""
    if status not in OPEN_STATUSES:
        return NO_COUNTDOWN
    return _countdown(timer_due(accepted_on=accepted_on, extended_due_on=extended_due_on), today)


def check_extension(
    *,
    status: str,
    accepted_on: date,
    extended_due_on: date | None,
    new_due_on: date,
    consent: str,
) -> None:
    """An extension needs an open case, a later due date and the parties' recorded consent."""
    if status not in OPEN_STATUSES:
        raise _fail("案件已结束，无需延长调解期限", code="case_closed", field="new_due_on")
    if not consent.strip():
        raise _fail(
            "延长调解期限须经双方当事人同意，请记录同意情况", code="required", field="consent"
        )
    current = timer_due(accepted_on=accepted_on, extended_due_on=extended_due_on)
    if new_due_on <= current:
        raise _fail(
            f"新的期限应晚于当前期限 {current:%Y-%m-%d}", code="not_later", field="new_due_on"
        )


# --------------------------------------------------------------------------- outcome


def check_outcome_allowed(*, status: str, outcome: str, tracked: bool) -> None:
    """Which outcome may be recorded (or corrected, until the case is archived).

    不予受理 (art. 17) is a refusal at acceptance: once sessions began, the way out is to
    terminate. An agreement already followed up (performance notes, court confirmation)
    cannot be turned into a failure afterwards.
    """
    if outcome == MediationStatus.NOT_ACCEPTED.value and status not in (
        MediationStatus.ACCEPTED.value,
        MediationStatus.NOT_ACCEPTED.value,
    ):
        raise _fail(
            "调解已经开始，不能再“不予受理”；如一方不愿继续，请选择“终止调解”",
            code="already_started",
            field="outcome",
        )
    if status == MediationStatus.SUCCEEDED.value and outcome != status and tracked:
        raise _fail(
            f"协议已在跟踪履行或申请司法确认，不能再改为“{MediationStatus(outcome).label}”",
            code="agreement_tracked",
            field="outcome",
        )


# --------------------------------------------------------------------------- performance


def check_performance_allowed(*, status: str, agreement_form: str) -> None:
    """Performance is tracked for an agreement reached (调解成功)."""
    if status != MediationStatus.SUCCEEDED.value or not agreement_form:
        raise _fail(
            "只有达成协议（调解成功）的案件才需要跟踪履行情况",
            code="no_agreement",
            field="performance_status",
        )


def performance_countdown(
    *, performance_status: str, deadline: date | None, today: date
) -> Countdown:
    """The performance deadline while the agreement is not yet performed (for reminders)."""
    if deadline is None or performance_status not in UNFINISHED_PERFORMANCE:
        return NO_COUNTDOWN
    return _countdown(deadline, today)


def needs_reminder(*, performance_status: str, deadline: date | None, today: date) -> bool:
    """The deadline passed and the agreement is not (fully) performed: remind the parties."""
    return performance_countdown(
        performance_status=performance_status, deadline=deadline, today=today
    ).overdue


# --------------------------------------------------------------------------- court confirmation


def confirmation_deadline(effective_on: date) -> date:
    """The last day the parties may apply for court confirmation (art. 33: 30 days)."""
    return effective_on + timedelta(days=CONFIRMATION_WINDOW_DAYS)


def confirmation_countdown(
    *, effective_on: date | None, court_confirmation: str, today: date
) -> Countdown:
    """Days left to apply for court confirmation; nothing once applied or without effect."""
    if effective_on is None or court_confirmation:
        return NO_COUNTDOWN
    return _countdown(confirmation_deadline(effective_on), today)


def confirmation_window_open(
    *, effective_on: date | None, court_confirmation: str, today: date
) -> bool:
    countdown = confirmation_countdown(
        effective_on=effective_on, court_confirmation=court_confirmation, today=today
    )
    return (
        countdown.due is not None
        and effective_on is not None
        and (effective_on <= today <= countdown.due)
    )


def check_confirmation(
    *,
    status: str,
    effective_on: date | None,
    current: str,
    new: str,
    applied_on: date | None,
    decided_on: date | None,
) -> None:
    """The order of 司法确认: applied within the window, then ruled valid or invalid."""
    if status != MediationStatus.SUCCEEDED.value or effective_on is None:
        raise _fail(
            "调解协议生效后才能申请司法确认，请先记录协议的签署和生效日期",
            code="no_effective_agreement",
            field="court_confirmation",
        )
    try:
        CourtConfirmation(new)
    except ValueError:
        raise _fail("请选择司法确认情况", code="bad_choice", field="court_confirmation") from None
    if applied_on is None:
        raise _fail("请填写申请司法确认的日期", code="required", field="court_applied_on")
    if applied_on < effective_on:
        raise _fail("申请日期不能早于协议生效日期", code="before_effect", field="court_applied_on")
    last = confirmation_deadline(effective_on)
    if applied_on > last:
        raise _fail(
            f"已超过三十日申请期限（截至 {last:%Y-%m-%d}），不能再申请司法确认",
            code="window_closed",
            field="court_applied_on",
        )
    if new == CourtConfirmation.APPLIED.value:
        if current in (CourtConfirmation.VALID.value, CourtConfirmation.INVALID.value):
            raise _fail(
                "法院已作出裁定，不能改回“已申请”",
                code="already_decided",
                field="court_confirmation",
            )
        return
    if decided_on is None:
        raise _fail("请填写法院裁定的日期", code="required", field="court_confirmed_on")
    if decided_on < applied_on:
        raise _fail(
            "裁定日期不能早于申请日期", code="before_application", field="court_confirmed_on"
        )


# --------------------------------------------------------------------------- archive lock


def check_archive(*, status: str, archived: bool) -> None:
    if archived:
        raise _fail("本案已归档，无需再次归档", code="already_archived", field="archive")
    if status not in CLOSED_STATUSES:
        raise _fail(
            "案件还在调解中，结案（记录调解结果）后才能归档", code="not_closed", field="archive"
        )


def check_reopen(*, archived: bool, reason: str) -> None:
    if not archived:
        raise _fail("案件没有归档，无需重新打开", code="not_archived", field="reason")
    if not reason.strip():
        raise _fail("重新打开已归档的案件须写明理由", code="required", field="reason")


def check_not_archived(*, archived: bool) -> None:
    """Every change to an archived case is refused until it is reopened."""
    if archived:
        raise _fail(
            "本案已归档，不能再修改。如确需修改，请先在“卷宗”中“重新打开”并写明理由。",
            code="archived",
            field="archive",
        )
