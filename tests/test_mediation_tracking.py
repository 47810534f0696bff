"""After the agreement: its signing and effect, performance notes and reminders, court
confirmation (司法确认), the extended one-month timer, return-visit details, statistics,
the case file checklist, the archive lock with an audited reopen, list filters and the
timeline — every change an event that the server accepts and a rebuild reproduces."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from mediation_support import ACCEPTED, SIGNED, open_dispute, settle
from sqlalchemy import select

from station.db.models import AuditEntry, Event, Setting
from station.errors import PermissionDenied, ValidationError
from station.server.validation import BASE_KEY, EVENT_KEYS, RESOLVES_KEY
from station.services import mediation, persons
from station.services.overview import check_database


def _open(db, actor, *, parties: int = 2, source: str = "application"):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return open_dispute(s, actor=actor, parties=parties, source=source)


def _settle(db, actor, case, *, signed_on: date | None = SIGNED, deadline=date(2026, 11, 8)):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return settle(s, actor=actor, mediation_id=case.id, signed_on=signed_on, deadline=deadline)


def test_agreement_takes_effect_when_signed(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _settle(db, mediator, _open(db, mediator))
    assert (case.signed_on, case.effective_on) == (SIGNED, SIGNED)
    assert case.signed_by == "陆某某、陶某某、陈和顺"
    assert case.performance_status == "pending"
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.save_agreement(
            s,
            actor=mediator,
            mediation_id=case.id,
            agreement_form="written",
            terms=["x"],
            signed_on=SIGNED,
            signed_by=" ",
        )
    assert info.value.field == "signed_by"
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.set_agreement(
            s,
            actor=mediator,
            mediation_id=case.id,
            agreement_form="written",
            terms=["x"],
            signed_on=SIGNED,
            effective_on=date(2026, 11, 4),
        )
    assert info.value.code == "before_signing"


def test_performance_notes_and_reminder(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _settle(db, mediator, _open(db, mediator))
    with db.read() as s:
        (row,) = mediation.list_mediations(s, flag="reminder", today=date(2026, 11, 9))
        assert row.id == case.id and row.reminder
        assert mediation.list_mediations(s, flag="reminder", today=date(2026, 11, 8)) == []
    assert case.performance_countdown(date(2026, 11, 9)).text == "已超期1天"
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.note_performance(
            s,
            actor=mediator,
            mediation_id=case.id,
            noted_on=date(2026, 11, 9),
            performance_status="partial",
        )
    assert info.value.field == "text"  # partial performance needs the details
    with db.transaction() as s:
        mediation.note_performance(
            s,
            actor=mediator,
            mediation_id=case.id,
            noted_on=date(2026, 11, 9),
            performance_status="partial",
            text="已清理一半，剩余木料约定周末搬走。",
        )
        case = mediation.note_performance(
            s,
            actor=mediator,
            mediation_id=case.id,
            noted_on=date(2026, 11, 11),
            performance_status="performed",
        ).value
    assert [(n.noted_on.day, n.performance_status) for n in case.performance_notes] == [
        (9, "partial"),
        (11, "performed"),
    ]
    assert case.performance_notes[0].author == "tiaojie"
    assert case.performance_status == "performed"
    with db.read() as s:
        assert mediation.list_mediations(s, flag="reminder", today=date(2026, 11, 20)) == []
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.record_outcome(
            s,
            actor=mediator,
            mediation_id=case.id,
            outcome="failed",
            closed_on=SIGNED,
            reason="x",
            other_routes="y",
        )
    assert info.value.code == "agreement_tracked"


def test_performance_is_refused_before_an_agreement(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.note_performance(
            s, actor=mediator, mediation_id=case.id, noted_on=ACCEPTED, performance_status="pending"
        )
    assert info.value.code == "no_agreement"


def test_court_confirmation_within_thirty_days(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _settle(db, mediator, _open(db, mediator))
    with db.read() as s:
        listed = mediation.list_mediations(s, flag="confirmation_open", today=date(2026, 11, 20))
        assert [r.id for r in listed] == [case.id]
        assert mediation.list_mediations(s, flag="confirmation_open", today=date(2026, 12, 6)) == []
    assert case.confirmation_countdown(date(2026, 11, 25)).days_left == 10
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.record_court_confirmation(
            s,
            actor=mediator,
            mediation_id=case.id,
            court_confirmation="applied",
            applied_on=date(2026, 12, 7),
        )
    assert info.value.code == "window_closed"
    with db.transaction() as s:
        case = mediation.record_court_confirmation(
            s,
            actor=mediator,
            mediation_id=case.id,
            court_confirmation="applied",
            applied_on=date(2026, 11, 20),
        ).value
        assert (case.court_confirmation, case.court_applied_on) == ("applied", date(2026, 11, 20))
        case = mediation.record_court_confirmation(
            s,
            actor=mediator,
            mediation_id=case.id,
            court_confirmation="valid",
            applied_on=date(2026, 11, 20),
            decided_on=date(2026, 11, 27),
        ).value
    assert (case.court_confirmation, case.court_confirmed_on) == ("valid", date(2026, 11, 27))
    assert case.confirmation_countdown(date(2026, 11, 25)).days_left is None
    with db.read() as s:
        assert (
            mediation.list_mediations(s, flag="confirmation_open", today=date(2026, 11, 20)) == []
        )


def test_unsigned_agreement_cannot_go_to_court(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _settle(db, mediator, _open(db, mediator), signed_on=None)
    assert case.effective_on is None
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.record_court_confirmation(
            s, actor=mediator, mediation_id=case.id, court_confirmation="applied", applied_on=SIGNED
        )
    assert info.value.code == "no_effective_agreement"


def test_timer_extension_with_consent_and_overdue_filter(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator)
    late = date(2026, 12, 10)
    assert case.timer(late).overdue
    with db.read() as s:
        assert [r.id for r in mediation.list_mediations(s, flag="overdue", today=late)] == [case.id]
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.extend_timer(
            s, actor=mediator, mediation_id=case.id, new_due_on=date(2026, 12, 31), consent=""
        )
    assert info.value.field == "consent"
    with db.transaction() as s:
        case = mediation.extend_timer(
            s,
            actor=mediator,
            mediation_id=case.id,
            new_due_on=date(2026, 12, 31),
            consent="2026年11月30日双方当事人同意延长，待鉴定结果",
        ).value
    assert case.timer_due == date(2026, 12, 31)
    assert case.extension_consent.startswith("2026年11月30日")
    assert not case.timer(late).overdue
    with db.read() as s:
        assert mediation.list_mediations(s, flag="overdue", today=late) == []


def test_visit_details_agent_kind_and_statistics(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator)
    tao = case.parties[1]
    with db.transaction() as s:
        case = mediation.update_party(
            s,
            actor=mediator,
            mediation_id=case.id,
            party_id=tao.id,
            agent_name="陶小",
            agent_kind="entrusted",
            agent_authorization="特别授权：代为承认、放弃、变更调解请求",
        ).value
    assert (
        case.parties[1].agent_text == "委托代理人：陶小（特别授权：代为承认、放弃、变更调解请求）"
    )
    with pytest.raises(ValidationError), db.transaction() as s:
        mediation.update_party(
            s, actor=mediator, mediation_id=case.id, party_id=tao.id, agent_kind="boss"
        )
    settled = _settle(db, mediator, case)
    with db.transaction() as s:
        # once sessions began, 不予受理 is no longer the way out
        with pytest.raises(ValidationError) as info:
            mediation.record_outcome(
                s,
                actor=mediator,
                mediation_id=case.id,
                outcome="not_accepted",
                closed_on=SIGNED,
                reason="拒绝",
            )
        assert info.value.code == "already_started"
    assert settled.prevented_criminal_persons == 0
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            escalation_risk="high",
        )
    assert info.value.field == "measures"
    with db.transaction() as s:
        case = mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            notes="通道已清理。",
            satisfaction="satisfied",
            lawsuit=False,
            escalation_risk="none",
        ).value
    (visit,) = case.visits
    assert (visit.satisfaction, visit.lawsuit, visit.escalation_risk) == (
        "satisfied",
        False,
        "none",
    )
    with db.read() as s:
        assert mediation.list_mediations(s, flag="awaiting_visit") == []


def test_prevented_escalation_counts_persons(db, mediator) -> None:  # type: ignore[no-untyped-def]
    three = _open(db, mediator, parties=3)
    two = _open(db, mediator)
    with db.transaction() as s:
        counted = mediation.record_outcome(
            s,
            actor=mediator,
            mediation_id=three.id,
            outcome="terminated",
            closed_on=SIGNED,
            reason="一方起诉",
            other_routes=mediation.OTHER_ROUTES_HINT,
            prevented_criminal=True,
            prevented_petition=True,
            prevented_petition_persons=12,
        ).value
        with pytest.raises(ValidationError) as info:
            mediation.record_outcome(
                s,
                actor=mediator,
                mediation_id=two.id,
                outcome="not_accepted",
                closed_on=SIGNED,
                reason="拒绝",
                prevented_criminal=True,
                prevented_criminal_persons=-1,
            )
        assert info.value.field == "prevented_criminal_persons"
    # Unless counted, the persons are the parties; statistics read plain columns.
    assert (counted.prevented_criminal_persons, counted.prevented_petition_persons) == (3, 12)


def test_case_file_checklist_follows_the_records(db, mediator, admin) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator, source="initiative")
    with db.read() as s:
        items = {i.key: i for i in mediation.case_file_checklist(s, mediation_id=case.id)}
    assert items["application"].state == "na"  # the committee took it up itself
    assert items["registration"].state == "present"
    assert (items["notice"].state, items["notice"].mark) == ("missing", "required")
    assert items["notice"].blocking
    assert items["investigation"].mark == "as_needed" and not items["investigation"].blocking
    assert items["investigation"].state_label == "无（按需）"
    assert items["visit"].state == "na" and items["court"].printable is False

    case = _settle(db, mediator, case, signed_on=None)
    with db.read() as s:
        items = {i.key: i for i in mediation.case_file_checklist(s, mediation_id=case.id)}
    assert items["notice"].state == "present" and items["record"].state == "present"
    agreement = items["agreement"]
    assert (agreement.state, agreement.problem) == ("incomplete", "缺少人民调解协议书的签订日期")
    assert items["visit"].state == "missing"

    # A station can make investigations required (settings), and the checklist follows.
    with pytest.raises(PermissionDenied), db.transaction() as s:
        mediation.save_checklist_marks(s, actor=mediator, marks={"investigation": "required"})
    with db.transaction() as s:
        mediation.save_checklist_marks(
            s, actor=admin, marks={"investigation": "required", "visit": "required"}
        )
        assert json.loads(s.get(Setting, mediation.CHECKLIST_SETTING).value) == {
            "investigation": "required"
        }
        items = {i.key: i for i in mediation.case_file_checklist(s, mediation_id=case.id)}
        assert items["investigation"].blocking
        with pytest.raises(ValidationError):
            mediation.save_checklist_marks(s, actor=admin, marks={"selfie": "required"})
        listed = {m.key: m for m in mediation.list_checklist_marks(s)}
        assert (listed["investigation"].mark, listed["investigation"].default) == (
            "required",
            "as_needed",
        )


def test_archive_locks_the_case_until_reopened_with_a_reason(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.archive_mediation(s, actor=mediator, mediation_id=case.id)
    assert info.value.code == "not_closed"
    case = _settle(db, mediator, case)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.archive_mediation(s, actor=mediator, mediation_id=case.id)
    assert info.value.code == "case_file_incomplete"
    assert "人民调解回访记录（还没有回访）" in info.value.message
    with db.transaction() as s:
        mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            notes="通道已清理干净。",
        )
        case = mediation.archive_mediation(
            s, actor=mediator, mediation_id=case.id, archived_on=date(2026, 11, 30)
        ).value
    assert case.archived and case.archived_by == "tiaojie"

    # Every change is refused with the way out in plain words.
    for change in (
        lambda s: mediation.edit_mediation(s, actor=mediator, mediation_id=case.id, facts="改"),
        lambda s: mediation.add_mediation_record(
            s, actor=mediator, mediation_id=case.id, kind="session", at=datetime.now(), body="x"
        ),
        lambda s: mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 12, 1),
            visitor="陈和顺",
            performance_status="performed",
        ),
        lambda s: mediation.note_performance(
            s,
            actor=mediator,
            mediation_id=case.id,
            noted_on=date(2026, 12, 1),
            performance_status="performed",
        ),
        lambda s: mediation.archive_mediation(s, actor=mediator, mediation_id=case.id),
    ):
        with pytest.raises(ValidationError, match="已归档") as info, db.transaction() as s:
            change(s)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        mediation.reopen_mediation(s, actor=mediator, mediation_id=case.id, reason=" ")
    assert info.value.field == "reason"
    with db.transaction() as s:
        case = mediation.reopen_mediation(
            s, actor=mediator, mediation_id=case.id, reason="当事人反映又堆放杂物，补充回访"
        ).value
        mediation.edit_mediation(s, actor=mediator, mediation_id=case.id, facts="补充事实")
    assert not case.archived and case.reopen_reason == "当事人反映又堆放杂物，补充回访"
    with db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.target_id == case.number)).all()
        assert [(a.action, a.detail) for a in audit] == [
            ("mediation_archive", "归档"),
            ("mediation_reopen", "重新打开：当事人反映又堆放杂物，补充回访"),
        ]
        timeline = mediation.mediation_timeline(s, mediation_id=case.id, actor=mediator)
        titles = [t.title for t in timeline]
        assert titles[0] == "受理" and "归档" in titles and "重新打开" in titles
        assert timeline[titles.index("重新打开")].text == "当事人反映又堆放杂物，补充回访"
        assert check_database(s).ok  # the projection rebuilt from events equals the tables


def test_every_new_event_is_one_the_server_accepts(db, mediator) -> None:  # type: ignore[no-untyped-def]
    """Each event and payload key written here is listed for the town server's checks."""
    case = _settle(db, mediator, _open(db, mediator))
    with db.transaction() as s:
        mediation.update_party(
            s,
            actor=mediator,
            mediation_id=case.id,
            party_id=case.parties[0].id,
            agent_name="陆小",
            agent_kind="legal",
        )
        mediation.note_performance(
            s,
            actor=mediator,
            mediation_id=case.id,
            noted_on=date(2026, 11, 9),
            performance_status="performed",
        )
        mediation.record_court_confirmation(
            s, actor=mediator, mediation_id=case.id, court_confirmation="applied", applied_on=SIGNED
        )
        mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            notes="已清理。",
            satisfaction="basically_satisfied",
            lawsuit=True,
            escalation_risk="low",
            measures="请社区民警关注",
        )
        mediation.archive_mediation(s, actor=mediator, mediation_id=case.id)
        mediation.reopen_mediation(s, actor=mediator, mediation_id=case.id, reason="补充")
        events = s.scalars(select(Event).where(Event.entity_id == case.id)).all()
    assert {e.event_type for e in events} >= {"performance_noted", "archived", "reopened"}
    for event in events:
        allowed = EVENT_KEYS["mediation"][event.event_type]
        keys = set(json.loads(event.payload)) - {BASE_KEY, RESOLVES_KEY}
        assert keys <= set(allowed), (event.event_type, keys - set(allowed))


