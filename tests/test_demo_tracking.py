"""The demo town shows the mediation tracking and dispatch fields on a first start.

A demo built like ``grid-station demo`` (smaller) has cases with every kind of follow-up a
mediator records — agents by kind, performance notes, court confirmation applied and ruled,
an extended one-month timer, return visits with satisfaction and risk, a later effective
day, archived cases — and every one of them is something the services would have
accepted: court applications inside the 30-day window, notes after closing, extensions
while open, archived case files complete. Work orders show joint handling, reminders and
extension requests the way the dispatch services write them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from station.db.database import Database, open_database
from station.db.models import Case, CaseNote, MediationCase
from station.demo.town import build_demo_town
from station.domain.mediation_rules import confirmation_deadline, one_month_after
from station.services import mediation
from station.services import users as user_service
from station.services.events import forget_clocks
from station.services.overview import check_database

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    with pytest.MonkeyPatch.context() as patch:  # (as tests/test_demo.py: cheap hashing)
        patch.setattr(user_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        folder = tmp_path_factory.mktemp("demo_tracking")
        forget_clocks()
        build_demo_town(folder, seed=2026, cases=1500, mediations=300, today=TODAY)
    db = open_database(folder)
    yield db
    db.close()


@pytest.fixture(scope="module")
def cases(town: Database) -> list[mediation.MediationDetail]:
    with town.read() as s:
        ids = s.scalars(select(MediationCase.id).order_by(MediationCase.number)).all()
        return [mediation.get_mediation(s, mediation_id=i) for i in ids]


def test_the_projection_still_equals_a_rebuild(town: Database) -> None:
    with town.read() as s:
        check = check_database(s)
    assert check.ok, check.problems[:5]


def test_every_tracking_field_shows_up(cases: list[mediation.MediationDetail]) -> None:
    kinds = Counter(p.agent_kind for c in cases for p in c.parties if p.agent_name)
    assert kinds["legal"] > 0 and kinds["entrusted"] > 0
    assert all(p.agent_kind == "" for c in cases for p in c.parties if not p.agent_name)
    assert sum(1 for c in cases if c.performance_notes) >= 5
    court = Counter(c.court_confirmation for c in cases)
    assert court["applied"] + court["valid"] + court["invalid"] >= 5 and court["valid"] > 0
    assert sum(1 for c in cases if c.extended_due_on) >= 5
    assert any(c.effective_on and c.signed_on and c.effective_on > c.signed_on for c in cases)
    satisfaction = Counter(v.satisfaction for c in cases for v in c.visits)
    assert {"satisfied", "basically_satisfied"} <= set(satisfaction) and "" not in satisfaction
    assert any(v.escalation_risk == "high" and v.measures for c in cases for v in c.visits)
    archived = [c for c in cases if c.archived]
    assert 5 <= len(archived) < len(cases) // 2  # a few, not most
    assert any(c.prevented_criminal_persons for c in cases if c.prevented_criminal)


def test_tracking_follows_the_services_rules(
    town: Database, cases: list[mediation.MediationDetail]
) -> None:
    for c in cases:
        if c.agreement_form == "written":
            assert c.effective_on is not None and c.effective_on >= c.signed_on
        else:
            assert c.effective_on is None
        if c.court_confirmation:
            assert c.status == "succeeded" and c.effective_on is not None
            assert c.effective_on <= c.court_applied_on <= confirmation_deadline(c.effective_on)
            if c.court_confirmation == "applied":
                assert c.court_confirmed_on is None
            else:
                assert c.court_confirmed_on > c.court_applied_on
        for note in c.performance_notes:
            assert c.status == "succeeded" and note.noted_on >= c.closed_on
            assert note.text or note.performance_status == "performed"
        if c.extended_due_on:
            assert c.extended_due_on > one_month_after(c.accepted_on) and c.extension_consent
            if c.closed_on:
                assert c.extended_due_on >= c.closed_on
        for visit in c.visits:
            assert visit.escalation_risk != "high" or visit.measures
    with town.read() as s:
        for c in cases:
            if c.archived:
                assert c.status in mediation.CLOSED and c.archived_on >= c.closed_on
                missing = [
                    i.title
                    for i in mediation.case_file_checklist(s, mediation_id=c.id)
                    if i.blocking
                ]
                assert missing == [], (c.number, missing)


def test_dispatch_shows_joint_handling_and_supervision_steps(town: Database) -> None:
    with town.read() as s:
        dispatched = s.scalars(select(Case).where(Case.dispatched_at.is_not(None))).all()
        kinds = Counter(s.scalars(select(CaseNote.kind)).all())
    assert dispatched
    assert all(c.sign_deadline and c.instructions for c in dispatched)
    co = [c for c in dispatched if c.co_department_ids]
    assert co and all(c.department_id not in c.co_department_ids.split(",") for c in co)
    assert kinds["remind"] > 0 and kinds["request_extension"] > 0
    assert kinds["approve_extension"] > 0
    states = Counter(c.extension_state for c in dispatched)
    assert states["approved"] > 0
    supervised = [c for c in dispatched if c.supervised]
    assert supervised and all(c.supervision_note for c in supervised)
