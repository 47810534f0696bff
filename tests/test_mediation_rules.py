"""The pure rules of a mediation case: the one-month timer and its extension, performance
reminders, the 30-day court-confirmation window, which outcome may follow which, and the
archive lock."""

from __future__ import annotations

from datetime import date

import pytest

from station.domain import mediation_rules as rules
from station.domain.mediation_rules import ClockState, CourtConfirmation
from station.errors import ValidationError

ACCEPTED = date(2026, 11, 2)


def _code(call, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        call(**kwargs)
    return info.value.code


# --------------------------------------------------------------------------- timer


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 12, 5), date(2027, 1, 5)),
        (date(2026, 11, 2), date(2026, 12, 2)),
    ],
)
def test_one_month_after(day: date, due: date) -> None:
    assert rules.one_month_after(day) == due


def test_timer_counts_down_to_the_due_date_and_marks_overdue() -> None:
    def state(today: date, status: str = "in_progress", extended: date | None = None):  # type: ignore[no-untyped-def]
        return rules.timer_countdown(
            accepted_on=ACCEPTED, extended_due_on=extended, status=status, today=today
        )

    assert state(date(2026, 11, 10)) == rules.Countdown(date(2026, 12, 2), 22, ClockState.ON_TIME)
    assert state(date(2026, 11, 28)).state is ClockState.DUE_SOON
    assert state(date(2026, 12, 2)).text == "今天到期"
    late = state(date(2026, 12, 5))
    assert late.overdue and late.days_left == -3 and late.text == "已超期3天"
    # An agreed extension moves the due date; an ended case has no timer.
    assert not state(date(2026, 12, 5), extended=date(2026, 12, 31)).overdue
    assert state(date(2027, 3, 1), status="succeeded") == rules.NO_COUNTDOWN


def test_extension_needs_an_open_case_a_later_date_and_consent() -> None:
    ok = {
        "status": "accepted",
        "accepted_on": ACCEPTED,
        "extended_due_on": None,
        "new_due_on": date(2026, 12, 20),
        "consent": "双方当事人同意延长至12月20日",
    }
    rules.check_extension(**ok)
    assert _code(rules.check_extension, **{**ok, "consent": " "}) == "required"
    assert _code(rules.check_extension, **{**ok, "new_due_on": date(2026, 12, 2)}) == "not_later"
    assert _code(rules.check_extension, **{**ok, "status": "failed"}) == "case_closed"
    # A second extension must go beyond the first.
    second = {**ok, "extended_due_on": date(2026, 12, 20), "new_due_on": date(2026, 12, 15)}
    assert _code(rules.check_extension, **second) == "not_later"


# --------------------------------------------------------------------------- outcome


OUTCOMES = ["succeeded", "failed", "terminated", "not_accepted"]


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_a_newly_accepted_case_may_end_any_way(outcome: str) -> None:
    rules.check_outcome_allowed(status="accepted", outcome=outcome, tracked=False)


@pytest.mark.parametrize("status", ["in_progress", "succeeded", "failed", "terminated"])
def test_refusal_only_before_mediation_began(status: str) -> None:
    code = _code(rules.check_outcome_allowed, status=status, outcome="not_accepted", tracked=False)
    assert code == "already_started"
    rules.check_outcome_allowed(status=status, outcome="terminated", tracked=False)


def test_outcome_corrections_until_the_agreement_is_followed_up() -> None:
    rules.check_outcome_allowed(status="failed", outcome="succeeded", tracked=False)
    rules.check_outcome_allowed(status="succeeded", outcome="failed", tracked=False)
    rules.check_outcome_allowed(status="succeeded", outcome="succeeded", tracked=True)
    code = _code(rules.check_outcome_allowed, status="succeeded", outcome="failed", tracked=True)
    assert code == "agreement_tracked"


# --------------------------------------------------------------------------- performance


def test_performance_is_tracked_only_after_an_agreement() -> None:
    rules.check_performance_allowed(status="succeeded", agreement_form="written")
    for status, form in (("in_progress", "written"), ("failed", ""), ("succeeded", "")):
        code = _code(rules.check_performance_allowed, status=status, agreement_form=form)
        assert code == "no_agreement"