def test_many_parties_long_text_and_my_cases(db, mediator, admin) -> None:  # type: ignore[no-untyped-def]
    from station.db.models import UserAccount

    case = _open(db, mediator, parties=12)
    other = _open(db, mediator)
    long_body = "问：你家杂物堆了多久？\n答：两个月。\n" * 400
    with db.transaction() as s:
        mediation.set_mediators(
            s, actor=mediator, mediation_id=other.id, mediators=[{"roster_person_id": "R2"}]
        )
        case = mediation.add_mediation_record(
            s,
            actor=mediator,
            mediation_id=case.id,
            kind="investigation",
            at=datetime(2026, 11, 3, 10),
            body=long_body,
        ).value
        s.add(
            UserAccount(
                username="tiaojie",
                display_name="陈和顺",
                role="mediator",
                password_hash="x",
                roster_person_id="R1",
                created_at=datetime(2026, 1, 1),
            )
        )
    assert len(case.parties) == 12 and case.records[0].body == long_body
    with db.read() as s:
        assert persons.search_persons(s, query="邻居9号")
        mine = mediation.list_mediations(s, actor=mediator, mine=True)
        assert [r.id for r in mine] == [case.id]
        assert mediation.list_mediations(s, actor=admin, mine=True) == []  # not on the roster
        by_r2 = mediation.list_mediations(s, mediator_id="R2")
        assert [r.id for r in by_r2] == [other.id]
        assert len(mediation.list_mediations(s, dispute_type_id="T1")) == 2
        assert mediation.list_mediations(s, dispute_type_id="T2") == []
        with pytest.raises(ValidationError):
            mediation.list_mediations(s, flag="nonsense")


