"""The mediation workspace's services: opening a case with new and known residents, parties'
details, mediators, notice, records with long text, agreement from a clause template,
outcomes, visits, and who may see the files."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station.domain.enums import MediationStatus
from station.errors import PermissionDenied, ValidationError
from station.services import clause_templates, mediation, persons
from station.services.overview import check_database

ACCEPTED = date(2026, 11, 2)


def _open(db, actor, **extra):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        known = persons.create_person(s, actor=actor, name="陆某某", phone="13800000021")
    parties = [
        {"person_id": known.id, "role": "applicant", "ethnicity": "汉族", "occupation": "农民"},
        {
            "name": "陶某某",
            "role": "respondent",
            "phone": "138 0000 0022",
            "address": "东街12号",
            "agent_name": "陶小",
            "agent_authorization": "一般授权",
        },
    ]
    args = {
        "parties": parties,
        "mediators": [{"roster_person_id": "R2"}, {"roster_person_id": "R1", "lead": True}],
        "source": "initiative",
        "dispute_type_id": "T1",
        "accepted_on": ACCEPTED,
        "facts": "陶某某在公共通道堆放杂物，影响陆某某通行。",
        **extra,
    }
    with db.transaction() as s:
        return mediation.open_mediation(s, actor=actor, **args)


def test_open_mediation_creates_new_residents_and_updates_known_ones(db, mediator) -> None:  # type: ignore[no-untyped-def]
    result = _open(db, mediator)
    case = result.value
    assert [(p.name, p.role) for p in case.parties] == [
        ("陆某某", "applicant"),
        ("陶某某", "respondent"),
    ]
    lu, tao = case.parties
    assert (lu.ethnicity, lu.occupation) == ("汉族", "农民")
    assert (tao.phone, tao.address, tao.agent_name) == ("13800000022", "东街12号", "陶小")
    assert case.mediators[0] == ("R1", "陈和顺", True)
    assert result.changes.mediation_ids == {case.id}
    assert result.changes.person_ids == {lu.person_id, tao.person_id}
    with db.read() as s:
        assert check_database(s).ok


def test_open_mediation_reports_a_bad_party_and_writes_nothing(db, mediator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.open_mediation(
            s,
            actor=mediator,
            parties=[
                {"name": "甲", "role": "applicant"},
                {"name": "乙", "role": "respondent", "phone": "12345"},
            ],
            mediators=[{"roster_person_id": "R1"}],
        )
    assert info.value.field == "parties"
    assert info.value.message.startswith("第2位当事人：")
    with db.read() as s:
        assert persons.search_persons(s, query="甲") == []
        assert mediation.list_mediations(s) == []


def test_only_mediators_and_admins_open_mediation_files(db, mediator, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator).value
    with db.read() as s:
        assert mediation.list_mediations(s, actor=admin)[0].id == case.id
        assert mediation.get_mediation(s, mediation_id=case.id, actor=admin).number
        for call in (
            lambda: mediation.list_mediations(s, actor=clerk),
            lambda: mediation.get_mediation(s, mediation_id=case.id, actor=clerk),
        ):
            with pytest.raises(PermissionDenied):
                call()
    with pytest.raises(PermissionDenied), db.transaction() as s:
        mediation.add_mediation_record(
            s, actor=clerk, mediation_id=case.id, kind="session", at=datetime.now(), body="x"
        )
    with pytest.raises(PermissionDenied), db.transaction() as s:
        mediation.open_mediation(s, actor=clerk, parties=[], mediators=[])


def test_party_details_mediators_and_notice(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator).value
    lu, tao = case.parties
    with db.transaction() as s:
        result = mediation.update_party(
            s,
            actor=mediator,
            mediation_id=case.id,
            party_id=tao.id,
            occupation="个体户",
            agent_name="",
        )
        case = result.value
        assert result.changes.person_ids == {tao.person_id}
        assert (case.parties[1].occupation, case.parties[1].agent_name) == ("个体户", "")
        with pytest.raises(ValidationError) as info:
            mediation.update_party(
                s, actor=mediator, mediation_id=case.id, party_id=lu.id, role="respondent"
            )
        assert info.value.field == "role"
        case = mediation.set_mediators(
            s, actor=mediator, mediation_id=case.id, mediators=[{"roster_person_id": "R2"}]
        ).value
        assert case.mediators == (("R2", "黄志坚", True),)
        with pytest.raises(ValidationError) as info:
            mediation.record_notice(
                s, actor=mediator, mediation_id=case.id, given_on=date(2026, 11, 1)
            )
        assert info.value.field == "notice_given_on"
        case = mediation.record_notice(
            s, actor=mediator, mediation_id=case.id, given_on=ACCEPTED
        ).value
    assert case.notice_given_on == ACCEPTED
    with db.read() as s:
        assert check_database(s).ok


def test_long_records_agreement_from_template_outcome_and_visit(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator).value
    long_text = "问：杂物堆放多久了？\n答：大约两个月，我说过好几次。\n" * 120  # ~3,000 characters
    terms, method = clause_templates.fill_template(
        "obstruction", applicant="陆某某", respondent="陶某某", deadline=date(2026, 11, 8)
    )
    with db.transaction() as s:
        mediation.add_mediation_record(
            s,
            actor=mediator,
            mediation_id=case.id,
            kind="investigation",
            at=datetime(2026, 11, 3, 10),
            body=long_text,
            subject="陶某某",
        )
        case = mediation.add_mediation_record(
            s,
            actor=mediator,
            mediation_id=case.id,
            kind="session",
            at=datetime(2026, 11, 5, 15),
            body=long_text,
            result="达成一致",
        ).value
        assert case.status == MediationStatus.IN_PROGRESS.value
        with pytest.raises(ValidationError) as info:
            mediation.record_outcome(
                s, actor=mediator, mediation_id=case.id, outcome="written", closed_on=ACCEPTED
            )
        assert info.value.field == "outcome"
        with pytest.raises(ValidationError) as info:
            mediation.save_agreement(
                s,
                actor=mediator,
                mediation_id=case.id,
                terms=terms,
                agreement_form="written",
                copies=0,
            )
        assert info.value.field == "copies"
        mediation.save_agreement(
            s,
            actor=mediator,
            mediation_id=case.id,
            terms=terms,
            agreement_form="written",
            performance_method=method,
            performance_deadline=date(2026, 11, 8),
            amount_fen=123_450,
            copies=3,
            signed_on=date(2026, 11, 5),
            signed_by="陆某某、陶某某",
        )
        case = mediation.record_outcome(
            s,
            actor=mediator,
            mediation_id=case.id,
            outcome="written",
            closed_on=date(2026, 11, 5),
            prevented_criminal=True,
        ).value
        assert (case.status, case.performance_status) == ("succeeded", "pending")
        with pytest.raises(ValidationError) as info:
            mediation.add_return_visit(
                s,
                actor=mediator,
                mediation_id=case.id,
                visited_on=date(2026, 11, 9),
                visitor=" ",
                performance_status="performed",
            )
        assert info.value.field == "visitor"
        case = mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 9),
            visitor="陈和顺",
            performance_status="performed",
            notes="通道已清理干净",
        ).value
    assert [r.body for r in case.records] == [long_text, long_text]
    assert case.terms[0].startswith("陶某某于2026年11月8日前")
    assert case.amount_fen == 123_450 and case.prevented_criminal
    assert case.performance_status == "performed"
    with db.read() as s:
        assert check_database(s).ok


@pytest.mark.parametrize(
    ("outcome", "values", "field"),
    [
        ("failed", {}, "closing_reason"),
        ("failed", {"reason": "双方分歧大"}, "other_routes"),
        ("not_accepted", {}, "closing_reason"),
        ("nonsense", {}, "outcome"),
        ("terminated", {"reason": "x", "closed_on": date(2026, 1, 1)}, "closed_on"),
    ],
)
def test_outcome_rules(db, mediator, outcome, values, field) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator).value
    args = {"closed_on": date(2026, 11, 10), **values}
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.record_outcome(s, actor=mediator, mediation_id=case.id, outcome=outcome, **args)
    assert info.value.field == field


def test_not_accepted_and_failed_cases_close(db, mediator) -> None:  # type: ignore[no-untyped-def]
    refused = _open(db, mediator).value
    failed = _open(db, mediator).value
    with db.transaction() as s:
        refused = mediation.record_outcome(
            s,
            actor=mediator,
            mediation_id=refused.id,
            outcome="not_accepted",
            closed_on=ACCEPTED,
            reason="被申请人明确拒绝调解",
        ).value
        failed = mediation.record_outcome(
            s,
            actor=mediator,
            mediation_id=failed.id,
            outcome="failed",
            closed_on=date(2026, 11, 20),
            reason="双方对赔偿数额分歧过大",
            other_routes=mediation.OTHER_ROUTES_HINT,
        ).value
    assert (refused.status, refused.closing_reason) == ("not_accepted", "被申请人明确拒绝调解")
    assert (failed.status, failed.closed_on) == ("failed", date(2026, 11, 20))
    assert failed.other_routes == mediation.OTHER_ROUTES_HINT


def test_clause_templates_cover_the_common_disputes() -> None:
    keys = {t.key for t in clause_templates.TEMPLATES}
    assert keys == {"obstruction", "boundary", "maintenance", "compensation"}
    assert clause_templates.list_templates(dispute_type="婚姻家庭")[0].key == "maintenance"
    terms, method = clause_templates.fill_template(
        "compensation", applicant="甲", respondent="乙", amount_fen=500_000
    )
    assert terms[0] == "乙一次性赔偿甲各项损失共计人民币5,000.00元（大写：人民币伍仟元整）。"
    assert "____年" in terms[1]  # no deadline yet: a blank to fill in
    assert "甲收到后出具收条" in method
    for template in clause_templates.TEMPLATES:
        filled, _ = clause_templates.fill_template(template.key)
        assert all("{" not in t for t in filled)
