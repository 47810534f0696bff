"""Reception desk services: intake in one step, repeat requests, handling actions, history,
list filters, ID reveals and drafts."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from support import NOW

from station.db.models import AuditEntry, Event, MediationCase
from station.domain.case_workflow import CaseAction
from station.domain.deadlines import DeadlineState, deadline_state, deadline_text
from station.domain.enums import CaseStatus, Rating
from station.domain.working_days import add_working_days, working_days_between
from station.errors import FormInvalid, PermissionDenied, ValidationError
from station.services import case_handling, cases, drafts, persons, reception
from station.services.overview import check_database

RECENT = datetime.now().replace(microsecond=0) - timedelta(hours=2)


def _form(**values) -> reception.RequestForm:  # type: ignore[no-untyped-def]
    base = {
        "summary": "邻居在公共通道堆放杂物",
        "received_at": RECENT,
        "category_id": "K11",
        "grid_id": "C1-01",
    }
    return reception.RequestForm(**{**base, **values})


def _person(db, actor, **values):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return persons.create_person(s, actor=actor, **{"name": "林玲玲", **values})


def _take(db, actor, **values):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return reception.take_request(s, actor=actor, form=_form(**values))


# --------------------------------------------------------------------------- intake


def test_take_request_with_a_new_resident_in_one_transaction(db, clerk) -> None:  # type: ignore[no-untyped-def]
    done = _take(db, clerk, new_person={"name": "张三丰", "phone": "138 0013 8000"})
    result = done.value
    assert result.person is not None and result.person.phone == "13800138000"
    assert result.case.requester_id == result.person.id
    assert result.case.status == CaseStatus.RECEIVED.value
    assert result.person.grid_id == "C1-01"  # the case's grid when none was given
    assert done.changes.case_ids == {result.case.id}
    assert done.changes.person_ids == {result.person.id}
    with db.read() as s:
        assert check_database(s).ok


def test_every_problem_is_reported_at_once_and_nothing_is_written(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FormInvalid) as info, db.transaction() as s:
        reception.take_request(
            s,
            actor=clerk,
            form=_form(
                summary=" ",
                category_id=None,
                new_person={"name": "张三丰", "phone": "1380013800", "id_number": "123"},
            ),
        )
    fields = info.value.by_field()
    assert list(fields) == ["person_phone", "person_id_number", "summary", "category_id"]
    assert "11位" in fields["person_phone"]
    assert info.value.field == "person_phone"
    with db.read() as s:
        assert s.query(Event).count() == 0


def test_requester_required_except_for_grid_worker_reports(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FormInvalid) as info, db.transaction() as s:
        reception.take_request(s, actor=clerk, form=_form())
    assert info.value.field == "requester"
    done = _take(db, clerk, channel="grid_visit")
    assert done.value.case.requester_id is None


def test_known_id_number_points_to_the_existing_resident(db, clerk) -> None:  # type: ignore[no-untyped-def]
    _person(db, clerk, id_number="11010519491231002X")
    with pytest.raises(FormInvalid) as info, db.transaction() as s:
        reception.take_request(
            s,
            actor=clerk,
            form=_form(new_person={"name": "林二", "id_number": "11010519491231002x"}),
        )
    assert info.value.by_field()["person_id_number"].startswith("这个身份证号已登记为居民“林玲玲”")


def test_settle_at_desk_records_the_answer_and_closes(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk)
    with pytest.raises(FormInvalid) as info, db.transaction() as s:
        reception.take_request(s, actor=clerk, form=_form(requester_id=lin.id, settle_answer=""))
    assert info.value.field == "settle_answer"
    done = _take(db, clerk, requester_id=lin.id, settle_answer="已告知医保缴费时间为每年9至12月")
    case = done.value.case
    assert done.value.settled
    assert case.status == CaseStatus.DESK_SETTLED.value
    assert case.result == "已告知医保缴费时间为每年9至12月"
    assert case.closed_at == RECENT
    assert [n.kind for n in case.notes] == ["settle_at_desk"]


def test_repeat_requests_by_person_or_phone_same_category_30_days(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk, phone="13800138000")
    first = _take(db, clerk, requester_id=lin.id).value.case
    _take(db, clerk, requester_id=lin.id, category_id="K21")  # other category
    old = _take(db, clerk, requester_id=lin.id, received_at=RECENT - timedelta(days=31))
    with db.read() as s:
        by_person = reception.repeat_requests(s, category_id="K11", requester_id=lin.id)
        by_phone = reception.repeat_requests(s, category_id="K11", phone="138-0013-8000")
        assert [r.id for r in by_person] == [first.id] == [r.id for r in by_phone]
        assert old.value.case.id not in {r.id for r in by_person}
        assert reception.repeat_requests(s, category_id="K11", phone="1380") == []
        assert reception.repeat_requests(s, category_id=None, requester_id=lin.id) == []
    with db.transaction() as s:
        linked = reception.add_repeat_request(
            s, actor=clerk, case_id=first.id, summary="又堆了更多杂物", channel="phone"
        )
    assert linked.changes.case_ids == {first.id}
    note = linked.value.notes[-1]
    assert (note.kind, note.kind_label) == ("repeat", "再次反映")
    assert note.text.startswith("群众再次反映（来电）：又堆了更多杂物")


def test_requester_hints_suggest_the_grid(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk)
    _take(db, clerk, requester_id=lin.id, grid_id="V1-01")
    with db.read() as s:
        hints = reception.requester_hints(s, person_id=lin.id)
    assert (hints.grid_id, hints.grid_name) == ("V1-01", "溪口村第01网格")
    assert len(hints.recent_cases) == 1


# --------------------------------------------------------------------------- handling


def test_escalate_needs_a_reason(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _take(db, clerk, channel="grid_visit").value.case
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        case_handling.take_case_action(s, actor=clerk, case_id=case.id, action="escalate")
    assert info.value.field == "reason"
    with db.transaction() as s:
        done = case_handling.take_case_action(
            s, actor=clerk, case_id=case.id, action="escalate", reason="涉及河道，需城管处理"
        )
    assert done.value.status == CaseStatus.AWAITING_DISPATCH.value
    assert done.value.notes[-1].text == "涉及河道，需城管处理"


def _handled_and_replied(db, clerk):  # type: ignore[no-untyped-def]
    case = _take(db, clerk, channel="grid_visit").value.case
    with db.transaction() as s:
        handled = case_handling.handle_at_station(s, actor=clerk, case_id=case.id)
        assert handled.value.assignee == "jiedai"
        case_handling.record_progress(s, actor=clerk, case_id=case.id, text="已上门查看")
        with pytest.raises(ValidationError):
            case_handling.reply_to_case(s, actor=clerk, case_id=case.id, result=" ")
        case_handling.reply_to_case(s, actor=clerk, case_id=case.id, result="已清理")
    return case


@pytest.mark.parametrize(
    ("rating", "solved", "status"),
    [
        (Rating.SATISFIED, True, CaseStatus.CLOSED),
        (Rating.BASICALLY_SATISFIED, True, CaseStatus.CLOSED),
        (Rating.DISSATISFIED, True, CaseStatus.AWAITING_DISPATCH),
        (Rating.SATISFIED, False, CaseStatus.AWAITING_DISPATCH),
    ],
)
def test_return_visit_records_rating_and_solved_separately(
    db, clerk, rating, solved, status
) -> None:  # type: ignore[no-untyped-def]
    case = _handled_and_replied(db, clerk)
    with db.transaction() as s:
        done = case_handling.record_return_visit(
            s, actor=clerk, case_id=case.id, rating=rating.value, solved=solved, notes="电话回访"
        )
    after = done.value
    assert after.status == status.value
    assert (after.rating, after.solved) == (rating.value, solved)
    kinds = [n.kind for n in after.notes]
    assert kinds[-2:] == ["request_visit", "close" if status == CaseStatus.CLOSED else "rework"]
    assert after.notes[-1].text.startswith(f"回访：{rating.label}")
    with db.read() as s:
        assert check_database(s).ok


def test_return_visit_needs_rating_and_solved(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _handled_and_replied(db, clerk)
    for kwargs, field in (
        ({"rating": "", "solved": True}, "rating"),
        ({"rating": "satisfied", "solved": None}, "solved"),
    ):
        with pytest.raises(ValidationError) as info, db.transaction() as s:
            case_handling.record_return_visit(s, actor=clerk, case_id=case.id, **kwargs)
        assert info.value.field == field


def test_desk_settled_case_can_be_visited(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk)
    case = _take(db, clerk, requester_id=lin.id, settle_answer="已答复").value.case
    with db.transaction() as s:
        done = case_handling.record_return_visit(
            s, actor=clerk, case_id=case.id, rating="dissatisfied", solved=False
        )
    assert done.value.status == CaseStatus.AWAITING_DISPATCH.value


def test_hand_to_mediation_creates_the_linked_mediation(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk)
    other = _person(db, clerk, name="陈大明")
    case = _take(db, clerk, requester_id=lin.id).value.case
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        case_handling.hand_to_mediation(
            s, actor=clerk, case_id=case.id, respondent_id=lin.id, mediator_id="R1"
        )
    assert info.value.field == "respondent"
    with db.transaction() as s:
        done = case_handling.hand_to_mediation(
            s,
            actor=clerk,
            case_id=case.id,
            respondent_id=other.id,
            mediator_id="R1",
            dispute_type_id="T1",
        )
    assert done.value.status == CaseStatus.TO_MEDIATION.value
    (mediation_id,) = done.changes.mediation_ids
    assert done.value.mediation_id == mediation_id
    with db.read() as s:
        med = s.get(MediationCase, mediation_id)
        assert med.case_id == case.id and med.facts.startswith("邻居在公共通道")
        links = cases.linked_cases(s, case_id=case.id)
        assert [(x.kind, x.number) for x in links] == [("mediation", med.number)]
        assert check_database(s).ok


def test_merge_into_another_case_links_both(db, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    keep = _take(db, clerk, channel="grid_visit").value.case
    dupe = _take(db, clerk, channel="grid_visit").value.case
    with pytest.raises(PermissionDenied), db.transaction() as s:
        case_handling.merge_case(
            s, actor=clerk, case_id=dupe.id, into_number=keep.number, reason="重复"
        )
    for number, field in (
        ("", "into_number"),
        ("TS01-20990101-001", "into_number"),
        (dupe.number, "into_number"),
    ):
        with pytest.raises(ValidationError) as info, db.transaction() as s:
            case_handling.merge_case(
                s, actor=admin, case_id=dupe.id, into_number=number, reason="x"
            )
        assert info.value.field == field
    with db.transaction() as s:
        done = case_handling.merge_case(
            s, actor=admin, case_id=dupe.id, into_number=keep.number.lower(), reason="同一件事"
        )
    assert done.value.status == CaseStatus.MERGED.value
    assert done.changes.case_ids == {keep.id, dupe.id}
    with db.read() as s:
        assert [x.kind for x in cases.linked_cases(s, case_id=dupe.id)] == ["merged_into"]
        assert [x.id for x in cases.linked_cases(s, case_id=keep.id)] == [dupe.id]


# --------------------------------------------------------------------------- history


def test_timeline_names_who_when_what_and_station(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk)
    case = _take(db, clerk, requester_id=lin.id).value.case
    with db.transaction() as s:
        cases.update_case(s, actor=clerk, case_id=case.id, location="东街12号", grid_id="C1-02")
        case_handling.take_case_action(
            s, actor=clerk, case_id=case.id, action="escalate", reason="需镇里协调"
        )
    with db.read() as s:
        timeline = cases.case_timeline(s, case_id=case.id)
    assert [t.title for t in timeline] == ["受理登记", "修改工单", "上报镇中心"]
    created, updated, escalated = timeline
    assert created.at == RECENT
    assert "诉求人：林玲玲" in created.details and "诉求类别：邻里纠纷" in created.details
    assert set(updated.details) == {"地点：东街12号", "网格：东街社区第02网格"}
    assert escalated.details == ("说明：需镇里协调",)
    assert {(t.author, t.station_code) for t in timeline} == {("jiedai", "TS01")}


# --------------------------------------------------------------------------- list filters


def test_list_filters(db, clerk) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 20)
    base = datetime(2026, 11, 10, 9, 0)
    made = {}
    for key, category, channel, days_ago in (
        ("a", "K11", "walk_in", 0),
        ("b", "K21", "phone", 2),
        ("c", "K1", "wechat", 5),
    ):
        with db.transaction() as s:
            made[key] = cases.create_case(
                s,
                actor=clerk,
                summary=f"诉求{key}",
                received_at=base - timedelta(days=days_ago),
                category_id=category,
                channel=channel,
                grid_id="V1-01" if key == "b" else "C1-01",
            )
    with db.transaction() as s:
        case_handling.handle_at_station(s, actor=clerk, case_id=made["a"].id, assignee="林接待")

    def numbers(**kw) -> set[str]:  # type: ignore[no-untyped-def]
        with db.read() as s:
            ids = cases.case_ids(s, cases.CaseFilter(today=today, **kw))
            return {r.id for r in cases.case_rows(s, ids, today=today)}

    a, b, c = made["a"].id, made["b"].id, made["c"].id
    assert numbers() == {a, b, c}
    assert numbers(category_id="K1") == {a, c}  # the category and everything below it
    assert numbers(category_id="K11") == {a}
    assert numbers(channel="phone") == {b}
    assert numbers(community_id="V1") == {b}
    assert numbers(received_from=date(2026, 11, 8)) == {a, b}
    assert numbers(received_to=date(2026, 11, 8)) == {b, c}
    assert numbers(assignees=("林接待", "jiedai")) == {a}
    # Deadlines: a (K11, 3 days) 11-13; b (K21, 10 days) 11-20; c (K1, 5 days) 11-12.
    assert numbers(deadline="overdue") == {a, c}
    assert numbers(deadline="due_soon") == {b}
    assert cases.CaseFilter(today=today).narrowed is False
    assert cases.CaseFilter(channel="phone").narrowed is True
    with db.read() as s:
        rows = {r.id: r for r in cases.case_rows(s, [a, b, c], today=today)}
    assert rows[a].deadline_state == DeadlineState.OVERDUE.value
    assert rows[b].deadline_state == DeadlineState.DUE_SOON.value


def test_deadline_states_count_working_days() -> None:
    friday = date(2026, 11, 27)
    monday = date(2026, 11, 30)
    assert working_days_between(friday, monday) == 1
    assert working_days_between(monday, friday) == -1
    for n in range(0, 12):
        assert working_days_between(friday, add_working_days(friday, n)) == n
    pending = CaseStatus.IN_PROGRESS.value
    assert deadline_state(deadline=None, status=pending, today=friday) is DeadlineState.NONE
    assert deadline_state(deadline=friday, status="closed", today=monday) is DeadlineState.NONE
    assert deadline_state(deadline=friday, status=pending, today=monday) is DeadlineState.OVERDUE
    assert deadline_state(deadline=monday, status=pending, today=friday) is DeadlineState.DUE_SOON
    late = date(2026, 12, 10)
    assert deadline_state(deadline=late, status=pending, today=friday) is DeadlineState.ON_TIME
    assert deadline_text(deadline=friday, status=pending, today=monday) == "已超期1个工作日"
    assert deadline_text(deadline=monday, status=pending, today=monday) == "今天到期"
    assert deadline_text(deadline=monday, status=pending, today=friday) == "还剩1个工作日"


# --------------------------------------------------------------------------- privacy


def test_reveal_id_number_is_audited(db, clerk) -> None:  # type: ignore[no-untyped-def]
    lin = _person(db, clerk, id_number="11010519491231002X")
    bare = _person(db, clerk, name="陈大明")
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        persons.reveal_id_number(s, actor=clerk, person_id=lin.id, reason=" ")
    assert info.value.field == "reason"
    with pytest.raises(ValidationError), db.transaction() as s:
        persons.reveal_id_number(s, actor=clerk, person_id=bare.id, reason="核实身份")
    with db.transaction() as s:
        number = persons.reveal_id_number(
            s, actor=clerk, person_id=lin.id, reason="核实身份", context="TS01-20261120-001"
        )
    assert number == "11010519491231002X"
    with db.read() as s:
        (entry,) = s.query(AuditEntry).filter_by(action="reveal_id_number").all()
    assert (entry.username, entry.target_id) == ("jiedai", lin.id)
    assert entry.detail == "核实身份（TS01-20261120-001）"


# --------------------------------------------------------------------------- drafts


def test_drafts_are_written_atomically_and_listed_newest_first(tmp_path: Path) -> None:
    first = drafts.save_draft(
        data_dir=tmp_path,
        draft_id="a1",
        form="new_request",
        username="jiedai",
        values={"summary": "楼道堆放杂物"},
        title="楼道堆放杂物",
        saved_at=NOW,
    )
    drafts.save_draft(
        data_dir=tmp_path,
        draft_id="b2",
        form="new_request",
        username="wangge",
        values={"summary": "路灯"},
        saved_at=NOW + timedelta(minutes=1),
    )
    folder = drafts.drafts_folder(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["a1.json", "b2.json"]  # no temp left
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    listed = drafts.list_drafts(data_dir=tmp_path)
    assert [d.draft_id for d in listed] == ["b2", "a1"]
    assert drafts.list_drafts(data_dir=tmp_path, username="jiedai") == [first]
    assert drafts.load_draft(data_dir=tmp_path, draft_id="a1") == first
    assert json.loads((folder / "a1.json").read_text(encoding="utf-8"))["values"] == {
        "summary": "楼道堆放杂物"
    }
    drafts.discard_draft(data_dir=tmp_path, draft_id="a1")
    drafts.discard_draft(data_dir=tmp_path, draft_id="a1")  # already gone: fine
    assert [d.draft_id for d in drafts.list_drafts(data_dir=tmp_path)] == ["b2"]
    with pytest.raises(ValueError):
        drafts.save_draft(data_dir=tmp_path, draft_id="../x", form="f", username="u", values={})
    assert drafts.list_drafts(data_dir=tmp_path / "none") == []


def test_actions_listed_for_a_role(db, clerk) -> None:  # type: ignore[no-untyped-def]
    assert case_handling.reason_required(CaseAction.ESCALATE)
    assert case_handling.reason_required(CaseAction.VOID)
    assert not case_handling.reason_required(CaseAction.HANDLE_AT_STATION)


# --------------------------------------------------------------------------- attachments


def _picture(folder: Path, name: str = "现场照片.png") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return path


def test_attachments_are_copied_and_noted(db, clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station.services import attachments

    data_dir = tmp_path / "data"
    photo = _picture(tmp_path / "usb")
    lin = _person(db, clerk)
    with db.transaction() as s:
        done = reception.take_request(
            s,
            actor=clerk,
            form=_form(requester_id=lin.id, attachments=(str(photo), str(photo))),
            data_dir=data_dir,
        )
    case = done.value.case
    listed = attachments.list_attachments(data_dir=data_dir, case_id=case.id)
    assert [a.name for a in listed] == ["现场照片.png", "现场照片（2）.png"]
    assert all(a.is_image and a.size == 72 for a in listed)
    assert [n.kind_label for n in case.notes] == ["附件", "附件"]
    photo.unlink()  # the original goes away with the resident's USB stick
    assert attachments.list_attachments(data_dir=data_dir, case_id=case.id)[0].path.exists()
    with db.read() as s:
        assert check_database(s).ok


def test_bad_attachments_are_refused_and_nothing_is_kept(db, clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station.services import attachments

    data_dir = tmp_path / "data"
    text = tmp_path / "说明.docx"
    text.write_text("x", encoding="utf-8")
    lin = _person(db, clerk)
    for bad in (str(text), str(tmp_path / "gone.jpg")):
        with pytest.raises(FormInvalid) as info, db.transaction() as s:
            reception.take_request(
                s,
                actor=clerk,
                form=_form(requester_id=lin.id, attachments=(bad,)),
                data_dir=data_dir,
            )
        assert info.value.field == "attachments"
    case = _take(db, clerk, requester_id=lin.id).value.case
    photo = _picture(tmp_path / "usb")
    with pytest.raises(RuntimeError), db.transaction() as s:
        attachments.attach_files(s, actor=clerk, data_dir=data_dir, case_id=case.id, paths=[photo])
        raise RuntimeError("the database failed after the copy")
    # The copy stays only if the transaction commits; here the files are orphans at most,
    # and the history has no line for them.
    with db.read() as s:
        assert [n.kind for n in cases.get_case(s, case_id=case.id).notes] == []
    with pytest.raises(ValidationError), db.transaction() as s:
        attachments.attach_files(s, actor=clerk, data_dir=data_dir, case_id=case.id, paths=[text])
    assert attachments.list_attachments(data_dir=data_dir, case_id="nothing-here") == []