def test_printed_visit_and_case_file_carry_the_new_facts(db, mediator) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from station.services.documents import render_document

    def text_of(pdf: bytes) -> str:
        pages = PdfReader(io.BytesIO(pdf)).pages
        return "".join(p.extract_text() or "" for p in pages).replace("\n", "").replace(" ", "")

    case = _settle(db, mediator, _open(db, mediator))
    with db.transaction() as s:
        mediation.add_return_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="partial",
            notes="通道清理了一半。",
            satisfaction="dissatisfied",
            lawsuit=True,
            escalation_risk="high",
            measures="请网格员每日巡查，社区民警约谈陶某某",
        )
        mediation.update_party(
            s,
            actor=mediator,
            mediation_id=case.id,
            party_id=case.parties[1].id,
            agent_name="陶父",
            agent_kind="legal",
        )
        agreement = text_of(
            render_document(s, actor=mediator, kind="agreement", number=case.number)
        )
        visit = text_of(render_document(s, actor=mediator, kind="visit", number=case.number))
        whole = text_of(render_document(s, actor=mediator, kind="case-file", number=case.number))
    assert "法定代理人陶父" in agreement and "委托代理人" not in agreement
    assert "通道清理了一半。" in visit
    assert "当事人不满意；有当事人已就此起诉；矛盾激化风险：较高" in visit
    assert "请网格员每日巡查，社区民警约谈陶某某" in visit
    assert "部分履行" in visit
    for title in ("调解卷宗", "卷内目录", "人民调解协议书", "人民调解回访记录", "卷内备考表"):
        assert title in whole


