"""A mediation case tracked after its agreement travels through a real server: performance
notes, court confirmation, an extended timer, visit details, the archive lock and a reopen
all arrive at the town center as written, and both projections equal a rebuild."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mediation_support import open_dispute, settle

from station.domain.enums import Role
from station.services import mediation
from station.services.overview import check_database


def test_tracked_mediation_round_trip(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    actor = replace(ts.actor, role=Role.MEDIATOR)
    with ts.db.transaction() as s:
        agent = {"agent_name": "陶小", "agent_kind": "entrusted", "agent_authorization": "一般授权"}
        case = open_dispute(s, actor=actor, respondent=agent)
        open_too = mediation.open_mediation(
            s,
            actor=actor,
            parties=[{"name": "甲", "role": "applicant"}, {"name": "乙", "role": "respondent"}],
            mediators=[{"roster_person_id": "R2"}],
            accepted_on=date(2026, 11, 20),
            facts="宅基地边界纠纷。",
        ).value
        mediation.extend_timer(
            s,
            actor=actor,
            mediation_id=open_too.id,
            new_due_on=date(2027, 1, 10),
            consent="双方同意延长，等待测量结果",
        )
        settle(
            s,
            actor=actor,
            mediation_id=case.id,
            prevented_criminal=True,
            prevented_criminal_persons=2,
        )
        mediation.note_performance(
            s,
            actor=actor,
            mediation_id=case.id,
            noted_on=date(2026, 11, 7),
            performance_status="partial",
            text="清理了一半",
        )
        mediation.record_court_confirmation(
            s,
            actor=actor,
            mediation_id=case.id,
            court_confirmation="applied",
            applied_on=date(2026, 11, 10),
        )
        mediation.add_return_visit(
            s,
            actor=actor,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            notes="已清理。",
            satisfaction="satisfied",
            escalation_risk="low",
            measures="网格员关注",
        )
        mediation.archive_mediation(
            s, actor=actor, mediation_id=case.id, archived_on=date(2026, 11, 30)
        )
        mediation.reopen_mediation(s, actor=actor, mediation_id=case.id, reason="补充材料")
        mediation.archive_mediation(
            s, actor=actor, mediation_id=case.id, archived_on=date(2026, 12, 1)
        )
        sent = mediation.get_mediation(s, mediation_id=case.id)
        extended = mediation.get_mediation(s, mediation_id=open_too.id)
    report = ts.sync()
    assert report.rejected == [], report.rejected
    center.sync()
    with center.db.read() as s:
        got = mediation.get_mediation(s, mediation_id=case.id)
        assert got == sent
        assert mediation.get_mediation(s, mediation_id=open_too.id) == extended
        assert got.archived_on == date(2026, 12, 1) and got.reopen_reason == "补充材料"
        assert [n.performance_status for n in got.performance_notes] == ["partial"]
        assert got.visits[0].measures == "网格员关注"
        assert got.parties[1].agent_kind == "entrusted"
        assert (got.court_confirmation, got.prevented_criminal_persons) == ("applied", 2)
        assert check_database(s).ok, check_database(s).problems
    with ts.db.read() as s:
        assert check_database(s).ok