@pytest.mark.parametrize(
    ("status", "deadline", "today", "remind"),
    [
        ("pending", date(2026, 11, 8), date(2026, 11, 9), True),
        ("partial", date(2026, 11, 8), date(2026, 11, 9), True),
        ("pending", date(2026, 11, 8), date(2026, 11, 8), False),  # the last day itself
        ("performed", date(2026, 11, 8), date(2026, 11, 20), False),
        ("breached", date(2026, 11, 8), date(2026, 11, 20), False),  # already recorded
        ("pending", None, date(2026, 11, 20), False),
    ],
)
def test_reminder_when_the_performance_deadline_passed(status, deadline, today, remind) -> None:  # type: ignore[no-untyped-def]
    got = rules.needs_reminder(performance_status=status, deadline=deadline, today=today)
    assert got is remind


# --------------------------------------------------------------------------- court confirmation


def test_confirmation_window_is_thirty_days_from_effect() -> None:
    effect = date(2026, 11, 5)
    assert rules.confirmation_deadline(effect) == date(2026, 12, 5)
    countdown = rules.confirmation_countdown(
        effective_on=effect, court_confirmation="", today=date(2026, 11, 25)
    )
    assert (countdown.days_left, countdown.state) == (10, ClockState.ON_TIME)

    def window_open(today: date, state: str = "") -> bool:
        return rules.confirmation_window_open(
            effective_on=effect, court_confirmation=state, today=today
        )

    assert window_open(date(2026, 11, 5)) and window_open(date(2026, 12, 5))
    assert not window_open(date(2026, 12, 6))
    assert not window_open(date(2026, 11, 4))
    assert not window_open(date(2026, 11, 20), state="applied")  # nothing left to apply for
    assert not rules.confirmation_window_open(
        effective_on=None, court_confirmation="", today=effect
    )


def test_confirmation_steps_in_order() -> None:
    effect = date(2026, 11, 5)
    base = {
        "status": "succeeded",
        "effective_on": effect,
        "current": "",
        "new": "applied",
        "applied_on": date(2026, 11, 20),
        "decided_on": None,
    }
    rules.check_confirmation(**base)
    assert _code(rules.check_confirmation, **{**base, "effective_on": None}) == (
        "no_effective_agreement"
    )
    assert _code(rules.check_confirmation, **{**base, "status": "failed"}) == (
        "no_effective_agreement"
    )
    assert _code(rules.check_confirmation, **{**base, "applied_on": None}) == "required"
    assert _code(rules.check_confirmation, **{**base, "applied_on": date(2026, 11, 1)}) == (
        "before_effect"
    )
    assert _code(rules.check_confirmation, **{**base, "applied_on": date(2026, 12, 6)}) == (
        "window_closed"
    )
    assert _code(rules.check_confirmation, **{**base, "new": "maybe"}) == "bad_choice"
    ruled = {**base, "current": "applied", "new": CourtConfirmation.VALID.value}
    assert _code(rules.check_confirmation, **ruled) == "required"
    rules.check_confirmation(**{**ruled, "decided_on": date(2026, 12, 1)})
    early = {**ruled, "new": "invalid", "decided_on": date(2026, 11, 19)}
    assert _code(rules.check_confirmation, **early) == "before_application"
    back = {**base, "current": "valid"}
    assert _code(rules.check_confirmation, **back) == "already_decided"


# --------------------------------------------------------------------------- archive lock


def test_archive_lock_and_reopen() -> None:
    rules.check_archive(status="succeeded", archived=False)
    assert _code(rules.check_archive, status="in_progress", archived=False) == "not_closed"
    assert _code(rules.check_archive, status="failed", archived=True) == "already_archived"
    rules.check_not_archived(archived=False)
    with pytest.raises(ValidationError, match=r"已归档.*重新打开"):
        rules.check_not_archived(archived=True)
    assert _code(rules.check_reopen, archived=True, reason="  ") == "required"
    assert _code(rules.check_reopen, archived=False, reason="补充回访") == "not_archived"
    rules.check_reopen(archived=True, reason="当事人反映未履行，需补充回访记录")