def test_an_upgraded_database_gets_the_agreements_effect(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """0003 fills effective_on from signed_on, as the fold does for events written before
    it existed, so an upgraded database passes the projection check."""
    from sqlalchemy import text

    from station.db.database import database_path, open_database
    from station.db.engine import make_engine
    from station.db.migrate import upgrade
    from station.services.events import EventRecord
    from station.services.projection import fold_mediation

    engine = make_engine(database_path(tmp_path))
    upgrade(engine, revision="0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mediation_case (id, number, source, referring_body, accepted_on, "
                "committee, facts, status, closing_reason, other_routes, agreement_form, "
                "agreement_content, performance_method, signed_on, signed_by, "
                "performance_status, prevented_criminal, prevented_petition, version) VALUES "
                "('m1', 'N1', 'application', '', '2026-11-02', '委员会', '', 'succeeded', '', "
                "'', 'written', '', '', '2026-11-05', '', 'pending', 0, 0, 'v')"
            )
        )
    engine.dispose()
    db = open_database(tmp_path)
    with db.read() as s:
        row = s.execute(text("SELECT effective_on, court_confirmation FROM mediation_case")).one()
    assert row == ("2026-11-05", "")
    db.close()
    # The fold gives an old agreement_set event (no effective_on) the same value.
    base = {"station_code": "TS01", "author": "tiaojie", "entity_type": "mediation"}
    events = [
        EventRecord(
            event_id="e1",
            entity_id="m1",
            event_type="created",
            hlc="000000000000001-00000",
            payload={
                "number": "N1",
                "source": "application",
                "accepted_on": "2026-11-02",
                "committee": "委员会",
                "parties": [],
                "mediators": [],
            },
            **base,
        ),
        EventRecord(
            event_id="e2",
            entity_id="m1",
            event_type="agreement_set",
            hlc="000000000000002-00000",
            payload={"agreement_form": "written", "terms": ["x"], "signed_on": "2026-11-05"},
            **base,
        ),
    ]
    (folded,) = fold_mediation(events).rows["mediation_case"]
    assert folded["effective_on"] == date(2026, 11, 5)


def test_parties_added_and_removed_later(db, mediator) -> None:  # type: ignore[no-untyped-def]
    case = _open(db, mediator)
    with db.transaction() as s:
        case = mediation.add_party(
            s,
            actor=mediator,
            mediation_id=case.id,
            party={
                "name": "陶母",
                "role": "respondent",
                "agent_name": "陶小",
                "agent_kind": "legal",
            },
        ).value
        with pytest.raises(ValidationError) as info:
            mediation.add_party(
                s,
                actor=mediator,
                mediation_id=case.id,
                party={"person_id": case.parties[0].person_id, "role": "respondent"},
            )
        assert info.value.code == "duplicate"
    assert [(p.name, p.seq) for p in case.parties][-1] == ("陶母", 3)
    assert case.parties[-1].agent_text == "法定代理人：陶小"
    lu, tao, _mother = case.parties
    with db.transaction() as s:
        case = mediation.remove_party(
            s, actor=mediator, mediation_id=case.id, party_id=tao.id
        ).value
        with pytest.raises(ValidationError) as info:
            mediation.remove_party(s, actor=mediator, mediation_id=case.id, party_id=lu.id)
        assert info.value.code == "parties_incomplete"
        assert check_database(s).ok
    assert [p.name for p in case.parties] == ["陆某某", "陶母"]
